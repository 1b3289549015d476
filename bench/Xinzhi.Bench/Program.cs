using System.Diagnostics;
using Xinzhi.Bench;

var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0)
{
    Console.WriteLine("Benchmarks (run with their names, or 'all'):");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-28} {b.Description}");
    return 0;
}

var chosen = args.Contains("all") ? benchmarks : benchmarks.Where(b => args.Contains(b.Name)).ToList();
var unknown = args.Where(a => a != "all" && benchmarks.All(b => b.Name != a)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown benchmark(s): {string.Join(", ", unknown)}");
    return 1;
}

foreach (var b in chosen)
{
    Console.WriteLine($"== {b.Name}: {b.Description}");
    var sw = Stopwatch.StartNew();
    b.Run(Console.Out);
    Console.WriteLine($"   total wall time {sw.Elapsed.TotalSeconds:F3} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
}
return 0;
