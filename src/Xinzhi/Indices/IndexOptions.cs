using System.Globalization;

namespace Xinzhi.Indices;

/// <summary>Standardisation of raw indicator values (domain.md §3.1, register V01).</summary>
public enum Normalization
{
    /// <summary>x' = (x − min)/(max − min) for "+", (max − x)/(max − min) for "−". Default.</summary>
    MinMax,

    /// <summary>z = (x − mean)/sd (sample sd), sign flipped for "−", then shifted (see <see cref="IndexOptions.ZScoreShift"/>).</summary>
    ZScore,

    /// <summary>x/max for "+", min/x for "−" (Stata entropy_weight); needs positive data.</summary>
    Ratio,

    /// <summary>x/√Σx² (classic TOPSIS); "−" indicators are first made positive (max − x, or 1/x).</summary>
    Vector,
}

/// <summary>Over which rows standardisation constants (min, max, mean, sd, norm) are computed (V02).</summary>
public enum NormalizationScope
{
    /// <summary>All entity-periods together (default; keeps years comparable).</summary>
    Pooled,

    /// <summary>Each period separately (re-scales every year; destroys trends).</summary>
    Period,
}

/// <summary>Which rows a weighting method sees (V05).</summary>
public enum WeightScope
{
    /// <summary>Weights computed once on the pooled panel (N = all rows). Default.</summary>
    Pooled,

    /// <summary>Weights computed per period (N = rows of the period) and applied to that period's rows.</summary>
    Period,

    /// <summary>Weights computed per period, then averaged over periods and applied to every row (多次法, per-year averaged).</summary>
    PeriodMean,
}

/// <summary>Whether weights are computed over all leaf indicators at once or within each node, level by level (V07).</summary>
public enum WeightLevel
{
    /// <summary>One weighting over all indicators; node sub-scores by summation (default).</summary>
    Leaves,

    /// <summary>Weights within each node over its members (indicators and child nodes, a child entering as its sub-score); global weight = product down the path.</summary>
    Nodes,
}

/// <summary>How weighted, standardised values become a score (§3.3–3.5).</summary>
public enum Aggregation
{
    /// <summary>S = Σ_j w_j x'_ij (not ×100).</summary>
    Linear,

    /// <summary>Relative closeness to the ideal point, C = D⁻/(D⁺ + D⁻) on v = w·x'.</summary>
    Topsis,

    /// <summary>Grey relational grade Σ_j w_j ξ_ij against the best value of each indicator.</summary>
    Gra,
}

/// <summary>Rows over which TOPSIS ideal points and the GRA reference sequence are taken (V09).</summary>
public enum IdealScope
{
    /// <summary>Best and worst over all entity-periods (default; comparable over time).</summary>
    Pooled,

    /// <summary>Best and worst within each period.</summary>
    Period,

    /// <summary>The theoretical bounds of x' (1 and 0 for min-max and ratio, moved by shift/rescale); not defined for z-score or vector.</summary>
    Theoretical,
}

/// <summary>TOPSIS distance (V10).</summary>
public enum TopsisDistance
{
    /// <summary>D = √Σ_j (w_j x'_ij − V_j)² on weighted values (default).</summary>
    WeightedValues,

    /// <summary>D = √Σ_j w_j (x'_ij − x'*_j)², the weights inside the root.</summary>
    WeightsInsideRoot,
}

/// <summary>Linear score formula (V06).</summary>
public enum ScoreFormula
{
    /// <summary>S_i = Σ_j w_j x'_ij (default).</summary>
    WeightedValues,

    /// <summary>S_i = Σ_j w_j p_ij with p_ij = x'_ij/Σ_i x'_ij over the rows of the weighting (scores then sum to 1 within that set).</summary>
    WeightedShares,
}

/// <summary>How vector normalisation makes a "−" indicator positive first (正向化).</summary>
public enum VectorCostTransform
{
    /// <summary>max − x.</summary>
    MaxMinus,

    /// <summary>1/x (needs x &gt; 0).</summary>
    Reciprocal,
}

/// <summary>Conflict term of CRITIC (V11).</summary>
public enum CriticConflict
{
    /// <summary>Σ_k (1 − r_jk) (Diakoulaki et al. 1995; default).</summary>
    OneMinusR,

    /// <summary>Σ_k (1 − |r_jk|).</summary>
    OneMinusAbsR,
}

/// <summary>Which principal components PCA weights keep.</summary>
public enum PcaRetention
{
    /// <summary>Eigenvalue &gt; 1 (Kaiser; default). At least one component is kept.</summary>
    Kaiser,

