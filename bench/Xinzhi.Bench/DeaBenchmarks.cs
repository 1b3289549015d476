using System.Diagnostics;
using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Efficiency;

namespace Xinzhi.Bench;

/// <summary>Shared helpers of the DEA benchmarks.</summary>
internal static class DeaBenchData
{
    public static string SharedData(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Xinzhi.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "..", "shared", "data", file);
    }

    public static (double[,] X, double[,] Y) LoadSynthetic(string file)
    {
        var t = CsvTableReader.Read(SharedData(file));
        var n = t.RowCount;
        var x = new double[n, 3];
        var y = new double[n, 2];
        string[] xs = ["x1", "x2", "x3"], ys = ["y1", "y2"];
        for (var c = 0; c < 3; c++) { var col = t.Column(xs[c]); for (var j = 0; j < n; j++) x[j, c] = double.Parse(col[j]!, CultureInfo.InvariantCulture); }
        for (var c = 0; c < 2; c++) { var col = t.Column(ys[c]); for (var j = 0; j < n; j++) y[j, c] = double.Parse(col[j]!, CultureInfo.InvariantCulture); }
        return (x, y);
    }

    /// <summary>The generator of ../shared/data/README.md (x ~ U(10,100); f = 3(x1x2x3)^0.3; u ~ |N(0, 0.3²)|;
    /// θ ~ U(0.1, π/2 − 0.1); y1 = f e^−u cos θ, y2 = f e^−u sin θ), with .NET's RNG instead of R's.</summary>
    public static (double[,] X, double[,] Y) Generate(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n, 3];
        var y = new double[n, 2];
        for (var j = 0; j < n; j++)
        {
            for (var c = 0; c < 3; c++) x[j, c] = Math.Round(10 + 90 * rng.NextDouble(), 6);
            var f = 3 * Math.Pow(x[j, 0] * x[j, 1] * x[j, 2], 0.3);
            var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            var u = Math.Abs(0.3 * z);
            var th = 0.1 + (Math.PI / 2 - 0.2) * rng.NextDouble();
            var v = f * Math.Exp(-u);
            y[j, 0] = Math.Round(v * Math.Cos(th), 6);
            y[j, 1] = Math.Round(v * Math.Sin(th), 6);
        }
        return (x, y);
    }

    public static void Time(TextWriter output, string label, double[,] x, double[,] y, ReturnsToScale rts, DeaOrientation o, double? peerSeconds, string peerName, int repeats)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("XINZHI_CG_THRESHOLD"), out var cgt)) DeaReferenceSet.ColumnGenerationThreshold = cgt;
        var best = double.MaxValue;
        var frame = 0;
        long iterations = 0;
        for (var rep = 0; rep < repeats; rep++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var gcPause0 = GC.GetTotalPauseDuration();
            var gcCount0 = GC.CollectionCount(0);
            var sw = Stopwatch.StartNew();
            var result = Dea.Evaluate(DeaData.FromArrays(x, y), new DeaOptions { ReturnsToScale = rts, Orientation = o });
            var gc = $"{GC.CollectionCount(0) - gcCount0} gen-0 GCs, pauses {(GC.GetTotalPauseDuration() - gcPause0).TotalSeconds:F3} s";
            var wall = sw.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            best = Math.Min(best, wall);
            frame = result.FrontierSize;
            iterations = result.TotalIterations;
            if (rep == 0 && Environment.GetEnvironmentVariable("XINZHI_DEA_DUMP") is { Length: > 0 } dumpDir)
            {
                // Regression aid: every unit's score and peers, to compare two builds (not part of the timing).
                Directory.CreateDirectory(dumpDir);
                using var w = new StreamWriter(Path.Combine(dumpDir, $"{x.GetLength(0)}-{rts}-{o}.txt"));
                foreach (var u in result.Units)
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{u.Efficiency:R}\t{string.Join(',', u.Peers)}\t{string.Join(',', u.PeerLambdas.Select(l => l.ToString("R", CultureInfo.InvariantCulture)))}"));
            }
            if (rep == repeats - 1)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   ({label}: wall {wall:F3} s (screening {Dea.LastScreeningSeconds:F3} s), CPU {cpu:F3} s over all threads; {gc}; dominance kept {DeaReferenceSet.LastScreeningCounts.AfterDominance}, outside before prune {DeaReferenceSet.LastScreeningCounts.BeforePrune}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
            if (rep == repeats - 1)
            {
                var ph = DeaReferenceSet.LastScreeningPhases;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   ({label}: screening phases: dominance {ph.Dominance:F3} s, batches {ph.Batches:F3} s, prunes {ph.Prunes:F3} s, final prune {ph.FinalPrune:F3} s)"));
            }
        }
        var ratio = peerSeconds is { } p ? $", {p / best:F0}x faster than {peerName} ({p} s)" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {label}: {best:F3} s (best of {repeats}; frame {frame} of {x.GetLength(0)} units; {iterations} pivots){ratio}"));
    }
}

