namespace Xinzhi.Indices;

/// <summary>
/// The outcome of a composite-index run: standardised matrix, weights (with entropy diagnostics), scores, ranks
/// within each period and sub-scores per framework node. Arrays are indicator-major: <c>Normalized[j][i]</c>.
/// </summary>
public sealed record IndexResult
{
    public required IndexModel Model { get; init; }

    public required IndexOptions Options { get; init; }

    /// <summary>Entity id of each row (rows in the panel's order).</summary>
    public required string[] Ids { get; init; }

    /// <summary>Period of each row, or null for a cross-section.</summary>
    public required int[]? Times { get; init; }

    /// <summary>Source row (1-based, as a spreadsheet shows it) of each row.</summary>
    public required int[] SourceRows { get; init; }

    /// <summary>Distinct periods, ascending (empty for a cross-section).</summary>
    public required int[] Periods { get; init; }

    /// <summary>x'_ij after direction, standardisation and zero handling: the matrix the aggregation used.</summary>
    public required double[][] Normalized { get; init; }

    /// <summary>Final global weights, summing to 1 (with per-period weights: their mean over periods).</summary>
    public required double[] Weights { get; init; }

    /// <summary>Weights of each period (row k = <see cref="Periods"/>[k]) when weights are computed per period.</summary>
    public double[][]? WeightsByPeriod { get; init; }

    /// <summary>Entropy e_j where entropy weights were computed for the indicator (per-period: the mean).</summary>
    public double[]? Entropy { get; init; }

    /// <summary>Divergence d_j = 1 − e_j where defined.</summary>
    public double[]? Divergence { get; init; }

    public required double[] Scores { get; init; }

    /// <summary>Rank within the row's period (1 = highest score; ties share the lowest rank).</summary>
    public required int[] Ranks { get; init; }

    /// <summary>Sub-score of each framework node (row k = <see cref="IndexModel.Nodes"/>[k]) for each row.</summary>
    public required double[][] NodeScores { get; init; }

    /// <summary>Consistency of every AHP matrix used.</summary>
    public IReadOnlyList<AhpConsistency> Ahp { get; init; } = [];

    /// <summary>Rows that entered the entropy constant k = 1/ln N of each weighting (N).</summary>
    public required int[] EntropyRows { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int RowCount => Ids.Length;
}
