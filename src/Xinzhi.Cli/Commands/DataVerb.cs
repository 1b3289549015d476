using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi data check DATA --id COL [--time COL] [--columns a,b] [--positive a,b] [--resolve-provinces] [--fill ...]</c>:
/// validates a panel the way every method will read it and prints a summary; all problems at once, exit code 2.
/// </summary>
public sealed class DataVerb : ICliVerb
{
    public int Order => 900;

    public Command Create(CliContext context)
    {
        var cmd = new Command("data", "Inspect and validate data files.");
        var check = new Command("check",
            "Validate a panel (non-numeric cells, duplicate keys, unknown provinces, missing values, constant or non-positive indicators) and print a summary.");
        var input = new DataInput().AddTo(check);
        var id = new Option<string>("--id") { Description = "Entity id column.", Required = true };
        var time = new Option<string?>("--time") { Description = "Period column (integers such as years); omit for a cross-section." };
        var columns = new Option<string?>("--columns") { Description = "Numeric columns to check (comma-separated). Default: every column except id, time and --attributes." };
        var attributes = new Option<string?>("--attributes") { Description = "Text columns to carry along and not check as numbers (comma-separated)." };
        var positive = new Option<string?>("--positive") { Description = "Columns that must be strictly positive (e.g. DEA inputs/outputs, logs)." };
        var allowConstant = new Option<bool>("--allow-constant") { Description = "Do not report constant columns." };
        var resolve = new Option<bool>("--resolve-provinces") { Description = "The id column names Chinese provinces: resolve them to GB/T 2260 codes." };
        var output = new Option<string?>("--out") { Description = "Also write the summary table as CSV (with <out>.run.json)." };
        foreach (var o in new Option[] { id, time, columns, attributes, positive, allowConstant, resolve, output }) check.Options.Add(o);

        check.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var table = input.ReadTable(parse);
            foreach (var note in table.Notes) context.Error.WriteLine("note: " + note);
            var idCol = parse.GetValue(id)!;
            var timeCol = parse.GetValue(time);
            var attrs = CliParse.List(parse.GetValue(attributes));
            var cols = CliParse.List(parse.GetValue(columns));
            if (cols.Length == 0)
            {
                var skip = new HashSet<string>(attrs.Append(idCol), StringComparer.OrdinalIgnoreCase);
                if (timeCol is not null) skip.Add(timeCol);
                cols = table.ColumnNames.Where(c => !skip.Contains(c.Trim())).ToArray();
            }
            if (cols.Length == 0) throw new SpecificationException("No columns to check: give --columns.");
            var spec = new PanelSpec(idCol, timeCol, cols, attrs, input.FillMethod(parse), parse.GetValue(resolve));
            var load = PanelBuilder.Build(table, spec);
            var panel = load.Panel;

            var issues = new DataIssueCollector();
            void Collect(Action check)
            {
                try { check(); }
                catch (DataValidationException e) { foreach (var i in e.Issues) issues.Add(i); }
            }
            if (!parse.GetValue(allowConstant)) Collect(() => PanelValidation.RequireNonConstant(panel, cols));
            var pos = CliParse.List(parse.GetValue(positive));
            if (pos.Length > 0) Collect(() => PanelValidation.RequirePositive(panel, pos, "--positive requires values > 0"));
            issues.ThrowIfAny();

            var balanced = true;
            try { PanelValidation.RequireBalanced(panel); }
            catch (DataValidationException) { balanced = false; }

            context.Console.WriteLine(
                $"{table.Source}: {panel.RowCount} rows, {panel.Entities.Length} entities" +
                (panel.HasTime ? $", {panel.Periods.Length} periods ({panel.Periods[0]}–{panel.Periods[^1]}), {(balanced ? "balanced" : "unbalanced")}" : "") +
                $"; fill: {CliParse.Kebab(load.Fill.Method.ToString())} ({load.Fill.Total} cells filled)");
            var grid = new Table().AddColumns("column", "n", "filled", "min", "mean", "max");
            var summary = new CsvTableWriter(["column", "n", "filled", "min", "mean", "max"]);
            foreach (var c in cols)
            {
                var v = panel.Variable(c);
                double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
                foreach (var x in v) { min = Math.Min(min, x); max = Math.Max(max, x); sum += x; }
                var filled = load.Fill.FilledCells.TryGetValue(c, out var f) ? f : 0;
                grid.AddRow(Markup.Escape(c), v.Length.ToString(CultureInfo.InvariantCulture), filled.ToString(CultureInfo.InvariantCulture),
                    G(min), G(sum / v.Length), G(max));
                summary.AppendRow(c, v.Length, filled, min, sum / v.Length, max);
            }
            context.Console.Write(grid);
            context.Console.WriteLine("OK: no data problems found.");

            if (parse.GetValue(output) is { } outPath)
            {
                summary.Save(outPath);
                new RunRecord
                {
                    Command = "data check",
                    Method = "panel validation",
                    Inputs = [input.Describe(parse)],
                    Specification = new Dictionary<string, object?>
                    {
                        ["id"] = idCol, ["time"] = timeCol, ["columns"] = cols, ["attributes"] = attrs,
                        ["positive"] = pos, ["allow_constant"] = parse.GetValue(allowConstant),
                        ["resolve_provinces"] = parse.GetValue(resolve), ["fill"] = load.Fill.Method,
                        ["filled_cells"] = load.Fill.FilledCells, ["sheet"] = parse.GetValue(input.Sheet),
                    },
                    Outputs = [outPath],
                }.WriteTo(outPath + ".run.json");
            }
            return 0;
        }));
        cmd.Subcommands.Add(check);

        var provinces = new Command("provinces",
            "List the province table used by --resolve-provinces: GB/T 2260 code, Chinese and English names, NBS region.");
        var resolveName = new Argument<string[]>("NAME") { Description = "Optional names or codes to resolve.", Arity = ArgumentArity.ZeroOrMore };
        provinces.Arguments.Add(resolveName);
        provinces.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var names = parse.GetValue(resolveName) ?? [];
            var grid = new Table().AddColumns("input", "code", "name_zh", "short_zh", "name_en", "region");
            var unknown = new DataIssueCollector();
            IEnumerable<(string Input, Xinzhi.Data.Regions.Province P)> rows = names.Length == 0
                ? Xinzhi.Data.Regions.ChinaProvinces.All.Select(p => (p.Code, p))
                : names.Select(n => Xinzhi.Data.Regions.ChinaProvinces.TryResolve(n, out var p) ? (n, p) : (n, null!))
                    .Where(r =>
                    {
                        if (r.Item2 is null) unknown.Add("(arguments)", null, null, Xinzhi.Data.Regions.ChinaProvinces.UnknownMessage(r.n));
                        return r.Item2 is not null;
                    });
            foreach (var (input, p) in rows.ToList())
                grid.AddRow(Markup.Escape(input), p.Code, p.NameZh, p.ShortZh, Markup.Escape(p.NameEn),
                    p.NbsRegion is { } r ? Xinzhi.Data.Regions.RegionNames.Key(r) : "-");
            context.Console.Write(grid);
            unknown.ThrowIfAny();
            return 0;
        }));
        cmd.Subcommands.Add(provinces);
        return cmd;
    }

    private static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
