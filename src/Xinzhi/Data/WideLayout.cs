using System.Globalization;
using System.Text.RegularExpressions;
using Xinzhi.Data.Regions;

namespace Xinzhi.Data;

/// <summary>How a wide ("yearbook") table is laid out.</summary>
public enum WideOrientation
{
    /// <summary>Rows are regions, columns are years (the NBS and yearbook default).</summary>
    RegionsByYears,

    /// <summary>Rows are years, columns are regions (data.stats.gov.cn "time in rows" exports).</summary>
    YearsByRegions,
}

/// <summary>One wide table holding one indicator.</summary>
/// <param name="Indicator">Name of the indicator column in the long result.</param>
/// <param name="Table">The table as read.</param>
public sealed record WideTable(string Indicator, RawTable Table);

/// <summary>Options of <see cref="WideLayout.ToLong"/>.</summary>
/// <param name="RegionColumn">Column holding the region names; null takes the first column.</param>
/// <param name="Orientation">Regions by years (default) or years by regions.</param>
/// <param name="ResolveProvinces">Map region names to GB/T 2260 codes and add province_zh, province_en, region.</param>
/// <param name="IdName">Name of the entity column in the result (default "id", or "code" when resolving).</param>
/// <param name="TimeName">Name of the period column in the result.</param>
public sealed record WideOptions(
    string? RegionColumn = null,
    WideOrientation Orientation = WideOrientation.RegionsByYears,
    bool ResolveProvinces = false,
    string? IdName = null,
    string TimeName = "year");

/// <summary>The long table built from wide tables, and the title and footnote lines set aside (reported, never silent).</summary>
public sealed record WideReshapeResult(RawTable Long, IReadOnlyList<DataIssue> SkippedFootnotes);

/// <summary>
/// Turns wide "yearbook" tables — rows = regions, columns = years, one table per indicator, as NBS and yearbook
/// exports arrive — into one long panel: one row per (region, year), one column per indicator. Year headers may
/// read 2010, 2010年, 2010.0 or X2010. Every problem is reported at once with file, row and column: a column that
/// is neither the region column nor a year, a duplicate region, an unknown province (when resolving), a non-numeric
/// cell. Footnote rows (注…, 数据来源…, Note…, Source…) are skipped and listed in the result.
/// </summary>
public static partial class WideLayout
{
    public static WideReshapeResult ToLong(IReadOnlyList<WideTable> tables, WideOptions? options = null)
    {
        options ??= new WideOptions();
        if (tables.Count == 0) throw new ArgumentException("At least one table is needed.", nameof(tables));
        var issues = new DataIssueCollector();
        var footnotes = new List<DataIssue>();
        var indicatorNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tables)
            if (!indicatorNames.Add(t.Indicator))
                issues.Add(t.Table.Source, null, null, $"indicator name '{t.Indicator}' is used by more than one table");
        issues.ThrowIfAny();

        // (entity key) → display order, and (entity, year) → values per indicator.
        var entityOrder = new List<string>();
        var entityInfo = new Dictionary<string, Province?>(StringComparer.Ordinal);
        var years = new SortedSet<int>();
        var values = new Dictionary<(string, int), string?[]>();

