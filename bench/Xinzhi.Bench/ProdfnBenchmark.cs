using System.Diagnostics;
using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Econometrics.ProductionFunctions;

namespace Xinzhi.Bench;

/// <summary>
/// ACF (Cobb-Douglas, value added) with 100 block-bootstrap replications on 50,000 simulated firm-years, plus prodest's
/// own job (ACF on the 2,544 chilean firm-years with R = 20) for the ratio to prodest's timing in oracles.md §5
/// (2.022 s with optim, 1.066 s with solnp, R 4.2.2 on 2 vCPU).
/// </summary>
public sealed class ProdfnBenchmark : IBenchmark
{
    public string Name => "prodfn-acf";

    public string Description => "ACF + 100 bootstrap reps on 50,000 simulated firm-years; prodest's chilean ACF job (R = 20)";

    private const double ProdestAcfSeconds = 2.022;

    public void Run(TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"   hardware: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

        // 1. prodest's job: ACF on chilean, θ₀ = 0.5, R = 20.
        var chileanPath = Path.Combine(FindShared(), "data", "prodest_chilean.csv");
        if (File.Exists(chileanPath))
        {
            var panel = PanelBuilder.Build(TableReader.Read(chileanPath), new PanelSpec("idvar", "timevar", ["Y", "sX", "fX1", "fX2", "pX"])).Panel;
            var spec = new ProductionFunctionSpec(panel, "Y", ["fX1", "fX2"], ["sX"], "pX");
            var o = new ProductionFunctionOptions
            {
                Method = ProductionFunctionMethod.Acf, BootstrapReplications = 20, Start = StartValueRule.Given, StartValues = [0.5, 0.5, 0.5],
            };
            spec.Fit(o with { BootstrapReplications = 2 }); // warm-up (JIT)
            var cpu = Cpu();
            var sw = Stopwatch.StartNew();
            var r = spec.Fit(o with { MaxDegreeOfParallelism = 1 });
            var s = sw.Elapsed.TotalSeconds;
            var c = Cpu() - cpu;
            output.WriteLine(string.Format(inv,
                "   chilean ACF, 2544 obs, R = 20, 1 thread: wall {0:F3} s, CPU {1:F3} s (prodest optim {2} s single-threaded: wall ratio {3:F2}, CPU ratio {4:F2}; solnp 1.066 s: {5:F2} / {6:F2})",
                s, c, ProdestAcfSeconds, ProdestAcfSeconds / s, ProdestAcfSeconds / c, 1.066 / s, 1.066 / c));
            output.WriteLine(string.Format(inv, "     estimates {0}", string.Join(" ", r.Coefficients.Select(c => c.ToString("F4", inv)))));
        }
        else output.WriteLine($"   (skipped the chilean job: {chileanPath} not found)");

        // 2. 50,000 firm-years: 10,000 firms × 5 years.
        var big = Simulate(10_000, 5, seed: 20250);
        var bigSpec = new ProductionFunctionSpec(big, "y", ["l"], ["k"], "m");
        foreach (var threads in new int?[] { 1, null })
        {
            var cpu = Cpu();
            var sw = Stopwatch.StartNew();
            var r = bigSpec.Fit(new ProductionFunctionOptions
            {
                Method = ProductionFunctionMethod.Acf, BootstrapReplications = 100, Seed = 1, MaxDegreeOfParallelism = threads,
            });
            output.WriteLine(string.Format(inv,
                "   ACF, {0} firm-years, 100 bootstrap reps, threads {1}: wall {2:F3} s, CPU {8:F3} s; l {3:F4} ({4:F4}), k {5:F4} ({6:F4}); true 0.6, 0.3; failures {7}",
                big.RowCount, threads?.ToString(inv) ?? "all", sw.Elapsed.TotalSeconds, r.Coefficient("l"), r.StandardError("l"),
                r.Coefficient("k"), r.StandardError("k"), r.BootstrapFailures, Cpu() - cpu));
        }
        output.WriteLine("   prodest has no timing for this job (oracles.md §5 lists 2,544 observations only).");
    }

    /// <summary>Process CPU seconds: on a shared machine wall time measures the neighbours as much as Xinzhi.</summary>
    private static double Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime.TotalSeconds;
    }

    private static string FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Xinzhi.slnx"))) dir = dir.Parent;
        return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared"));
    }

    /// <summary>Same DGP as the tests' SimulatedPanel (Cobb-Douglas, β_l = 0.6, β_k = 0.3, ACF timing).</summary>
    private static Panel Simulate(int firms, int periods, long seed)
    {
        var rng = new DeterministicRandom(seed);
        const double rho = 0.85;
        var n = firms * periods;
        var ids = new string[n];
        var times = new int[n];
        double[] y = new double[n], l = new double[n], k = new double[n], m = new double[n];
        var at = 0;
        for (var f = 0; f < firms; f++)
        {
            var omega = 0.3 * rng.NextNormal();
            var capital = 1.5 + 0.3 * rng.NextNormal();
            for (var t = -10; t < periods; t++)
            {
                var omegaHalf = rho * omega + 0.12 * rng.NextNormal();
                var newCapital = 0.2 + 0.8 * capital + 0.3 * omega + 0.25 * rng.NextNormal();
                var labour = 0.5 + 0.3 * newCapital + 0.8 * omegaHalf + 0.25 * rng.NextNormal();
                var newOmega = rho * omegaHalf + 0.12 * rng.NextNormal();
                var materials = 0.2 + 0.4 * newCapital + 0.5 * labour + newOmega;
                var output = 0.6 * labour + 0.3 * newCapital + newOmega + 0.1 * rng.NextNormal();
                omega = newOmega;
                capital = newCapital;
                if (t < 0) continue;
                ids[at] = "F" + f.ToString(CultureInfo.InvariantCulture);
                times[at] = 2000 + t;
                y[at] = output; l[at] = labour; k[at] = newCapital; m[at] = materials;
                at++;
            }
        }
        return new Panel("simulated", "id", "year", ids, times, [new("y", y), new("l", l), new("k", k), new("m", m)]);
    }
}
