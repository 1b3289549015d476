namespace Xinzhi.Efficiency;

/// <summary>Which DEA model <see cref="Dea.Evaluate"/> solves.</summary>
public enum DeaModelKind
{
    /// <summary>Radial (Farrell) CCR/BCC efficiency.</summary>
    Radial,

    /// <summary>Slacks-based measure (Tone 2001), with bad outputs (Tone 2003/2004).</summary>
    Sbm,

    /// <summary>Directional distance function, free β; g = (x₀, y₀) without bads, g = (0, y₀, b₀) with bads.</summary>
    Directional,

    /// <summary>Additive model (Charnes et al. 1985): max Σs⁻ + Σs⁺.</summary>
    Additive,

    /// <summary>Free disposal hull (Deprins, Simar and Tulkens 1984): λ ∈ {0, 1}, solved by enumeration.</summary>
    FreeDisposalHull,
}

/// <summary>What super-SBM reports for SBM-inefficient units (oracles.md C13).</summary>
public enum SuperSbmInefficientScore
{
    /// <summary>The ordinary SBM score ρ &lt; 1 (Chinese "超效率SBM" papers, MaxDEA).</summary>
    SbmScore,

    /// <summary>1, as deaR's <c>model_sbmsupereff</c>.</summary>
    One,
}

/// <summary>
/// Options of a DEA run over all units of a data set. Defaults follow domain.md §4.9 (T01–T05): orientation input,
/// CRS, two-phase slacks when asked, infeasible super-efficiency → NaN + status.
/// </summary>
public sealed record DeaOptions
{
    public DeaModelKind Model { get; init; } = DeaModelKind.Radial;

    public ReturnsToScale ReturnsToScale { get; init; } = ReturnsToScale.Constant;

    public DeaOrientation Orientation { get; init; } = DeaOrientation.Input;

    /// <summary>Andersen-Petersen super-efficiency (radial, DDF) or super-SBM (Tone 2002).</summary>
    public bool Super { get; init; }

    /// <summary>Second phase maximising the slack sum (radial); slacks are always reported for SBM/additive.</summary>
    public bool Slacks { get; init; }

    public BadOutputDisposability BadOutputDisposability { get; init; } = BadOutputDisposability.Weak;

    public SuperSbmInefficientScore SuperSbmInefficient { get; init; } = SuperSbmInefficientScore.SbmScore;

    /// <summary>Solve units in parallel (results do not depend on it).</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Identify the frontier units first and solve each LP against them only (exact; see docs/dea.md).
    /// Applied from <see cref="ScreeningThreshold"/> units on, and never with bad outputs.</summary>
    public bool FrontierScreening { get; init; } = true;

    public int ScreeningThreshold { get; init; } = 300;
}
