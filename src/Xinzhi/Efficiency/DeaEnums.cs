namespace Xinzhi.Efficiency;

/// <summary>Returns to scale of the DEA technology (oracles.md C15 maps the peers' names).</summary>
public enum ReturnsToScale
{
    /// <summary>CRS (CCR, Charnes-Cooper-Rhodes 1978): λ ≥ 0.</summary>
    Constant,

    /// <summary>VRS (BCC, Banker-Charnes-Cooper 1984): Σλ = 1.</summary>
    Variable,

    /// <summary>NIRS (Benchmarking "drs"): Σλ ≤ 1.</summary>
    NonIncreasing,

    /// <summary>NDRS (Benchmarking "irs"): Σλ ≥ 1.</summary>
    NonDecreasing,
}

/// <summary>Orientation of a DEA measure.</summary>
public enum DeaOrientation
{
    /// <summary>Contract inputs at given outputs (Farrell θ ≤ 1).</summary>
    Input,

    /// <summary>Expand outputs at given inputs (Farrell φ ≥ 1).</summary>
    Output,

    /// <summary>Both at once (SBM non-oriented, additive, DDF).</summary>
    NonOriented,

    /// <summary>Hyperbolic graph measure (radial model only): min G s.t. Σλx ≤ G x₀, Σλy ≥ y₀/G (Färe, Grosskopf
    /// and Lovell 1985); see <see cref="DeaReferenceSet.Graph"/>.</summary>
    Graph,
}

/// <summary>Outcome of one DEA program. Only <see cref="Optimal"/> carries a score.</summary>
public enum DeaStatus
{
    Optimal,

    /// <summary>The point cannot be enveloped by the reference set (super-efficiency, cross-period VRS).</summary>
    Infeasible,

    /// <summary>The program is unbounded (e.g. a zero direction vector).</summary>
    Unbounded,

    /// <summary>The simplex hit its iteration limit; no score is reported.</summary>
    NumericalFailure,
}

/// <summary>How bad (undesirable) outputs enter a directional distance function.</summary>
public enum BadOutputDisposability
{
    /// <summary>Weak disposability / null-jointness: Σλb = b_o − β g_b (Chung, Färe and Grosskopf 1997).</summary>
    Weak,

    /// <summary>Strong (free) disposability, bads treated like inputs: Σλb ≤ b_o − β g_b.</summary>
    Strong,
}