        for (var ti = 0; ti < tables.Count; ti++)
        {
            footnotes.AddRange(tables[ti].Table.Notes);
            var table = options.Orientation == WideOrientation.YearsByRegions ? Transpose(tables[ti].Table, options.RegionColumn) : tables[ti].Table;
            var src = table.Source;
            var regionIdx = options.RegionColumn is null || options.Orientation == WideOrientation.YearsByRegions
                ? 0
                : TryColumn(table, options.RegionColumn, issues);
            if (regionIdx < 0) continue;
            var yearCols = new List<(int Index, int Year)>();
            for (var j = 0; j < table.ColumnNames.Count; j++)
            {
                if (j == regionIdx) continue;
                if (TryParseYear(table.ColumnNames[j], out var y)) yearCols.Add((j, y));
                else issues.Add(src, 1, table.ColumnNames[j],
                    "column is neither the region column nor a year (expected headers like 2010, 2010年)");
            }
            if (yearCols.Count == 0) issues.Add(src, 1, null, "no year columns found");
            var dupYears = yearCols.GroupBy(c => c.Year).Where(g => g.Count() > 1);
            foreach (var g in dupYears)
                issues.Add(src, 1, table.ColumnNames[g.Skip(1).First().Index], $"year {g.Key} appears in more than one column");

            var regionCells = table.Column(regionIdx);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < table.RowCount; i++)
            {
                var row = table.SourceRows[i];
                var name = regionCells[i]?.Trim() ?? "";
                if (IsFootnote(name, table, i, regionIdx))
                {
                    footnotes.Add(new DataIssue(src, row, table.ColumnNames[regionIdx], $"skipped footnote row '{Shorten(name)}'"));
                    continue;
                }
                if (name.Length == 0)
                {
                    issues.Add(src, row, table.ColumnNames[regionIdx], "missing region name");
                    continue;
                }
                var key = name;
                Province? province = null;
                if (options.ResolveProvinces)
                {
                    if (!ChinaProvinces.TryResolve(name, out province))
                    {
                        issues.Add(src, row, table.ColumnNames[regionIdx], ChinaProvinces.UnknownMessage(name));
                        continue;
                    }
                    key = province.Code;
                }
                if (seen.TryGetValue(key, out var firstRow))
                {
                    issues.Add(src, row, table.ColumnNames[regionIdx], $"region '{name}' appears again (first at row {firstRow})");
                    continue;
                }
                seen[key] = row;
                if (!entityInfo.ContainsKey(key)) { entityInfo[key] = province; entityOrder.Add(key); }
                foreach (var (j, y) in yearCols)
                {
                    var cell = table.Column(j)[i];
                    string? text = null;
                    if (!RawTable.IsMissing(cell))
                    {
                        if (RawTable.TryParseNumber(cell!, out var d)) text = d.ToString("R", CultureInfo.InvariantCulture);
                        else issues.Add(src, row, table.ColumnNames[j], $"'{cell}' is not a number");
                    }
                    years.Add(y);
                    if (!values.TryGetValue((key, y), out var arr)) values[(key, y)] = arr = new string?[tables.Count];
                    arr[ti] = text;
                }
            }
        }
        issues.ThrowIfAny();

        if (options.ResolveProvinces)
            entityOrder.Sort((a, b) => string.CompareOrdinal(a, b)); // GB/T 2260 code order = NBS table order
        var idName = options.IdName ?? (options.ResolveProvinces ? "code" : "id");
        var header = new List<string> { idName };
        if (options.ResolveProvinces) header.AddRange([PanelBuilder.ProvinceZhAttribute, PanelBuilder.ProvinceEnAttribute, PanelBuilder.RegionAttribute]);
        header.Add(options.TimeName);
        header.AddRange(tables.Select(t => t.Indicator));

        var cols = header.Select(_ => new List<string?>()).ToArray();
        foreach (var e in entityOrder)
            foreach (var y in years)
            {
                if (!values.TryGetValue((e, y), out var arr)) arr = new string?[tables.Count];
                var c = 0;
                cols[c++].Add(e);
                if (options.ResolveProvinces)
                {
                    var p = entityInfo[e]!;
                    cols[c++].Add(p.ShortZh);
                    cols[c++].Add(p.NameEn);
                    cols[c++].Add(p.NbsRegion is { } r ? r.Key() : "");
                }
                cols[c++].Add(y.ToString(CultureInfo.InvariantCulture));
                foreach (var v in arr) cols[c++].Add(v);
            }
        var n = cols[0].Count;
        var source = tables.Count == 1 ? tables[0].Table.Source : string.Join("+", tables.Select(t => t.Table.Source));
        var result = new RawTable(source, header, cols.Select(c => c.ToArray()).ToArray(), Enumerable.Range(2, n).ToArray());
        return new WideReshapeResult(result, footnotes);
    }

    /// <summary>Writes a long table as CSV (UTF-8, no BOM).</summary>
    public static string ToCsv(RawTable table)
    {
        var w = new CsvTableWriter(table.ColumnNames);
        var row = new object?[table.ColumnNames.Count];
        for (var i = 0; i < table.RowCount; i++)
        {
            for (var j = 0; j < row.Length; j++) row[j] = table.Column(j)[i];
            w.AppendRow(row);
        }
        return w.ToString();
    }

    /// <summary>Reads a year header: 2010, 2010年, 2010.0, X2010, Y2010, yr2010.</summary>
    public static bool TryParseYear(string header, out int year)
    {
        year = 0;
        var m = YearHeader().Match(header.Trim());
        return m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && year is >= 1800 and <= 2200;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{1,2}_?)?(\d{4})(?:年|\.0+)?$")]
    private static partial Regex YearHeader();

    private static bool IsFootnote(string name, RawTable table, int i, int regionIdx)
    {
        if (name.Length == 0) return false;
        var lead = name.StartsWith("注", StringComparison.Ordinal) || name.StartsWith("数据来源", StringComparison.Ordinal)
            || name.StartsWith("资料来源", StringComparison.Ordinal) || name.StartsWith("Note", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Source", StringComparison.OrdinalIgnoreCase);
        if (!lead) return false;
        for (var j = 0; j < table.ColumnNames.Count; j++)
            if (j != regionIdx && !RawTable.IsMissing(table.Column(j)[i])) return false;
        return true;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static int TryColumn(RawTable table, string name, DataIssueCollector issues)
    {
        try { return table.ColumnIndex(name); }
        catch (DataValidationException e) { foreach (var i in e.Issues) issues.Add(i); return -1; }
    }

    /// <summary>Turns a years-by-regions table into regions-by-years; the first column must hold the years.</summary>
    private static RawTable Transpose(RawTable t, string? yearColumn)
    {
        var yearIdx = yearColumn is null ? 0 : t.ColumnIndex(yearColumn);
        var regionCols = Enumerable.Range(0, t.ColumnNames.Count).Where(j => j != yearIdx).ToArray();
        var header = new List<string> { "region" };
        header.AddRange(t.Column(yearIdx).Select((y, i) => y?.Trim() is { Length: > 0 } s ? s : $"(row {t.SourceRows[i]})"));
        var cols = new string?[header.Count][];
        cols[0] = regionCols.Select(j => t.ColumnNames[j]).ToArray();
        for (var i = 0; i < t.RowCount; i++) cols[i + 1] = regionCols.Select(j => t.Column(j)[i]).ToArray();
        // Rows of the transposed table are the original columns: number them by spreadsheet column position.
        return new RawTable(t.Source + " (transposed)", header, cols, regionCols.Select(j => j + 1).ToArray());
    }
}