/// <summary>n = 5000 synthetic set, VRS input (oracles.md §5: Benchmarking 16.49 s, deaR 51.42 s).</summary>
public sealed class DeaN5000Benchmark : IBenchmark
{
    public string Name => "dea-n5000";

    public string Description => "radial DEA on synthetic_dea_n5000.csv (VRS/CRS, input/output), all units";

    public void Run(TextWriter output)
    {
        var (x, y) = DeaBenchData.LoadSynthetic("synthetic_dea_n5000.csv");
        output.WriteLine($"   {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        // The first call of a process runs partly in unoptimised (tier-0) code while the JIT compiles the hot loops:
        // report it separately, then warm up so that the timed runs measure the compiled engine, as a long-running
        // session (or BenchmarkDotNet) would.
        var cold = System.Diagnostics.Stopwatch.StartNew();
        Dea.Evaluate(DeaData.FromArrays(x, y), new DeaOptions { ReturnsToScale = ReturnsToScale.Variable, Orientation = DeaOrientation.Input });
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"   VRS input, first call of the process (includes JIT compilation): {cold.Elapsed.TotalSeconds:F3} s"));
        for (var w = 0; w < 4; w++)
            Dea.Evaluate(DeaData.FromArrays(x, y), new DeaOptions { ReturnsToScale = ReturnsToScale.Variable, Orientation = DeaOrientation.Input });
        DeaBenchData.Time(output, "VRS input ", x, y, ReturnsToScale.Variable, DeaOrientation.Input, 16.49, "Benchmarking::dea", 5);
        DeaBenchData.Time(output, "CRS input ", x, y, ReturnsToScale.Constant, DeaOrientation.Input, 10.36, "Benchmarking::dea", 5);
        DeaBenchData.Time(output, "VRS output", x, y, ReturnsToScale.Variable, DeaOrientation.Output, 12.73, "Benchmarking::dea", 5);
        DeaBenchData.Time(output, "CRS output", x, y, ReturnsToScale.Constant, DeaOrientation.Output, 9.71, "Benchmarking::dea", 5);
    }
}

/// <summary>100,000 units from the same generator, VRS input (target &lt; 10 s).</summary>
public sealed class DeaN100kBenchmark : IBenchmark
{
    public string Name => "dea-n100000";

    public string Description => "radial DEA, 100,000 synthetic units (generator of data/README.md), VRS input";

    public void Run(TextWriter output)
    {
        var (x, y) = DeaBenchData.Generate(100_000, 20250101 + 100_000);
        DeaBenchData.Time(output, "VRS input ", x, y, ReturnsToScale.Variable, DeaOrientation.Input, null, "", 1);
        DeaBenchData.Time(output, "CRS input ", x, y, ReturnsToScale.Constant, DeaOrientation.Input, null, "", 1);
    }
}

/// <summary>Per-LP overhead on a small set (charnes1981-sized random data, 70 units, m = 5, s = 3).</summary>
public sealed class DeaSmallLpBenchmark : IBenchmark
{
    public string Name => "dea-small-lp";

    public string Description => "100,000 radial VRS LPs on 70 units (per-LP overhead), single thread";

    public void Run(TextWriter output)
    {
        var rng = new Random(1);
        var x = new double[70, 5];
        var y = new double[70, 3];
        for (var j = 0; j < 70; j++)
        {
            for (var i = 0; i < 5; i++) x[j, i] = 10 + 90 * rng.NextDouble();
            for (var r = 0; r < 3; r++) y[j, r] = 10 + 90 * rng.NextDouble();
        }
        var set = new DeaReferenceSet(x, y);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long it = 0;
        for (var k = 0; k < 100_000; k++)
        {
            var j = k % 70;
            it += set.Radial(set.Inputs(j), set.Outputs(j), ReturnsToScale.Variable, DeaOrientation.Input).Iterations;
        }
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   wall {sw.Elapsed.TotalSeconds:F3} s, cpu {used.TotalSeconds:F3} s, {it / 100000.0:F1} pivots/LP, {1e6 * used.TotalSeconds / 100000:F1} µs/LP"));
    }
}

