using System.Globalization;

namespace Xinzhi.Data;

/// <summary>What filling did: cells filled per variable, recorded in run provenance.</summary>
public sealed record FillReport(FillMethod Method, IReadOnlyDictionary<string, int> FilledCells)
{
    public int Total => FilledCells.Values.Sum();
}

/// <summary>A validated panel and what was done to it on the way in.</summary>
public sealed record PanelLoad(Panel Panel, FillReport Fill)
{
    /// <summary>Records of the file left out by an explicit <see cref="RowSelection"/> (0 without one).</summary>
    public int RecordsLeftOut { get; init; }
}

/// <summary>
/// Types and validates a <see cref="RawTable"/> into a <see cref="Panel"/>. Every problem is collected and reported
/// together with file, row and column: non-numeric cells, missing keys, non-integer periods, duplicate
/// (entity, period) keys, and missing values unless a fill is chosen. Nothing is dropped silently.
/// </summary>
public static class PanelBuilder
{
    public static PanelLoad Build(RawTable table, PanelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        var issues = new DataIssueCollector();
        var src = table.Source;
        var n = table.RowCount;
        if (n == 0) throw new DataValidationException(new DataIssue(src, null, null, "the table has no data rows"));

        // Resolve every requested column first so that all missing columns are reported together.
        int Resolve(string name)
        {
            try { return table.ColumnIndex(name); }
            catch (DataValidationException e) { foreach (var i in e.Issues) issues.Add(i); return -1; }
        }

        var idIdx = Resolve(spec.IdColumn);
        var timeIdx = spec.TimeColumn is null ? -1 : Resolve(spec.TimeColumn);
        var varIdx = spec.Variables.Select(Resolve).ToArray();
        var attrIdx = (spec.Attributes ?? []).Select(Resolve).ToArray();
        issues.ThrowIfAny();

        var ids = new string[n];
        var idCells = table.Column(idIdx);
        for (var i = 0; i < n; i++)
        {
            var cell = idCells[i];
            if (RawTable.IsMissing(cell)) issues.Add(src, table.SourceRows[i], table.ColumnNames[idIdx], "missing entity id");
            ids[i] = cell?.Trim() ?? "";
        }

        var attributes = attrIdx.Select(j => new KeyValuePair<string, string[]>(
            table.ColumnNames[j], table.Column(j).Select(c => c?.Trim() ?? "").ToArray())).ToList();
        if (spec.ResolveProvinces)
            attributes.AddRange(ResolveProvinceIds(table, idIdx, ids, issues)
                .Where(a => !attributes.Any(b => b.Key == a.Key)).ToList());

        int[]? times = null;
        if (timeIdx >= 0)
        {
            times = new int[n];
            var tCells = table.Column(timeIdx);
            for (var i = 0; i < n; i++)
            {
                if (!TryParsePeriod(tCells[i], out times[i]))
                    issues.Add(src, table.SourceRows[i], table.ColumnNames[timeIdx],
                        RawTable.IsMissing(tCells[i]) ? "missing period" : $"period '{tCells[i]}' is not an integer (e.g. a year)");
            }
        }

        var variables = new List<KeyValuePair<string, double[]>>();
        foreach (var j in varIdx)
        {
            var name = table.ColumnNames[j];
            var cells = table.Column(j);
            var values = new double[n];
            for (var i = 0; i < n; i++)
            {
                var cell = cells[i];
                if (RawTable.IsMissing(cell)) { values[i] = double.NaN; continue; }
                if (!RawTable.TryParseNumber(cell!, out values[i]))
                    issues.Add(src, table.SourceRows[i], name, $"'{cell}' is not a number");
            }
            variables.Add(new(name, values));
        }

        // Duplicate keys.
        var seen = new Dictionary<(string, int), int>();
        for (var i = 0; i < n; i++)
        {
            var key = (ids[i], times?[i] ?? 0);
            if (seen.TryGetValue(key, out var first))
            {
                var entity = spec.ResolveProvinces && idCells[i]?.Trim() != ids[i] ? $"'{ids[i]}' ('{idCells[i]?.Trim()}')" : $"'{ids[i]}'";
                issues.Add(src, table.SourceRows[i], spec.TimeColumn ?? spec.IdColumn,
                    times is null
                        ? $"duplicate entity {entity} (first at row {table.SourceRows[first]})"
                        : $"duplicate key (entity {entity}, period {times[i]}); first at row {table.SourceRows[first]}");
            }
            else seen.Add(key, i);
        }
        issues.ThrowIfAny();

        var panel = new Panel(src, spec.IdColumn, spec.TimeColumn, ids, times, variables, attributes, table.SourceRows);
        var fill = PanelFill.Apply(panel, spec.Fill, out var filled);
        return new PanelLoad(filled, fill);
    }

    /// <summary>Attribute names added by <see cref="PanelSpec.ResolveProvinces"/>.</summary>
    public const string ProvinceZhAttribute = "province_zh", ProvinceEnAttribute = "province_en", RegionAttribute = "region";

    /// <summary>
    /// Replaces each id by the GB/T 2260 code of the province it names and returns the attributes province_zh,
    /// province_en and region; unknown names become issues. Hong Kong, Macao and Taiwan get an empty region.
    /// </summary>
    private static List<KeyValuePair<string, string[]>> ResolveProvinceIds(RawTable table, int idIdx, string[] ids, DataIssueCollector issues)
    {
        var n = ids.Length;
        string[] zh = new string[n], en = new string[n], region = new string[n];
        for (var i = 0; i < n; i++)
        {
            if (ids[i].Length == 0) { zh[i] = en[i] = region[i] = ""; continue; } // already reported as missing
            if (Regions.ChinaProvinces.TryResolve(ids[i], out var p))
            {
                ids[i] = p.Code;
                zh[i] = p.ShortZh;
                en[i] = p.NameEn;
                region[i] = p.NbsRegion is { } r ? Regions.RegionNames.Key(r) : "";
            }
            else
            {
                issues.Add(table.Source, table.SourceRows[i], table.ColumnNames[idIdx], Regions.ChinaProvinces.UnknownMessage(ids[i]));
                zh[i] = en[i] = region[i] = "";
            }
        }
        return [new(ProvinceZhAttribute, zh), new(ProvinceEnAttribute, en), new(RegionAttribute, region)];
    }

    /// <summary>Reads a period cell: an integer, or a number with zero fraction ("2010.0").</summary>
    public static bool TryParsePeriod(string? cell, out int period)
    {
        period = 0;
        if (RawTable.IsMissing(cell)) return false;
        var s = cell!.Trim();
        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out period)) return true;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue)
        {
            period = (int)d;
            return true;
        }
        return false;
    }
}
