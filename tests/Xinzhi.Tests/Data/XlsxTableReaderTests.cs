using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Xinzhi.Data;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Data;

public sealed class XlsxTableReaderTests
{
    /// <summary>
    /// Writes a minimal workbook by hand (OOXML parts, inline strings) so that the row numbers are under the test's
    /// control: two empty rows above the header, and a gap (row 5) between data rows.
    /// </summary>
    private static string HandWrittenWorkbook(TempDir dir)
    {
        var path = dir.File("hand.xlsx");
        static string S(string r, string s) => $"<c r=\"{r}\" t=\"inlineStr\"><is><t>{s}</t></is></c>";
        static string N(string r, string v) => $"<c r=\"{r}\"><v>{v}</v></c>";
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
            $"<row r=\"3\">{S("A3", "省份")}{S("B3", "year")}{S("C3", "gdp")}{S("D3", "flag")}</row>" +
            $"<row r=\"4\">{S("A4", "北京市")}{N("B4", "2010")}{N("C4", "14113.58")}<c r=\"D4\" t=\"b\"><v>1</v></c></row>" +
            $"<row r=\"6\">{S("A6", "Gotham")}{N("B6", "2010")}{S("C6", "n/a?")}<c r=\"D6\" t=\"b\"><v>0</v></c></row>" +
            "</sheetData></worksheet>";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        Part("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
            "</Types>");
        Part("_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
            "</Relationships>");
        Part("xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " +
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
            "<sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
            "</Relationships>");
        Part("xl/worksheets/sheet1.xml", sheet);
        return path;
    }

    [Fact]
    public void Should_keep_the_row_numbers_Excel_shows_and_type_cells_with_the_invariant_culture()
    {
        using var dir = new TempDir();
        var path = HandWrittenWorkbook(dir);

        var t = TableReader.Read(path);

        Assert.Equal(["省份", "year", "gdp", "flag"], t.ColumnNames);
        Assert.Equal([4, 6], t.SourceRows);
        Assert.Equal<string?>(["2010", "2010"], t.Column("year").AsEnumerable());
        Assert.Equal<string?>(["14113.58", "n/a?"], t.Column("gdp").AsEnumerable());
        Assert.Equal<string?>(["true", "false"], t.Column("flag").AsEnumerable());

        var ex = Assert.Throws<DataValidationException>(() =>
            PanelBuilder.Build(t, new PanelSpec("省份", "year", ["gdp"], ResolveProvinces: true)));
        Assert.Contains(ex.Issues, i => i is { File: "hand.xlsx", Row: 6, Column: "gdp" } && i.Message.Contains("not a number"));
        Assert.Contains(ex.Issues, i => i is { File: "hand.xlsx", Row: 6, Column: "省份" } && i.Message.Contains("Gotham"));
    }

    [Fact]
    public void Should_read_the_requested_sheet_and_name_it_in_messages()
    {
        using var dir = new TempDir();
        var path = dir.File("book.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["first"] = new[] { new Dictionary<string, object?> { ["id"] = "A", ["x"] = 1.5 } },
            ["gdp"] = new[]
            {
                new Dictionary<string, object?> { ["id"] = "北京", ["t"] = 2010, ["v"] = 0.1 },
                new Dictionary<string, object?> { ["id"] = "北京", ["t"] = 2010, ["v"] = 1e-7 },
            },
        };
        MiniExcel.SaveAs(path, sheets);

        var first = TableReader.Read(path);
        Assert.Equal(["id", "x"], first.ColumnNames);
        Assert.Equal<string?>(["1.5"], first.Column("x").AsEnumerable());

        var gdp = TableReader.Read(path, new ReadOptions(Sheet: "gdp"));
        Assert.Equal<string?>(["0.1", "1E-07"], gdp.Column("v").AsEnumerable());
        var ex = Assert.Throws<DataValidationException>(() => PanelBuilder.Build(gdp, new PanelSpec("id", "t", ["v"])));
        Assert.Equal(("book.xlsx[gdp]", 3, "t"), (ex.Issues.Single().File, ex.Issues.Single().Row, ex.Issues.Single().Column));

        var missing = Assert.Throws<DataValidationException>(() => TableReader.Read(path, new ReadOptions(Sheet: "nope")));
        Assert.Contains("first, gdp", missing.Issues.Single().Message);
    }

    [Fact]
    public void Should_set_aside_NBS_title_and_footnote_rows_as_notes()
    {
        using var dir = new TempDir();
        var path = dir.File("nbs.xlsx");
        Dictionary<string, object?> Row(object? a, object? b = null, object? c = null) => new() { ["A"] = a, ["B"] = b, ["C"] = c };
        MiniExcel.SaveAs(path, new[]
        {
            Row("数据库：分省年度数据"), Row("指标：R&D经费(万元)"), Row("地区", "2022年", "2021年"),
            Row("北京市", 28433394.0, 26293208.0), Row("注：按当年价格计算。"), Row("上海市", 19815785.0, 18197705.0),
            Row("数据来源：国家统计局"),
        }, printHeader: false);

        var t = TableReader.Read(path);

        Assert.Equal(["地区", "2022年", "2021年"], t.ColumnNames);
        Assert.Equal([4, 6], t.SourceRows);
        Assert.Equal([1, 2, 5, 7], t.Notes.Select(n => n.Row!.Value));
        Assert.Contains("R&D经费", t.Notes[1].Message);
    }

    [Fact]
    public void Should_report_an_unreadable_workbook_as_a_data_error()
    {
        using var dir = new TempDir();
        var path = dir.Write("broken.xlsx", "this is not a zip file");
        var ex = Assert.Throws<DataValidationException>(() => TableReader.Read(path));
        Assert.Equal("broken.xlsx", ex.Issues.Single().File);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Should_name_columns_as_Excel_does(int index, string letter) => Assert.Equal(letter, XlsxTableReader.ColumnLetter(index));
}
