using Xinzhi.Indices;

namespace Xinzhi.Tests.Indices;

/// <summary>Z-score, ratio and vector standardisation against their textbook formulas (domain.md §3.1).</summary>
public sealed class NormalizationTests
{
    public static IEnumerable<object[]> Cases() =>
        from norm in new[] { "zscore-auto", "zscore-3", "ratio", "vector-max-minus", "vector-reciprocal" }
        from scope in new[] { "pooled", "period" }
        select new object[] { norm, scope };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_standardise_by_the_textbook_formula(string norm, string scope)
    {
        var seed = CompositeIndexReferenceTests.Seed("norm", norm, scope);
        var (panel, raw, period) = CompositeIndexReferenceTests.RandomPanel(seed);
        var n = raw.Length;
        var model = IndexModel.FromFramework(Xinzhi.Frameworks.FrameworkLoader.Parse(CompositeIndexReferenceTests.FrameworkYaml, "t.yaml"));
        var options = new IndexOptions
        {
            Normalization = norm.StartsWith("zscore", StringComparison.Ordinal) ? Normalization.ZScore : norm == "ratio" ? Normalization.Ratio : Normalization.Vector,
            ZScoreShift = norm == "zscore-3" ? 3 : null,
            VectorCost = norm == "vector-reciprocal" ? VectorCostTransform.Reciprocal : VectorCostTransform.MaxMinus,
            Scope = scope == "pooled" ? NormalizationScope.Pooled : NormalizationScope.Period,
            Weights = WeightMethod.Parse("equal"),
        };
        var r = CompositeIndex.Compute(panel, model, options);
        var group = scope == "pooled" ? new int[n] : period;
        for (var j = 0; j < 5; j++)
        {
            var cost = CompositeIndexReferenceTests.Cost[j];
            foreach (var g in group.Distinct())
            {
                var rows = Enumerable.Range(0, n).Where(i => group[i] == g).ToArray();
                var x = rows.Select(i => raw[i][j]).ToArray();
                double[] expected;
                switch (norm)
                {
                    case "zscore-auto" or "zscore-3":
                    {
                        var mean = x.Average();
                        var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
                        var zz = x.Select(v => (cost ? -1 : 1) * (v - mean) / sd).ToArray();
                        var shift = norm == "zscore-3" ? 3 : -zz.Min();
                        expected = zz.Select(v => v + shift).ToArray();
                        break;
                    }
                    case "ratio":
                        expected = x.Select(v => cost ? x.Min() / v : v / x.Max()).ToArray();
                        break;
                    default:
                    {
                        var y = x.Select(v => !cost ? v : norm == "vector-reciprocal" ? 1 / v : x.Max() - v).ToArray();
                        var len = Math.Sqrt(y.Sum(v => v * v));
                        expected = y.Select(v => v / len).ToArray();
                        break;
                    }
                }
                for (var k = 0; k < rows.Length; k++)
                    Assert.True(Math.Abs(r.Normalized[j][rows[k]] - expected[k]) < 1e-12, $"seed {seed} {norm} {scope}: x'[{rows[k]},{j}]");
            }
        }
        // Linear score with equal weights = mean of x'.
        for (var i = 0; i < n; i++)
            Assert.True(Math.Abs(r.Scores[i] - Enumerable.Range(0, 5).Average(j => r.Normalized[j][i])) < 1e-12, $"seed {seed}: score {i}");
    }
}
