using Xinzhi.Data;

namespace Xinzhi.Analysis.Spatial;

/// <summary>
/// A spatial weight matrix W (n × n, dense) with its entity ids, read from contract-C files
/// (<c>id,&lt;id1&gt;,&lt;id2&gt;,...</c> header; one row per id). Immutable; entities without neighbours
/// (all-zero rows, such as Hainan under queen contiguity) are listed in <see cref="Islands"/> and reported as an
/// <c>island</c> warning, never silently ignored.
/// </summary>
public sealed class SpatialWeights
{
    private readonly double[][] _w;

    public SpatialWeights(string source, string[] ids, double[][] w, bool rowStandardized = false)
    {
        var n = ids.Length;
        if (w.Length != n || w.Any(r => r.Length != n)) throw new ArgumentException($"W must be {n} × {n}.", nameof(w));
        Source = source;
        Ids = ids;
        _w = w;
        RowStandardized = rowStandardized;
        var islands = new List<string>();
        for (var i = 0; i < n; i++) if (RowSum(i) == 0) islands.Add(ids[i]);
        Islands = islands;
    }

    public string Source { get; }

    public string[] Ids { get; }

    public int Count => Ids.Length;

    public bool RowStandardized { get; }

    /// <summary>Entities whose row of W is all zero (no neighbours).</summary>
    public IReadOnlyList<string> Islands { get; }

    /// <summary>w_ij.</summary>
    public double this[int i, int j] => _w[i][j];

    /// <summary>Row i of W (do not modify).</summary>
    public double[] Row(int i) => _w[i];

    public double RowSum(int i)
    {
        var s = 0.0;
        foreach (var v in _w[i]) s += v;
        return s;
    }

    /// <summary>The island warning, or none.</summary>
    public IEnumerable<AnalysisWarning> Warnings()
    {
        if (Islands.Count > 0)
            yield return new AnalysisWarning("island",
                $"{Source}: {Islands.Count} entit{(Islands.Count == 1 ? "y has" : "ies have")} no neighbours (all-zero row): {string.Join(", ", Islands)}; " +
                "their spatial lag is 0. Link them (e.g. Hainan–Guangdong) or use distance weights if that is not intended");
    }

    /// <summary>Divides each row by its sum; all-zero rows (islands) stay zero and remain listed in <see cref="Islands"/>.</summary>
    public SpatialWeights RowStandardize()
    {
        var n = Count;
        var w = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var s = RowSum(i);
            w[i] = new double[n];
            for (var j = 0; j < n; j++) w[i][j] = s > 0 ? _w[i][j] / s : 0;
        }
        return new SpatialWeights(Source, Ids, w, true);
    }

    /// <summary>Spatial lag (W y)_i = Σ_j w_ij y_j.</summary>
    public double[] Lag(ReadOnlySpan<double> y)
    {
        if (y.Length != Count) throw new ArgumentException($"Expected {Count} values.", nameof(y));
        var lag = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var row = _w[i];
            var s = 0.0;
            for (var j = 0; j < row.Length; j++) s += row[j] * y[j];
            lag[i] = s;
        }
        return lag;
    }

    /// <summary>
    /// Reorders W to the given entity order. The two id sets must be identical: every id missing from W and every
    /// id of W missing from the data is reported.
    /// </summary>
    /// <exception cref="DataValidationException">The ids of W and of the data differ.</exception>
    public SpatialWeights Align(IReadOnlyList<string> entities, string dataSource)
    {
        var pos = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++) pos[Ids[i]] = i;
        var issues = new DataIssueCollector();
        var wanted = new HashSet<string>(entities, StringComparer.Ordinal);
        foreach (var e in entities)
            if (!pos.ContainsKey(e)) issues.Add(Source, null, null, $"entity '{e}' of {dataSource} has no row/column in the weight matrix");
        foreach (var id in Ids)
            if (!wanted.Contains(id)) issues.Add(Source, null, id, $"weight-matrix id '{id}' is not an entity of {dataSource}");
        issues.ThrowIfAny();
        var n = entities.Count;
        var idx = entities.Select(e => pos[e]).ToArray();
        var w = new double[n][];
        for (var i = 0; i < n; i++)
        {
            w[i] = new double[n];
            for (var j = 0; j < n; j++) w[i][j] = _w[idx[i]][idx[j]];
        }
        return new SpatialWeights(Source, entities.ToArray(), w, RowStandardized);
    }

    /// <summary>Reads a contract-C weight file (CSV/XLSX via <see cref="TableReader"/>).</summary>
    /// <exception cref="DataValidationException">Not square, ids not matching between header and rows, duplicate ids,
    /// non-numeric, negative or non-finite weights; every problem is reported with row and column.</exception>
    public static SpatialWeights Read(string path, ReadOptions? options = null)
    {
        var t = TableReader.Read(path, options);
        var issues = new DataIssueCollector();
        var header = t.ColumnNames.Skip(1).Select(c => c.Trim()).ToArray();
        var n = header.Length;
        var col = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < n; j++)
            if (!col.TryAdd(header[j], j)) issues.Add(t.Source, 1, header[j], "duplicate id in the header");
        if (t.RowCount != n)
            issues.Add(t.Source, null, null, $"the matrix is not square: {t.RowCount} rows for {n} id columns");
        var rowIds = t.Column(0).Select(c => c?.Trim() ?? "").ToArray();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rowIds.Length; i++)
        {
            if (!col.ContainsKey(rowIds[i]))
                issues.Add(t.Source, t.SourceRows[i], t.ColumnNames[0], $"row id '{rowIds[i]}' is not among the header ids (format: id,<id1>,<id2>,...)");
            else if (!rowOf.TryAdd(rowIds[i], i)) issues.Add(t.Source, t.SourceRows[i], t.ColumnNames[0], $"duplicate row id '{rowIds[i]}'");
        }
        foreach (var h in header)
            if (!rowOf.ContainsKey(h) && t.RowCount == n) issues.Add(t.Source, 1, h, $"header id '{h}' has no row");
        issues.ThrowIfAny();

        var w = new double[n][];
        for (var j = 0; j < n; j++) w[j] = new double[n];
        var diagonal = false;
        for (var r = 0; r < n; r++)
        {
            var i = col[rowIds[r]];
            for (var c = 0; c < n; c++)
            {
                var cell = t.Column(c + 1)[r];
                if (RawTable.IsMissing(cell) || !RawTable.TryParseNumber(cell!, out var v))
                {
                    issues.Add(t.Source, t.SourceRows[r], t.ColumnNames[c + 1], $"'{cell}' is not a number");
                    continue;
                }
                if (v < 0) issues.Add(t.Source, t.SourceRows[r], t.ColumnNames[c + 1], $"negative weight {v}");
                if (i == c && v != 0) diagonal = true;
                w[i][c] = v;
            }
        }
        issues.ThrowIfAny();
        if (diagonal)
            throw new DataValidationException(new DataIssue(t.Source, null, null, "the diagonal of W must be zero (an entity is not its own neighbour)"));
        return new SpatialWeights(t.Source, header, w);
    }
}
