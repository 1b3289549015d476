using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Frameworks;
using Xinzhi.Indices;

namespace Xinzhi.Tests.Indices;

/// <summary>
/// Weights and scores of <see cref="CompositeIndex"/> against <see cref="IndexReference"/> to 1e-9 on random panels, for
/// every weighting × aggregation × scope × zero option × weight scope (seed printed on failure).
/// </summary>
public sealed class CompositeIndexReferenceTests
{
    internal const string FrameworkYaml = """
        id: test-fw
        version: "1"
        name_zh: 测试
        name_en: Test
        status: verified
        source: test
        nodes:
          - id: alpha
            name_zh: 甲
            name_en: Alpha
            indicators:
              - { column: x1, name_zh: 一, name_en: one, direction: "+" }
              - { column: x2, name_zh: 二, name_en: two, direction: "-" }
              - { column: x3, name_zh: 三, name_en: three, direction: "+" }
          - id: beta
            name_zh: 乙
            name_en: Beta
            indicators:
              - { column: x4, name_zh: 四, name_en: four, direction: "+" }
              - { column: x5, name_zh: 五, name_en: five, direction: "-" }
        """;

    /// <summary>A consistent AHP matrix from the weights (5, 3, 1, 2, 4): a_ij = v_i / v_j.</summary>
    internal static readonly double[] AhpTrue = [5, 3, 1, 2, 4];

    internal static string AhpCsv()
    {
        var names = new[] { "x1", "x2", "x3", "x4", "x5" };
        var sb = new System.Text.StringBuilder("item," + string.Join(",", names) + "\n");
        for (var i = 0; i < 5; i++)
            sb.Append(names[i]).Append(',').Append(string.Join(",", Enumerable.Range(0, 5).Select(j => $"{AhpTrue[i]}/{AhpTrue[j]}"))).Append('\n');
        return sb.ToString();
    }

    internal static readonly bool[] Cost = [false, true, false, false, true];

    public static IEnumerable<object[]> Cases()
    {
        string[] weights = ["entropy", "critic", "cv", "equal", "pca", "scatter", "ahp:T.csv", "combine:entropy*ahp:T.csv", "combine:game(entropy,critic)", "combine:mean(entropy,cv)"];
        string[] aggregates = ["linear", "topsis", "gra"];
        string[] scopes = ["pooled", "period"];
        string[] zeros = ["none", "shift:0.01", "rescale:0.002:0.998", "epsilon:1e-10"];
        string[] weightScopes = ["pooled", "period"];
        foreach (var w in weights)
            foreach (var a in aggregates)
                foreach (var s in scopes)
                    foreach (var z in zeros)
                        foreach (var ws in weightScopes)
                            yield return [w, a, s, z, ws];
    }

    internal static (Panel Panel, double[][] Raw, int[] Period) RandomPanel(int seed, int entities = 7, int periods = 4, int m = 5)
    {
        var rng = new Random(seed);
        var n = entities * periods;
        var ids = new string[n];
        var times = new int[n];
        var raw = new double[n][];
        for (var e = 0; e < entities; e++)
            for (var t = 0; t < periods; t++)
            {
                var i = e * periods + t;
                ids[i] = "E" + e.ToString(CultureInfo.InvariantCulture);
                times[i] = 2010 + t;
                raw[i] = Enumerable.Range(0, m).Select(_ => 1 + 99 * rng.NextDouble()).ToArray();
            }
        var vars = Enumerable.Range(0, m).Select(j => new KeyValuePair<string, double[]>("x" + (j + 1), raw.Select(r => r[j]).ToArray())).ToList();
        var panel = new Panel("random.csv", "id", "year", ids, times, vars);
        return (panel, raw, times.Select(t => t - 2010).ToArray());
    }

