using System.Xml.Linq;
using Xinzhi.Frameworks;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Frameworks;

public sealed class FrameworkTests
{
    private const string ContractA = """
        id: china-provinces            # unique, kebab-case
        version: "1.0"
        name_zh: 中国省域新质生产力指标体系
        name_en: China provincial NQPF indicator system
        status: verified               # verified | unverified
        source: "citation or 'Xinzhi'"
        description_en: an example
        description_zh: 示例
        nodes:                         # tree; a node has either children or indicators (or both)
          - id: laborers
            name_zh: 劳动者
            name_en: Laborers
            children:
              - id: laborer-skill
                name_zh: 劳动者技能
                name_en: Laborer skill
                indicators:
                  - column: rd_personnel_fte     # column name in the data
                    name_zh: R&D人员全时当量
                    name_en: R&D personnel (full-time equivalent)
                    direction: "+"               # "+" benefit, "-" cost
                    unit: 人年
                    source: "..."
                    note: "..."                  # optional
        """;

    [Fact]
    public void Should_accept_contract_A_exactly()
    {
        var f = FrameworkLoader.Parse(ContractA, "a.yaml");
        Assert.Equal("china-provinces", f.Id);
        Assert.Equal(FrameworkStatus.Verified, f.Status);
        Assert.Empty(f.Warnings);
        var ind = Assert.Single(f.Indicators);
        Assert.Equal(("rd_personnel_fte", IndicatorDirection.Benefit, "人年", "..."), (ind.Column, ind.Direction, ind.Unit, ind.Note));
        Assert.Equal("laborers/laborer-skill", f.ParentOf("rd_personnel_fte").Path);
    }

