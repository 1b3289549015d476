using Xinzhi.Data;

namespace Xinzhi.Analysis.Obstacle;

/// <summary>One indicator of an index run (a row of <c>weights.csv</c>, contract B).</summary>
/// <param name="Path">Node ids from the top, '/'-joined (e.g. <c>laborers/laborer-skill</c>); may be empty.</param>
public sealed record IndexIndicator(string Column, string Direction, double Weight, string Node, string Path, string NameZh, string NameEn)
{
    /// <summary>The node ids of <see cref="Path"/>, top first (the indicator's ancestors).</summary>
    public string[] Ancestors => Path.Length == 0 ? (Node.Length == 0 ? [] : [Node]) : Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// The parts of an index run directory (contract B) that the obstacle model needs: the final global weights with
/// the framework paths, and the standardised matrix x'_ij the aggregation used.
/// </summary>
public sealed record IndexRun(string Directory, IReadOnlyList<IndexIndicator> Indicators, string[] Ids, string?[] Times,
    double[][] Normalized, int[] SourceRows, string NormalizedFile)
{
    /// <summary>Reads <c>DIR/weights.csv</c> and <c>DIR/normalized.csv</c>, validating both against each other.</summary>
    /// <exception cref="DataValidationException">A missing file or column, a bad number, an indicator present in
    /// one file only.</exception>
    public static IndexRun Read(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new DataValidationException(new DataIssue(directory, null, null, "index run directory not found"));
        var weightsPath = System.IO.Path.Combine(directory, "weights.csv");
        var normPath = System.IO.Path.Combine(directory, "normalized.csv");
        var wt = TableReader.Read(weightsPath);
        var issues = new DataIssueCollector();
        foreach (var c in new[] { "indicator", "weight" })
            if (!wt.HasColumn(c)) issues.Add(weightsPath, 1, c, "required column missing (contract B: indicator,direction,weight,...,node,path,name_zh,name_en)");
        issues.ThrowIfAny();
        string?[] Opt(RawTable t, string name) => t.HasColumn(name) ? t.Column(name) : new string?[t.RowCount];
        var ind = wt.Column("indicator");
        var wcol = wt.Column("weight");
        var dir = Opt(wt, "direction");
        var node = Opt(wt, "node");
        var path = Opt(wt, "path");
        var zh = Opt(wt, "name_zh");
        var en = Opt(wt, "name_en");
        var indicators = new List<IndexIndicator>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < wt.RowCount; i++)
        {
            var name = ind[i]?.Trim() ?? "";
            if (name.Length == 0) { issues.Add(weightsPath, wt.SourceRows[i], "indicator", "missing indicator name"); continue; }
            if (!seen.Add(name)) issues.Add(weightsPath, wt.SourceRows[i], "indicator", $"duplicate indicator '{name}'");
            if (wcol[i] is null || !RawTable.TryParseNumber(wcol[i]!, out var w) || w < 0)
            {
                issues.Add(weightsPath, wt.SourceRows[i], "weight", $"'{wcol[i]}' is not a non-negative number");
                continue;
            }
            indicators.Add(new IndexIndicator(name, dir[i]?.Trim() ?? "", w, node[i]?.Trim() ?? "", path[i]?.Trim() ?? "",
                zh[i]?.Trim() ?? "", en[i]?.Trim() ?? ""));
        }
        issues.ThrowIfAny();

        var nt = TableReader.Read(normPath);
        if (!nt.HasColumn("id")) issues.Add(normPath, 1, "id", "required column missing (contract B: id,time,<indicators>)");
        foreach (var x in indicators)
            if (!nt.HasColumn(x.Column)) issues.Add(normPath, 1, x.Column, "indicator listed in weights.csv has no column in normalized.csv");
        var known = new HashSet<string>(indicators.Select(x => x.Column), StringComparer.OrdinalIgnoreCase) { "id", "time" };
        foreach (var c in nt.ColumnNames)
            if (!known.Contains(c.Trim())) issues.Add(normPath, 1, c, "column is not an indicator of weights.csv");
        issues.ThrowIfAny();

        var n = nt.RowCount;
        var ids = nt.Column("id").Select(c => c?.Trim() ?? "").ToArray();
        var times = nt.HasColumn("time") ? nt.Column("time").Select(c => RawTable.IsMissing(c) ? null : c!.Trim()).ToArray() : new string?[n];
        var matrix = new double[indicators.Count][];
        for (var j = 0; j < indicators.Count; j++)
        {
            var cells = nt.Column(indicators[j].Column);
            var col = new double[n];
            for (var i = 0; i < n; i++)
            {
                if (RawTable.IsMissing(cells[i]) || !RawTable.TryParseNumber(cells[i]!, out col[i]))
                    issues.Add(normPath, nt.SourceRows[i], indicators[j].Column, $"'{cells[i]}' is not a number");
            }
            matrix[j] = col;
        }
        for (var i = 0; i < n; i++) if (ids[i].Length == 0) issues.Add(normPath, nt.SourceRows[i], "id", "missing id");
        issues.ThrowIfAny();
        return new IndexRun(directory, indicators, ids, times, matrix, nt.SourceRows, normPath);
    }
}
