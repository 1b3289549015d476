namespace Xinzhi.Econometrics.Sfa;

/// <summary>
/// Data of a stochastic frontier: the dependent variable (already in logs), the frontier regressors (without the
/// intercept, which is always added as "(Intercept)"), optional inefficiency-effect variables z (BC95) and optional
/// panel keys. Rows may come in any order; results are returned in this order.
/// </summary>
public sealed record SfaData
{
    public required double[] Y { get; init; }

    public required IReadOnlyList<double[]> X { get; init; }

    public required IReadOnlyList<string> XNames { get; init; }

    public IReadOnlyList<double[]> Z { get; init; } = [];

    public IReadOnlyList<string> ZNames { get; init; } = [];

    /// <summary>Entity id per row (panel models).</summary>
    public string[]? Ids { get; init; }

    /// <summary>Period per row (panel models; BC92 measures t − T with T the last period of the whole panel).</summary>
    public int[]? Times { get; init; }

    /// <summary>Source name for messages.</summary>
    public string Source { get; init; } = "data";

    /// <summary>Source row number (1-based, as a spreadsheet shows it) per row, for messages; null = row index + 2.</summary>
    public int[]? SourceRows { get; init; }
}
