namespace Xinzhi.Bench;

/// <summary>
/// One named end-to-end timing (e.g. "dea-n5000"). Discovered by reflection: add a class, nothing else.
/// Run: <c>dotnet run -c Release --project bench/Xinzhi.Bench -- NAME [NAME...]</c> (no name lists them).
/// </summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the benchmark and writes its lines (times, peer ratios) to <paramref name="output"/>.</summary>
    void Run(TextWriter output);
}