/// <summary>Split of screening and evaluation CPU time on 20,000 generated units, VRS input (diagnostics).</summary>
public sealed class DeaSplitBenchmark : IBenchmark
{
    public string Name => "dea-split";

    public string Description => "screening vs evaluation CPU time, 20,000 generated units, VRS input";

    public void Run(TextWriter output)
    {
        var (x, y) = DeaBenchData.Generate(20_000, 7);
        var data = DeaData.FromArrays(x, y);
        var set = new DeaReferenceSet(x, y);
        var proc = Process.GetCurrentProcess();
        var c0 = proc.TotalProcessorTime;
        var frame = set.PrepareFrontier(ReturnsToScale.Variable);
        proc.Refresh();
        var c1 = proc.TotalProcessorTime;
        long pivots = 0;
        var order = Enumerable.Range(0, data.UnitCount).ToArray();
        foreach (var j in order) pivots += Dea.EvaluateUnit(set, data, j, new DeaOptions { ReturnsToScale = ReturnsToScale.Variable }).Iterations;
        proc.Refresh();
        var c2 = proc.TotalProcessorTime;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   frame {frame}; screening CPU {(c1 - c0).TotalSeconds:F2} s; evaluation CPU {(c2 - c1).TotalSeconds:F2} s (single thread, natural order), {pivots} pivots"));
    }
}

/// <summary>Single-threaded 100,000-unit VRS input run with phase timings (diagnostics for the large-n path).</summary>
public sealed class DeaProfileBenchmark : IBenchmark
{
    public string Name => "dea-profile";

    public string Description => "radial DEA, 100,000 synthetic units, VRS input, single thread, phase timings";

    public void Run(TextWriter output)
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("XINZHI_DEA_PROFILE_N"), out var v) ? v : 100_000;
        if (int.TryParse(Environment.GetEnvironmentVariable("XINZHI_CG_THRESHOLD"), out var cgt)) DeaReferenceSet.ColumnGenerationThreshold = cgt;
        var (x, y) = DeaBenchData.Generate(n, 20250101 + n);
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = Dea.Evaluate(DeaData.FromArrays(x, y), new DeaOptions { ReturnsToScale = ReturnsToScale.Variable, Parallel = false });
        proc.Refresh();
        var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        var ph = DeaReferenceSet.LastScreeningPhases;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   n {n}: wall {sw.Elapsed.TotalSeconds:F3} s, CPU {cpu:F3} s; screening {Dea.LastScreeningSeconds:F3} s (dominance {ph.Dominance:F3}, batches {ph.Batches:F3}, prunes {ph.Prunes:F3}, final prune {ph.FinalPrune:F3}); frame {result.FrontierSize}; kept {DeaReferenceSet.LastScreeningCounts.AfterDominance}; {result.TotalIterations} pivots; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }
}

/// <summary>Super-efficiency (Andersen-Petersen) on the n = 5000 set, VRS/CRS input, with and without screening.</summary>
public sealed class DeaSuperBenchmark : IBenchmark
{
    public string Name => "dea-super-n5000";

    public string Description => "super-efficiency radial DEA on synthetic_dea_n5000.csv (CRS/VRS input), screened and unscreened";

    public void Run(TextWriter output)
    {
        var (x, y) = DeaBenchData.LoadSynthetic("synthetic_dea_n5000.csv");
        var data = DeaData.FromArrays(x, y);
        foreach (var rts in new[] { ReturnsToScale.Constant, ReturnsToScale.Variable })
            foreach (var screen in new[] { true, false })
            {
                var proc = Process.GetCurrentProcess();
                var cpu0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var r = Dea.Evaluate(data, new DeaOptions { ReturnsToScale = rts, Super = true, FrontierScreening = screen });
                proc.Refresh();
                var sum = 0.0;
                foreach (var u in r.Units) if (double.IsFinite(u.Efficiency)) sum += u.Efficiency;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   {rts} input super, screening {screen}: wall {sw.Elapsed.TotalSeconds:F3} s, CPU {(proc.TotalProcessorTime - cpu0).TotalSeconds:F3} s, {r.TotalIterations} pivots, Σeff {sum:R}"));
            }
    }
}
