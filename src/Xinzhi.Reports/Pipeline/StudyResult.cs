using Xinzhi.Reports.Model;

namespace Xinzhi.Reports.Pipeline;

/// <summary>What a study run produced: the report model (every number), files written, and timings per step.</summary>
public sealed record StudyResult(
    ReportModel Model,
    string OutputDirectory,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<(string Step, double Seconds)> Timings);
