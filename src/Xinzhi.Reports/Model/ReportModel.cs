using Xinzhi.Runs;

namespace Xinzhi.Reports.Model;

/// <summary>
/// Everything a report shows, as plain immutable data: metadata, provenance, method notes with every variant choice,
/// and one section per analysis. The pipeline fills it from the library's results; the renderers (HTML, XLSX,
/// figures) only format it, so every number in every output is the number the library computed. A section that the
/// build or the data cannot provide is <c>null</c> and is listed in <see cref="Unavailable"/> with the reason; the
/// renderers then say "not available" rather than draw anything.
/// </summary>
public sealed record ReportModel
{
    public required ReportMetadata Metadata { get; init; }

    /// <summary>The entities (provinces, cities, firms) in display order, with names and group (region).</summary>
    public required IReadOnlyList<ReportEntity> Entities { get; init; }

    /// <summary>The groups (regions) entities belong to, in display order; empty when the data have no groups.</summary>
    public IReadOnlyList<ReportGroup> Groups { get; init; } = [];

    public IndexSection? Index { get; init; }

    public TfpSection? Tfp { get; init; }

    public DagumSection? Dagum { get; init; }

    public KdeSection? Kde { get; init; }

    public CouplingSection? Coupling { get; init; }

    public ObstacleSection? Obstacles { get; init; }

    public ForecastSection? Forecasts { get; init; }

    /// <summary>The NQPF logic diagram as an SVG document (drawn from the framework), or null.</summary>
    public string? LogicDiagramSvg { get; init; }

    /// <summary>Method notes: one per analysis, each with every variant choice made.</summary>
    public IReadOnlyList<MethodNote> Methods { get; init; } = [];

    /// <summary>Data sources and literature cited.</summary>
    public IReadOnlyList<Citation> Sources { get; init; } = [];

    /// <summary>Sections that are missing, and why (e.g. "not available in this build").</summary>
    public IReadOnlyList<UnavailableSection> Unavailable { get; init; } = [];

    public required ReportProvenance Provenance { get; init; }
}

/// <summary>Title, dataset, framework and period coverage of a report.</summary>
public sealed record ReportMetadata
{
    public required Label Title { get; init; }

    public Label? Subtitle { get; init; }

    public required Label Dataset { get; init; }

    public string? FrameworkId { get; init; }

    public Label? Framework { get; init; }

    /// <summary>Periods covered by the index (ascending).</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    public DateTimeOffset GeneratedUtc { get; init; } = DateTimeOffset.UtcNow;

    public string ProgramVersion { get; init; } = RunRecord.ProgramVersion;

    /// <summary>Short findings printed on the first screen (and by <c>xinzhi demo</c>).</summary>
    public IReadOnlyList<Label> Highlights { get; init; } = [];
}

/// <summary>Inputs (with SHA-256), the full specification and the warnings of the run behind a report.</summary>
public sealed record ReportProvenance
{
    public IReadOnlyList<InputFile> Inputs { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Specification { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string Command { get; init; } = "";
}

/// <summary>An entity of the panel. <see cref="Group"/> is the key of a <see cref="ReportGroup"/> (e.g. "east");
/// <see cref="MapId"/> is its feature id on the China map (GB/T 2260 code) when it differs from <see cref="Id"/>.</summary>
public sealed record ReportEntity(string Id, Label Name, string? Group = null, string? MapId = null);

/// <summary>A group of entities, e.g. the NBS region "east" (东部).</summary>
public sealed record ReportGroup(string Key, Label Name);

/// <summary>A section the report cannot show, with the reason in both languages.</summary>
public sealed record UnavailableSection(string Section, Label Reason);

/// <summary>A method note: what was computed, how, and every variant choice.</summary>
public sealed record MethodNote(string Key, Label Title, Label Text, IReadOnlyList<MethodChoice> Choices);

/// <summary>One variant choice (option name and value), e.g. ("normalisation", "min-max").</summary>
public sealed record MethodChoice(Label Name, string Value, Label? Note = null);

/// <summary>A data source or a paper; <see cref="Role"/> says what it was used for.</summary>
public sealed record Citation(string Text, Label? Role = null, string? Url = null);
