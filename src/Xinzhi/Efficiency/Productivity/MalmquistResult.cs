namespace Xinzhi.Efficiency.Productivity;

/// <summary>The result of a productivity-index run: one row per unit and adjacent period pair, plus diagnostics.</summary>
public sealed record MalmquistResult
{
    /// <summary>Rows ordered by unit (first appearance) then period pair.</summary>
    public required IReadOnlyList<MalmquistRow> Rows { get; init; }

    /// <summary>The options used (every variant choice).</summary>
    public required MalmquistOptions Options { get; init; }

    /// <summary>Typed warnings; never silent.</summary>
    public required IReadOnlyList<MalmquistWarning> Warnings { get; init; }

    /// <summary>Number of distance programs solved.</summary>
    public required int DistanceProgramCount { get; init; }

    /// <summary>Units in the computation (after any balancing).</summary>
    public required int UnitCount { get; init; }

    /// <summary>Periods in the computation.</summary>
    public required IReadOnlyList<int> Periods { get; init; }

    /// <summary>True for the Luenberger (additive) form.</summary>
    public bool IsAdditive => Options.Index == ProductivityIndexKind.Luenberger;

    /// <summary>Rows whose status is not <see cref="MalmquistStatus.Ok"/>.</summary>
    public int ProblemRowCount => Rows.Count(r => r.Status != MalmquistStatus.Ok);
}
