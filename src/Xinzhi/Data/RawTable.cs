using System.Globalization;

namespace Xinzhi.Data;

/// <summary>
/// A rectangular table of text cells exactly as read from a file (CSV, XLSX sheet, Stata file), before any typing.
/// Keeps the source name and each record's row number in the source so that every later error can point at it.
/// </summary>
public sealed class RawTable
{
    private readonly string?[][] _columns;
    private readonly Dictionary<string, int> _index;

    /// <param name="source">File name (and sheet) shown in error messages.</param>
    /// <param name="columnNames">Header names, unique.</param>
    /// <param name="columns">Cells by column; null or empty string means missing.</param>
    /// <param name="sourceRows">Row number in the source of each record (1-based, header = row 1 for CSV/XLSX).</param>
    /// <param name="notes">Lines that are not data and were set aside, each with its row (see <see cref="Notes"/>).</param>
    public RawTable(string source, IReadOnlyList<string> columnNames, string?[][] columns, int[] sourceRows,
        IReadOnlyList<DataIssue>? notes = null)
    {
        Notes = notes ?? [];
        ArgumentNullException.ThrowIfNull(columnNames);
        if (columnNames.Count != columns.Length)
            throw new ArgumentException($"Expected {columnNames.Count} columns of cells, got {columns.Length}.", nameof(columns));
        foreach (var c in columns)
            if (c.Length != sourceRows.Length)
                throw new ArgumentException($"Every column must have {sourceRows.Length} cells.", nameof(columns));
        Source = source;
        ColumnNames = columnNames;
        _columns = columns;
        SourceRows = sourceRows;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        var issues = new DataIssueCollector();
        for (var j = 0; j < columnNames.Count; j++)
        {
            if (!_index.TryAdd(columnNames[j], j))
                issues.Add(source, 1, columnNames[j], "duplicate column name in the header");
        }
        issues.ThrowIfAny();
    }

    public string Source { get; }

    /// <summary>A table with only the records for which <paramref name="keep"/> (record index) is true.</summary>
    public RawTable SelectRows(Func<int, bool> keep)
    {
        var rows = new List<int>();
        for (var i = 0; i < RowCount; i++) if (keep(i)) rows.Add(i);
        var columns = new string?[_columns.Length][];
        for (var j = 0; j < _columns.Length; j++)
        {
            var src = _columns[j];
            var dst = new string?[rows.Count];
            for (var k = 0; k < dst.Length; k++) dst[k] = src[rows[k]];
            columns[j] = dst;
        }
        var sourceRows = new int[rows.Count];
        for (var k = 0; k < sourceRows.Length; k++) sourceRows[k] = SourceRows[rows[k]];
        return new RawTable(Source, ColumnNames, columns, sourceRows, Notes);
    }


    /// <summary>
    /// Metadata lines set aside by the reader, never silently: the title lines NBS exports put above the header
    /// (数据库：…, 指标：…, 时间：…) and footnote lines below the data (注：…, 数据来源：…). Verbs print them.
    /// </summary>
    public IReadOnlyList<DataIssue> Notes { get; }

    /// <summary>True when a single-cell line is a yearbook footnote (注, 数据来源, 资料来源, Note, Source).</summary>
    public static bool IsFootnoteText(string? text)
    {
        var s = text?.Trim() ?? "";
        return s.StartsWith("注", StringComparison.Ordinal) || s.StartsWith("数据来源", StringComparison.Ordinal)
            || s.StartsWith("资料来源", StringComparison.Ordinal) || s.StartsWith("Note", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("Source", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a single-cell line above the header is an NBS export title line ("指标：地区生产总值(亿元)").</summary>
    public static bool IsTitleText(string? text)
    {
        var s = text?.Trim() ?? "";
        var colon = s.IndexOfAny(['：', ':']);
        return colon > 0 && colon <= 6 && !s.Contains(',') || s.StartsWith("数据库", StringComparison.Ordinal);
    }

    public IReadOnlyList<string> ColumnNames { get; }

    public int RowCount => SourceRows.Length;

    /// <summary>Source row number of record <c>i</c>.</summary>
    public int[] SourceRows { get; }

    public bool HasColumn(string name) => _index.ContainsKey(name) || FindLoose(name) >= 0;

    /// <summary>Index of a column; matches exactly first, then ignoring case and surrounding spaces.</summary>
    /// <exception cref="DataValidationException">The column does not exist; the message lists the available ones.</exception>
    public int ColumnIndex(string name)
    {
        if (_index.TryGetValue(name, out var j)) return j;
        var loose = FindLoose(name);
        if (loose >= 0) return loose;
        throw new DataValidationException(new DataIssue(Source, null, name,
            $"column not found; the file has: {string.Join(", ", ColumnNames)}"));
    }

    public string?[] Column(string name) => _columns[ColumnIndex(name)];

    public string?[] Column(int index) => _columns[index];

    /// <summary>True when a cell is empty or one of the missing-value tokens of statistical exports.</summary>
    public static bool IsMissing(string? cell)
    {
        if (cell is null) return true;
        var s = cell.AsSpan().Trim();
        // Every token is at most 4 characters: numbers and names skip the allocation and the set lookup.
        return s.Length == 0 || (s.Length <= MaxTokenLength && MissingTokens.Contains(s.ToString()));
    }

    private const int MaxTokenLength = 4;

    /// <summary>Tokens read as missing: R/Stata/Excel/yearbook conventions.</summary>
    public static readonly IReadOnlySet<string> MissingTokens = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "NA", "N/A", "NaN", "null", "NULL", ".", "..", "...", "…", "-", "--", "—", "#N/A", "无",
    };

    /// <summary>
    /// Parses a numeric cell with the invariant culture. Accepts thousands separators ("1,234.5"), a trailing
    /// percent sign is rejected (units must be explicit). Returns false for text.
    /// </summary>
    public static bool TryParseNumber(string cell, out double value)
    {
        var s = cell.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return double.IsFinite(value);
        if (s.Contains(',') &&
            double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value))
            return double.IsFinite(value);
        value = double.NaN;
        return false;
    }

    private int FindLoose(string name)
    {
        var want = name.Trim();
        for (var j = 0; j < ColumnNames.Count; j++)
            if (string.Equals(ColumnNames[j].Trim(), want, StringComparison.OrdinalIgnoreCase)) return j;
        return -1;
    }
}
