namespace Xinzhi.Efficiency;

/// <summary>Kinds of warnings a DEA run raises (typed, never printed by the library).</summary>
public enum DeaWarningCode
{
    /// <summary>Fewer units than 3(m + s) (Cooper et al.'s rule of thumb) or than m·s: weak discrimination.</summary>
    FewUnits,

    /// <summary>Some programs were infeasible (super-efficiency, VRS); their efficiency is empty.</summary>
    InfeasiblePrograms,

    /// <summary>A variable is constant across units; it does not discriminate.</summary>
    ConstantVariable,

    /// <summary>Zero data in SBM: the term was dropped from the ratio for that unit.</summary>
    ZeroDataInSbm,

    /// <summary>The simplex reached its iteration limit for some units.</summary>
    NumericalFailure,
}

/// <summary>A typed warning with a human-readable message.</summary>
public sealed record DeaWarning(DeaWarningCode Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
