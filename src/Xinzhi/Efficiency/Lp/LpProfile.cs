namespace Xinzhi.Efficiency.Lp;

/// <summary>TEMPORARY profiling counters (ticks, counts).</summary>
internal static class LpProfile
{
    public static long[] Ticks = new long[16];
    public static long[] Counts = new long[16];
    public static readonly string[] Names = ["initWS", "solveCG", "price", "fullFallback", "memb", "membFull", "radialTotal", "solveNonCG", "rounds", "score", "select", "priceCand", "cutoffOK", "cutoffFail", "cands", ""];
    public static void Add(int k, long t0) { Interlocked.Add(ref Ticks[k], System.Diagnostics.Stopwatch.GetTimestamp() - t0); Interlocked.Increment(ref Counts[k]); }
    public static void Count(int k, long c = 1) => Interlocked.Add(ref Counts[k], c);
    public static void Clear() { Array.Clear(Ticks); Array.Clear(Counts); }
    public static string Report()
    {
        var sb = new System.Text.StringBuilder();
        for (var k = 0; k < 16; k++)
            if (Counts[k] > 0) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"   {Names[k]}: {Ticks[k] / (double)System.Diagnostics.Stopwatch.Frequency:F3} s, {Counts[k]} calls\n");
        return sb.ToString();
    }
}
