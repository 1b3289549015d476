using Xinzhi.Data;

namespace Xinzhi.Tests.Data;

public sealed class PanelValidationTests
{
    private static Panel Load(string csv, params string[] vars) =>
        PanelBuilder.Build(CsvTableReader.ParseText(csv, "v.csv"), new PanelSpec("id", "t", vars, Fill: FillMethod.None)).Panel;

    [Fact]
    public void Should_list_every_non_positive_value_with_file_row_column_and_reason()
    {
        var p = Load("id,t,k,l\nA,1,1,2\nA,2,0,3\nB,1,-2,0\nB,2,4,5\n", "k", "l");
        var ex = Assert.Throws<DataValidationException>(() => PanelValidation.RequirePositive(p, ["k", "l"], "SBM needs positive inputs"));
        Assert.Equal(3, ex.Issues.Count);
        Assert.Contains(ex.Issues, i => i is { File: "v.csv", Row: 3, Column: "k" } && i.Message.Contains("non-positive value 0"));
        Assert.Contains(ex.Issues, i => i is { File: "v.csv", Row: 4, Column: "k" } && i.Message.Contains("-2"));
        Assert.Contains(ex.Issues, i => i is { File: "v.csv", Row: 4, Column: "l" });
        Assert.All(ex.Issues, i => Assert.Contains("SBM needs positive inputs", i.Message));
        Assert.Contains("entity 'B', period 1", ex.Issues[1].Message + ex.Issues[2].Message);
        PanelValidation.RequirePositive(p, Array.Empty<string>(), "nothing to check");
    }

    [Fact]
    public void Should_accept_positive_values_and_allow_zero_when_non_negative_is_asked()
    {
        var p = Load("id,t,k\nA,1,1\nA,2,0\n", "k");
        PanelValidation.RequireNonNegative(p, ["k"], "counts");
        Assert.Throws<DataValidationException>(() => PanelValidation.RequirePositive(p, ["k"], "logs"));
    }

    [Fact]
    public void Should_report_every_constant_indicator()
    {
        var p = Load("id,t,a,b,c\nA,1,5,1,7\nA,2,5,2,7\nB,1,5,3,7\n", "a", "b", "c");
        var ex = Assert.Throws<DataValidationException>(() => PanelValidation.RequireNonConstant(p, ["a", "b", "c"]));
        Assert.Equal(["a", "c"], ex.Issues.Select(i => i.Column));
        Assert.All(ex.Issues, i => Assert.Equal("v.csv", i.File));
        Assert.All(ex.Issues, i => Assert.Equal(2, i.Row));
        Assert.Contains("constant indicator", ex.Issues[0].Message);
    }

    [Fact]
    public void Should_check_constancy_within_each_period_when_asked()
    {
        // b varies over the panel but is constant within period 2.
        var p = Load("id,t,b\nA,1,1\nB,1,2\nA,2,3\nB,2,3\n", "b");
        PanelValidation.RequireNonConstant(p, ["b"]);
        var ex = Assert.Throws<DataValidationException>(() => PanelValidation.RequireNonConstant(p, ["b"], withinPeriod: true));
        var issue = ex.Issues.Single();
        Assert.Equal(("v.csv", 4, "b"), (issue.File, issue.Row, issue.Column));
        Assert.Contains("in period 2", issue.Message);
    }

    [Fact]
    public void Should_report_unbalanced_panels_and_unknown_columns()
    {
        var p = Load("id,t,x\nA,1,1\nA,2,2\nB,1,3\n", "x");
        var ex = Assert.Throws<DataValidationException>(() => PanelValidation.RequireBalanced(p));
        Assert.Contains("entity 'B'", ex.Issues.Single().Message);
        var ex2 = Assert.Throws<DataValidationException>(() => PanelValidation.RequirePositive(p, ["nope"], "r"));
        Assert.Equal("nope", ex2.Issues.Single().Column);
    }
}
