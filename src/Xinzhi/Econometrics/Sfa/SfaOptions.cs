namespace Xinzhi.Econometrics.Sfa;

/// <summary>Estimation choices for <see cref="StochasticFrontier.Fit(SfaOptions)"/>; defaults follow FRONTIER 4.1.</summary>
public sealed record SfaOptions
{
    public SfaModel Model { get; init; } = SfaModel.CrossSection;

    /// <summary>Distribution of u (ignored by BC95, whose u is N⁺(z'δ, σ_u²) by definition).</summary>
    public InefficiencyDistribution Distribution { get; init; } = InefficiencyDistribution.HalfNormal;

    /// <summary>Cost frontier: ln c = x'β + v + u (u raises cost). Default: production, ln y = x'β + v − u.</summary>
    public bool Cost { get; init; }

    /// <summary>BC95: include the intercept δ₀ in the inefficiency mean z'δ (Battese-Coelli 1995 do).</summary>
    public bool ZIntercept { get; init; } = true;

    /// <summary>Grid search on γ between OLS and the quasi-Newton phase (FRONTIER 4.1 step 2).</summary>
    public bool GridSearch { get; init; } = true;

    /// <summary>
    /// Bound |μ| ≤ MuBound·σ_u on the truncated-normal mean (R frontier's <c>muBound = 2</c>, FRONTIER 4.1's check
    /// routine); it keeps μ from drifting where the likelihood is flat. Null = unbounded.
    /// </summary>
    public double? MuBound { get; init; } = 2;

    /// <summary>
    /// Optimiser: FRONTIER 4.1's DFP procedure (default; reproduces FRONTIER 4.1 / R frontier) or full convergence with
    /// a Newton polish. The exponential model always uses <see cref="SfaOptimizer.Newton"/> (FRONTIER has no such model).
    /// </summary>
    public SfaOptimizer Optimizer { get; init; } = SfaOptimizer.Frontier41;

    /// <summary>
    /// Covariance source; null = the optimiser's own (direction matrix for FRONTIER 4.1, inverse Hessian for Newton).
    /// </summary>
    public SfaCovarianceSource? Covariance { get; init; }

    /// <summary>Iteration limit (FRONTIER 4.1 / R frontier <c>maxit</c> = 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>FRONTIER 4.1: relative change of ln L and of every parameter at which DFP stops (R <c>tol</c>).</summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>FRONTIER 4.1: relative tolerance of the unidimensional search (R <c>searchTol</c>).</summary>
    public double SearchTolerance { get; init; } = 1e-3;

    /// <summary>FRONTIER 4.1: first trial step of the unidimensional search (R <c>searchStep</c>).</summary>
    public double SearchStep { get; init; } = 1e-5;

    /// <summary>
    /// FRONTIER 4.1 path (R frontier 1.1 <c>restartMax</c>): if the first line search finds nothing better than the start,
    /// the start is multiplied by <see cref="RestartFactor"/> and retried, at most this many times.
    /// </summary>
    public int RestartMax { get; init; } = 10;

    /// <summary>R frontier 1.1 <c>restartFactor</c>.</summary>
    public double RestartFactor { get; init; } = 0.999;

    /// <summary>FRONTIER 4.1: spacing of the grid on γ (R <c>gridSize</c>).</summary>
    public double GridSize { get; init; } = 0.1;

    /// <summary>FRONTIER 4.1: refine the γ grid around its best point at a tenth of the spacing (R <c>gridDouble</c>).</summary>
    public bool GridDouble { get; init; } = true;

    /// <summary>Newton path: scaled gradient tolerance: |g_j|·max(1,|θ_j|) ≤ tol·max(1,|ln L|) for every j.</summary>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>Newton path: relative change of ln L over three successive iterations below which the search stops.</summary>
    public double ValueTolerance { get; init; } = 1e-14;

    /// <summary>
    /// Newton path: finish with Newton steps on the numerical Hessian of the analytic gradient, so that the reported optimum is
    /// accurate to the digits the references print even where the likelihood is flat.
    /// </summary>
    public bool NewtonPolish { get; init; } = true;
}