    /// <summary>The first components reaching 85% cumulative variance.</summary>
    Cumulative85,
}

/// <summary>What to do with an indicator that is constant where the standardisation needs variation.</summary>
public enum ConstantIndicators
{
    /// <summary>A data error naming the column (default).</summary>
    Error,

    /// <summary>Keep the column with x' = 0 and weight 0, excluded from every weighting, with a warning (domain.md §3.1).</summary>
    Drop,
}

/// <summary>How AHP turns a pairwise matrix into weights (domain.md §3.5).</summary>
public enum AhpWeighting
{
    /// <summary>Principal (Perron) eigenvector (Saaty; default).</summary>
    Eigenvector,

    /// <summary>Normalised geometric means of the rows.</summary>
    Geometric,

    /// <summary>Mean of the rows of the column-normalised matrix.</summary>
    Arithmetic,
}

/// <summary>Standard deviation used by CRITIC (V11).</summary>
public enum StandardDeviation
{
    /// <summary>Divide by n − 1 (default).</summary>
    Sample,

    /// <summary>Divide by n.</summary>
    Population,
}

/// <summary>Zero handling before entropy (domain.md §3.2, register V03).</summary>
public enum ZeroKind
{
    /// <summary>No change to the data; 0·ln 0 := 0 (the exact limit). Default.</summary>
    None,

    /// <summary>x'' = x' + C.</summary>
    Shift,

    /// <summary>x'' = A + (B − A)·x' (maps min-max [0,1] to [A,B], e.g. 0.002:0.998).</summary>
    Rescale,

    /// <summary>Data unchanged; e_j uses ln(p + E).</summary>
    Epsilon,
}

/// <summary>A zero-handling choice with its constants; text form <c>none</c>, <c>shift:C</c>, <c>rescale:A:B</c>, <c>epsilon:E</c>.</summary>
public sealed record ZeroHandling(ZeroKind Kind, double A = 0, double B = 0)
{
    public static ZeroHandling None { get; } = new(ZeroKind.None);

