using System.Globalization;
using MiniExcelLibs;

namespace Xinzhi.Data;

/// <summary>
/// Reads one worksheet of an Excel workbook (.xlsx) into a <see cref="RawTable"/>. The header is the first row with
/// any non-empty cell (title rows above it are skipped only when completely empty); row numbers are those Excel
/// shows. Typed cells become text with the invariant culture: numbers round-trip, dates ISO 8601, booleans
/// true/false.
/// </summary>
public static class XlsxTableReader
{
    /// <param name="path">Workbook path.</param>
    /// <param name="sheet">Sheet name; null takes the first sheet.</param>
    /// <exception cref="DataValidationException">Unreadable workbook, unknown sheet, empty or malformed header.</exception>
    public static RawTable Read(string path, string? sheet = null)
    {
        var file = Path.GetFileName(path);
        List<string> sheets;
        try { sheets = MiniExcel.GetSheetNames(path); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DataValidationException(new DataIssue(file, null, null, $"cannot read the workbook: {e.Message}"));
        }
        if (sheets.Count == 0) throw new DataValidationException(new DataIssue(file, null, null, "the workbook has no sheets"));
        var name = sheet ?? sheets[0];
        if (!sheets.Contains(name))
        {
            var loose = sheets.FirstOrDefault(s => string.Equals(s.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
            name = loose ?? throw new DataValidationException(new DataIssue(file, null, null,
                $"sheet '{sheet}' not found; the workbook has: {string.Join(", ", sheets)}"));
        }
        var source = sheets.Count > 1 || sheet is not null ? $"{file}[{name}]" : file;

        var rows = new List<(int Row, string?[] Cells)>();
        try
        {
            var excelRow = 0;
            foreach (IDictionary<string, object?> r in MiniExcel.Query(path, useHeaderRow: false, sheetName: name))
            {
                excelRow++;
                var cells = new string?[r.Count];
                var k = 0;
                var any = false;
                foreach (var value in r.Values)
                {
                    cells[k] = CellText(value);
                    any |= !string.IsNullOrWhiteSpace(cells[k]);
                    k++;
                }
                if (any) rows.Add((excelRow, cells));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException and not DataValidationException)
        {
            throw new DataValidationException(new DataIssue(source, null, null, $"cannot read the sheet: {e.Message}"));
        }
        if (rows.Count == 0) throw new DataValidationException(new DataIssue(source, null, null, "the sheet is empty"));
        return ToTable(source, rows);
    }

    /// <summary>Names of the sheets of a workbook, in order.</summary>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        try { return MiniExcel.GetSheetNames(path); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DataValidationException(new DataIssue(Path.GetFileName(path), null, null, $"cannot read the workbook: {e.Message}"));
        }
    }

    /// <summary>Builds the table: first row = header; columns with an empty header and no data are dropped.</summary>
    internal static RawTable ToTable(string source, List<(int Row, string?[] Cells)> rows)
    {
        // Set aside, as notes, NBS title rows above the header (指标：…) and footnote rows (注：…, 数据来源：…): a single
        // non-empty cell in the first column.
        var notes = new List<DataIssue>();
        static string? Single(string?[] cells) =>
            cells.Length > 0 && !string.IsNullOrWhiteSpace(cells[0]) && cells.Skip(1).All(string.IsNullOrWhiteSpace) ? cells[0]!.Trim() : null;
        while (rows.Count > 1 && Single(rows[0].Cells) is { } title && RawTable.IsTitleText(title) && rows.Skip(1).Any(r => Single(r.Cells) is null))
        {
            notes.Add(new DataIssue(source, rows[0].Row, null, $"title line set aside: {title}"));
            rows.RemoveAt(0);
        }
        for (var i = rows.Count - 1; i >= 1; i--)
            if (Single(rows[i].Cells) is { } text && RawTable.IsFootnoteText(text))
            {
                notes.Add(new DataIssue(source, rows[i].Row, null, $"footnote set aside: {text}"));
                rows.RemoveAt(i);
            }
        notes.Sort((a, b) => (a.Row ?? 0).CompareTo(b.Row ?? 0));
        var (headerRow, header) = rows[0];
        var width = rows.Max(r => r.Cells.Length);
        var issues = new DataIssueCollector();
        var keep = new List<int>();
        for (var j = 0; j < width; j++)
        {
            var h = j < header.Length ? header[j]?.Trim() ?? "" : "";
            var hasData = rows.Skip(1).Any(r => j < r.Cells.Length && !string.IsNullOrWhiteSpace(r.Cells[j]));
            if (h.Length == 0)
            {
                if (hasData) issues.Add(source, headerRow, ColumnLetter(j), "empty column name in the header above data");
                continue;
            }
            keep.Add(j);
        }
        issues.ThrowIfAny();
        var names = keep.Select(j => header[j]!.Trim()).ToArray();
        var cols = new string?[keep.Count][];
        for (var c = 0; c < keep.Count; c++)
        {
            cols[c] = new string?[rows.Count - 1];
            for (var i = 1; i < rows.Count; i++)
                cols[c][i - 1] = keep[c] < rows[i].Cells.Length ? rows[i].Cells[keep[c]] : null;
        }
        return new RawTable(source, names, cols, rows.Skip(1).Select(r => r.Row).ToArray(), notes);
    }

    /// <summary>Text of a typed cell, invariant culture.</summary>
    public static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Excel column letter of a 0-based index (0 → A, 26 → AA).</summary>
    public static string ColumnLetter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