    [Fact]
    public void Should_embed_every_framework_of_the_repository_folder()
    {
        var files = Directory.GetFiles(Path.Combine(SharedPaths.RepoRoot, "frameworks"), "*.yaml").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, FrameworkLoader.BuiltinNames());
        Assert.Contains("nqpf-policy", files);
        foreach (var name in files)
        {
            var f = FrameworkLoader.Resolve("builtin:" + name);
            Assert.Equal(name, f.Id);
            Assert.NotEmpty(f.Indicators);
            Assert.All(f.AllNodes, n => Assert.False(string.IsNullOrWhiteSpace(n.NameZh + n.NameEn)));
        }
    }

    [Fact]
    public void Should_have_the_three_elements_in_the_policy_framework()
    {
        var f = FrameworkLoader.LoadBuiltin("nqpf-policy");
        Assert.Equal(["劳动者", "劳动资料", "劳动对象"], f.Nodes.Select(n => n.NameZh));
        Assert.All(f.Nodes, n => Assert.NotEmpty(n.Children));
        Assert.Equal(6, f.Nodes.Sum(n => n.PolicyMeasures.Count));
        Assert.All(f.Nodes, n => Assert.NotNull(n.Task));
    }

    [Fact]
    public void Should_report_every_problem_with_file_and_line()
    {
        const string bad = """
            id: Bad Id
            name_zh: 坏
            name_en: Bad
            status: maybe
            nodes:
              - id: a
                name_zh: 甲
                name_en: A
                indicators:
                  - { column: x, name_zh: 一, name_en: one }
                  - { column: x, name_zh: 二, name_en: two, direction: "up" }
              - id: a
                name_zh: 乙
                name_en: B
            """;
        var ex = Assert.Throws<DataValidationException>(() => FrameworkLoader.Parse(bad, "bad.yaml"));
        Assert.All(ex.Issues, i => Assert.Equal("bad.yaml", i.File));
        Assert.Contains(ex.Issues, i => i.Row == 1 && i.Column == "id");
        Assert.Contains(ex.Issues, i => i.Row == 4 && i.Column == "status");
        Assert.Contains(ex.Issues, i => i.Row == 10 && i.Column == "direction" && i.Message.Contains("no direction"));
        Assert.Contains(ex.Issues, i => i.Row == 11 && i.Column == "column" && i.Message.Contains("twice"));
        Assert.Contains(ex.Issues, i => i.Row == 11 && i.Column == "direction");
        Assert.Contains(ex.Issues, i => i.Row == 12 && i.Message.Contains("duplicate node id"));
        Assert.Contains(ex.Issues, i => i.Message.Contains("neither children nor indicators"));
    }

    [Fact]
    public void Should_report_yaml_syntax_errors_with_line()
    {
        var ex = Assert.Throws<DataValidationException>(() => FrameworkLoader.Parse("id: a\nnodes: [\n  - x: 1\n", "s.yaml"));
        Assert.Equal("s.yaml", ex.Issues[0].File);
        Assert.NotNull(ex.Issues[0].Row);
    }

    [Fact]
    public void Should_list_show_and_validate_from_the_cli()
    {
        var list = CliRunner.Run("framework", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("builtin:nqpf-policy", list.Out);
        var show = CliRunner.Run("framework", "show", "builtin:nqpf-policy");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("劳动资料", show.Out);
        Assert.Contains("Means of labor", show.Out);
        Assert.Contains("energy_intensity", show.Out);
        Assert.Equal(0, CliRunner.Run("framework", "validate", "builtin:wang-wang-2024").ExitCode);
        Assert.Equal(1, CliRunner.Run("framework", "show", "builtin:no-such").ExitCode);
    }

    [Fact]
    public void Should_validate_against_data_with_exit_2_naming_missing_columns()
    {
        using var dir = new TempDir();
        var fw = dir.Write("fw.yaml", ContractA);
        var ok = dir.Write("ok.csv", "code,year,rd_personnel_fte\nA,2020,1\nA,2021,2\nB,2020,3\nB,2021,4\n");
        var r = CliRunner.Run("framework", "validate", fw, "--data", ok, "--id", "code", "--time", "year");
        Assert.True(r.ExitCode == 0, r.Error);
        var bad = dir.Write("bad.csv", "code,year,other\nA,2020,1\n");
        var r2 = CliRunner.Run("framework", "validate", fw, "--data", bad);
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains("bad.csv, row 1, column 'rd_personnel_fte'", r2.Error);
        var nonNumeric = dir.Write("nn.csv", "code,year,rd_personnel_fte\nA,2020,1\nA,2021,x\n");
        var r3 = CliRunner.Run("framework", "validate", fw, "--data", nonNumeric, "--id", "code", "--time", "year");
        Assert.Equal(2, r3.ExitCode);
        Assert.Contains("nn.csv, row 3, column 'rd_personnel_fte'", r3.Error);
        var badYaml = dir.Write("b.yaml", "id: x\nname_zh: a\nname_en: b\nnodes:\n  - id: n\n    name_zh: n\n    name_en: n\n    indicators:\n      - { column: c, name_zh: c, name_en: c }\n");
        var r4 = CliRunner.Run("framework", "validate", badYaml);
        Assert.Equal(2, r4.ExitCode);
        Assert.Contains("b.yaml, row 9, column 'direction'", r4.Error);
    }

    [Theory]
    [InlineData("builtin:nqpf-policy")]
    [InlineData("builtin:lu-guo-wang-2024")]
    [InlineData("builtin:song-zhang-pan-2024")]
    public void Should_draw_a_well_formed_svg_with_every_name(string spec)
    {
        var f = FrameworkLoader.Resolve(spec);
        var svg = FrameworkDiagram.Svg(f);
        var doc = XDocument.Parse(svg);
        var text = string.Concat(doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value + "\n"));
        foreach (var n in f.AllNodes) { Assert.Contains(n.NameZh, text); Assert.Contains(n.NameEn, text); }
        foreach (var i in f.Indicators) { Assert.Contains(i.NameZh, text); Assert.Contains(i.NameEn, text); }
        foreach (var d in FrameworkDiagram.Drivers) { Assert.Contains(d.NameZh, text); Assert.Contains(d.NameEn, text); }
        Assert.Contains("全要素生产率大幅提升", text);
        Assert.Contains("新质生产力", text);
        if (spec == "builtin:nqpf-policy")
        {
            foreach (var n in f.Nodes)
                foreach (var m in n.PolicyMeasures) Assert.Contains(m.NameZh, text);
            Assert.Contains("扩大高水平对外开放", text);
        }
        Assert.Contains("font-family", svg);
    }

    [Fact]
    public void Should_write_svg_and_mermaid_from_the_cli_and_refuse_png_clearly()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("framework", "diagram", "builtin:nqpf-policy", "--format", "svg", "--out", dir.File("d.svg"), "--lang", "zh");
        Assert.True(r.ExitCode == 0, r.Error);
        var zhOnly = XDocument.Load(dir.File("d.svg"));
        Assert.DoesNotContain("Laborers", zhOnly.ToString());
        Assert.True(File.Exists(dir.File("d.svg.run.json")));
        var m = CliRunner.Run("framework", "diagram", "--format", "mermaid");
        Assert.Equal(0, m.ExitCode);
        Assert.StartsWith("%%", m.Out);
        Assert.Contains("flowchart LR", m.Out);
        Assert.Contains("劳动对象", m.Out);
        Assert.Contains("产业深度转型升级", m.Out);
        var png = CliRunner.Run("framework", "diagram", "--format", "png", "--out", dir.File("d.png"));
        Assert.Equal(1, png.ExitCode);
        Assert.Contains("svg", png.Error);
    }
}
