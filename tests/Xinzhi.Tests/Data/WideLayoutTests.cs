using Xinzhi.Data;

namespace Xinzhi.Tests.Data;

public sealed class WideLayoutTests
{
    private static WideTable Table(string indicator, string csv, string file) => new(indicator, CsvTableReader.ParseText(csv, file));

    [Fact]
    public void Should_turn_yearbook_tables_into_one_long_panel_with_resolved_provinces()
    {
        var gdp = Table("gdp", "地区,2021年,2020年\n北京市,40269.6,36102.6\n陕西省,29801,26181.9\n注：按当年价格计算。,,\n", "gdp.csv");
        var rd = Table("rd", "地区,2020,2021\nBeijing,2326.6,2629.3\nShaanxi,632.3,\n", "rd.csv");

        var result = WideLayout.ToLong([gdp, rd], new WideOptions(ResolveProvinces: true));
        var t = result.Long;

        Assert.Equal(["code", "province_zh", "province_en", "region", "year", "gdp", "rd"], t.ColumnNames);
        Assert.Equal<string?>(["110000", "110000", "610000", "610000"], t.Column("code").AsEnumerable());
        Assert.Equal<string?>(["2020", "2021", "2020", "2021"], t.Column("year").AsEnumerable());
        Assert.Equal<string?>(["36102.6", "40269.6", "26181.9", "29801"], t.Column("gdp").AsEnumerable());
        Assert.Equal<string?>(["2326.6", "2629.3", "632.3", null], t.Column("rd").AsEnumerable());
        Assert.Equal<string?>(["east", "east", "west", "west"], t.Column("region").AsEnumerable());
        var note = result.SkippedFootnotes.Single();
        Assert.Equal(("gdp.csv", 4), (note.File, note.Row));

        // The long table feeds the panel builder directly.
        var panel = PanelBuilder.Build(t, new PanelSpec("code", "year", ["gdp", "rd"], Fill: FillMethod.Locf)).Panel;
        Assert.Equal(2, panel.Entities.Length);
    }

    [Fact]
    public void Should_report_every_problem_with_file_row_column()
    {
        var a = Table("a", "地区,2020,备注,2021\n北京,1,x,2\nGotham,3,,4\n北京市,5,,6\n上海,abc,,7\n", "a.csv");
        var ex = Assert.Throws<DataValidationException>(() => WideLayout.ToLong([a], new WideOptions(ResolveProvinces: true)));
        Assert.Contains(ex.Issues, i => i is { File: "a.csv", Row: 1, Column: "备注" } && i.Message.Contains("neither"));
        Assert.Contains(ex.Issues, i => i is { File: "a.csv", Row: 3, Column: "地区" } && i.Message.Contains("Gotham"));
        Assert.Contains(ex.Issues, i => i is { File: "a.csv", Row: 4, Column: "地区" } && i.Message.Contains("appears again"));
        Assert.Contains(ex.Issues, i => i is { File: "a.csv", Row: 5, Column: "2020" } && i.Message.Contains("'abc'"));
    }

    [Fact]
    public void Should_read_years_by_regions_tables()
    {
        var t = Table("x", "year,北京,上海\n2020,1,2\n2021,3,4\n", "x.csv");
        var r = WideLayout.ToLong([t], new WideOptions(Orientation: WideOrientation.YearsByRegions, ResolveProvinces: true)).Long;
        Assert.Equal<string?>(["110000", "110000", "310000", "310000"], r.Column("code").AsEnumerable());
        Assert.Equal<string?>(["1", "3", "2", "4"], r.Column("x").AsEnumerable());
    }

    [Theory]
    [InlineData("2010", 2010)]
    [InlineData("2010年", 2010)]
    [InlineData("2010.0", 2010)]
    [InlineData("X2010", 2010)]
    [InlineData("yr2010", 2010)]
    public void Should_read_year_headers(string header, int year)
    {
        Assert.True(WideLayout.TryParseYear(header, out var y));
        Assert.Equal(year, y);
    }

    [Theory]
    [InlineData("地区")]
    [InlineData("201")]
    [InlineData("GDP2010x")]
    public void Should_reject_non_year_headers(string header) => Assert.False(WideLayout.TryParseYear(header, out _));
}
