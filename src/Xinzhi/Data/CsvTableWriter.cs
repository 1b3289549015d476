using System.Globalization;
using System.Text;
using Xinzhi.Runs;

namespace Xinzhi.Data;

/// <summary>
/// Writes result tables as RFC 4180 CSV in UTF-8 (no BOM), numbers in the invariant culture with round-trip
/// precision; NaN and null are written as empty fields.
/// </summary>
public sealed class CsvTableWriter
{
    private readonly StringBuilder _sb = new();
    private readonly int _columns;

    public CsvTableWriter(IReadOnlyList<string> header)
    {
        _columns = header.Count;
        AppendRow(header.Cast<object?>().ToArray());
    }

    /// <summary>Appends a row of cells: strings, numbers (double, int, long), bools or null.</summary>
    public CsvTableWriter AppendRow(params object?[] cells)
    {
        if (cells.Length != _columns)
            throw new ArgumentException($"Expected {_columns} cells, got {cells.Length}.", nameof(cells));
        for (var j = 0; j < cells.Length; j++)
        {
            if (j > 0) _sb.Append(',');
            _sb.Append(Escape(Format(cells[j])));
        }
        _sb.Append('\n');
        return this;
    }

    public override string ToString() => _sb.ToString();

    /// <summary>Writes the table atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, _sb.ToString());

    public static string Format(object? cell) => cell switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
        float f => float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Escape(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
