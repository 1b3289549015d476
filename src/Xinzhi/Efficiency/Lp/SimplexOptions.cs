namespace Xinzhi.Efficiency.Lp;

/// <summary>Tolerances and limits of the dense revised simplex.</summary>
/// <param name="FeasibilityTolerance">Primal feasibility tolerance (phase-one objective, basic variables).</param>
/// <param name="OptimalityTolerance">A reduced cost below −tolerance makes a column eligible to enter.</param>
/// <param name="PivotTolerance">Smallest |pivot element| accepted in the ratio test.</param>
/// <param name="MaxIterations">Pivots allowed over both phases; 0 means 100·(rows + columns) + 1000.</param>
/// <param name="RefactorizationInterval">Pivots between explicit recomputations of the basis inverse.</param>
/// <param name="DegeneratePivotsBeforeBland">Consecutive degenerate pivots after which Bland's rule replaces
/// Dantzig pricing (until the next non-degenerate pivot); guarantees termination.</param>
public sealed record SimplexOptions(
    double FeasibilityTolerance = 1e-9,
    double OptimalityTolerance = 1e-10,
    double PivotTolerance = 1e-10,
    int MaxIterations = 0,
    int RefactorizationInterval = 64,
    int DegeneratePivotsBeforeBland = 8)
{
    public static SimplexOptions Default { get; } = new();
}
