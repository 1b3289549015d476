using System.Diagnostics;
using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Econometrics.Sfa;

namespace Xinzhi.Bench;

/// <summary>
/// BC95 inefficiency-effects frontier on 100,000 simulated observations (2 inputs, 2 z's + δ₀), plus the reference-size
/// fits of oracles.md §2.4, whose R frontier time is "&lt; 0.1 s" (oracles.md §5).
/// </summary>
public sealed class SfaBenchmark : IBenchmark
{
    public string Name => "sfa-bc95";

    public string Description => "SFA: BC95 on 100,000 simulated observations; EG1 and riceProdPhil BC95 vs frontier's < 0.1 s";

    private const double FrontierSeconds = 0.1;

    public void Run(TextWriter output)
    {
        const int seed = 20261201;
        const int n = 100_000;
        var rng = new Random(seed);
        double G() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var x1 = new double[n];
        var x2 = new double[n];
        var z1 = new double[n];
        var z2 = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x1[i] = 3 * rng.NextDouble();
            x2[i] = 2 * rng.NextDouble();
            z1[i] = rng.NextDouble();
            z2[i] = G();
            var mu = 0.1 + 0.5 * z1[i] - 0.2 * z2[i];
            double u;
            do u = mu + 0.3 * G(); while (u < 0);
            y[i] = 1 + 0.4 * x1[i] + 0.5 * x2[i] + 0.15 * G() - u;
        }
        var data = new SfaData { Y = y, X = [x1, x2], XNames = ["x1", "x2"], Z = [z1, z2], ZNames = ["z1", "z2"] };
        output.WriteLine($"   simulated BC95: n = {n}, seed {seed}, true β = (1, 0.4, 0.5), δ = (0.1, 0.5, -0.2), σ_u = 0.3, σ_v = 0.15");
        _ = new StochasticFrontier(new SfaData { Y = y[..2000], X = [x1[..2000], x2[..2000]], XNames = ["x1", "x2"], Z = [z1[..2000], z2[..2000]], ZNames = ["z1", "z2"] })
            .Fit(new SfaOptions { Model = SfaModel.BC95 }); // JIT warm-up
        var sw = Stopwatch.StartNew();
        var fit = new StochasticFrontier(data).Fit(new SfaOptions { Model = SfaModel.BC95 });
        var seconds = sw.Elapsed.TotalSeconds;
        output.WriteLine($"   BC95 n = {n}, default (FRONTIER 4.1 DFP): {seconds:F3} s, ln L = {fit.LogLikelihood:F4}, iterations {fit.Iterations} + {fit.PolishIterations} Newton, {fit.FunctionEvaluations} likelihood evaluations, converged {fit.Converged}");
        for (var j = 0; j < fit.Names.Count; j++)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"     {fit.Names[j],-14} {fit.Estimates[j],10:F5} ({fit.StandardErrors[j]:F5})"));
        // The full-convergence path (the default before FRONTIER 4.1's procedure was replicated), for comparison.
        sw.Restart();
        var newton = new StochasticFrontier(data).Fit(new SfaOptions { Model = SfaModel.BC95, Optimizer = SfaOptimizer.Newton });
        output.WriteLine($"   BC95 n = {n}, --optimizer newton: {sw.Elapsed.TotalSeconds:F3} s, ln L = {newton.LogLikelihood:F4}, iterations {newton.Iterations} + {newton.PolishIterations} Newton, {newton.FunctionEvaluations} likelihood evaluations");
        output.WriteLine("   peer: R frontier has no published time for this size (oracles.md §5 lists only '< 0.1 s' on the reference datasets)");

        var front = TableReader.Read(Path.Combine(SharedData(), "frontier_front41Data.csv"));
        double[] Col(RawTable t, string c) => t.Column(c).Select(v => Math.Log(double.Parse(v!, CultureInfo.InvariantCulture))).ToArray();
        var eg1 = new SfaData { Y = Col(front, "output"), X = [Col(front, "capital"), Col(front, "labour")], XNames = ["lK", "lL"] };
        Time(output, "EG1 half-normal (n = 60)", () => new StochasticFrontier(eg1).Fit(new SfaOptions()));
        var rice = TableReader.Read(Path.Combine(SharedData(), "frontier_riceProdPhil.csv"));
        double[] Raw(string c) => rice.Column(c).Select(v => double.Parse(v!, CultureInfo.InvariantCulture)).ToArray();
        var riceData = new SfaData
        {
            Y = Col(rice, "PROD"), X = [Col(rice, "AREA"), Col(rice, "LABOR"), Col(rice, "NPK")], XNames = ["lA", "lL", "lN"],
            Z = new[] { "EDYRS", "HHSIZE", "NADULT", "BANRAT", "AGE" }.Select(Raw).ToArray(), ZNames = ["EDYRS", "HHSIZE", "NADULT", "BANRAT", "AGE"],
        };
        Time(output, "riceProdPhil BC95 (n = 344)", () => new StochasticFrontier(riceData).Fit(new SfaOptions { Model = SfaModel.BC95 }));
        var panel = riceData with { Z = [], ZNames = [], Ids = rice.Column("FMERCODE").Select(c => c!).ToArray(), Times = Raw("YEARDUM").Select(v => (int)v).ToArray() };
        Time(output, "riceProdPhil BC92 truncated (n = 344)", () => new StochasticFrontier(panel).Fit(
            new SfaOptions { Model = SfaModel.BC92, Distribution = InefficiencyDistribution.TruncatedNormal }));
    }

    private static void Time(TextWriter output, string label, Func<SfaResult> fit)
    {
        fit();
        const int reps = 5;
        var sw = Stopwatch.StartNew();
        for (var r = 0; r < reps; r++) fit();
        var s = sw.Elapsed.TotalSeconds / reps;
        output.WriteLine($"   {label}: {s * 1000:F1} ms per fit; ratio to frontier's < {FrontierSeconds} s: ≤ {s / FrontierSeconds:F3} (an upper bound of the peer time)");
    }

    private static string SharedData()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Xinzhi.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "..", "shared", "data");
    }
}
