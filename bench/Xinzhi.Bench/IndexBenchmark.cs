using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xinzhi.Data;
using Xinzhi.Frameworks;
using Xinzhi.Indices;
using Xinzhi.Runs;

namespace Xinzhi.Bench;

/// <summary>
/// <c>xinzhi index</c> end to end in-process (CSV in → read, validate, standardise, weight, aggregate → scores.csv,
/// weights.csv, normalized.csv, run.json out) on 5,000 entities × 15 periods × 40 indicators, for entropy-linear and
/// entropy-TOPSIS. The steps are those of the CLI verb (TableReader + PanelBuilder as DataInput does, then
/// CompositeIndex, IndexProvenance, IndexOutput). Target: under 2 s.
/// </summary>
public sealed class IndexBenchmark : IBenchmark
{
    public string Name => "index-5000x15x40";

    public string Description => "xinzhi index end to end, 5,000 entities × 15 periods × 40 indicators (entropy-linear, entropy-TOPSIS)";

    private const int Entities = 5000, Periods = 15, Indicators = 40, Nodes = 4;

    public void Run(TextWriter output)
    {
        var dir = Path.Combine(Path.GetTempPath(), "xinzhi-bench-index-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        try
        {
            var csv = Path.Combine(dir, "panel.csv");
            var sw = Stopwatch.StartNew();
            WriteData(csv);
            output.WriteLine($"   generated {csv}: {new FileInfo(csv).Length / 1048576.0:F1} MiB in {sw.Elapsed.TotalSeconds:F2} s");
            var framework = FrameworkLoader.Parse(FrameworkYaml(), "bench-framework.yaml");
            foreach (var (label, aggregation) in new[] { ("entropy-linear", Aggregation.Linear), ("entropy-topsis", Aggregation.Topsis) })
            {
                for (var rep = 1; rep <= 3; rep++)
                {
                    GC.Collect();
                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    sw.Restart();
                    var rows = RunOnce(csv, framework, new IndexOptions { Aggregation = aggregation }, Path.Combine(dir, "out-" + label), output);
                    var seconds = sw.Elapsed.TotalSeconds;
                    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0;
                    Process.GetCurrentProcess().Refresh();
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"   {label,-15} run {rep}: {seconds:F3} s ({rows} rows; allocated {allocated:F0} MiB; peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB)"));
                }
            }
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>What the CLI verb does between reading the arguments and printing the summary.</summary>
    private static int RunOnce(string csv, Framework framework, IndexOptions options, string outDir, TextWriter output)
    {
        var started = DateTimeOffset.UtcNow;
        var sw = Stopwatch.StartNew();
        var phases = new List<string>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        void Phase(string name)
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            phases.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {sw.Elapsed.TotalSeconds:F3} (cpu {(now - cpu).TotalSeconds:F3})"));
            cpu = now;
            sw.Restart();
        }
        var model = IndexModel.FromFramework(framework);
        var table = TableReader.Read(csv, ReadOptions.Default);
        Phase("read");
        var load = PanelBuilder.Build(table, new PanelSpec("id", "year", model.Columns));
        Phase("validate");
        var result = CompositeIndex.Compute(load.Panel, model, options);
        Phase("compute");
        var record = IndexProvenance.Build("bench", result, [RunRecord.Describe(csv)], load.Fill, "id", "year", null, started);
        Phase("sha256");
        IndexOutput.Write(outDir, result, record);
        Phase("write");
        output.WriteLine("     phases, wall (cpu) s: " + string.Join(", ", phases));
        return result.RowCount;
    }

    private static void WriteData(string path)
    {
        var rng = new Random(20240131);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("id,year");
        for (var j = 1; j <= Indicators; j++) w.Write(",x" + j.ToString(CultureInfo.InvariantCulture));
        w.Write('\n');
        for (var e = 0; e < Entities; e++)
            for (var t = 0; t < Periods; t++)
            {
                w.Write("E");
                w.Write(e.ToString(CultureInfo.InvariantCulture));
                w.Write(',');
                w.Write((2010 + t).ToString(CultureInfo.InvariantCulture));
                for (var j = 0; j < Indicators; j++)
                {
                    w.Write(',');
                    w.Write((1 + 999 * rng.NextDouble()).ToString("F4", CultureInfo.InvariantCulture));
                }
                w.Write('\n');
            }
    }

    private static string FrameworkYaml()
    {
        var sb = new StringBuilder("id: bench\nversion: \"1\"\nname_zh: 基准\nname_en: Benchmark\nstatus: verified\nsource: Xinzhi\nnodes:\n");
        var per = Indicators / Nodes;
        for (var k = 0; k < Nodes; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - id: d{k}\n    name_zh: 维度{k}\n    name_en: Dimension {k}\n    indicators:\n");
            for (var j = k * per + 1; j <= (k + 1) * per; j++)
                sb.Append(CultureInfo.InvariantCulture, $"      - {{ column: x{j}, name_zh: 指标{j}, name_en: Indicator {j}, direction: \"{(j % 5 == 0 ? "-" : "+")}\" }}\n");
        }
        return sb.ToString();
    }
}
