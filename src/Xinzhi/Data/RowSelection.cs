using System.Globalization;

namespace Xinzhi.Data;

/// <summary>
/// An explicit choice of which records of a file a study uses: a span of periods and entities left out (e.g. Tibet,
/// which CEADs does not cover). Applied before validation, so values of records left out are never read; the
/// selection and the number of records it removed are recorded in the run.
/// </summary>
/// <param name="FirstPeriod">First period kept (inclusive), or null.</param>
/// <param name="LastPeriod">Last period kept (inclusive), or null.</param>
/// <param name="ExcludedEntities">Entity ids left out, compared with the trimmed id cell.</param>
public sealed record RowSelection(int? FirstPeriod, int? LastPeriod, IReadOnlySet<string> ExcludedEntities)
{
    public static RowSelection All { get; } = new(null, null, new HashSet<string>(StringComparer.Ordinal));

    public bool IsAll => FirstPeriod is null && LastPeriod is null && ExcludedEntities.Count == 0;

    /// <summary>Parses "2010-2019", "2015", "2010-" or "-2019" and a comma list of ids.</summary>
    /// <exception cref="SpecificationException">The span is not of that form or is empty.</exception>
    public static RowSelection Parse(string? years, string? exclude)
    {
        int? first = null, last = null;
        if (!string.IsNullOrWhiteSpace(years))
        {
            var text = years.Trim();
            var dash = text.IndexOf('-');
            var a = dash < 0 ? text : text[..dash];
            var b = dash < 0 ? text : text[(dash + 1)..];
            first = ParseYear(a, years);
            last = ParseYear(b, years);
            if (first > last) throw new SpecificationException($"--years: '{years}' is an empty span.");
        }
        var excluded = new HashSet<string>(
            (exclude ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        return new RowSelection(first, last, excluded);

        static int? ParseYear(string part, string whole)
        {
            if (part.Trim().Length == 0) return null;
            return int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
                ? y
                : throw new SpecificationException($"--years: '{whole}' is not a year or a span such as 2010-2019.");
        }
    }

    /// <summary>
    /// Keeps the records inside the span and not excluded. Records whose period cell cannot be read are kept, so that
    /// validation reports them with their row.
    /// </summary>
    /// <exception cref="DataValidationException">An excluded id does not occur in the file, or nothing is left.</exception>
    public RawTable Apply(RawTable table, string idColumn, string? timeColumn)
    {
        if (IsAll) return table;
        var ids = table.Column(idColumn);
        var times = timeColumn is null ? null : table.Column(timeColumn);
        if ((FirstPeriod is not null || LastPeriod is not null) && times is null)
            throw new SpecificationException("--years needs --time.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var selected = table.SelectRows(i =>
        {
            var id = ids[i]?.Trim() ?? "";
            if (ExcludedEntities.Contains(id)) { seen.Add(id); return false; }
            if (times is null || !PanelBuilder.TryParsePeriod(times[i], out var t)) return true;
            return (FirstPeriod is null || t >= FirstPeriod) && (LastPeriod is null || t <= LastPeriod);
        });
        var issues = new DataIssueCollector();
        foreach (var id in ExcludedEntities.Where(e => !seen.Contains(e)).Order(StringComparer.Ordinal))
            issues.Add(table.Source, null, idColumn, $"--exclude names '{id}', which does not occur in the file");
        if (selected.RowCount == 0) issues.Add(table.Source, null, timeColumn ?? idColumn, "the selection leaves no records");
        issues.ThrowIfAny();
        return selected;
    }

    /// <summary>The selection as recorded in run.json.</summary>
    public IReadOnlyDictionary<string, object?> ToSpecification(int recordsRemoved) => new Dictionary<string, object?>
    {
        ["first_period"] = FirstPeriod,
        ["last_period"] = LastPeriod,
        ["excluded_entities"] = ExcludedEntities.Order(StringComparer.Ordinal).ToArray(),
        ["records_removed"] = recordsRemoved,
    };
}
