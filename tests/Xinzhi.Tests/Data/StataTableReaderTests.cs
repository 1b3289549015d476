using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Tests.Support;
using Kind = Xinzhi.Tests.Data.StataTestWriter.Kind;

namespace Xinzhi.Tests.Data;

public sealed class StataTableReaderTests
{
    public static TheoryData<int, bool> Formats() => new()
    {
        { 117, false }, { 117, true }, { 118, false }, { 118, true }, { 119, false }, { 119, true },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Should_read_every_type_and_missing_value_written_by_an_independent_writer(int release, bool bigEndian)
    {
        const int seed = 20261201;
        var rng = new Random(seed + release * 2 + (bigEndian ? 1 : 0));
        const int n = 40;
        object? Maybe(Func<object> make) => rng.NextDouble() < 0.15 ? null : make();
        var columns = new List<StataTestWriter.Column>
        {
            new("b", Kind.Byte, Enumerable.Range(0, n).Select(_ => Maybe(() => (object)rng.Next(-127, 101))).ToArray()),
            new("i", Kind.Int, Enumerable.Range(0, n).Select(_ => Maybe(() => (object)rng.Next(-32767, 32741))).ToArray()),
            new("l", Kind.Long, Enumerable.Range(0, n).Select(_ => Maybe(() => (object)rng.Next(int.MinValue + 1, 2147483621))).ToArray()),
            new("f", Kind.Float, Enumerable.Range(0, n).Select(_ => Maybe(() => (object)(float)((rng.NextDouble() - 0.5) * 1e6))).ToArray()),
            new("d", Kind.Double, Enumerable.Range(0, n).Select(_ => Maybe(() => (object)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-20, 20))))).ToArray()),
            new("s", Kind.Str, Enumerable.Range(0, n).Select(k => (object?)(k % 3 == 0 ? "北京市" : k % 3 == 1 ? "Shaanxi" : "")).ToArray(), StrWidth: 12),
            new("strl", Kind.StrL, Enumerable.Range(0, n).Select(k => (object?)(k % 4 == 0 ? "" : new string('x', k * 10) + "内蒙古")).ToArray()),
        };
        var bytes = new StataTestWriter(release, bigEndian).Write(columns);

        var table = StataTableReader.Parse(bytes, "t.dta");

        var msg = $"seed {seed}, release {release}, big-endian {bigEndian}";
        Assert.Equal(["b", "i", "l", "f", "d", "s", "strl"], table.ColumnNames);
        Assert.Equal(Enumerable.Range(1, n).ToArray(), table.SourceRows);
        foreach (var c in columns)
        {
            var got = table.Column(c.Name);
            for (var r = 0; r < n; r++)
            {
                var v = c.Values[r];
                var expected = v switch
                {
                    null when c.Kind is Kind.Str or Kind.StrL => "",
                    null => null,
                    float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    int k => k.ToString(CultureInfo.InvariantCulture),
                    _ => (string)v,
                };
                Assert.True(expected == got[r], $"{msg}: column {c.Name}, observation {r + 1}: expected '{expected}', got '{got[r]}'");
            }
        }
    }

    [Theory]
    [InlineData(13, 117)]
    [InlineData(14, 118)]
    [InlineData(15, 119)]
    public void Should_read_files_written_by_R_haven(int version, int release)
    {
        // Fixtures written by tests/Xinzhi.Tests/Data/Fixtures/make-dta.R (R 4.2.2, haven 2.5.1).
        var path = Path.Combine(SharedPaths.RepoRoot, "tests", "Xinzhi.Tests", "Data", "Fixtures", $"haven_v{version}.dta");
        Assert.Equal(release.ToString(CultureInfo.InvariantCulture), System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 28, 3));

        var t = TableReader.Read(path);

        Assert.Equal(["province", "year", "gdp", "small", "note"], t.ColumnNames);
        Assert.Equal<string?>(["北京", "Shaanxi", "110000", "内蒙古自治区"], t.Column("province").AsEnumerable());
        Assert.Equal<string?>(["2010", "2011", null, "2013"], t.Column("year").AsEnumerable());
        Assert.Equal<string?>(["14113.58", "-0.5", null, "1E-300"], t.Column("gdp").AsEnumerable());
        Assert.Equal<string?>(["1", "-100", "100", null], t.Column("small").AsEnumerable());
        var longText = string.Concat(Enumerable.Repeat("长字符串strL", 300));
        Assert.Equal<string?>(["a", longText, "", "c"], t.Column("note").AsEnumerable());
    }

    [Fact]
    public void Should_apply_value_labels_written_by_R_haven()
    {
        var path = Path.Combine(SharedPaths.RepoRoot, "tests", "Xinzhi.Tests", "Data", "Fixtures", "haven_labelled_v14.dta");
        var load = PanelBuilder.Build(TableReader.Read(path), new PanelSpec("id", "year", ["x"], ResolveProvinces: true));
        Assert.Equal(["110000", "610000", "110000"], load.Panel.Ids);
    }

    [Fact]
    public void Should_resolve_provinces_and_report_observation_numbers_through_the_panel_builder()
    {
        var path = Path.Combine(SharedPaths.RepoRoot, "tests", "Xinzhi.Tests", "Data", "Fixtures", "haven_v14.dta");
        var ex = Assert.Throws<DataValidationException>(() =>
            PanelBuilder.Build(TableReader.Read(path), new PanelSpec("province", "year", ["gdp"], ResolveProvinces: true)));
        // Observation 3 has a missing year and a missing gdp; "110000" resolves, so no unknown-province issue.
        Assert.Contains(ex.Issues, i => i is { File: "haven_v14.dta", Row: 3, Column: "year" } && i.Message.Contains("missing period"));
        Assert.DoesNotContain(ex.Issues, i => i.Message.Contains("not a recognised province"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Should_read_fully_labelled_variables_as_their_labels_and_keep_codes_otherwise(int release, bool bigEndian)
    {
        var provinces = new Dictionary<int, string> { [1] = "北京", [27] = "陕西", [-5] = "Shanxi" };
        var special = new Dictionary<int, string> { [-99] = "refused" };
        var bytes = new StataTestWriter(release, bigEndian).Write(
        [
            new("id", Kind.Long, [1, 27, -5, null], Labels: provinces),
            new("score", Kind.Int, [3, -99, 7, 8], Labels: special),
            new("plain", Kind.Byte, [1, 2, 3, 4]),
        ]);

        var t = StataTableReader.Parse(bytes, "l.dta");

        Assert.Equal<string?>(["北京", "陕西", "Shanxi", null], t.Column("id").AsEnumerable());
        Assert.Equal<string?>(["3", "-99", "7", "8"], t.Column("score").AsEnumerable());
        Assert.Equal<string?>(["1", "2", "3", "4"], t.Column("plain").AsEnumerable());
    }

    [Fact]
    public void Should_reject_truncated_and_old_format_files_with_a_data_error()
    {
        var good = new StataTestWriter(118, false).Write([new("x", Kind.Double, [1.0, 2.0])]);
        var truncated = good[..(good.Length / 2)];
        var e1 = Assert.Throws<DataValidationException>(() => StataTableReader.Parse(truncated, "cut.dta"));
        Assert.Equal("cut.dta", e1.Issues.Single().File);

        var old = new byte[] { 114, 2, 1, 0, 0, 0 };
        var e2 = Assert.Throws<DataValidationException>(() => StataTableReader.Parse(old, "old.dta"));
        Assert.Contains("114", e2.Issues.Single().Message);
    }
}
