using System.Text.Json.Nodes;
using Xinzhi.Data;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Data;

public sealed class RowSelectionTests
{
    private const string Csv = "id,t,x\nA,2009,\nA,2010,1\nA,2011,2\nB,2010,3\nB,2011,4\nC,2010,\nC,2011,\n";

    [Theory]
    [InlineData("2010-2019", 2010, 2019)]
    [InlineData("2015", 2015, 2015)]
    [InlineData("2010-", 2010, null)]
    [InlineData("-2019", null, 2019)]
    [InlineData(" 2010 - 2012 ", 2010, 2012)]
    public void Should_parse_period_spans(string text, int? first, int? last)
    {
        var s = RowSelection.Parse(text, null);
        Assert.Equal(first, s.FirstPeriod);
        Assert.Equal(last, s.LastPeriod);
    }

    [Theory]
    [InlineData("2019-2010")]
    [InlineData("20x0")]
    [InlineData("2010-2011-2012")]
    public void Should_reject_malformed_or_empty_spans(string text) =>
        Assert.Throws<SpecificationException>(() => RowSelection.Parse(text, null));

    [Fact]
    public void Should_leave_out_records_before_validation_so_their_missing_cells_are_never_read()
    {
        var table = CsvTableReader.ParseText(Csv, "s.csv");
        var selected = RowSelection.Parse("2010-2011", "C").Apply(table, "id", "t");
        Assert.Equal([3, 4, 5, 6], selected.SourceRows);
        var load = PanelBuilder.Build(selected, new PanelSpec("id", "t", ["x"]));
        Assert.Equal([1.0, 2, 3, 4], load.Panel.Variable("x"));

        // Without the selection the same file is a data error naming the rows.
        var ex = Assert.Throws<DataValidationException>(() => PanelBuilder.Build(table, new PanelSpec("id", "t", ["x"])));
        Assert.Equal([2, 7, 8], ex.Issues.Select(i => i.Row!.Value).ToArray());
    }

    [Fact]
    public void Should_report_an_excluded_id_that_is_not_in_the_file()
    {
        var table = CsvTableReader.ParseText(Csv, "s.csv");
        var ex = Assert.Throws<DataValidationException>(() => RowSelection.Parse(null, "C,Z").Apply(table, "id", "t"));
        Assert.Contains("'Z'", ex.Issues.Single().Message);
        Assert.Equal("id", ex.Issues.Single().Column);
    }

    [Fact]
    public void Should_refuse_a_selection_that_leaves_nothing()
    {
        var table = CsvTableReader.ParseText(Csv, "s.csv");
        Assert.Throws<DataValidationException>(() => RowSelection.Parse("1990-1999", null).Apply(table, "id", "t"));
    }

    [Fact]
    public void Should_run_the_green_framework_on_the_shipped_panel_with_an_explicit_selection_and_record_it()
    {
        using var tmp = new TempDir();
        var panel = Path.Combine(SharedPaths.RepoRoot, "data", "china-provinces", "panel.csv");
        var outDir = tmp.File("green");
        var r = CliRunner.Run("index", panel, "--id", "code", "--time", "year", "--framework", "builtin:china-provinces-green",
            "--years", "2010-2019", "--exclude", "540000", "--aggregate", "topsis", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = File.ReadAllLines(Path.Combine(outDir, "scores.csv"));
        Assert.Equal(1 + 30 * 10, lines.Length);
        var weights = File.ReadAllLines(Path.Combine(outDir, "weights.csv"));
        Assert.Contains(weights, l => l.StartsWith("carbon_intensity,-,", StringComparison.Ordinal));
        var selection = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")))!["specification"]!["row_selection"]!;
        Assert.Equal(2010, (int)selection["first_period"]!);
        Assert.Equal(2019, (int)selection["last_period"]!);
        Assert.Equal("540000", (string)selection["excluded_entities"]![0]!);
        Assert.Equal(31 * 14 - 30 * 10, (int)selection["records_removed"]!);
    }

    [Fact]
    public void Should_name_rows_and_columns_when_the_green_framework_meets_years_it_does_not_cover()
    {
        using var tmp = new TempDir();
        var panel = Path.Combine(SharedPaths.RepoRoot, "data", "china-provinces", "panel.csv");
        var r = CliRunner.Run("index", panel, "--id", "code", "--time", "year", "--framework", "builtin:china-provinces-green",
            "--out", tmp.File("x"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("panel.csv, row ", r.Error);
        Assert.Contains("column 'labor_productivity': missing value", r.Error);
    }
}
