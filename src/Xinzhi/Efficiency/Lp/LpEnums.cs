namespace Xinzhi.Efficiency.Lp;

/// <summary>Sense of one linear constraint.</summary>
public enum ConstraintSense
{
    /// <summary>a·x ≤ b.</summary>
    LessOrEqual,

    /// <summary>a·x ≥ b.</summary>
    GreaterOrEqual,

    /// <summary>a·x = b.</summary>
    Equal,
}

/// <summary>Direction of optimisation.</summary>
public enum ObjectiveSense
{
    Minimize,
    Maximize,
}

/// <summary>Outcome of a simplex solve. Only <see cref="Optimal"/> carries meaningful numbers.</summary>
public enum LpStatus
{
    Optimal,
    Infeasible,
    Unbounded,
    IterationLimit,
}
