using Xinzhi.Data;
using Xinzhi.Data.Regions;

namespace Xinzhi.Tests.Data;

public sealed class ChinaProvincesTests
{
    [Theory]
    [InlineData("北京", "110000")]
    [InlineData("北京市", "110000")]
    [InlineData("Beijing", "110000")]
    [InlineData(" beijing shi ", "110000")]
    [InlineData("110000", "110000")]
    [InlineData("110000.0", "110000")]
    [InlineData("11", "110000")]
    [InlineData("CN-BJ", "110000")]
    [InlineData("Shaanxi", "610000")]
    [InlineData("shaanxi", "610000")]
    [InlineData("陕西省", "610000")]
    [InlineData("Shanxi", "140000")]
    [InlineData("Shanxi Province", "140000")]
    [InlineData("山西", "140000")]
    [InlineData("Inner Mongolia", "150000")]
    [InlineData("InnerMongolia", "150000")]
    [InlineData("内蒙古自治区", "150000")]
    [InlineData("Nei Mongol", "150000")]
    [InlineData("neimenggu", "150000")]
    [InlineData("内蒙", "150000")]
    [InlineData("Guangxi Zhuang Autonomous Region", "450000")]
    [InlineData("广西壮族自治区", "450000")]
    [InlineData("Ningxia Hui Autonomous Region", "640000")]
    [InlineData("新疆维吾尔自治区", "650000")]
    [InlineData("Xinjiang Uygur Autonomous Region", "650000")]
    [InlineData("Tibet", "540000")]
    [InlineData("Xizang", "540000")]
    [InlineData("西藏自治区", "540000")]
    [InlineData("黑龙江省", "230000")]
    [InlineData("北   京", "110000")]
    [InlineData("Hong Kong", "810000")]
    [InlineData("香港特别行政区", "810000")]
    [InlineData("Hong Kong SAR", "810000")]
    [InlineData("Macau", "820000")]
    [InlineData("Macao", "820000")]
    [InlineData("澳门", "820000")]
    [InlineData("Taiwan", "710000")]
    [InlineData("710000", "710000")]
    [InlineData("Chongqing", "500000")]
    [InlineData("重庆市", "500000")]
    [InlineData("Anhui", "340000")]
    [InlineData("安徽省", "340000")]
    public void Should_resolve_common_forms_to_one_code(string name, string code)
    {
        Assert.True(ChinaProvinces.TryResolve(name, out var p), name);
        Assert.Equal(code, p.Code);
        Assert.Equal(code, ChinaProvinces.Resolve(name).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("全国")]
    [InlineData("东部地区")]
    [InlineData("Atlantis")]
    [InlineData("999999")]
    [InlineData("1.5")]
    [InlineData("Shan")]
    public void Should_not_resolve_non_provinces(string name)
    {
        Assert.False(ChinaProvinces.TryResolve(name, out _));
        if (name.Length > 0) Assert.Throws<DataValidationException>(() => ChinaProvinces.Resolve(name));
    }

    [Fact]
    public void Should_hold_31_mainland_provinces_in_the_NBS_four_regions()
    {
        Assert.Equal(34, ChinaProvinces.All.Count);
        Assert.Equal(31, ChinaProvinces.Mainland.Count);
        var counts = ChinaProvinces.Mainland.GroupBy(p => p.Region).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, counts[Region.East]);
        Assert.Equal(6, counts[Region.Central]);
        Assert.Equal(12, counts[Region.West]);
        Assert.Equal(3, counts[Region.Northeast]);
        Assert.Equal(["210000", "220000", "230000"], ChinaProvinces.Mainland.Where(p => p.Region == Region.Northeast).Select(p => p.Code));
        Assert.All(ChinaProvinces.All, p => Assert.Equal(p, ChinaProvinces.Resolve(p.NameZh)));
        Assert.All(ChinaProvinces.All, p => Assert.Equal(p, ChinaProvinces.Resolve(p.NameEn)));
        Assert.All(ChinaProvinces.All, p => Assert.Equal(p, ChinaProvinces.Resolve(p.ShortZh)));
        Assert.Equal("650000", ChinaProvinces.FromNbsOrder(31).Code);
        Assert.Equal("460000", ChinaProvinces.FromNbsOrder(21).Code);
        Assert.Null(ChinaProvinces.Resolve("香港").NbsRegion);
        Assert.Throws<InvalidOperationException>(() => ChinaProvinces.Resolve("Macao").Region);
        Assert.False(ChinaProvinces.Resolve("台湾").IsMainland);
    }

    [Fact]
    public void Should_map_ids_and_add_province_attributes_in_the_panel_builder()
    {
        const string csv = "省份,year,x\n北京市,2010,1\nBeijing,2011,2\n610000,2010,3\nShanxi,2010,4\n";
        var load = PanelBuilder.Build(CsvTableReader.ParseText(csv, "p.csv"), new PanelSpec("省份", "year", ["x"], ResolveProvinces: true));
        var panel = load.Panel;
        Assert.Equal(["110000", "110000", "610000", "140000"], panel.Ids);
        Assert.Equal(["北京", "北京", "陕西", "山西"], panel.Attribute("province_zh"));
        Assert.Equal(["Beijing", "Beijing", "Shaanxi", "Shanxi"], panel.Attribute("province_en"));
        Assert.Equal(["east", "east", "west", "central"], panel.Attribute("region"));
    }

    [Fact]
    public void Should_report_unknown_names_and_duplicates_after_resolution_with_file_row_column()
    {
        const string csv = "省份,year,x\n北京市,2010,1\nBeijing,2010,2\nGotham,2010,3\n全国,2010,4\n";
        var ex = Assert.Throws<DataValidationException>(() =>
            PanelBuilder.Build(CsvTableReader.ParseText(csv, "p.csv"), new PanelSpec("省份", "year", ["x"], ResolveProvinces: true)));
        Assert.Contains(ex.Issues, i => i is { File: "p.csv", Row: 4, Column: "省份" } && i.Message.Contains("'Gotham'"));
        Assert.Contains(ex.Issues, i => i is { File: "p.csv", Row: 5, Column: "省份" } && i.Message.Contains("'全国'"));
        Assert.Contains(ex.Issues, i => i is { Row: 3 } && i.Message.Contains("duplicate key"));
    }
}
