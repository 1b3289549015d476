namespace Xinzhi.Analysis;

/// <summary>
/// A typed warning raised by an analysis (never printed silently): a stable machine-readable code plus a message.
/// Codes used: <c>island</c> (an entity with no neighbours in W), <c>class-ratio</c> (GM(1,1) class-ratio test
/// failed), <c>no-convergence</c> (β ≥ 0), <c>empty-class</c> (a Markov class never left), <c>not-ergodic</c>,
/// <c>zero-variance</c>.
/// </summary>
public sealed record AnalysisWarning(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
