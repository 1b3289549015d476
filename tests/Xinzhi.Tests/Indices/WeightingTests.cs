using FsCheck;
using FsCheck.Xunit;
using Xinzhi.Data;
using Xinzhi.Frameworks;
using Xinzhi.Indices;

namespace Xinzhi.Tests.Indices;

public sealed class WeightingTests
{
    /// <summary>Saaty's textbook 3×3 example: w ≈ (0.6370, 0.2583, 0.1047), λmax ≈ 3.0385, CI ≈ 0.0193, CR ≈ 0.0332 (RI = 0.58).</summary>
    [Fact]
    public void Should_reproduce_the_textbook_AHP_consistency_ratio()
    {
        var file = AhpFile.Parse("item,a,b,c\na,1,3,5\nb,1/3,1,3\nc,1/5,1/3,1\n", "saaty.csv");
        var diag = new WeightDiagnostics();
        var input = new WeightInput([[0.0], [0.0], [0.0]], ["a", "b", "c"], "test", "data.csv", [2]);
        var w = Weighting.Ahp(new WeightMethod.AhpMethod("saaty.csv", file), input, force: false, diag);
        Assert.Equal(0.6370, w[0], 4);
        Assert.Equal(0.2583, w[1], 4);
        Assert.Equal(0.1047, w[2], 4);
        var c = Assert.Single(diag.Ahp);
        Assert.Equal(3.0385, c.LambdaMax, 4);
        Assert.Equal(0.0193, c.ConsistencyIndex, 4);
        Assert.Equal(0.58, c.RandomIndex);
        Assert.Equal(0.0332, c.ConsistencyRatio, 4);
        Assert.True(c.Accepted);
    }

