using System.Globalization;
using System.Text.Json;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Indices;

/// <summary><c>xinzhi index</c> end to end: contract B files, provenance, console formats and every bad-input case.</summary>
public sealed class IndexCommandTests
{
    private static string Csv(Func<int, int, string, string?>? edit = null)
    {
        var rng = new Random(42);
        var sb = new System.Text.StringBuilder("code,year,x1,x2,x3,x4,x5\n");
        for (var e = 0; e < 6; e++)
            for (var t = 0; t < 3; t++)
            {
                sb.Append(110000 + e * 10000).Append(',').Append(2020 + t);
                for (var j = 1; j <= 5; j++)
                {
                    var v = (1 + 99 * rng.NextDouble()).ToString("R", CultureInfo.InvariantCulture);
                    sb.Append(',').Append(edit?.Invoke(e, t, "x" + j) ?? v);
                }
                sb.Append('\n');
            }
        return sb.ToString();
    }

    [Fact]
    public void Should_write_contract_B_with_framework_node_columns()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv());
        var fw = dir.Write("fw.yaml", CompositeIndexReferenceTests.FrameworkYaml);
        var outDir = dir.File("out");
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--framework", fw, "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        var scores = File.ReadAllLines(Path.Combine(outDir, "scores.csv"));
        Assert.Equal("id,time,score,rank,alpha,beta", scores[0]);
        Assert.Equal(19, scores.Length);
        var weights = File.ReadAllLines(Path.Combine(outDir, "weights.csv"));
        Assert.Equal("indicator,direction,weight,entropy,divergence,node,path,name_zh,name_en", weights[0]);
        Assert.StartsWith("x2,-,", weights[2]);
        Assert.EndsWith(",alpha,alpha,二,two", weights[2]);
        var sum = weights.Skip(1).Sum(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture));
        Assert.Equal(1.0, sum, 12);
        Assert.Equal("id,time,x1,x2,x3,x4,x5", File.ReadLines(Path.Combine(outDir, "normalized.csv")).First());
        // Sub-scores of the top nodes sum to the linear score.
        foreach (var line in scores.Skip(1))
        {
            var c = line.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(c[2], c[4] + c[5], 12);
        }
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")));
        var root = run.RootElement;
        Assert.Equal(64, root.GetProperty("inputs")[0].GetProperty("sha256").GetString()!.Length);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        var spec = root.GetProperty("specification");
        foreach (var key in new[] { "normalize", "scope", "zero", "weights", "weight_level", "weight_scope", "aggregate", "ideal", "rho", "fill", "fill_report", "framework", "entropy_n" })
            Assert.True(spec.TryGetProperty(key, out _), key);
        Assert.Equal("minmax", spec.GetProperty("normalize").GetString());
        Assert.Equal("none", spec.GetProperty("zero").GetString());
        Assert.Equal(18, spec.GetProperty("entropy_n")[0].GetInt32());
        Assert.Contains("top 6 in 2022", r.Out);
    }

    [Fact]
    public void Should_support_a_flat_indicator_list_and_machine_formats()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv());
        var json = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,-x2,+x3", "--weights", "critic",
            "--aggregate", "topsis", "--out", dir.File("a"), "--format", "json", "--top", "3");
        Assert.True(json.ExitCode == 0, json.Error);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(3, doc.RootElement.GetProperty("top").GetArrayLength());
        Assert.Equal("indicator,direction,weight,node,path,name_zh,name_en", File.ReadLines(Path.Combine(dir.File("a"), "weights.csv")).First());
        var cross = dir.Write("c.csv", "code,x1,x2\n110000,1,5\n120000,2,4\n130000,3,1\n");
        var csv = CliRunner.Run("index", cross, "--id", "code", "--indicators", "+x1,-x2", "--out", dir.File("b"), "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.StartsWith("rank,id,time,score", csv.Out);
        // Without --time the time column is empty.
        Assert.StartsWith("110000,,", File.ReadLines(Path.Combine(dir.File("b"), "scores.csv")).Skip(1).First());
    }

    [Fact]
    public void Should_record_ahp_consistency_and_per_period_weights()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv());
        var ahp = dir.Write("ahp.csv", "item,x1,x2,x3\nx1,1,3,5\nx2,1/3,1,3\nx3,1/5,1/3,1\n");
        var outDir = dir.File("o");
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+x2,+x3", "--weights", $"combine:entropy*ahp:{ahp}",
            "--weight-scope", "period", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(File.Exists(Path.Combine(outDir, "weights_by_period.csv")));
        var json = File.ReadAllText(Path.Combine(outDir, "run.json"));
        Assert.Contains("\"cr\": 0.0331", json);
        Assert.Contains("ahp.csv", json);
    }

    [Fact]
    public void Should_exit_2_naming_file_row_and_column_for_a_non_numeric_cell()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv((e, t, c) => e == 2 && t == 1 && c == "x3" ? "abc" : null));
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+x3", "--out", dir.File("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("p.csv", r.Error);
        Assert.Contains("row 9", r.Error);
        Assert.Contains("column 'x3'", r.Error);
        Assert.False(Directory.Exists(dir.File("o")));
    }

    [Fact]
    public void Should_exit_2_on_missing_values_unless_filled_and_record_the_fill()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv((e, t, c) => e == 1 && t == 1 && c == "x2" ? "" : null));
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,-x2", "--out", dir.File("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("row 6", r.Error);
        Assert.Contains("column 'x2'", r.Error);
        Assert.Contains("--fill", r.Error);
        var ok = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,-x2", "--fill", "interpolate", "--out", dir.File("o"));
        Assert.True(ok.ExitCode == 0, ok.Error);
        var json = File.ReadAllText(Path.Combine(dir.File("o"), "run.json"));
        Assert.Contains("\"fill\": \"interpolate\"", json);
        Assert.Contains("\"x2\": 1", json);
    }

    [Fact]
    public void Should_exit_2_naming_a_constant_indicator()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv((_, _, c) => c == "x4" ? "7" : null));
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+x4", "--out", dir.File("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("p.csv", r.Error);
        Assert.Contains("column 'x4'", r.Error);
        Assert.Contains("constant", r.Error);
    }

    [Fact]
    public void Should_exit_2_on_non_positive_values_where_ratio_needs_positive_ones()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv((e, t, c) => e == 0 && t == 2 && c == "x2" ? "0" : null));
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,-x2", "--normalize", "ratio", "--out", dir.File("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("p.csv, row 4, column 'x2'", r.Error);
        Assert.Contains("x > 0", r.Error);
    }

    [Fact]
    public void Should_exit_2_when_a_zscore_shift_leaves_negative_values_for_entropy()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv());
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,-x2", "--normalize", "zscore", "--zscore-shift", "0", "--out", dir.File("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"p\.csv, row \d+, column 'x[12]'", r.Error);
        Assert.Contains("non-negative", r.Error);
    }

    [Fact]
    public void Should_exit_2_naming_missing_indicator_columns_and_duplicate_keys()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv());
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+nope", "--out", dir.File("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nope", r.Error);
        var dup = dir.Write("d.csv", "code,year,x1\nA,2020,1\nA,2020,2\nB,2020,3\n");
        var r2 = CliRunner.Run("index", dup, "--id", "code", "--time", "year", "--indicators", "+x1", "--out", dir.File("o"));
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains("d.csv, row 3, column 'year'", r2.Error);
        Assert.Contains("duplicate", r2.Error);
        Assert.Contains("p.csv", r.Error);
        Assert.Contains("column 'nope'", r.Error);
    }

    [Fact]
    public void Should_exit_2_on_an_inconsistent_AHP_file_unless_forced()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv());
        var ahp = dir.Write("ahp.csv", "item,x1,x2,x3\nx1,1,1/9,1/9\nx2,9,1,1/9\nx3,9,9,1\n");
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+x2,+x3", "--weights", "ahp:" + ahp, "--out", dir.File("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ahp.csv, row 1", r.Error);
        Assert.Contains("CR", r.Error);
        var forced = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+x2,+x3", "--weights", "ahp:" + ahp, "--force-ahp", "--out", dir.File("o"));
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Contains("warning", forced.Error);
    }

    [Theory]
    [InlineData("--normalize", "minmaxx")]
    [InlineData("--zero", "shift")]
    [InlineData("--weights", "combine:game(entropy")]
    [InlineData("--aggregate", "sum")]
    [InlineData("--scope", "yearly")]
    public void Should_exit_1_on_bad_option_values(string option, string value)
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv());
        var r = CliRunner.Run("index", data, "--id", "code", "--indicators", "+x1,+x2", option, value, "--out", dir.File("o"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(option, r.Error);
    }

    [Fact]
    public void Should_exit_1_when_both_or_neither_framework_and_indicators_are_given()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv());
        Assert.Equal(1, CliRunner.Run("index", data, "--id", "code", "--out", dir.File("o")).ExitCode);
        Assert.Equal(1, CliRunner.Run("index", data, "--id", "code", "--indicators", "+x1", "--framework", "builtin:nqpf-policy", "--out", dir.File("o")).ExitCode);
        Assert.Equal(1, CliRunner.Run("index", data, "--id", "code", "--indicators", "x1", "--out", dir.File("o")).ExitCode);
    }

    [Fact]
    public void Should_apply_AHP_level_by_level_with_one_block_per_node()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv());
        var fw = dir.Write("fw.yaml", CompositeIndexReferenceTests.FrameworkYaml);
        var ahp = dir.Write("ahp.csv", """
            # top level: the two nodes
            item,alpha,beta
            alpha,1,3
            beta,1/3,1

            item,x3,x1,x2
            x3,1,1,1
            x1,1,1,1
            x2,1,1,1

            item,x4,x5
            x4,1,1
            x5,1,1
            """);
        var outDir = dir.File("o");
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--framework", fw, "--weights", "ahp:" + ahp, "--weight-level", "nodes", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        var w = File.ReadAllLines(Path.Combine(outDir, "weights.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        double[] expected = [0.75 / 3, 0.75 / 3, 0.75 / 3, 0.125, 0.125];
        for (var j = 0; j < 5; j++) Assert.Equal(expected[j], w[j], 12);
        var missing = dir.Write("m.csv", "item,alpha,beta\nalpha,1,3\nbeta,1/3,1\n");
        var r2 = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--framework", fw, "--weights", "ahp:" + missing, "--weight-level", "nodes", "--out", outDir);
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains("m.csv", r2.Error);
        Assert.Contains("no comparison matrix for the items {x1, x2, x3}", r2.Error);
    }

    [Fact]
    public void Should_name_the_period_where_an_indicator_is_constant_with_period_scope()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv((_, t, c) => t == 1 && c == "x3" ? "5" : null));
        var pooled = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+x3", "--out", dir.File("a"));
        Assert.True(pooled.ExitCode == 0, pooled.Error);
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+x3", "--scope", "period", "--out", dir.File("b"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("column 'x3'", r.Error);
        Assert.Contains("period 2021", r.Error);
    }

    [Fact]
    public void Should_handle_a_cross_section_with_every_weighting()
    {
        using var dir = new TempDir();
        var rng = new Random(3);
        var sb = new System.Text.StringBuilder("code,x1,x2,x3\n");
        for (var e = 0; e < 12; e++) sb.Append(CultureInfo.InvariantCulture, $"E{e},{1 + rng.NextDouble()},{1 + rng.NextDouble()},{1 + rng.NextDouble()}\n");
        var data = dir.Write("c.csv", sb.ToString());
        foreach (var w in new[] { "entropy", "critic", "cv", "equal", "pca", "combine:game(entropy,cv)" })
            foreach (var a in new[] { "linear", "topsis", "gra" })
            {
                var r = CliRunner.Run("index", data, "--id", "code", "--indicators", "+x1,-x2,+x3", "--weights", w, "--aggregate", a,
                    "--weight-scope", "period", "--scope", "period", "--ideal", "period", "--out", dir.File(w.Length + a));
                Assert.True(r.ExitCode == 0, $"{w} {a}: {r.Error}");
                var ranks = File.ReadLines(Path.Combine(dir.File(w.Length + a), "scores.csv")).Skip(1).Select(l => int.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).Order().ToArray();
                Assert.Equal(Enumerable.Range(1, 12), ranks);
            }
    }

    [Fact]
    public void Should_write_numbers_that_read_back_bit_for_bit()
    {
        using var dir = new TempDir();
        var (panel, _, _) = CompositeIndexReferenceTests.RandomPanel(11, entities: 1500, periods: 3);
        var model = Xinzhi.Indices.IndexModel.FromFramework(Xinzhi.Frameworks.FrameworkLoader.Parse(CompositeIndexReferenceTests.FrameworkYaml, "t.yaml"));
        var result = Xinzhi.Indices.CompositeIndex.Compute(panel, model, new Xinzhi.Indices.IndexOptions { Aggregation = Xinzhi.Indices.Aggregation.Topsis });
        var record = new Xinzhi.Runs.RunRecord { Command = "test", Method = "test" };
        Xinzhi.Indices.IndexOutput.Write(dir.Path, result, record);
        var normalized = File.ReadAllLines(dir.File("normalized.csv"));
        var scores = File.ReadAllLines(dir.File("scores.csv"));
        Assert.Equal(result.RowCount + 1, normalized.Length);
        for (var i = 0; i < result.RowCount; i++)
        {
            var cells = normalized[i + 1].Split(',');
            Assert.Equal(result.Ids[i], cells[0]);
            Assert.Equal(result.Times![i].ToString(CultureInfo.InvariantCulture), cells[1]);
            for (var j = 0; j < 5; j++) Assert.Equal(result.Normalized[j][i], double.Parse(cells[j + 2], CultureInfo.InvariantCulture));
            var sc = scores[i + 1].Split(',');
            Assert.Equal(result.Scores[i], double.Parse(sc[2], CultureInfo.InvariantCulture));
            Assert.Equal(result.Ranks[i], int.Parse(sc[3], CultureInfo.InvariantCulture));
            Assert.Equal(result.NodeScores[1][i], double.Parse(sc[5], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Should_drop_a_constant_indicator_with_weight_zero_when_asked()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv((_, _, c) => c == "x4" ? "7" : null));
        var fw = dir.Write("fw.yaml", CompositeIndexReferenceTests.FrameworkYaml);
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--framework", fw, "--constant", "drop", "--out", dir.File("a"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("column 'x4'", r.Error);
        Assert.Contains("dropped", r.Error);
        var without = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,-x2,+x3,-x5", "--out", dir.File("b"));
        Assert.True(without.ExitCode == 0, without.Error);
        var wa = File.ReadAllLines(Path.Combine(dir.File("a"), "weights.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
        var wb = File.ReadAllLines(Path.Combine(dir.File("b"), "weights.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
        Assert.Equal("0", wa["x4"][2]);
        Assert.Equal("", wa["x4"][3]);
        foreach (var k in wb.Keys) Assert.Equal(wb[k][2], wa[k][2]);
        var sa = File.ReadAllLines(Path.Combine(dir.File("a"), "scores.csv")).Skip(1).Select(l => l.Split(',')[2]);
        var sb = File.ReadAllLines(Path.Combine(dir.File("b"), "scores.csv")).Skip(1).Select(l => l.Split(',')[2]);
        Assert.Equal(sb, sa);
        Assert.Contains("constant_indicators\": \"drop", File.ReadAllText(Path.Combine(dir.File("a"), "run.json")));
    }

    [Fact]
    public void Should_leave_the_sub_score_of_a_node_with_only_dropped_indicators_empty()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv((_, _, c) => c is "x4" or "x5" ? "7" : null));
        var fw = dir.Write("fw.yaml", CompositeIndexReferenceTests.FrameworkYaml);
        foreach (var agg in new[] { "linear", "topsis", "gra" })
        {
            var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--framework", fw, "--constant", "drop", "--weight-level", "nodes",
                "--aggregate", agg, "--out", dir.File(agg));
            Assert.True(r.ExitCode == 0, agg + ": " + r.Error);
            Assert.Contains("node 'beta'", r.Error);
            Assert.All(File.ReadAllLines(Path.Combine(dir.File(agg), "scores.csv")).Skip(1), l => Assert.EndsWith(",", l));
        }
        var all = dir.Write("c.csv", Csv((_, _, c) => "7"));
        var r2 = CliRunner.Run("index", all, "--id", "code", "--time", "year", "--indicators", "+x1,+x2", "--constant", "drop", "--out", dir.File("z"));
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains("every indicator is constant", r2.Error);
    }

    [Fact]
    public void Should_exit_3_when_a_period_with_one_entity_has_no_distinct_ideals()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", Csv() + "110000,2023,1,2,3,4,5\n");
        var r = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+x2", "--aggregate", "topsis", "--ideal", "period", "--out", dir.File("o"));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("p.csv", r.Error);
        Assert.Contains("--ideal pooled", r.Error);
        var ok = CliRunner.Run("index", data, "--id", "code", "--time", "year", "--indicators", "+x1,+x2", "--aggregate", "topsis", "--out", dir.File("o"));
        Assert.True(ok.ExitCode == 0, ok.Error);
    }
}
