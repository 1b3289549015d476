namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// Estimation choices for <see cref="ProductionFunction"/>. Defaults reproduce R prodest 1.0.1 where it has the
/// feature (2nd-order first-stage polynomial, cubic Markov polynomial, BFGS); every value is recorded in run.json.
/// </summary>
public sealed record ProductionFunctionOptions
{
    public ProductionFunctionMethod Method { get; init; } = ProductionFunctionMethod.Acf;

    public OutputConcept Output { get; init; } = OutputConcept.ValueAdded;

    public ProductionForm Form { get; init; } = ProductionForm.CobbDouglas;

    /// <summary>
    /// Degree of the first-stage polynomial φ: in (state, proxy) for OP/LP, in (free, state, proxy) for ACF; also the
    /// degree of c(k, m) in WRDG/ROB. prodest R: 2 (all pairwise products and squares), fixed.
    /// </summary>
    public int FirstStageDegree { get; init; } = 2;

    /// <summary>Degree of the polynomial g(ω₋₁) of the Markov process in OP/LP/ACF. prodest R: 3, fixed. WRDG/ROB use 1.</summary>
    public int MarkovDegree { get; init; } = 3;

    /// <summary>
    /// Formulation of WRDG: Wooldridge's stacked system (default) or R prodest's <c>prodestWRDG</c> (unit-slope Markov
    /// process, common c coefficients, no constant instrument), which reproduces prodest's published numbers.
    /// </summary>
    public WooldridgeVariant WrdgVariant { get; init; } = WooldridgeVariant.System;

    public SecondStageOptimizer Optimizer { get; init; } = SecondStageOptimizer.Auto;

    public StartValueRule Start { get; init; } = StartValueRule.FirstStage;

    /// <summary>Start values for the second stage (one per estimated second-stage term) when <see cref="Start"/> is Given.</summary>
    public IReadOnlyList<double>? StartValues { get; init; }

    /// <summary>
    /// ACF with first-stage start values: when the exactly identified criterion stays above 1e-10 (a local minimum),
    /// restart from OLS of y on the production terms and from 0.5 for every coefficient, and keep the lowest criterion.
    /// </summary>
    public bool RestartFromLocalMinimum { get; init; } = true;

    /// <summary>Convergence tolerance of the optimiser (gradient norm of the objective scaled to 1 at the start for BFGS; simplex spread for Nelder-Mead).</summary>
    public double Tolerance { get; init; } = 1e-10;

    public int MaxIterations { get; init; } = 2000;

    /// <summary>Block-bootstrap replications for OP/LP/ACF (0 = none). prodest R: 20; Xinzhi: 100.</summary>
    public int BootstrapReplications { get; init; } = 100;

    /// <summary>Seed of the bootstrap; replication r uses its own stream (seed, r), so runs are identical at any thread count.</summary>
    public long Seed { get; init; } = 20240101;

    /// <summary>Also bootstrap OLS/FE/WRDG/ROB (default: analytic standard errors there, as prodest).</summary>
    public bool BootstrapLinearMethods { get; init; }

    /// <summary>Maximum threads for bootstrap replications (null = all cores). Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
