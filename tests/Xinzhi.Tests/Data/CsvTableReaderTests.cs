using System.Text;
using Xinzhi.Data;

namespace Xinzhi.Tests.Data;

public sealed class CsvTableReaderTests
{
    private const string Text = "province,year,gdp\n北京,2020,36102.6\n上海市,2020,\"38,700.6\"\n";

    [Fact]
    public void Should_read_utf8_without_bom()
    {
        var t = CsvTableReader.Parse(new UTF8Encoding(false).GetBytes(Text), "t.csv");
        Assert.Equal(["province", "year", "gdp"], t.ColumnNames);
        Assert.Equal("北京", t.Column("province")[0]);
        Assert.Equal([2, 3], t.SourceRows);
    }

    [Fact]
    public void Should_strip_utf8_bom()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Text)).ToArray();
        var t = CsvTableReader.Parse(bytes, "t.csv");
        Assert.Equal("province", t.ColumnNames[0]);
    }

    [Fact]
    public void Should_detect_gb18030()
    {
        var bytes = CsvTableReader.Gb18030.GetBytes(Text);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));
        var t = CsvTableReader.Parse(bytes, "t.csv");
        Assert.Equal("上海市", t.Column("province")[1]);
    }

    [Fact]
    public void Should_parse_thousands_separators_in_quoted_numbers()
    {
        var t = CsvTableReader.Parse(Encoding.UTF8.GetBytes(Text), "t.csv");
        Assert.True(RawTable.TryParseNumber(t.Column("gdp")[1]!, out var v));
        Assert.Equal(38700.6, v);
    }

    [Fact]
    public void Should_report_ragged_rows_with_line_numbers()
    {
        var ex = Assert.Throws<DataValidationException>(() =>
            CsvTableReader.ParseText("a,b\n1,2\n3\n4,5,6\n", "bad.csv"));
        Assert.Equal(2, ex.Issues.Count);
        Assert.Equal(3, ex.Issues[0].Row);
        Assert.Equal(4, ex.Issues[1].Row);
        Assert.Contains("bad.csv", ex.Message);
    }

    [Fact]
    public void Should_infer_semicolon_and_tab_separators()
    {
        Assert.Equal(["a", "b"], CsvTableReader.ParseText("a;b\n1;2\n", "s.csv").ColumnNames);
        Assert.Equal(["a", "b"], CsvTableReader.ParseText("a\tb\n1\t2\n", "s.tsv").ColumnNames);
    }

    [Fact]
    public void Should_name_available_columns_when_one_is_missing()
    {
        var t = CsvTableReader.ParseText("a,b\n1,2\n", "s.csv");
        var ex = Assert.Throws<DataValidationException>(() => t.ColumnIndex("c"));
        Assert.Contains("a, b", ex.Message);
        Assert.Equal("c", ex.Issues[0].Column);
    }
}
