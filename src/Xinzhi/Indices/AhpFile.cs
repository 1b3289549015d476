using System.Globalization;
using System.Text;

namespace Xinzhi.Indices;

/// <summary>
/// AHP pairwise-comparison matrices read from a CSV file. Each block is a square matrix: a header row
/// <c>item,NAME1,NAME2,...</c> then one row per item <c>NAMEi,a_i1,a_i2,...</c> in the same order; values are numbers or
/// fractions such as <c>1/3</c>. Blocks are separated by blank lines. With <c>--weight-level leaves</c> one block
/// compares all indicators (by column name); with <c>--weight-level nodes</c> one block per framework node compares its
/// members (indicator columns and/or child node ids; the top level compares the top node ids). A block is found by
/// its set of names, in any order. Lines starting with '#' are comments.
/// </summary>
public sealed class AhpFile
{
    /// <summary>Reciprocity tolerance: |a_ij·a_ji − 1| ≤ this (allows 0.333 for 1/3).</summary>
    public const double ReciprocalTolerance = 0.01;

    private AhpFile(string source, IReadOnlyList<AhpBlock> blocks)
    {
        Source = source;
        Blocks = blocks;
    }

    public string Source { get; }

    public IReadOnlyList<AhpBlock> Blocks { get; }

    public static AhpFile Load(string path)
    {
        if (!File.Exists(path)) throw new SpecificationException($"AHP file '{path}' does not exist");
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    public static AhpFile Parse(string text, string source)
    {
        var issues = new List<DataIssue>();
        var blocks = new List<AhpBlock>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var current = new List<(int Line, string[] Cells)>();
        void Flush()
        {
            if (current.Count > 0) { var b = ParseBlock(current, source, issues); if (b is not null) blocks.Add(b); }
            current = [];
        }
        for (var k = 0; k < lines.Length; k++)
        {
            var line = lines[k].Trim().TrimStart('\uFEFF');
            if (line.StartsWith('#')) continue;
            if (line.Replace(",", "").Trim().Length == 0) { Flush(); continue; }
            current.Add((k + 1, line.Split(',').Select(c => c.Trim().Trim('"')).ToArray()));
        }
        Flush();
        if (blocks.Count == 0 && issues.Count == 0) issues.Add(new DataIssue(source, null, null, "the AHP file has no comparison matrix"));
        if (issues.Count > 0) throw new DataValidationException(issues);
        return new AhpFile(source, blocks);
    }

    private static AhpBlock? ParseBlock(List<(int Line, string[] Cells)> rows, string source, List<DataIssue> issues)
    {
        var header = rows[0].Cells.Skip(1).ToArray();
        var m = header.Length;
        var before = issues.Count;
        if (m == 0) { issues.Add(new DataIssue(source, rows[0].Line, null, "header row needs item names after the first cell")); return null; }
        if (rows.Count - 1 != m)
            issues.Add(new DataIssue(source, rows[0].Line, null, $"matrix for {m} items has {rows.Count - 1} rows; it must be square"));
        var a = new double[m, m];
        for (var i = 0; i < Math.Min(m, rows.Count - 1); i++)
        {
            var (line, cells) = rows[i + 1];
            if (cells[0] != header[i])
                issues.Add(new DataIssue(source, line, cells[0], $"row label '{cells[0]}' must be '{header[i]}' (same order as the header)"));
            if (cells.Length - 1 != m) { issues.Add(new DataIssue(source, line, cells[0], $"row has {cells.Length - 1} values, expected {m}")); continue; }
            for (var j = 0; j < m; j++)
            {
                if (!TryParseValue(cells[j + 1], out var v) || !(v > 0))
                    issues.Add(new DataIssue(source, line, header[j], $"'{cells[j + 1]}' is not a positive number or fraction"));
                a[i, j] = v;
            }
            if (a[i, i] != 1 && issues.Count == before) issues.Add(new DataIssue(source, line, header[i], "the diagonal must be 1"));
        }
        if (issues.Count > before) return null;
        for (var i = 0; i < m; i++)
            for (var j = i + 1; j < m; j++)
                if (Math.Abs(a[i, j] * a[j, i] - 1) > ReciprocalTolerance)
                    issues.Add(new DataIssue(source, rows[j + 1].Line, header[i],
                        $"not reciprocal: a[{header[j]},{header[i]}] = {a[j, i].ToString("R", CultureInfo.InvariantCulture)} but 1/a[{header[i]},{header[j]}] = {(1 / a[i, j]).ToString("R", CultureInfo.InvariantCulture)}"));
        return issues.Count > before ? null : new AhpBlock(header, a, rows[0].Line);
    }

    private static bool TryParseValue(string cell, out double value)
    {
        var slash = cell.IndexOf('/');
        if (slash > 0
            && double.TryParse(cell[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(cell[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var den) && den != 0)
        {
            value = num / den;
            return true;
        }
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The matrix comparing exactly <paramref name="items"/>, reordered to their order.</summary>
    public double[,] MatrixFor(IReadOnlyList<string> items, out AhpBlock block)
    {
        foreach (var b in Blocks)
        {
            if (b.Items.Count != items.Count || !b.Items.ToHashSet(StringComparer.Ordinal).SetEquals(items)) continue;
            var pos = items.Select(it => b.Items.ToList().IndexOf(it)).ToArray();
            var m = new double[items.Count, items.Count];
            for (var i = 0; i < items.Count; i++)
                for (var j = 0; j < items.Count; j++)
                    m[i, j] = b.Matrix[pos[i], pos[j]];
            block = b;
            return m;
        }
        throw new DataValidationException(new DataIssue(Source, null, null,
            $"no comparison matrix for the items {{{string.Join(", ", items)}}}; blocks present: " +
            string.Join("; ", Blocks.Select(b => "{" + string.Join(", ", b.Items) + "} at line " + b.Line))));
    }
}

/// <summary>One pairwise-comparison matrix of an AHP file.</summary>
public sealed record AhpBlock(IReadOnlyList<string> Items, double[,] Matrix, int Line);
