namespace Xinzhi.Efficiency.Productivity;

/// <summary>Which distance function the productivity index is built on.</summary>
public enum DistanceModel
{
    /// <summary>Radial (Farrell) distance: θ (input) or φ (output) of Charnes-Cooper-Rhodes / Banker-Charnes-Cooper.</summary>
    Radial,

    /// <summary>Slacks-based measure ρ (Tone 2001; with bad outputs Tone 2003).</summary>
    Sbm,

    /// <summary>Directional distance function β (Chambers-Chung-Färe 1996; with bads Chung-Färe-Grosskopf 1997).</summary>
    Ddf,
}

/// <summary>Returns to scale of a technology. Only the two the Malmquist family uses.</summary>
public enum ScaleAssumption
{
    /// <summary>Constant returns to scale (cone technology, no Σλ constraint).</summary>
    Constant,

    /// <summary>Variable returns to scale (Σλ = 1).</summary>
    Variable,
}

/// <summary>Orientation of the distance function.</summary>
public enum DistanceOrientation
{
    /// <summary>Input orientation: Farrell θ ≤ 1 (radial), input SBM.</summary>
    Input,

    /// <summary>Output orientation: Farrell φ ≥ 1, Shephard D_o = 1/φ (radial), output SBM.</summary>
    Output,

    /// <summary>Non-oriented (SBM) or graph direction (DDF).</summary>
    None,
}

/// <summary>Which technology (frontier) each period's distances are measured against (domain.md §4.5).</summary>
public enum TechnologyType
{
    /// <summary>Period t's own units only (Färe et al. 1994). Adjacent-period cross LPs may be infeasible under VRS.</summary>
    Contemporaneous,

    /// <summary>All units of periods ≤ t (Shestalova 2003): no technical regress by construction.</summary>
    Sequential,

    /// <summary>All units of all periods (Pastor-Lovell 2005; with DDF: Oh 2010 GML). Always feasible, circular.</summary>
    Global,
}

/// <summary>Ratio (Malmquist / Malmquist-Luenberger / GML) or difference (Luenberger) form.</summary>
public enum ProductivityIndexKind
{
    /// <summary>Ratio form: values above 1 mean progress; components multiply (tfpch = effch × techch).</summary>
    Malmquist,

    /// <summary>Additive Luenberger indicator (Chambers, Färe &amp; Grosskopf 1996): values above 0 mean progress; components add.</summary>
    Luenberger,
}

/// <summary>
/// What "VRS Malmquist" means (oracles.md C2). FGNZ (default) computes the index on CRS distances and splits
/// effch = pech × sech with VRS distances; VrsTechnology evaluates the whole index on the VRS technology
/// (Benchmarking <c>RTS="vrs"</c>), whose cross-period programs can be infeasible.
/// </summary>
public enum VrsDefinition
{
    /// <summary>Färe-Grosskopf-Norris-Zhang (1994): CRS index, effch = pech × sech (deaR, productivity, DEAP 2.1).</summary>
    Fgnz,

    /// <summary>The whole index on the VRS technology (Benchmarking <c>malmquist(RTS="vrs")</c>); pech = effch, sech empty.</summary>
    VrsTechnology,

    /// <summary>
    /// Ray-Desli (1997) in the single-period form deaR uses: techch from VRS distances (period-t technology),
    /// pech from VRS, sech = [E_v^t(t)/E_c^t(t)] / [E_v^t(t+1)/E_c^t(t+1)]. With the global technology this is what deaR
    /// reports as its "fgnz" VRS global index.
    /// </summary>
    RayDesli,

    /// <summary>
    /// Generalised Malmquist (Grifell-Tatjé &amp; Lovell 1999) in deaR's form: as <see cref="RayDesli"/> but the scale
    /// change compares E^t(t) with the mixed point (x^{t+1}, y^t) against the period-t technology.
    /// </summary>
    Generalized,
}

/// <summary>Direction vector of the directional distance function.</summary>
public enum DdfDirection
{
    /// <summary>g = (0, y, −b): expand good outputs and contract bad outputs proportionally (Chung-Färe-Grosskopf 1997).</summary>
    Outputs,

    /// <summary>g = (−x, y, −b): contract inputs and bads, expand good outputs.</summary>
    InputsAndOutputs,
}

/// <summary>How an unbalanced panel (units missing in some periods) is handled.</summary>
public enum UnbalancedPanelPolicy
{
    /// <summary>
    /// Use every observation: each period's technology is spanned by the units observed in that period, and a unit
    /// gets an index for each adjacent pair of periods in which it is observed in both; pairs where it is observed in
    /// only one are reported with status <see cref="MalmquistStatus.NotObserved"/> and empty values.
    /// </summary>
    UseAvailable,

    /// <summary>Keep only the units observed in every period (a balanced sub-panel), as deaR and DEAP require.</summary>
    DropIncompleteUnits,

    /// <summary>Refuse an unbalanced panel with a data error listing the missing (unit, period) cells.</summary>
    Error,
}

/// <summary>Direction convention of the ratio index in the output orientation (oracles.md C1).</summary>
public enum IndexConvention
{
    /// <summary>Färe et al. (1994), deaR, productivity, DEAP: &gt; 1 = progress in every orientation.</summary>
    Fgnz,

    /// <summary>
    /// Benchmarking parity: with the output orientation the ratio components are reported as reciprocals
    /// (Benchmarking applies the input formula to Farrell φ), so &lt; 1 = progress there. Input orientation unchanged.
    /// </summary>
    Benchmarking,
}

/// <summary>
/// What an SBM distance reports for a point outside the reference technology (only possible across periods, or for
/// the mixed points of the biased decomposition), where the SBM program ρ is infeasible (docs/malmquist.md).
/// </summary>
public enum SbmCrossPeriod
{
    /// <summary>
    /// The super-SBM δ ≥ 1 against the same technology (Tone 2002; with bad outputs the super-SBM with undesirable
    /// outputs, <see cref="DeaReferenceSet.SuperSbm(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, ReturnsToScale, DeaOrientation, int)"/>),
    /// so the efficiency scale stays "larger = better" (the MaxDEA "super-SBM Malmquist" / SBM-ML convention).
    /// </summary>
    Super,

    /// <summary>ρ only: a point outside the technology is reported as infeasible (empty value).</summary>
    Infeasible,
}