    internal static int Seed(params string[] parts) =>
        parts.Aggregate(17, (h, s) => unchecked(h * 31 + s.Aggregate(0, (a, c) => unchecked(a * 131 + c)))) & 0x7fffffff;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_match_the_independent_formulas(string weights, string aggregate, string scope, string zero, string weightScope)
    {
        var seed = Seed(weights, aggregate, scope, zero, weightScope);
        var (panel, raw, period) = RandomPanel(seed);
        var n = raw.Length;
        var model = IndexModel.FromFramework(FrameworkLoader.Parse(FrameworkYaml, "test.yaml"));
        var options = new IndexOptions
        {
            Scope = scope == "pooled" ? NormalizationScope.Pooled : NormalizationScope.Period,
            Ideal = scope == "pooled" ? IdealScope.Pooled : IdealScope.Period,
            Zero = ZeroHandling.Parse(zero),
            Weights = WeightMethod.Parse(weights, p => AhpFile.Parse(AhpCsv(), p)),
            WeightScope = weightScope == "pooled" ? WeightScope.Pooled : WeightScope.Period,
            Aggregation = Enum.Parse<Aggregation>(aggregate, ignoreCase: true),
        };
        var result = CompositeIndex.Compute(panel, model, options);

        // Oracle.
        var pooled = new int[n];
        var z = IndexReference.MinMax(raw, Cost, scope == "pooled" ? pooled : period, zero);
        var eps = IndexReference.Epsilon(zero);
        double[] WeightsOf(double[][] rows) => weights switch
        {
            "entropy" => IndexReference.Entropy(rows, eps).W,
            "critic" => IndexReference.Critic(rows),
            "cv" => IndexReference.Cv(rows),
            "equal" => IndexReference.Equal(5),
            "pca" => IndexReference.Pca(rows),
            "scatter" => IndexReference.Scatter(rows),
            "ahp:T.csv" => AhpExpected(),
            "combine:entropy*ahp:T.csv" => IndexReference.Product(IndexReference.Entropy(rows, eps).W, AhpExpected()),
            "combine:game(entropy,critic)" => IndexReference.Game(IndexReference.Entropy(rows, eps).W, IndexReference.Critic(rows)),
            _ => IndexReference.Entropy(rows, eps).W.Zip(IndexReference.Cv(rows), (a, b) => (a + b) / 2).ToArray(),
        };
        var rowWeights = new double[n][];
        double[] expectedWeights;
        if (weightScope == "pooled")
        {
            expectedWeights = WeightsOf(z);
            for (var i = 0; i < n; i++) rowWeights[i] = expectedWeights;
        }
        else
        {
            var perPeriod = Enumerable.Range(0, 4).Select(t => WeightsOf(z.Where((_, i) => period[i] == t).ToArray())).ToArray();
            for (var i = 0; i < n; i++) rowWeights[i] = perPeriod[period[i]];
            expectedWeights = Enumerable.Range(0, 5).Select(j => perPeriod.Average(w => w[j])).ToArray();
        }
        var ideal = scope == "pooled" ? pooled : period;
        double[] Score(int[] cols) => aggregate switch
        {
            "linear" => IndexReference.Linear(z, rowWeights, cols),
            "topsis" => IndexReference.Topsis(z, rowWeights, ideal, cols),
            _ => IndexReference.Gra(z, rowWeights, ideal, cols, 0.5),
        };
        var expectedScores = Score([0, 1, 2, 3, 4]);
        var expectedAlpha = Score([0, 1, 2]);
        var expectedBeta = Score([3, 4]);

        var msg = $"seed {seed} ({weights}, {aggregate}, {scope}, {zero}, weight scope {weightScope})";
        for (var j = 0; j < 5; j++)
        {
            Assert.True(Math.Abs(result.Weights[j] - expectedWeights[j]) < 1e-9, $"{msg}: weight {j} {result.Weights[j]} vs {expectedWeights[j]}");
            for (var i = 0; i < n; i++)
                Assert.True(Math.Abs(result.Normalized[j][i] - z[i][j]) < 1e-12, $"{msg}: x'[{i},{j}]");
        }
        for (var i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(result.Scores[i] - expectedScores[i]) < 1e-9, $"{msg}: score {i} {result.Scores[i]} vs {expectedScores[i]}");
            Assert.True(Math.Abs(result.NodeScores[0][i] - expectedAlpha[i]) < 1e-9, $"{msg}: node alpha {i}");
            Assert.True(Math.Abs(result.NodeScores[1][i] - expectedBeta[i]) < 1e-9, $"{msg}: node beta {i}");
            var better = Enumerable.Range(0, n).Count(k => period[k] == period[i] && expectedScores[k] > expectedScores[i] + 1e-12);
            Assert.True(better + 1 == result.Ranks[i], $"{msg}: rank {i}");
        }
        if (weights == "entropy" && weightScope == "pooled")
        {
            var e = IndexReference.Entropy(z, eps).E;
            for (var j = 0; j < 5; j++)
            {
                Assert.True(Math.Abs(result.Entropy![j] - e[j]) < 1e-9, $"{msg}: e_{j}");
                Assert.True(Math.Abs(result.Divergence![j] - (1 - e[j])) < 1e-9, $"{msg}: d_{j}");
            }
        }
    }

    private static double[] AhpExpected()
    {
        var a = new double[5, 5];
        for (var i = 0; i < 5; i++) for (var j = 0; j < 5; j++) a[i, j] = AhpTrue[i] / AhpTrue[j];
        return IndexReference.Ahp(a).W;
    }

    public static IEnumerable<object[]> NodeCases() =>
        from w in new[] { "entropy", "critic", "equal" } from a in new[] { "linear", "topsis" } select new object[] { w, a };

    /// <summary>Level-by-level weights: within each node, then across nodes on the nodes' sub-scores.</summary>
    [Theory]
    [MemberData(nameof(NodeCases))]
    public void Should_weight_level_by_level(string weights, string aggregate)
    {
        var seed = Seed("nodes", weights, aggregate);
        var (panel, raw, _) = RandomPanel(seed);
        var model = IndexModel.FromFramework(FrameworkLoader.Parse(FrameworkYaml, "test.yaml"));
        var result = CompositeIndex.Compute(panel, model, new IndexOptions
        {
            Weights = WeightMethod.Parse(weights),
            WeightLevel = WeightLevel.Nodes,
            Aggregation = Enum.Parse<Aggregation>(aggregate, ignoreCase: true),
        });
        var n = raw.Length;
        var z = IndexReference.MinMax(raw, Cost, new int[n], "none");
        double[] W(double[][] rows) => weights switch
        {
            "entropy" => IndexReference.Entropy(rows, 0).W,
            "critic" => IndexReference.Critic(rows),
            _ => IndexReference.Equal(rows[0].Length),
        };
        var za = z.Select(r => r[..3]).ToArray();
        var zb = z.Select(r => r[3..]).ToArray();
        var wa = W(za);
        var wb = W(zb);
        var sa = za.Select(r => r.Zip(wa, (x, w) => x * w).Sum()).ToArray();
        var sb = zb.Select(r => r.Zip(wb, (x, w) => x * w).Sum()).ToArray();
        var top = W(sa.Zip(sb, (a, b) => new[] { a, b }).ToArray());
        double[] expected = [top[0] * wa[0], top[0] * wa[1], top[0] * wa[2], top[1] * wb[0], top[1] * wb[1]];
        for (var j = 0; j < 5; j++)
            Assert.True(Math.Abs(result.Weights[j] - expected[j]) < 1e-9, $"seed {seed}: weight {j} {result.Weights[j]} vs {expected[j]}");
        var rowWeights = Enumerable.Repeat(expected, n).ToArray();
        var scores = aggregate == "linear" ? IndexReference.Linear(z, rowWeights, [0, 1, 2, 3, 4]) : IndexReference.Topsis(z, rowWeights, new int[n], [0, 1, 2, 3, 4]);
        for (var i = 0; i < n; i++) Assert.True(Math.Abs(result.Scores[i] - scores[i]) < 1e-9, $"seed {seed}: score {i}");
    }

    public static IEnumerable<object[]> MoreCases()
    {
        foreach (var zero in new[] { "none", "shift:0.01", "rescale:0.002:0.998" })
        {
            foreach (var distance in new[] { "weighted-values", "weights-inside-root" })
                foreach (var ideal in new[] { "pooled", "period", "theoretical" })
                    yield return ["topsis", ideal, distance, zero, "pooled", 1.0];
            yield return ["gra", "theoretical", "weighted-values", zero, "period", 1.0];
        }
        foreach (var ws in new[] { "pooled", "period" })
            yield return ["linear-shares", "pooled", "weighted-values", "none", ws, 100.0];
        yield return ["topsis", "period", "weighted-values", "none", "period", 100.0];
        yield return ["topsis", "pooled", "weighted-values", "none", "period-mean", 1.0];
        yield return ["linear-shares", "pooled", "weighted-values", "none", "period-mean", 1.0];
    }

    /// <summary>The other register variants: theoretical ideals (V09), weights inside the root (V10), Σ w p and ×100 (V06).</summary>
    [Theory]
    [MemberData(nameof(MoreCases))]
    public void Should_match_the_independent_formulas_for_the_other_variants(string aggregate, string ideal, string distance, string zero, string weightScope, double scale)
    {
        var seed = Seed(aggregate, ideal, distance, zero, weightScope);
        var (panel, raw, period) = RandomPanel(seed);
        var n = raw.Length;
        var model = IndexModel.FromFramework(FrameworkLoader.Parse(FrameworkYaml, "test.yaml"));
        var shares = aggregate == "linear-shares";
        var result = CompositeIndex.Compute(panel, model, new IndexOptions
        {
            Zero = ZeroHandling.Parse(zero),
            Aggregation = shares ? Aggregation.Linear : Enum.Parse<Aggregation>(aggregate, ignoreCase: true),
            ScoreFormula = shares ? ScoreFormula.WeightedShares : ScoreFormula.WeightedValues,
            Ideal = Enum.Parse<IdealScope>(ideal, ignoreCase: true),
            TopsisDistance = distance == "weighted-values" ? TopsisDistance.WeightedValues : TopsisDistance.WeightsInsideRoot,
            WeightScope = weightScope == "pooled" ? WeightScope.Pooled : weightScope == "period" ? WeightScope.Period : WeightScope.PeriodMean,
            Scale = scale,
        });
        var z = IndexReference.MinMax(raw, Cost, new int[n], zero);
        var eps = IndexReference.Epsilon(zero);
        var rowWeights = new double[n][];
        if (weightScope == "pooled")
        {
            var w = IndexReference.Entropy(z, eps).W;
            for (var i = 0; i < n; i++) rowWeights[i] = w;
        }
        else
        {
            var perPeriod = Enumerable.Range(0, 4).Select(t => IndexReference.Entropy(z.Where((_, i) => period[i] == t).ToArray(), eps).W).ToArray();
            var mean = Enumerable.Range(0, 5).Select(j => perPeriod.Average(w => w[j])).ToArray();
            for (var i = 0; i < n; i++) rowWeights[i] = weightScope == "period" ? perPeriod[period[i]] : mean;
        }
        (double Lo, double Hi)? bounds = ideal != "theoretical" ? null
            : zero == "none" ? (0.0, 1.0) : zero.StartsWith("shift", StringComparison.Ordinal) ? (0.01, 1.01) : (0.002, 0.998);
        var group = ideal == "period" ? period : new int[n];
        double[] Score(int[] cols) => aggregate switch
        {
            "topsis" => IndexReference.TopsisGeneral(z, rowWeights, group, cols, distance != "weighted-values", bounds),
            "gra" => IndexReference.GraFixed(z, rowWeights, cols, bounds!.Value.Hi, 0.5),
            _ => IndexReference.LinearShares(z, rowWeights, weightScope == "pooled" ? new int[n] : period, cols),
        };
        var expected = Score([0, 1, 2, 3, 4]);
        var alpha = Score([0, 1, 2]);
        var msg = $"seed {seed} ({aggregate}, {ideal}, {distance}, {zero}, {weightScope}, x{scale})";
        for (var i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(result.Scores[i] - scale * expected[i]) < 1e-9 * scale, $"{msg}: score {i} {result.Scores[i]} vs {scale * expected[i]}");
            Assert.True(Math.Abs(result.NodeScores[0][i] - scale * alpha[i]) < 1e-9 * scale, $"{msg}: node alpha {i}");
        }
        if (shares && weightScope == "pooled") Assert.Equal(scale, result.Scores.Sum(), 9);
    }
}
