using Xinzhi.Econometrics.ProductionFunctions;
using Xinzhi.Econometrics.Regression;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

public sealed class PerfScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Timing()
    {
        var spec = new ProductionFunctionSpec(ChileanData.Panel, "Y", ["fX1", "fX2"], ["sX"], "pX");
        var o = new ProductionFunctionOptions { Method = ProductionFunctionMethod.Acf, BootstrapReplications = 0, Start = StartValueRule.Given, StartValues = [0.5, 0.5, 0.5] };
        spec.Fit(o);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) spec.Fit(o);
        output.WriteLine($"fit x10: {sw.ElapsedMilliseconds} ms");
        var y = ChileanData.Panel.Variable("Y");
        var cols = Enumerable.Range(0, 15).Select(j => ChileanData.Panel.Variable("sX").Select(v => Math.Pow(v, 1 + j % 3) + j).ToArray()).ToList();
        cols[0] = Enumerable.Repeat(1.0, y.Length).ToArray();
        sw.Restart();
        for (var i = 0; i < 10; i++) { try { LinearRegression.Fit(y, cols, cols.Select((_, j) => "c" + j).ToList()); } catch (Exception) { } }
        output.WriteLine($"ols x10: {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        for (var i = 0; i < 10; i++) spec.Fit(o with { Optimizer = SecondStageOptimizer.NelderMead });
        output.WriteLine($"nm fit x10: {sw.ElapsedMilliseconds} ms");
    }
}
