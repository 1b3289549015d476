using Xinzhi.Data;

namespace Xinzhi.Tests.Data;

public sealed class PanelBuilderTests
{
    private static PanelLoad Build(string csv, FillMethod fill = FillMethod.None, params string[] vars) =>
        PanelBuilder.Build(CsvTableReader.ParseText(csv, "p.csv"), new PanelSpec("id", "t", vars, Fill: fill));

    [Fact]
    public void Should_report_every_problem_at_once_with_row_and_column()
    {
        const string csv = "id,t,x,y\nA,2001,1,abc\nA,2001,2,3\nB,20x1,,4\n";
        var ex = Assert.Throws<DataValidationException>(() => Build(csv, FillMethod.None, "x", "y"));
        var text = string.Join("\n", ex.Issues);
        Assert.Contains(ex.Issues, i => i is { Row: 2, Column: "y" } && i.Message.Contains("not a number"));
        Assert.Contains(ex.Issues, i => i is { Row: 4, Column: "t" } && i.Message.Contains("not an integer"));
        Assert.Contains(ex.Issues, i => i is { Row: 3 } && i.Message.Contains("duplicate key"));
        Assert.All(ex.Issues, i => Assert.Equal("p.csv", i.File));
        Assert.True(ex.Issues.Count >= 3, text);
    }

    [Fact]
    public void Should_reject_missing_values_unless_a_fill_is_chosen()
    {
        const string csv = "id,t,x\nA,2001,1\nA,2002,\nA,2003,3\n";
        var ex = Assert.Throws<DataValidationException>(() => Build(csv, FillMethod.None, "x"));
        Assert.Equal(3, ex.Issues.Single().Row);
        Assert.Equal("x", ex.Issues.Single().Column);
    }

    [Fact]
    public void Should_interpolate_within_entity_and_record_the_fill()
    {
        const string csv = "id,t,x\nA,2001,1\nA,2003,\nA,2004,7\nA,2000,NA\nB,2001,5\n";
        var load = Build(csv, FillMethod.Interpolate, "x");
        var x = load.Panel.Variable("x");
        Assert.Equal(5.0, x[1], 12);  // 2003 between 2001 (1) and 2004 (7)
        Assert.Equal(1.0, x[3], 12);  // leading gap takes the nearest observation
        Assert.Equal(2, load.Fill.FilledCells["x"]);
    }

    [Fact]
    public void Should_carry_forward_with_locf()
    {
        const string csv = "id,t,x\nA,2001,1\nA,2002,\nA,2003,3\n";
        var load = Build(csv, FillMethod.Locf, "x");
        Assert.Equal(1.0, load.Panel.Variable("x")[1]);
    }

    [Fact]
    public void Should_refuse_to_fill_an_entity_with_no_observation()
    {
        const string csv = "id,t,x\nA,2001,\nA,2002,\nB,2001,3\n";
        var ex = Assert.Throws<DataValidationException>(() => Build(csv, FillMethod.Interpolate, "x"));
        Assert.Contains("no observed value", ex.Issues.Single().Message);
    }
}
