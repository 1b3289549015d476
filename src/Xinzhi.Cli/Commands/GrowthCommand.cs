using System.Globalization;
using System.CommandLine;
using Spectre.Console;
using Xinzhi.Data;
using Xinzhi.Econometrics.Growth;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi growth</c>: growth accounting (增长核算) — Törnqvist or Solow TFP residuals, chained TFP levels and the
/// contributions of capital, labour and TFP. Writes FILE (id,time,dln_y,dln_k,dln_l,share,dln_tfp,tfp,contrib_k,contrib_l)
/// and FILE.run.json.
/// </summary>
public sealed class GrowthCommand : ICliVerb
{
    public int Order => 50;

    public Command Create(CliContext context)
    {
        var cmd = new Command("growth", "Growth accounting (增长核算): Törnqvist/Solow TFP residual, TFP levels, contributions of K, L and TFP.");
        var input = new DataInput().AddTo(cmd);
        var id = new Option<string?>("--id") { Description = "Entity id column (required unless --preset pwt: isocode)." };
        var time = new Option<string?>("--time") { Description = "Period column (required unless --preset pwt: year)." };
        var output = new Option<string?>("--output") { Description = "Real output column (a product such as a*b is allowed)." };
        var capital = new Option<string?>("--capital") { Description = "Capital column: stock or services (product allowed)." };
        var labor = new Option<string?>("--labor") { Description = "Labour column, e.g. emp*avh*hc for hours × human capital." };
        var share = new Option<string?>("--labor-share") { Description = "Labour share: a column or a number in (0,1). Omitted: estimated (within regression, Cobb-Douglas CRS)." };
        var index = new Option<string>("--index") { Description = "tornqvist (average shares of adjacent periods) or solow (fixed share).", DefaultValueFactory = _ => "tornqvist" };
        var baseYear = new Option<int?>("--base-year") { Description = "Year in which TFP = 1 (default: each entity's first year; pwt preset: 2011)." };
        var preset = new Option<string?>("--preset") { Description = "pwt: Penn World Table rule (rgdpna, rkna, emp*avh*hc, labsh, Törnqvist, 2011 = 1)." };
        var dropIncomplete = new Option<bool>("--drop-incomplete") { Description = "Drop rows with a missing needed value (counted in the run record) instead of failing." };
        var outFile = new Option<string>("--out") { Description = "Output CSV file.", Required = true };
        foreach (var o in new Option[] { id, time, output, capital, labor, share, index, baseYear, preset, dropIncomplete, outFile }) cmd.Options.Add(o);

        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var p = parse.GetValue(preset);
            var pwt = p is not null && p.Equals("pwt", StringComparison.OrdinalIgnoreCase);
            if (p is not null && !pwt) throw new SpecificationException($"--preset: '{p}' is not one of pwt.");
            string Need(Option<string?> o, string? def) =>
                parse.GetValue(o) ?? (pwt ? def : null) ?? throw new SpecificationException($"{o.Name} is required");
            var idCol = Need(id, "isocode");
            var timeCol = Need(time, "year");
            var yExpr = Need(output, "rgdpna");
            var kExpr = Need(capital, "rkna");
            var lExpr = Need(labor, "emp*avh*hc");
            var shareArg = parse.GetValue(share) ?? (pwt ? "labsh" : null);
            var idx = CliParse.Enum<GrowthIndex>(parse.GetValue(index)!, "--index");
            var by = parse.GetValue(baseYear) ?? (pwt ? 2011 : null);

            double? fixedShare = null;
            string? shareCol = null;
            if (shareArg is not null)
            {
                if (double.TryParse(shareArg, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) fixedShare = v;
                else shareCol = shareArg;
            }
            static string[] Factors(string expr) => expr.Split('*', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var variables = new List<string>();
            foreach (var c in Factors(yExpr).Concat(Factors(kExpr)).Concat(Factors(lExpr)).Concat(shareCol is null ? [] : [shareCol]))
                if (!variables.Contains(c)) variables.Add(c);

            var table = input.ReadTable(parse);
            var dropped = 0;
            if (parse.GetValue(dropIncomplete)) (table, dropped) = DropIncomplete(table, variables);
            var load = PanelBuilder.Build(table, new PanelSpec(idCol, timeCol, variables, null, input.FillMethod(parse)));
            var panel = load.Panel;
            double[] Product(string expr)
            {
                var f = Factors(expr);
                var r = (double[])panel.Variable(f[0]).Clone();
                for (var j = 1; j < f.Length; j++)
                {
                    var v = panel.Variable(f[j]);
                    for (var i = 0; i < r.Length; i++) r[i] *= v[i];
                }
                return r;
            }
            var result = GrowthAccounting.Compute(panel.Ids, panel.Times!, Product(yExpr), Product(kExpr), Product(lExpr),
                shareCol is null ? null : panel.Variable(shareCol), fixedShare,
                new GrowthAccountingOptions { Index = idx, BaseYear = by }, panel.Source, panel.SourceRows);

            var file = parse.GetValue(outFile)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (dir is not null) Directory.CreateDirectory(dir);
            var w = new CsvTableWriter(["id", "time", "dln_y", "dln_k", "dln_l", "share", "dln_tfp", "tfp", "contrib_k", "contrib_l"]);
            foreach (var r in result.Rows)
                w.AppendRow(r.Id, r.Time, r.DlnY, r.DlnK, r.DlnL, r.LaborShare, r.DlnTfp, r.Tfp, r.ContributionK, r.ContributionL);
            w.Save(file);
            var warnings = result.Warnings.ToList();
            if (dropped > 0) warnings.Insert(0, $"{dropped} row(s) with a missing value in {string.Join(", ", variables)} were dropped (--drop-incomplete)");
            new RunRecord
            {
                Command = "growth",
                Method = $"growth accounting, {CliParse.Kebab(idx.ToString())} shares" + (pwt ? " (PWT preset)" : ""),
                Inputs = [input.Describe(parse)],
                Specification = new Dictionary<string, object?>
                {
                    ["id"] = idCol, ["time"] = timeCol, ["output"] = yExpr, ["capital"] = kExpr, ["labor"] = lExpr,
                    ["labor_share"] = shareArg, ["share_source"] = result.ShareSource, ["estimated_labor_share"] = result.EstimatedLaborShare,
                    ["index"] = CliParse.Kebab(idx.ToString()), ["base_year"] = by, ["preset"] = pwt ? "pwt" : null,
                    ["rule"] = "dln_tfp = dln_y - (1 - share) dln_k - share dln_l; share = labour share (Törnqvist: mean of t and t-1)",
                    ["contributions"] = "contrib_k = (1 - share) dln_k, contrib_l = share dln_l, contrib_tfp = dln_tfp (log points)",
                    ["drop_incomplete"] = parse.GetValue(dropIncomplete), ["dropped_rows"] = dropped,
                    ["fill"] = CliParse.Kebab(load.Fill.Method.ToString()), ["filled_cells"] = load.Fill.Total,
                },
                Warnings = warnings,
                Outputs = [file],
            }.WriteTo(file + ".run.json");
            foreach (var wn in warnings.Take(20)) context.Error.WriteLine($"warning: {wn}");
            if (warnings.Count > 20) context.Error.WriteLine($"warning: ... and {warnings.Count - 20} more (see the run record)");
            context.Console.WriteLine($"growth accounting ({idx}): {result.Rows.Count} rows, {panel.Entities.Length} entities; wrote {file}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>Removes records with a missing cell in any of <paramref name="columns"/>; returns the count removed.</summary>
    internal static (RawTable Table, int Dropped) DropIncomplete(RawTable t, IReadOnlyList<string> columns)
    {
        var idx = columns.Select(t.ColumnIndex).ToArray();
        var keep = new List<int>();
        for (var i = 0; i < t.RowCount; i++)
            if (idx.All(j => !RawTable.IsMissing(t.Column(j)[i]))) keep.Add(i);
        var cols = new string?[t.ColumnNames.Count][];
        for (var j = 0; j < cols.Length; j++)
        {
            var src = t.Column(j);
            cols[j] = keep.Select(i => src[i]).ToArray();
        }
        return (new RawTable(t.Source, t.ColumnNames, cols, keep.Select(i => t.SourceRows[i]).ToArray()), t.RowCount - keep.Count);
    }
}
