using Spectre.Console;
using System.CommandLine;
using Xinzhi.Analysis;
using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>Columns read straight from a table for verbs that need no entity id (inequality, kde).</summary>
internal sealed record ColumnData(string Source, double[] Values, int[]? Times, string[]? Groups, int[] SourceRows, double[]? Weights = null)
{
    /// <summary>Row indices per period (ascending periods); one pseudo-period (null) without a time column.</summary>
    public IEnumerable<(int? Time, int[] Rows)> ByPeriod()
    {
        if (Times is null)
        {
            yield return (null, Enumerable.Range(0, Values.Length).ToArray());
            yield break;
        }
        foreach (var t in Times.Distinct().Order())
        {
            var rows = new List<int>();
            for (var i = 0; i < Times.Length; i++) if (Times[i] == t) rows.Add(i);
            yield return (t, rows.ToArray());
        }
    }
}

/// <summary>Shared plumbing of the analysis verbs: column loading without ids, output paths and run.json.</summary>
internal static class AnalysisCli
{
    /// <summary>
    /// Reads a numeric value column and optional time and group columns, reporting every bad cell (missing value,
    /// non-number, non-integer period, missing group) with its file, row and column.
    /// </summary>
    public static ColumnData LoadColumns(RawTable table, string valueColumn, string? timeColumn, string? groupColumn, string? weightColumn = null)
    {
        var issues = new DataIssueCollector();
        int Resolve(string name)
        {
            try { return table.ColumnIndex(name); }
            catch (DataValidationException e) { foreach (var i in e.Issues) issues.Add(i); return -1; }
        }
        var vi = Resolve(valueColumn);
        var ti = timeColumn is null ? -1 : Resolve(timeColumn);
        var gi = groupColumn is null ? -1 : Resolve(groupColumn);
        var wi = weightColumn is null ? -1 : Resolve(weightColumn);
        issues.ThrowIfAny();
        var n = table.RowCount;
        var values = new double[n];
        var cells = table.Column(vi);
        for (var i = 0; i < n; i++)
        {
            if (RawTable.IsMissing(cells[i])) issues.Add(table.Source, table.SourceRows[i], table.ColumnNames[vi], "missing value");
            else if (!RawTable.TryParseNumber(cells[i]!, out values[i]))
                issues.Add(table.Source, table.SourceRows[i], table.ColumnNames[vi], $"'{cells[i]}' is not a number");
        }
        int[]? times = null;
        if (ti >= 0)
        {
            times = new int[n];
            var tc = table.Column(ti);
            for (var i = 0; i < n; i++)
                if (!PanelBuilder.TryParsePeriod(tc[i], out times[i]))
                    issues.Add(table.Source, table.SourceRows[i], table.ColumnNames[ti], $"period '{tc[i]}' is not an integer");
        }
        string[]? groups = null;
        if (gi >= 0)
        {
            groups = new string[n];
            var gc = table.Column(gi);
            for (var i = 0; i < n; i++)
            {
                if (RawTable.IsMissing(gc[i])) issues.Add(table.Source, table.SourceRows[i], table.ColumnNames[gi], "missing group");
                groups[i] = gc[i]?.Trim() ?? "";
            }
        }
        double[]? weights = null;
        if (wi >= 0)
        {
            weights = new double[n];
            var wc = table.Column(wi);
            for (var i = 0; i < n; i++)
            {
                if (RawTable.IsMissing(wc[i]) || !RawTable.TryParseNumber(wc[i]!, out weights[i]))
                    issues.Add(table.Source, table.SourceRows[i], table.ColumnNames[wi], $"weight '{wc[i]}' is not a number");
                else if (weights[i] < 0) issues.Add(table.Source, table.SourceRows[i], table.ColumnNames[wi], $"weight {weights[i]} is negative");
            }
        }
        issues.ThrowIfAny();
        return new ColumnData(table.Source, values, times, groups, table.SourceRows, weights);
    }

    /// <summary>Every non-positive value as a located issue (Theil, logs, GM(1,1)).</summary>
    public static void RequirePositive(string source, string column, IReadOnlyList<double> values, IReadOnlyList<int> sourceRows, string why)
    {
        var issues = new DataIssueCollector();
        for (var i = 0; i < values.Count; i++)
            if (!(values[i] > 0)) issues.Add(source, sourceRows[i], column, $"value {values[i]} is not positive; {why}");
        issues.ThrowIfAny();
    }

    public static string RunJsonFor(string outFile) => outFile + ".run.json";

    /// <summary>A sibling output file: "res.csv" + "local" → "res.local.csv".</summary>
    public static string Sibling(string outFile, string suffix)
    {
        var dir = Path.GetDirectoryName(outFile);
        var stem = Path.GetFileNameWithoutExtension(outFile);
        var ext = Path.GetExtension(outFile);
        if (ext.Length == 0) ext = ".csv";
        return Path.Combine(string.IsNullOrEmpty(dir) ? "." : dir, $"{stem}.{suffix}{ext}");
    }

    public static void WriteRun(string runPath, string command, string method, IReadOnlyList<InputFile> inputs,
        IReadOnlyDictionary<string, object?> spec, IEnumerable<AnalysisWarning> warnings, IReadOnlyList<string> outputs)
    {
        new RunRecord
        {
            Command = command,
            Method = method,
            Inputs = inputs,
            Specification = spec,
            Warnings = warnings.Select(w => w.ToString()).ToArray(),
            Outputs = outputs,
        }.WriteTo(runPath);
    }

    public static void PrintWarnings(CliContext context, IEnumerable<AnalysisWarning> warnings)
    {
        foreach (var w in warnings) context.Error.WriteLine($"warning: {w}");
    }

    public static void Done(CliContext context, params string[] outputs)
    {
        foreach (var o in outputs) context.Console.WriteLine($"wrote {o}");
    }

    public static Option<string> Required(string name, string description) =>
        new(name) { Description = description, Required = true };

    public static Option<string?> Optional(string name, string description) => new(name) { Description = description };
}
