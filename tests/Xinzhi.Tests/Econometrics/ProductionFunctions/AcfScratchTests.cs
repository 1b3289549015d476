using Xinzhi.Econometrics.ProductionFunctions;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

public sealed class AcfScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Objective()
    {
        var spec = new ProductionFunctionSpec(ChileanData.Panel, "Y", ["fX1", "fX2"], ["sX"], "pX");
        var specOp = new ProductionFunctionSpec(ChileanData.Panel, "Y", ["fX1", "fX2"], ["sX"], "inv");
        foreach (var (label, o) in new[]
                 {
                     ("bfgs@ref", new ProductionFunctionOptions { Method = ProductionFunctionMethod.Acf, BootstrapReplications = 0, Start = StartValueRule.Given, StartValues = [0.645663009307919, 0.644015554141638, 0.250829898938824], MaxIterations = 1 }),
                     ("nm@0.5", new ProductionFunctionOptions { Method = ProductionFunctionMethod.Acf, BootstrapReplications = 0, Start = StartValueRule.Given, StartValues = [0.5, 0.5, 0.5], Optimizer = SecondStageOptimizer.NelderMead }),
                     ("lm@0.5", new ProductionFunctionOptions { Method = ProductionFunctionMethod.Acf, BootstrapReplications = 0, Start = StartValueRule.Given, StartValues = [0.5, 0.5, 0.5] }),
                     ("lm@fs", new ProductionFunctionOptions { Method = ProductionFunctionMethod.Acf, BootstrapReplications = 0 }),
                     ("nm@fs", new ProductionFunctionOptions { Method = ProductionFunctionMethod.Acf, BootstrapReplications = 0, Optimizer = SecondStageOptimizer.NelderMead }),
                     ("lm-op", new ProductionFunctionOptions { Method = ProductionFunctionMethod.Op, BootstrapReplications = 0 }),
                     ("lm-lp", new ProductionFunctionOptions { Method = ProductionFunctionMethod.Lp, BootstrapReplications = 0 }),
                     ("lm-acf-boot20", new ProductionFunctionOptions { Method = ProductionFunctionMethod.Acf, BootstrapReplications = 20, Start = StartValueRule.Given, StartValues = [0.5, 0.5, 0.5] }),
                 })
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var r = (label == "lm-op" ? specOp : spec).Fit(o);
            var opt = r.Optimization!;
            output.WriteLine($"{label}: {string.Join(" ", r.Coefficients.Select(c => c.ToString("G8")))} start f? obj {opt.Objective:G8} it {opt.Iterations} {opt.ExitReason} conv {opt.Converged} {sw.ElapsedMilliseconds} ms se {string.Join(" ", r.StandardErrors.Select(c => c.ToString("G4")))} fail {r.BootstrapFailures}");
        }
    }
}
