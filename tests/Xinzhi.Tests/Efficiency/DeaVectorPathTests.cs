using Xinzhi.Efficiency;
using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Tests.Efficiency;

/// <summary>
/// The AVX2 paths (ratio scan, pricing of column generation, dominance filter, the kernel's fused pricing) must give
/// exactly the results of their scalar twins: same scores, peers and λ, bit for bit. In the column-generation
/// collection because both switch process-wide settings.
/// </summary>
[Collection("ColumnGeneration")]
public sealed class DeaVectorPathTests
{
    private static DeaResult Run(DeaData data, ReturnsToScale rts, DeaOrientation o, bool vector)
    {
        var (saved, savedKernel) = (DeaReferenceSet.Vectorised, RevisedSimplexKernel.VectorPricing);
        DeaReferenceSet.Vectorised = vector && saved;
        RevisedSimplexKernel.VectorPricing = vector && savedKernel;
        try
        {
            return Dea.Evaluate(data, new DeaOptions { ReturnsToScale = rts, Orientation = o, Parallel = false });
        }
        finally
        {
            (DeaReferenceSet.Vectorised, RevisedSimplexKernel.VectorPricing) = (saved, savedKernel);
        }
    }

    private static void AssertSame(DeaResult a, DeaResult b, string label)
    {
        Assert.Equal(a.FrontierSize, b.FrontierSize);
        Assert.Equal(a.TotalIterations, b.TotalIterations);
        for (var j = 0; j < a.Units.Count; j++)
        {
            Assert.True(a.Units[j].Efficiency.Equals(b.Units[j].Efficiency), $"{label} unit {j}: {a.Units[j].Efficiency:R} vs {b.Units[j].Efficiency:R}");
            Assert.Equal(a.Units[j].Peers, b.Units[j].Peers);
            Assert.Equal(a.Units[j].PeerLambdas, b.Units[j].PeerLambdas);
        }
    }

    [Fact]
    public void Vector_and_scalar_paths_agree_bit_for_bit_with_screening()
    {
        var d = DeaTestData.Load("synthetic_dea_n2000");
        var data = DeaData.FromArrays(d.X, d.Y);
        foreach (var (rts, o) in new[] { (ReturnsToScale.Variable, DeaOrientation.Input), (ReturnsToScale.Constant, DeaOrientation.Output) })
            AssertSame(Run(data, rts, o, true), Run(data, rts, o, false), $"n2000 {rts} {o}");
    }

    [Fact]
    public void Vector_and_scalar_paths_agree_bit_for_bit_under_column_generation()
    {
        var d = DeaTestData.Load("synthetic_dea_n500");
        var data = DeaData.FromArrays(d.X, d.Y);
        var saved = DeaReferenceSet.ColumnGenerationThreshold;
        DeaReferenceSet.ColumnGenerationThreshold = 30;
        try
        {
            foreach (var (rts, o) in new[] { (ReturnsToScale.Variable, DeaOrientation.Input), (ReturnsToScale.Variable, DeaOrientation.Output) })
            {
                var vector = Run(data, rts, o, true);
                Assert.True(vector.FrontierSize > 30, "column generation was expected to apply");
                AssertSame(vector, Run(data, rts, o, false), $"n500 forced column generation {rts} {o}");
            }
        }
        finally
        {
            DeaReferenceSet.ColumnGenerationThreshold = saved;
        }
    }

    [Fact]
    public void Vector_and_scalar_paths_agree_on_wide_data_with_zero_inputs()
    {
        // 6 inputs and 3 outputs (beyond the one-pass kernels: 4 + 4 ratio variables, 8 pricing variables), with
        // zeros in one input (1/x₀ = ∞ in the ratio scan for the units that have them).
        const int seed = 20261201;
        var rng = new Random(seed);
        const int n = 700;
        var x = new double[n, 6];
        var y = new double[n, 3];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < 6; i++) x[j, i] = 10 + 90 * rng.NextDouble();
            if (j % 7 == 0) x[j, 5] = 0;
            for (var r = 0; r < 3; r++) y[j, r] = (5 + 45 * rng.NextDouble()) * Math.Pow(x[j, r], 0.3);
        }
        var data = DeaData.FromArrays(x, y);
        var saved = DeaReferenceSet.ColumnGenerationThreshold;
        DeaReferenceSet.ColumnGenerationThreshold = 30;
        try
        {
            foreach (var (rts, o) in new[] { (ReturnsToScale.Variable, DeaOrientation.Input), (ReturnsToScale.Constant, DeaOrientation.Output) })
            {
                var vector = Run(data, rts, o, true);
                Assert.True(vector.FrontierSize > 30, $"seed {seed}: column generation was expected to apply");
                AssertSame(vector, Run(data, rts, o, false), $"seed {seed} wide {rts} {o}");
            }
        }
        finally
        {
            DeaReferenceSet.ColumnGenerationThreshold = saved;
        }
    }
}