    public static ZeroHandling Parse(string text)
    {
        var parts = text.Trim().Split(':');
        double Num(int k)
        {
            if (k >= parts.Length || !double.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new SpecificationException($"--zero: '{text}' needs a number after '{parts[0]}:' (none, shift:C, rescale:A:B, epsilon:E)");
            return v;
        }
        var kind = parts[0].ToLowerInvariant();
        var result = kind switch
        {
            "none" when parts.Length == 1 => None,
            "shift" when parts.Length == 2 => new ZeroHandling(ZeroKind.Shift, Num(1)),
            "rescale" when parts.Length == 3 => new ZeroHandling(ZeroKind.Rescale, Num(1), Num(2)),
            "epsilon" when parts.Length == 2 => new ZeroHandling(ZeroKind.Epsilon, Num(1)),
            _ => throw new SpecificationException($"--zero: '{text}' is not one of none, shift:C, rescale:A:B, epsilon:E"),
        };
        if (result.Kind == ZeroKind.Shift && result.A <= 0) throw new SpecificationException($"--zero: shift constant must be > 0 (got {text})");
        if (result.Kind == ZeroKind.Epsilon && result.A <= 0) throw new SpecificationException($"--zero: epsilon must be > 0 (got {text})");
        if (result.Kind == ZeroKind.Rescale && !(result.A > 0 && result.B > result.A))
            throw new SpecificationException($"--zero: rescale needs 0 < A < B (got {text})");
        return result;
    }

    public override string ToString() => Kind switch
    {
        ZeroKind.None => "none",
        ZeroKind.Shift => "shift:" + A.ToString("R", CultureInfo.InvariantCulture),
        ZeroKind.Rescale => "rescale:" + A.ToString("R", CultureInfo.InvariantCulture) + ":" + B.ToString("R", CultureInfo.InvariantCulture),
        _ => "epsilon:" + A.ToString("R", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Every variant choice of a composite-index run (domain.md §3.8), with the recommended defaults. Recorded in full
/// in run.json by <see cref="ToSpecification"/>.
/// </summary>
public sealed record IndexOptions
{
    public Normalization Normalization { get; init; } = Normalization.MinMax;

    public NormalizationScope Scope { get; init; } = NormalizationScope.Pooled;

    public ZeroHandling Zero { get; init; } = ZeroHandling.None;

    public WeightMethod Weights { get; init; } = WeightMethod.Entropy;

    public WeightLevel WeightLevel { get; init; } = WeightLevel.Leaves;

    public WeightScope WeightScope { get; init; } = WeightScope.Pooled;

    public Aggregation Aggregation { get; init; } = Aggregation.Linear;

    public IdealScope Ideal { get; init; } = IdealScope.Pooled;

    public TopsisDistance TopsisDistance { get; init; } = TopsisDistance.WeightedValues;

    public ScoreFormula ScoreFormula { get; init; } = ScoreFormula.WeightedValues;

    /// <summary>Multiplier of every score and sub-score (1 by default; papers often report ×100).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>GRA distinguishing coefficient ρ (0.5 by convention).</summary>
    public double Rho { get; init; } = 0.5;

    /// <summary>Z-score shift: null = "auto" (subtract the minimum z of the scope, so the smallest value is 0); else z + C.</summary>
    public double? ZScoreShift { get; init; }

    public VectorCostTransform VectorCost { get; init; } = VectorCostTransform.MaxMinus;

    public CriticConflict CriticConflict { get; init; } = CriticConflict.OneMinusR;

    public PcaRetention PcaRetention { get; init; } = PcaRetention.Kaiser;

    public ConstantIndicators Constant { get; init; } = ConstantIndicators.Error;

    public AhpWeighting AhpWeighting { get; init; } = AhpWeighting.Eigenvector;

    public StandardDeviation CriticSd { get; init; } = StandardDeviation.Sample;

    /// <summary>Accept AHP matrices with CR ≥ 0.1 (a warning is recorded instead of an error).</summary>
    public bool ForceAhp { get; init; }

    /// <summary>Every option, including defaults, in kebab-case text for run.json.</summary>
    public Dictionary<string, object?> ToSpecification() => new()
    {
        ["normalize"] = Normalization switch { Normalization.MinMax => "minmax", Normalization.ZScore => "zscore", _ => Kebab(Normalization) },
        ["scope"] = Kebab(Scope),
        ["zero"] = Zero.ToString(),
        ["zero_log_convention"] = Zero.Kind == ZeroKind.Epsilon ? "ln(p+epsilon)" : "0*ln0:=0",
        ["weights"] = Weights.ToString(),
        ["weight_level"] = Kebab(WeightLevel),
        ["weight_scope"] = Kebab(WeightScope),
        ["entropy_k"] = WeightScope == WeightScope.Pooled ? "1/ln(N), N = all rows" : "1/ln(N), N = rows of the period",
        ["weights_applied"] = WeightScope switch
        {
            WeightScope.Pooled => "one pooled weight vector for every row",
            WeightScope.Period => "each period's own weights for its rows",
            _ => "the mean of the per-period weights for every row",
        },
        ["aggregate"] = Kebab(Aggregation),
        ["ideal"] = Kebab(Ideal),
        ["topsis_distance"] = Kebab(TopsisDistance),
        ["score_formula_variant"] = Kebab(ScoreFormula),
        ["scale"] = Scale,
        ["rho"] = Rho,
        ["zscore_shift"] = ZScoreShift is { } c ? c : "auto (minus the minimum z of the scope)",
        ["zscore_sd"] = "sample (n-1)",
        ["vector_cost"] = Kebab(VectorCost),
        ["critic_conflict"] = Kebab(CriticConflict),
        ["critic_sd"] = Kebab(CriticSd),
        ["ahp_method"] = Kebab(AhpWeighting),
        ["ahp_lambda_max"] = "mean_i (A w)_i / w_i with the chosen weights",
        ["scatter_weights"] = "principal eigenvector of H = sum_i x'_i x'_i^T (all rows used), normalised to sum 1",
        ["pca_retention"] = Kebab(PcaRetention),
        ["pca_weights"] = "sum_k lambda_k |u_jk| / sum_k lambda_k over retained components (correlation matrix), normalised",
        ["force_ahp"] = ForceAhp,
        ["constant_indicators"] = Kebab(Constant),
        ["score_formula"] = Aggregation != Aggregation.Linear ? null
            : ScoreFormula == ScoreFormula.WeightedValues ? "sum_j w_j x'_ij" : "sum_j w_j p_ij, p_ij = x'_ij / sum_i x'_ij over the weighting rows",
        ["node_scores"] = "same aggregation restricted to the node's indicators, with the global weights",
        ["rank"] = "within each period, descending score, ties share the lowest rank",
    };

    internal static string Kebab<T>(T value) where T : struct, Enum => Naming.Kebab(value);
}
