namespace Xinzhi.Efficiency.Productivity;

/// <summary>Status of one (unit, period pair) row of a productivity index.</summary>
public enum MalmquistStatus
{
    /// <summary>Every distance needed was solved to optimality.</summary>
    Ok,

    /// <summary>A needed distance program is infeasible (typically cross-period VRS or DDF with bads); the affected values are empty.</summary>
    Infeasible,

    /// <summary>A needed distance program is unbounded; the affected values are empty.</summary>
    Unbounded,

    /// <summary>The solver failed on a needed program; the affected values are empty.</summary>
    Failed,

    /// <summary>The unit is not observed in one of the two periods (unbalanced panel); all values are empty.</summary>
    NotObserved,
}
