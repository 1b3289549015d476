using System.Diagnostics;
using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Efficiency.Productivity;

namespace Xinzhi.Bench;

/// <summary>
/// Malmquist on the 500 × 5 synthetic panel (oracles.md §5): CRS input (the Benchmarking speed set, 1.85 s) and
/// VRS input (2.17 s); deaR CRS 8.75 s, productivity 14.74 s. Target: under 0.05 s of compute.
/// </summary>
public sealed class MalmquistBenchmark : IBenchmark
{
    public string Name => "malmquist-n500-t5";

    public string Description => "Malmquist CRS/VRS input on the 500x5 synthetic panel vs Benchmarking/deaR/productivity";

    public void Run(TextWriter output)
    {
        var path = FindShared("data", "synthetic_malmquist_panel_n500_t5.csv");
        var table = CsvTableReader.Read(path);
        string[] inputs = ["x1", "x2", "x3"], outputs = ["y1", "y2"];
        var panel = PanelBuilder.Build(table, new PanelSpec("dmu", "period", [.. inputs, .. outputs])).Panel;
        var data = ProductivityData.FromPanel(panel, inputs, outputs);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        output.WriteLine($"   {Environment.ProcessorCount} logical cores; .NET {Environment.Version}; load average {load}");

        var cases = new (string Label, MalmquistOptions Options, double[] Peers, string[] PeerNames)[]
        {
            ("CRS input, contemporaneous", new MalmquistOptions(), [1.85, 8.75, 14.74], ["Benchmarking", "deaR", "productivity"]),
            ("VRS input (FGNZ: CRS index + VRS pech)", new MalmquistOptions(Scale: ScaleAssumption.Variable), [2.17], ["Benchmarking VRS"]),
            ("CRS input, sequential", new MalmquistOptions(Technology: TechnologyType.Sequential), [], []),
            ("CRS input, global", new MalmquistOptions(Technology: TechnologyType.Global), [], []),
            ("CRS input, single-threaded", new MalmquistOptions(MaxDegreeOfParallelism: 1), [1.85], ["Benchmarking"]),
        };
        foreach (var (label, options, peers, names) in cases)
        {
            // Warm-up (JIT), then the median of repeated runs.
            MalmquistIndex.Compute(data, options);
            var times = new List<double>();
            var cpu = new List<double>();
            MalmquistResult? last = null;
            var process = Process.GetCurrentProcess();
            for (var rep = 0; rep < 9; rep++)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                last = MalmquistIndex.Compute(data, options);
                times.Add(sw.Elapsed.TotalSeconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpu0).TotalSeconds);
            }
            cpu.Sort();
            times.Sort();
            var median = times[times.Count / 2];
            var cpuMedian = cpu[cpu.Count / 2];
            // Ratios by wall time and by CPU time (the build machine is shared, so wall time includes waiting).
            var ratios = string.Join(", ", peers.Select((p, i) =>
                $"{names[i]} {p.ToString(CultureInfo.InvariantCulture)} s → {p / median:F0}× wall, {p / cpuMedian:F0}× CPU"));
            output.WriteLine(FormattableString.Invariant(
                $"   {label}: median {median * 1000:F1} ms (min {times[0] * 1000:F1} ms; CPU median {cpu[cpu.Count / 2] * 1000:F1} ms), {last!.DistanceProgramCount} LPs, {last.ProblemRowCount} problem rows; {ratios}"));
        }
    }

    private static string FindShared(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Xinzhi.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Xinzhi.slnx).");
        return Path.Combine([root, "..", "shared", .. parts]);
    }
}
