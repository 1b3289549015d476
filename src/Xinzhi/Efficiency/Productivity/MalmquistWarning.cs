namespace Xinzhi.Efficiency.Productivity;

/// <summary>Kinds of warning a productivity index run can raise (never silent).</summary>
public enum MalmquistWarningCode
{
    /// <summary>Some cross-period (or other) distance programs were infeasible; their rows carry empty values.</summary>
    InfeasibleDistances,

    /// <summary>Some distance programs were unbounded or failed; their rows carry empty values.</summary>
    UnsolvedDistances,

    /// <summary>The panel is unbalanced; how it was handled is stated.</summary>
    UnbalancedPanel,

    /// <summary>Units were dropped to balance the panel.</summary>
    DroppedIncompleteUnits,

    /// <summary>Few units per period relative to the number of variables: many units will be efficient.</summary>
    FewUnitsPerPeriod,

    /// <summary>A cumulative chain was broken by a missing link; later cumulative values of that unit are empty.</summary>
    BrokenChain,
}

/// <summary>A typed warning with a human-readable message.</summary>
public sealed record MalmquistWarning(MalmquistWarningCode Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