    [Theory]
    [InlineData(AhpWeighting.Geometric)]
    [InlineData(AhpWeighting.Arithmetic)]
    public void Should_compute_the_AHP_row_mean_variants(AhpWeighting kind)
    {
        double[,] a = { { 1, 3, 5 }, { 1.0 / 3, 1, 3 }, { 1.0 / 5, 1.0 / 3, 1 } };
        var file = AhpFile.Parse("item,a,b,c\na,1,3,5\nb,1/3,1,3\nc,1/5,1/3,1\n", "saaty.csv");
        var diag = new WeightDiagnostics();
        var input = new WeightInput([[0.0], [0.0], [0.0]], ["a", "b", "c"], "test", "data.csv", [2]);
        var w = Weighting.Ahp(new WeightMethod.AhpMethod("saaty.csv", file), input, force: false, diag, kind);
        double[] expected = kind == AhpWeighting.Geometric
            ? [Math.Cbrt(15), Math.Cbrt(1.0), Math.Cbrt(1.0 / 15)]
            : Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Sum(j => a[i, j] / Enumerable.Range(0, 3).Sum(k => a[k, j])) / 3).ToArray();
        var total = expected.Sum();
        for (var i = 0; i < 3; i++) Assert.Equal(expected[i] / total, w[i], 12);
        var lambda = Enumerable.Range(0, 3).Average(i => Enumerable.Range(0, 3).Sum(j => a[i, j] * w[j]) / w[i]);
        Assert.Equal(lambda, Assert.Single(diag.Ahp).LambdaMax, 12);
    }

    [Fact]
    public void Should_use_the_population_sd_in_CRITIC_when_asked()
    {
        var (panel, raw, _) = CompositeIndexReferenceTests.RandomPanel(99);
        var model = Model();
        var r = CompositeIndex.Compute(panel, model, new IndexOptions { Weights = WeightMethod.Parse("critic"), CriticSd = StandardDeviation.Population });
        var z = IndexReference.MinMax(raw, CompositeIndexReferenceTests.Cost, new int[raw.Length], "none");
        var expected = IndexReference.CriticPopulation(z);
        for (var j = 0; j < 5; j++) Assert.True(Math.Abs(r.Weights[j] - expected[j]) < 1e-12, $"seed 99: weight {j}");
    }

    [Fact]
    public void Should_reject_an_inconsistent_AHP_matrix_unless_forced()
    {
        // a > b > c but c > a strongly: CR ≈ 0.48.
        var file = AhpFile.Parse("item,a,b,c\na,1,1/9,1/9\nb,9,1,1/9\nc,9,9,1\n", "bad.csv");
        var input = new WeightInput([[0.0], [0.0], [0.0]], ["a", "b", "c"], "test", "data.csv", [2]);
        var ex = Assert.Throws<DataValidationException>(() =>
            Weighting.Ahp(new WeightMethod.AhpMethod("bad.csv", file), input, force: false, new WeightDiagnostics()));
        Assert.Contains("bad.csv", ex.Message);
        Assert.Contains("CR = 0.48", ex.Message);
        var diag = new WeightDiagnostics();
        Weighting.Ahp(new WeightMethod.AhpMethod("bad.csv", file), input, force: true, diag);
        Assert.Single(diag.Warnings);
    }

    [Fact]
    public void Should_name_file_row_and_column_of_a_bad_AHP_cell()
    {
        var ex = Assert.Throws<DataValidationException>(() => AhpFile.Parse("item,a,b\na,1,x\nb,1/3,1\n", "ahp.csv"));
        var issue = Assert.Single(ex.Issues);
        Assert.Equal(("ahp.csv", 2, "b"), (issue.File, issue.Row, issue.Column));
        var ex2 = Assert.Throws<DataValidationException>(() => AhpFile.Parse("item,a,b\na,1,3\nb,1/2,1\n", "ahp.csv"));
        Assert.Contains("not reciprocal", ex2.Message);
        Assert.Equal(3, ex2.Issues[0].Row);
    }

    [Theory]
    [InlineData("entropy", "entropy")]
    [InlineData("combine:entropy*ahp:F.csv", "entropy*ahp:F.csv")]
    [InlineData("combine:game(entropy, critic)", "game(entropy,critic)")]
    [InlineData("combine:mean(entropy,cv)*ahp:F.csv", "mean(entropy,cv)*ahp:F.csv")]
    public void Should_parse_the_weights_syntax(string text, string canonical)
    {
        var m = WeightMethod.Parse(text, p => AhpFile.Parse("item,a,b\na,1,2\nb,1/2,1\n", p));
        Assert.Equal(canonical, m.ToString());
    }

    [Theory]
    [InlineData("entropyy")]
    [InlineData("combine:game(entropy)")]
    [InlineData("combine:entropy*")]
    [InlineData("ahp")]
    public void Should_reject_bad_weights_syntax(string text) =>
        Assert.Throws<SpecificationException>(() => WeightMethod.Parse(text, p => AhpFile.Parse("item,a\na,1\n", p)));

    private static readonly string[] Methods = ["entropy", "critic", "cv", "equal", "pca", "scatter", "combine:game(entropy,critic)", "combine:entropy*cv", "combine:mean(pca,critic)"];

    private static IndexModel Model() => IndexModel.FromFramework(FrameworkLoader.Parse(CompositeIndexReferenceTests.FrameworkYaml, "t.yaml"));

    [Property(MaxTest = 60)]
    public bool Weights_are_non_negative_and_sum_to_one(int seed, byte method, bool nodes, bool perPeriod)
    {
        var (panel, _, _) = CompositeIndexReferenceTests.RandomPanel(seed & 0x7fffffff);
        var r = CompositeIndex.Compute(panel, Model(), new IndexOptions
        {
            Weights = WeightMethod.Parse(Methods[method % Methods.Length]),
            WeightLevel = nodes ? WeightLevel.Nodes : WeightLevel.Leaves,
            WeightScope = perPeriod ? WeightScope.Period : WeightScope.Pooled,
        });
        return r.Weights.All(w => w >= 0) && Math.Abs(r.Weights.Sum() - 1) < 1e-12
               && (r.WeightsByPeriod ?? []).All(wp => wp.All(w => w >= 0) && Math.Abs(wp.Sum() - 1) < 1e-12);
    }

    private static Panel Scale(Panel p, string column, double factor) =>
        p.WithVariable(column, p.Variable(column).Select(v => v * factor).ToArray());

    [Property(MaxTest = 60)]
    public bool Scores_are_invariant_to_an_indicator_s_units(int seed, byte norm, byte method, byte agg, PositiveInt unit)
    {
        var (panel, _, _) = CompositeIndexReferenceTests.RandomPanel(seed & 0x7fffffff);
        var options = new IndexOptions
        {
            Normalization = (Normalization)(norm % 4),
            Weights = WeightMethod.Parse(Methods[method % Methods.Length]),
            Aggregation = (Aggregation)(agg % 3),
        };
        var factor = 1 + unit.Get % 1000 / 7.0;
        var a = CompositeIndex.Compute(panel, Model(), options);
        var b = CompositeIndex.Compute(Scale(Scale(panel, "x2", factor), "x4", 1 / factor), Model(), options);
        return a.Scores.Zip(b.Scores).All(p => Math.Abs(p.First - p.Second) < 1e-9)
               && a.Weights.Zip(b.Weights).All(p => Math.Abs(p.First - p.Second) < 1e-9);
    }

    [Property(MaxTest = 60)]
    public bool Reversing_a_cost_indicator_and_negating_its_column_gives_the_same_weights(int seed, bool zscore, byte method, byte agg)
    {
        var (panel, _, _) = CompositeIndexReferenceTests.RandomPanel(seed & 0x7fffffff);
        var options = new IndexOptions
        {
            Normalization = zscore ? Normalization.ZScore : Normalization.MinMax,
            Weights = WeightMethod.Parse(Methods[method % Methods.Length]),
            Aggregation = (Aggregation)(agg % 3),
        };
        var a = CompositeIndex.Compute(panel, Model(), options);
        var yaml = CompositeIndexReferenceTests.FrameworkYaml.Replace("{ column: x2, name_zh: 二, name_en: two, direction: \"-\" }", "{ column: x2, name_zh: 二, name_en: two, direction: \"+\" }");
        Assert.NotEqual(CompositeIndexReferenceTests.FrameworkYaml, yaml);
        var b = CompositeIndex.Compute(Scale(panel, "x2", -1), IndexModel.FromFramework(FrameworkLoader.Parse(yaml, "t.yaml")), options);
        return a.Weights.Zip(b.Weights).All(p => Math.Abs(p.First - p.Second) < 1e-12)
               && a.Scores.Zip(b.Scores).All(p => Math.Abs(p.First - p.Second) < 1e-12);
    }
}
