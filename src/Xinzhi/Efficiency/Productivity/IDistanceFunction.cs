namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// Computes a distance function (radial θ/φ, SBM ρ or DDF β, as raw values of the model) for a batch of evaluated
/// points against the technology spanned by a set of reference observations of a <see cref="ProductivityData"/>.
/// This is the only place the productivity indices touch linear programming: the indices, technologies, chaining and
/// panel handling are written against this interface, and the DEA engine provides the implementation.
/// </summary>
/// <remarks>
/// A batch shares one reference technology so that an implementation can prepare it once (frontier filtering,
/// scaling, warm starts). Evaluated points need not belong to the reference set (cross-period distances), and may
/// mix the inputs of one observation with the outputs of another (biased technical change).
/// </remarks>
public interface IDistanceFunction
{
    /// <summary>The model whose raw values this function returns (for conversion; see <see cref="DistanceScale"/>).</summary>
    DistanceModel Model { get; }

    /// <summary>Orientation of the raw values.</summary>
    DistanceOrientation Orientation { get; }

    /// <summary>
    /// Evaluates every point against the technology spanned by <paramref name="reference"/> under
    /// <paramref name="scale"/>; writes the raw value and status of point <c>k</c> to <c>results[k]</c>.
    /// An infeasible or unbounded program gives NaN with the matching status, never a number.
    /// </summary>
    void Evaluate(ProductivityData data, ReadOnlySpan<int> reference, ScaleAssumption scale,
        ReadOnlySpan<EvaluationPoint> points, Span<DistanceValue> results);
}

/// <summary>
/// A point to evaluate: the inputs of observation <see cref="InputsFrom"/> with the (good and bad) outputs of
/// observation <see cref="OutputsFrom"/>. Both are the same for an ordinary observation.
/// </summary>
public readonly record struct EvaluationPoint(int InputsFrom, int OutputsFrom)
{
    public static EvaluationPoint Of(int observation) => new(observation, observation);
}

/// <summary>Outcome of one distance program.</summary>
public enum DistanceStatus
{
    Optimal,

    /// <summary>The evaluated point cannot be projected onto the technology (e.g. cross-period VRS).</summary>
    Infeasible,

    /// <summary>The program has no finite optimum (e.g. zero outputs in an output orientation).</summary>
    Unbounded,

    /// <summary>The solver stopped without a certified optimum.</summary>
    Failed,
}

/// <summary>A raw distance value with its status; <see cref="Value"/> is NaN unless the status is optimal.</summary>
public readonly record struct DistanceValue(double Value, DistanceStatus Status)
{
    public static DistanceValue Optimal(double value) => new(value, DistanceStatus.Optimal);

    public static readonly DistanceValue Infeasible = new(double.NaN, DistanceStatus.Infeasible);

    public bool IsOptimal => Status == DistanceStatus.Optimal;
}
