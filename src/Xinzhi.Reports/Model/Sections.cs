namespace Xinzhi.Reports.Model;

/// <summary>A node of the indicator framework (for sub-scores and the radar of the three elements).</summary>
/// <param name="Path">Node ids from the top, '/'-joined (contract B of CONTRACTS.md).</param>
/// <param name="Depth">0 for the top-level elements (laborers, means of labor, objects of labor).</param>
public sealed record ReportNode(string Id, Label Name, string Path, int Depth);

/// <summary>The composite index: scores with a sub-score per framework node, and the weights.</summary>
public sealed record IndexSection
{
    public required Label Method { get; init; }

    /// <summary>Framework nodes in display order; the depth-0 nodes are the elements shown in the radar.</summary>
    public required IReadOnlyList<ReportNode> Nodes { get; init; }

    public required IReadOnlyList<ScoreRow> Scores { get; init; }

    public required IReadOnlyList<WeightRow> Weights { get; init; }
}

/// <summary>Score, rank within the period, and the sub-score of each framework node (by node id).</summary>
public sealed record ScoreRow(string Id, int Time, double Score, int Rank, IReadOnlyDictionary<string, double> SubScores);

/// <summary>A final (global) indicator weight; entropy and divergence where the weighting defines them.</summary>
public sealed record WeightRow(
    string Indicator, Label Name, string Direction, double Weight, string Node, string Path,
    double? Entropy = null, double? Divergence = null, string? Unit = null);

/// <summary>Green TFP: efficiency per period and the productivity index with its decomposition.</summary>
public sealed record TfpSection
{
    public required Label Method { get; init; }

    /// <summary>Efficiency per entity and period (e.g. SBM with undesirable outputs), possibly empty.</summary>
    public IReadOnlyList<EfficiencyRow> Efficiency { get; init; } = [];

    /// <summary>Index between consecutive periods (e.g. GML): value &gt; 1 is progress.</summary>
    public required IReadOnlyList<ProductivityRow> Changes { get; init; }

    /// <summary>Chain product of the index per entity, with the first period = 1 (cumulative TFP).</summary>
    public IReadOnlyList<CumulativeRow> Cumulative { get; init; } = [];
}

/// <summary>Efficiency score; null with a status when the program was infeasible.</summary>
public sealed record EfficiencyRow(string Id, int Time, double? Efficiency, string Status = "optimal");

/// <summary>Productivity change from one period to the next and its decomposition (null where undefined).</summary>
public sealed record ProductivityRow(
    string Id, int From, int To, double? Tfpch, double? Effch, double? Techch, double? Pech = null, double? Sech = null);

/// <summary>Cumulative productivity index of an entity at a period.</summary>
public sealed record CumulativeRow(string Id, int Time, double? Value);

/// <summary>Dagum (1997) Gini decomposition by group, per period, in the row format of <c>xinzhi inequality</c>.</summary>
public sealed record DagumSection
{
    public required Label Variable { get; init; }

    /// <summary>Rows: component G, Gw, Gnb, Gt (totals), Gw_share/Gnb_share/Gt_share (contributions),
    /// G_group (with Group), G_between (with Group and Group2).</summary>
    public required IReadOnlyList<DagumRow> Rows { get; init; }
}

/// <summary>One value of the decomposition: <c>time,component,value[,group,group2]</c>.</summary>
public sealed record DagumRow(int Time, string Component, double Value, string? Group = null, string? Group2 = null);

/// <summary>Gaussian kernel density curves per period.</summary>
public sealed record KdeSection
{
    public required Label Variable { get; init; }

    public required IReadOnlyList<KdeCurve> Curves { get; init; }
}

/// <summary>A density curve on a grid; <see cref="Bandwidth"/> as used.</summary>
public sealed record KdeCurve(int Time, double Bandwidth, IReadOnlyList<double> X, IReadOnlyList<double> Density);

/// <summary>Coupling coordination of subsystems (the three elements): C, T, D and the ten-level class.</summary>
public sealed record CouplingSection
{
    public required IReadOnlyList<Label> Systems { get; init; }

    public required IReadOnlyList<CouplingRow> Rows { get; init; }

    /// <summary>Names of the levels 1..10 (极度失调 … 优质协调), index 0 = level 1.</summary>
    public required IReadOnlyList<Label> Levels { get; init; }
}

/// <summary>Coupling degree C, comprehensive index T, coordination degree D and level (1..10).</summary>
public sealed record CouplingRow(string Id, int Time, double C, double T, double D, int Level);

/// <summary>Obstacle degrees: the indicators that hold each entity back most.</summary>
public sealed record ObstacleSection
{
    /// <summary>How many top obstacles per entity-period are listed.</summary>
    public int Top { get; init; } = 5;

    public required IReadOnlyList<ObstacleRow> Rows { get; init; }

    /// <summary>Obstacle degree aggregated per framework node (e.g. per element), possibly empty.</summary>
    public IReadOnlyList<NodeObstacleRow> Nodes { get; init; } = [];
}

/// <summary>Obstacle degree (share, 0..1) of one indicator for an entity-period, with its rank (1 = largest).</summary>
public sealed record ObstacleRow(string Id, int Time, int Rank, string Indicator, Label Name, double Degree);

/// <summary>Obstacle degree summed over a framework node's indicators.</summary>
public sealed record NodeObstacleRow(string Id, int Time, string Node, double Degree);

/// <summary>GM(1,1) forecasts of the index per entity, with accuracy diagnostics.</summary>
public sealed record ForecastSection
{
    public required Label Variable { get; init; }

    public required int Horizon { get; init; }

    /// <summary>Rows in the format of <c>xinzhi forecast</c>: observed value and fitted value for observed periods,
    /// forecast for the horizon.</summary>
    public required IReadOnlyList<ForecastRow> Rows { get; init; }

    public IReadOnlyList<ForecastFit> Fits { get; init; } = [];
}

public sealed record ForecastRow(string Id, int Time, double? Value, double? Fitted, double? Forecast);

/// <summary>GM(1,1) parameters and accuracy: development coefficient a, grey input b, posterior-error ratio C,
/// small-error probability P and the accuracy class.</summary>
public sealed record ForecastFit(string Id, double A, double B, double PosteriorErrorRatio, double SmallErrorProbability, Label Accuracy);
