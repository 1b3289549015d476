namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>Production-function estimator (domain.md §4.7; register T19).</summary>
public enum ProductionFunctionMethod
{
    /// <summary>Pooled OLS of log output on log inputs with a constant (biased by the transmission of ω to inputs).</summary>
    Ols,

    /// <summary>One-way fixed effects (within transform by firm), as <c>plm(model = "within")</c>.</summary>
    Fe,

    /// <summary>Olley &amp; Pakes (1996): investment proxy, two stages, optional exit (survival) correction.</summary>
    Op,

    /// <summary>Levinsohn &amp; Petrin (2003): intermediate-input proxy, two stages.</summary>
    Lp,

    /// <summary>Ackerberg, Caves &amp; Frazer (2015): stage 1 identifies φ only; GMM on ξ with E[ξ·(k, l₋₁)] = 0.</summary>
    Acf,

    /// <summary>Wooldridge (2009) one-step estimator as stacked 2SLS with a linear Markov process; R prodest 1.0.1's prodestWRDG via <see cref="WooldridgeVariant.Prodest"/>.</summary>
    Wrdg,

    /// <summary>Robinson-Wooldridge single-equation IV (R prodest's ROB).</summary>
    Rob,
}

/// <summary>Dependent-variable concept. Gross output makes the proxy (an intermediate input) an input of the function.</summary>
public enum OutputConcept
{
    /// <summary>Value added: y = f(free, state) + ω + ε; the proxy only controls for ω (prodest R's only option).</summary>
    ValueAdded,

    /// <summary>Gross output: y = f(free, state, proxy) + ω + ε (Stata prodest's default); proxy coefficient estimated.</summary>
    GrossOutput,
}

/// <summary>Functional form of f.</summary>
public enum ProductionForm
{
    /// <summary>Cobb-Douglas: f = Σ βⱼ xⱼ in logs.</summary>
    CobbDouglas,

    /// <summary>Translog: f = Σ βⱼ xⱼ + Σ_{j≤k} βⱼₖ xⱼ xₖ (all squares and cross products); ACF, OLS and FE only.</summary>
    Translog,
}

/// <summary>Optimiser for the non-linear second stage (OP, LP, ACF).</summary>
public enum SecondStageOptimizer
{
    /// <summary>The default: currently Levenberg-Marquardt for every criterion (fewest evaluations in our benchmarks).</summary>
    Auto,

    /// <summary>
    /// MathNet Levenberg-Marquardt on the residual vector whose sum of squares is the criterion (ξ for OP/LP;
    /// W^½·Z'ξ for GMM), with a finite-difference Jacobian: few criterion evaluations, robust start-to-root.
    /// </summary>
    LevenbergMarquardt,

    /// <summary>MathNet BFGS with central-difference gradients (prodest's default is R optim's BFGS).</summary>
    Bfgs,

    /// <summary>MathNet Nelder-Mead simplex (R optim's default method; derivative-free).</summary>
    NelderMead,
}

/// <summary>Where the second-stage optimiser starts.</summary>
public enum StartValueRule
{
    /// <summary>The first-stage OLS coefficients of the same terms (prodest's rule, but without its N(0, 0.01) noise).</summary>
    FirstStage,

    /// <summary>The values in <see cref="ProductionFunctionOptions.StartValues"/>.</summary>
    Given,
}

/// <summary>Kind of standard error reported.</summary>
public enum StandardErrorKind
{
    /// <summary>No standard errors (bootstrap switched off for a two-step estimator).</summary>
    None,

    /// <summary>Analytic (classical OLS / within / 2SLS covariance).</summary>
    Analytic,

    /// <summary>Block bootstrap over firms: standard deviation of the replicated estimates.</summary>
    Bootstrap,
}

/// <summary>Which formulation of Wooldridge (2009) <see cref="ProductionFunctionMethod.Wrdg"/> estimates.</summary>
public enum WooldridgeVariant
{
    /// <summary>
    /// Wooldridge's system (the default): equation 2 has its own drift δ and its own coefficients λ₂ on
    /// c(k₋₁, m₋₁) (linear g); the two equations are stacked and estimated by 2SLS with the constants among the
    /// instruments.
    /// </summary>
    System,

    /// <summary>
    /// R prodest 1.0.1's <c>prodestWRDG</c> ("IV version"), which departs from Wooldridge's intent: the coefficients on
    /// c are common to both equations (ω follows a random walk, g(ω) = ω, no drift), the instruments are
    /// (free₋₁, state, c | c₋₁) in both equations with no constant, and the constant enters only the second stage
    /// (OLS of y on [1, P_Z X]). Reproduces prodest's WRDG estimates on the chilean data to ~1e-12.
    /// </summary>
    Prodest,
}
