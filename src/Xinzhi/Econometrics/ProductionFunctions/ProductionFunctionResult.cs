using MathNet.Numerics.Distributions;

namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>Typed warnings of a production-function fit.</summary>
public enum ProductionFunctionWarningCode
{
    /// <summary>The second-stage optimiser stopped before meeting its tolerance.</summary>
    NotConverged,

    /// <summary>Some bootstrap replications failed (singular design, non-finite criterion) and were left out of the SEs.</summary>
    BootstrapFailures,

    /// <summary>The optimiser did not converge in some bootstrap replications (kept, as prodest does).</summary>
    BootstrapNotConverged,

    /// <summary>Rows without an observed previous period are not in the second stage (first years, gaps).</summary>
    RowsWithoutLag,

    /// <summary>The exit probit did not converge.</summary>
    ExitProbitNotConverged,

    /// <summary>Too few successful bootstrap replications for a standard error.</summary>
    NoStandardErrors,

    /// <summary>
    /// An exactly identified GMM second stage (ACF) ended with a criterion clearly above zero: a local minimum, not a
    /// root of the moments. ACF's criterion has several; try other start values.
    /// </summary>
    LocalMinimum,
}

/// <summary>One warning of a fit.</summary>
public sealed record ProductionFunctionWarning(ProductionFunctionWarningCode Code, string Message)
{
    public override string ToString() => $"{CliCode}: {Message}";

    private string CliCode => Code.ToString();
}

/// <summary>
/// Result of a production-function fit. Immutable. <see cref="Omega"/> is log TFP per input row:
/// ω̂ᵢₜ = yᵢₜ − Σⱼ β̂ⱼ xⱼ,ᵢₜ (the constant and ε included, prodest's <c>omega()</c>); <see cref="OmegaPhi"/> is
/// φ̂ᵢₜ − Σⱼ β̂ⱼ xⱼ,ᵢₜ (first-stage noise removed) for the two-step estimators.
/// </summary>
public sealed record ProductionFunctionResult
{
    public required ProductionFunctionMethod Method { get; init; }

    public required ProductionFunctionOptions Options { get; init; }

    /// <summary>Names of the estimated terms (inputs; products for translog; "(Intercept)" for OLS).</summary>
    public required IReadOnlyList<string> Terms { get; init; }

    public required double[] Coefficients { get; init; }

    /// <summary>Standard errors (empty when <see cref="StandardErrorKind"/> is None).</summary>
    public required double[] StandardErrors { get; init; }

    public required StandardErrorKind StandardErrorKind { get; init; }

    /// <summary>Residual degrees of freedom for analytic SEs (p-values from Student's t); null → normal p-values.</summary>
    public int? DegreesOfFreedom { get; init; }

    /// <summary>Observations in the estimation (first stage).</summary>
    public required int Observations { get; init; }

    /// <summary>Observations with an observed previous period used by the second stage / IV equations (null for OLS/FE).</summary>
    public int? SecondStageObservations { get; init; }

    public required int Firms { get; init; }

    /// <summary>Firm id per row of the input panel.</summary>
    public required IReadOnlyList<string> Ids { get; init; }

    /// <summary>Period per row of the input panel.</summary>
    public required IReadOnlyList<int> Times { get; init; }

    /// <summary>Log TFP per input row (see the type remarks).</summary>
    public required double[] Omega { get; init; }

    /// <summary>φ̂ − Σ β̂x per input row for OP/LP/ACF; null otherwise.</summary>
    public double[]? OmegaPhi { get; init; }

    /// <summary>Translog only: the inputs of f, in the order of <see cref="Elasticities"/>.</summary>
    public IReadOnlyList<string>? ElasticityInputs { get; init; }

    /// <summary>Translog only: output elasticity ∂f/∂x_j per input j and input row; their sum is the local returns to scale.</summary>
    public double[][]? Elasticities { get; init; }

    /// <summary>Second-stage optimisation (OP, LP, ACF).</summary>
    public OptimizationReport? Optimization { get; init; }

    /// <summary>First-stage regression terms and coefficients (OP, LP, ACF).</summary>
    public IReadOnlyList<string>? FirstStageTerms { get; init; }

    public double[]? FirstStageCoefficients { get; init; }

    /// <summary>Effective polynomial degrees used.</summary>
    public required int FirstStageDegree { get; init; }

    public required int MarkovDegree { get; init; }

    public int BootstrapReplications { get; init; }

    public int BootstrapFailures { get; init; }

    public int BootstrapNotConverged { get; init; }

    /// <summary>Replicated estimates (replication × term); failed replications hold NaN rows.</summary>
    public double[,]? BootstrapEstimates { get; init; }

    public string OmegaDefinition { get; init; } = "omega = y - sum_j beta_j * x_j (constant and epsilon included)";

    public IReadOnlyList<ProductionFunctionWarning> Warnings { get; init; } = [];

    /// <summary>Whether the second stage (where there is one) converged.</summary>
    public bool Converged => Optimization?.Converged ?? true;

    public double[] ZStatistics
    {
        get
        {
            if (StandardErrors.Length == 0) return [];
            var z = new double[Coefficients.Length];
            for (var j = 0; j < z.Length; j++) z[j] = Coefficients[j] / StandardErrors[j];
            return z;
        }
    }

    /// <summary>Two-sided p-values: Student's t with <see cref="DegreesOfFreedom"/> when set, else standard normal.</summary>
    public double[] PValues
    {
        get
        {
            var z = ZStatistics;
            var p = new double[z.Length];
            for (var j = 0; j < z.Length; j++)
                p[j] = DegreesOfFreedom is { } df
                    ? 2 * (1 - StudentT.CDF(0, 1, Math.Max(1, df), Math.Abs(z[j])))
                    : 2 * (1 - Normal.CDF(0, 1, Math.Abs(z[j])));
            return p;
        }
    }

    public double Coefficient(string term) => Coefficients[IndexOf(term)];

    public double StandardError(string term) => StandardErrors.Length == 0 ? double.NaN : StandardErrors[IndexOf(term)];

    private int IndexOf(string term)
    {
        for (var j = 0; j < Terms.Count; j++) if (Terms[j] == term) return j;
        throw new ArgumentException($"No term '{term}'; have {string.Join(", ", Terms)}.", nameof(term));
    }
}
