using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Xinzhi.Data;
using Xinzhi.Efficiency;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi dea</c>: efficiency of every unit (radial, SBM, DDF, additive, FDH; super-efficiency; slacks;
/// Simar-Wilson bootstrap; window analysis), one frontier per period unless <c>--frontier pooled</c>.
/// Writes <c>id[,time],efficiency,status[,phi][,beta][,slack_*],peers,lambda_sum[,...]</c> and <c>OUT.run.json</c>.
/// </summary>
public sealed class DeaCommand : ICliVerb
{
    public int Order => 30;

    public Command Create(CliContext context)
    {
        var cmd = new Command("dea", "Data envelopment analysis (数据包络分析): radial CCR/BCC, SBM, DDF with bad outputs, additive, FDH, super-efficiency, bootstrap.");
        var input = new DataInput().AddTo(cmd);
        var id = new Option<string>("--id") { Description = "Unit id column.", Required = true };
        var time = new Option<string?>("--time") { Description = "Period column; each period gets its own frontier unless --frontier pooled." };
        var inputs = new Option<string>("--inputs") { Description = "Input columns, comma-separated.", Required = true };
        var outputs = new Option<string>("--outputs") { Description = "Desirable output columns, comma-separated.", Required = true };
        var bad = new Option<string?>("--bad") { Description = "Undesirable (bad) output columns, e.g. co2,so2 (models sbm, ddf)." };
        var model = new Option<string>("--model") { Description = "radial | sbm | ddf | additive | fdh.", DefaultValueFactory = _ => "radial" };
        var rts = new Option<string>("--rts") { Description = "Returns to scale: crs | vrs | nirs | ndrs.", DefaultValueFactory = _ => "crs" };
        var orientation = new Option<string?>("--orientation") { Description = "input | output | none | graph (default: input for radial/fdh, none for sbm/ddf/additive). graph: hyperbolic G (radial model only): min G s.t. Σλx ≤ G·x, Σλy ≥ y/G; efficiency = G." };
        var super = new Option<bool>("--super") { Description = "Super-efficiency: Andersen-Petersen (radial incl. graph, ddf, fdh) or super-SBM (Tone 2002; with --bad the super-SBM with undesirable outputs)." };
        var slacks = new Option<bool>("--slacks") { Description = "Report slacks (radial: two-phase max-slack) as slack_<column>." };
        var frontier = new Option<string>("--frontier") { Description = "With --time: period (one frontier per period) | pooled (one frontier for all).", DefaultValueFactory = _ => "period" };
        var bootstrap = new Option<int?>("--bootstrap") { Description = "Simar-Wilson (1998) bootstrap replications B (radial input/output)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed of the bootstrap (required with --bootstrap)." };
        var alpha = new Option<double>("--alpha") { Description = "1 - confidence level of bootstrap intervals.", DefaultValueFactory = _ => 0.05 };
        var superSbm = new Option<string>("--super-sbm-inefficient") { Description = "Super-SBM score of SBM-inefficient units: sbm-score (papers, default) | one (deaR).", DefaultValueFactory = _ => "sbm-score" };
        var disposability = new Option<string>("--bad-disposability") { Description = "DDF bad outputs: weak (default; Σλb = b - βb) | strong.", DefaultValueFactory = _ => "weak" };
        var window = new Option<int?>("--window") { Description = "Window analysis (Charnes et al. 1985) with this width in periods; needs --time. Adds a 'window' column." };
        var inPrices = new Option<string?>("--input-prices") { Description = "Input price columns (same order as --inputs): adds cost_efficiency, allocative_efficiency, min_cost (radial)." };
        var outPrices = new Option<string?>("--output-prices") { Description = "Output price columns (same order as --outputs): adds revenue_efficiency, revenue_allocative_efficiency, max_revenue (radial)." };
        var noScreen = new Option<bool>("--no-screening") { Description = "Solve every LP against all units (no frontier screening); results are identical." };
        var outOpt = new Option<string>("--out") { Description = "Output CSV file.", Required = true };
        foreach (var o in new Option[] { id, time, inputs, outputs, bad, model, rts, orientation, super, slacks, frontier, bootstrap, seed, alpha, superSbm, disposability, window, inPrices, outPrices, noScreen, outOpt })
            cmd.Options.Add(o);

        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var started = DateTimeOffset.UtcNow;
            var sw = Stopwatch.StartNew();
            var inCols = CliParse.List(parse.GetValue(inputs));
            var outCols = CliParse.List(parse.GetValue(outputs));
            var badCols = CliParse.List(parse.GetValue(bad));
            if (inCols.Length == 0) throw new SpecificationException("--inputs: at least one column is needed.");
            if (outCols.Length == 0) throw new SpecificationException("--outputs: at least one column is needed.");
            var inPriceCols = CliParse.List(parse.GetValue(inPrices));
            var outPriceCols = CliParse.List(parse.GetValue(outPrices));
            if (inPriceCols.Length > 0 && inPriceCols.Length != inCols.Length)
                throw new SpecificationException($"--input-prices: {inPriceCols.Length} column(s) for {inCols.Length} input(s).");
            if (outPriceCols.Length > 0 && outPriceCols.Length != outCols.Length)
                throw new SpecificationException($"--output-prices: {outPriceCols.Length} column(s) for {outCols.Length} output(s).");
            var all = inCols.Concat(outCols).Concat(badCols).ToArray();
            var dup = all.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw new SpecificationException($"column '{dup.Key}' is listed more than once among --inputs/--outputs/--bad.");

            var modelKind = parse.GetValue(model) switch
            {
                "radial" => DeaModelKind.Radial,
                "sbm" => DeaModelKind.Sbm,
                "ddf" => DeaModelKind.Directional,
                "additive" => DeaModelKind.Additive,
                "fdh" => DeaModelKind.FreeDisposalHull,
                var v => throw new SpecificationException($"--model: '{v}' is not one of radial, sbm, ddf, additive, fdh."),
            };
            var rtsValue = parse.GetValue(rts) switch
            {
                "crs" => ReturnsToScale.Constant,
                "vrs" => ReturnsToScale.Variable,
                "nirs" or "drs" => ReturnsToScale.NonIncreasing,
                "ndrs" or "irs" => ReturnsToScale.NonDecreasing,
                var v => throw new SpecificationException($"--rts: '{v}' is not one of crs, vrs, nirs, ndrs."),
            };
            var orientationText = parse.GetValue(orientation)
                ?? (modelKind is DeaModelKind.Radial or DeaModelKind.FreeDisposalHull ? "input" : "none");
            var orient = orientationText switch
            {
                "input" => DeaOrientation.Input,
                "output" => DeaOrientation.Output,
                "none" => DeaOrientation.NonOriented,
                "graph" => DeaOrientation.Graph,
                var v => throw new SpecificationException($"--orientation: '{v}' is not one of input, output, none, graph."),
            };
            if (orient == DeaOrientation.Graph)
            {
                if (modelKind != DeaModelKind.Radial)
                    throw new SpecificationException($"--orientation graph is implemented for --model radial only (not {parse.GetValue(model)}).");
                if (parse.GetValue(slacks))
                    throw new SpecificationException("--orientation graph cannot be combined with --slacks (the hyperbolic measure has no two-phase slack step here).");
                if (parse.GetValue(bootstrap) is not null)
                    throw new SpecificationException("--orientation graph cannot be combined with --bootstrap (the Simar-Wilson bootstrap is for input or output orientation).");
            }
            if (modelKind is DeaModelKind.Radial or DeaModelKind.FreeDisposalHull && orient == DeaOrientation.NonOriented)
                throw new SpecificationException("--orientation none needs --model sbm, ddf or additive; radial and fdh are input or output oriented.");
            if (modelKind is DeaModelKind.Directional or DeaModelKind.Additive && orient != DeaOrientation.NonOriented)
                throw new SpecificationException($"--model {parse.GetValue(model)} is non-oriented; use --orientation none (or omit it).");
            if (badCols.Length > 0 && modelKind is not (DeaModelKind.Sbm or DeaModelKind.Directional))
                throw new SpecificationException("--bad needs --model sbm or ddf (radial DEA has no undesirable outputs).");
            var pooled = parse.GetValue(frontier) switch
            {
                "period" => false,
                "pooled" => true,
                var v => throw new SpecificationException($"--frontier: '{v}' is not one of period, pooled."),
            };
            var timeCol = parse.GetValue(time);
            if (pooled && timeCol is null) throw new SpecificationException("--frontier pooled needs --time.");
            var boot = parse.GetValue(bootstrap);
            var seedValue = parse.GetValue(seed);
            if (boot is not null && seedValue is null) throw new SpecificationException("--bootstrap needs --seed N (results depend on the random stream).");
            if (boot is not null && modelKind != DeaModelKind.Radial) throw new SpecificationException("--bootstrap is implemented for --model radial only.");
            if (boot is not null && parse.GetValue(super)) throw new SpecificationException("--bootstrap cannot be combined with --super.");
            var windowWidth = parse.GetValue(window);
            if (windowWidth is not null && timeCol is null) throw new SpecificationException("--window needs --time.");
            if (windowWidth is < 1) throw new SpecificationException("--window must be at least 1.");
            var options = new DeaOptions
            {
                Model = modelKind,
                ReturnsToScale = rtsValue,
                Orientation = orient,
                Super = parse.GetValue(super),
                Slacks = parse.GetValue(slacks),
                SuperSbmInefficient = CliParse.Enum<SuperSbmInefficientScore>(parse.GetValue(superSbm)!, "--super-sbm-inefficient"),
                BadOutputDisposability = CliParse.Enum<BadOutputDisposability>(parse.GetValue(disposability)!, "--bad-disposability"),
                FrontierScreening = !parse.GetValue(noScreen),
            };
            var outPath = parse.GetValue(outOpt)!;

            if ((inPriceCols.Length > 0 || outPriceCols.Length > 0) && (modelKind != DeaModelKind.Radial || parse.GetValue(super)))
                throw new SpecificationException("--input-prices/--output-prices need --model radial without --super.");
            var load = input.LoadPanel(parse, parse.GetValue(id)!, timeCol, all.Concat(inPriceCols).Concat(outPriceCols).Distinct().ToArray());
            var panel = load.Panel;
            var source = panel.Source;

            // Groups: one frontier per period (default) or one pooled frontier; window analysis groups by windows.
            var groups = new List<(string? Window, int[] Rows)>();
            if (windowWidth is { } w)
            {
                var periods = panel.Periods;
                if (w > periods.Length) throw new SpecificationException($"--window {w} is wider than the {periods.Length} periods in the data.");
                for (var start = 0; start + w <= periods.Length; start++)
                {
                    var set = new HashSet<int>(periods.Skip(start).Take(w));
                    var rows = Enumerable.Range(0, panel.RowCount).Where(r => set.Contains(panel.Times![r])).ToArray();
                    groups.Add(($"{periods[start]}-{periods[start + w - 1]}", rows));
                }
            }
            else if (panel.HasTime && !pooled)
            {
                foreach (var p in panel.Periods) groups.Add((null, panel.RowsInPeriod(p)));
            }
            else
            {
                groups.Add((null, Enumerable.Range(0, panel.RowCount).ToArray()));
            }

            var outputPhi = modelKind is DeaModelKind.Radial or DeaModelKind.FreeDisposalHull && orient == DeaOrientation.Output;
            var header = new List<string> { "id" };
            if (panel.HasTime) header.Add("time");
            if (windowWidth is not null) header.Add("window");
            header.Add("efficiency");
            header.Add("status");
            if (outputPhi) header.Add("phi");
            if (modelKind == DeaModelKind.Directional) header.Add("beta");
            if (options.Slacks)
            {
                header.AddRange(inCols.Select(c => "slack_" + c));
                header.AddRange(outCols.Select(c => "slack_" + c));
                header.AddRange(badCols.Select(c => "slack_" + c));
            }
            if (modelKind == DeaModelKind.Additive || options.Slacks) header.Add("sum_slack");
            header.Add("peers");
            header.Add("lambda_sum");
            if (boot is not null) header.AddRange(["efficiency_bc", "bias", "variance", "ci_low", "ci_high"]);
            if (inPriceCols.Length > 0) header.AddRange(["cost_efficiency", "allocative_efficiency", "min_cost"]);
            if (outPriceCols.Length > 0) header.AddRange(["revenue_efficiency", "revenue_allocative_efficiency", "max_revenue"]);
            var writer = new CsvTableWriter(header);

            var warnings = new List<string>();
            var frontierSizes = new List<int>();
            double? bandwidth = null;
            var rowsOut = new List<(int Row, string? Window, object?[] Cells)>();
            foreach (var (win, rows) in groups)
            {
                var data = ToDeaData(panel, rows, inCols, outCols, badCols, win is null && panel.HasTime && pooled);
                var label = win is not null ? $"window {win}: " : panel.HasTime && !pooled ? $"period {panel.Times![rows[0]]}: " : "";
                context.Progress($"{label}{rows.Length} units, model {parse.GetValue(model)}");
                var result = Dea.Evaluate(data, options);
                frontierSizes.Add(result.FrontierSize);
                warnings.AddRange(result.Warnings.Select(x => label + x));
                DeaBootstrapResult? bres = null;
                DeaReferenceSet? priceSet = null;
                if (boot is { } reps)
                {
                    bres = DeaBootstrap.Run(data, rtsValue, orient, new DeaBootstrapOptions(reps, seedValue!.Value, parse.GetValue(alpha)));
                    bandwidth = bres.Bandwidth;
                }
                for (var k = 0; k < rows.Length; k++)
                {
                    var u = result.Units[k];
                    var cells = new List<object?> { panel.Ids[rows[k]] };
                    if (panel.HasTime) cells.Add(panel.Times![rows[k]]);
                    if (windowWidth is not null) cells.Add(win);
                    cells.Add(u.Efficiency);
                    cells.Add(StatusText(u.Status));
                    if (outputPhi) cells.Add(u.Phi);
                    if (modelKind == DeaModelKind.Directional) cells.Add(u.Beta);
                    var ok = u.Status == DeaStatus.Optimal;
                    if (options.Slacks)
                    {
                        for (var i = 0; i < inCols.Length; i++) cells.Add(ok ? u.InputSlacks[i] : null);
                        for (var r = 0; r < outCols.Length; r++) cells.Add(ok ? u.OutputSlacks[r] : null);
                        for (var b = 0; b < badCols.Length; b++) cells.Add(ok && u.BadOutputSlacks.Length > b ? u.BadOutputSlacks[b] : null);
                    }
                    if (modelKind == DeaModelKind.Additive || options.Slacks) cells.Add(u.SlackSum);
                    cells.Add(ok ? string.Join(';', u.Peers.Select(p => data.Ids[p])) : null);
                    cells.Add(u.LambdaSum);
                    if (bres is not null)
                    {
                        var bu = bres.Units[k];
                        cells.AddRange([bu.BiasCorrected, bu.Bias, bu.Variance, bu.LowerBound, bu.UpperBound]);
                    }
                    if (inPriceCols.Length > 0 || outPriceCols.Length > 0)
                    {
                        priceSet ??= new DeaReferenceSet(data.Inputs, data.Outputs);
                        var xk = priceSet.Inputs(k);
                        var yk = priceSet.Outputs(k);
                        if (inPriceCols.Length > 0)
                        {
                            var wPrices = inPriceCols.Select(c => panel.Variable(c)[rows[k]]).ToArray();
                            if (wPrices.Any(v => !(v >= 0))) throw new DataValidationException(new DataIssue(panel.Source, panel.SourceRows[rows[k]], string.Join(",", inPriceCols), "input prices must be non-negative numbers"));
                            var ce = priceSet.CostEfficiency(xk, yk, wPrices, rtsValue);
                            cells.AddRange([ce.Efficiency, ce.AllocativeEfficiency, ce.OptimalValue]);
                        }
                        if (outPriceCols.Length > 0)
                        {
                            var pr = outPriceCols.Select(c => panel.Variable(c)[rows[k]]).ToArray();
                            if (pr.Any(v => !(v >= 0))) throw new DataValidationException(new DataIssue(panel.Source, panel.SourceRows[rows[k]], string.Join(",", outPriceCols), "output prices must be non-negative numbers"));
                            var re = priceSet.RevenueEfficiency(xk, yk, pr, rtsValue);
                            cells.AddRange([re.Efficiency, re.AllocativeEfficiency, re.OptimalValue]);
                        }
                    }
                    rowsOut.Add((rows[k], win, cells.ToArray()));
                }
            }
            // Rows in the data's order (windows: by window, then data order).
            foreach (var r in windowWidth is null ? rowsOut.OrderBy(r => r.Row) : rowsOut.AsEnumerable())
                writer.AppendRow(r.Cells);
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            writer.Save(outPath);

            var spec = new Dictionary<string, object?>
            {
                ["model"] = parse.GetValue(model),
                ["rts"] = parse.GetValue(rts),
                ["orientation"] = orientationText,
                ["super"] = options.Super,
                ["slacks"] = !options.Slacks ? "none" : modelKind == DeaModelKind.Radial ? "two-phase max-slack (unweighted sum, data units)" : "slacks of the model's own optimum",
                ["id"] = parse.GetValue(id),
                ["time"] = timeCol,
                ["inputs"] = inCols,
                ["outputs"] = outCols,
                ["bad_outputs"] = badCols,
                ["frontier"] = timeCol is null ? "single" : pooled ? "pooled" : "period",
                ["window"] = windowWidth,
                ["super_sbm_inefficient"] = CliParse.Kebab(options.SuperSbmInefficient.ToString()),
                ["bad_disposability"] = CliParse.Kebab(options.BadOutputDisposability.ToString()),
                ["ddf_direction"] = modelKind == DeaModelKind.Directional ? (badCols.Length > 0 ? "g = (0, y, b)" : "g = (x, y)") : null,
                ["ddf_beta"] = modelKind == DeaModelKind.Directional ? "free" : null,
                ["efficiency_definition"] = EfficiencyDefinition(modelKind, orient, options.Super),
                ["graph_method"] = orient == DeaOrientation.Graph ? "CRS: G = sqrt(theta) closed form; otherwise bisection on LP feasibility to 1e-11 relative (oracles.md C7)" : null,
                ["infeasible"] = "empty efficiency, status=infeasible",
                ["sbm_zero_data"] = modelKind == DeaModelKind.Sbm ? "term dropped, divisor reduced" : null,
                ["scaling"] = "each variable divided by its mean internally; results in data units",
                ["frontier_screening"] = options.FrontierScreening ? $"frame identification from {options.ScreeningThreshold} units (exact)" : "off",
                ["frontier_units"] = frontierSizes,
                ["input_prices"] = inPriceCols,
                ["output_prices"] = outPriceCols,
                ["bootstrap_replications"] = boot,
                ["seed"] = seedValue,
                ["bootstrap_alpha"] = boot is null ? null : parse.GetValue(alpha),
                ["bootstrap_bandwidth"] = bandwidth,
                ["bootstrap_method"] = boot is null ? null : "Simar-Wilson 1998 smoothed homogeneous, reflection, bw.ucv rescaled (Daraio-Wilson 2007 eq. 3.26), basic intervals",
                ["fill"] = CliParse.Kebab(load.Fill.Method.ToString()),
                ["filled_cells"] = load.Fill.Total,
                ["lp_tolerances"] = "feasibility 1e-9, optimality 1e-10, slack clamp 1e-9 (scaled units)",
                ["elapsed_seconds"] = sw.Elapsed.TotalSeconds,
            };
            var record = new RunRecord
            {
                Command = "dea",
                Method = "DEA " + EfficiencyDefinition(modelKind, orient, options.Super),
                StartedUtc = started,
                Inputs = [input.Describe(parse)],
                Specification = spec,
                Warnings = warnings,
                Outputs = [outPath],
            };
            record.WriteTo(outPath + ".run.json");
            foreach (var warn in warnings) context.Error.WriteLine("warning: " + warn);
            context.Console.WriteLine($"dea: {rowsOut.Count} rows written to {outPath} ({sw.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s)");
            return XinzhiCli.Ok;
        }));
        return cmd;
    }

    private static string StatusText(DeaStatus s) => s switch
    {
        DeaStatus.Optimal => "optimal",
        DeaStatus.Infeasible => "infeasible",
        DeaStatus.Unbounded => "unbounded",
        _ => "numerical-failure",
    };

    private static string EfficiencyDefinition(DeaModelKind model, DeaOrientation o, bool super) => model switch
    {
        DeaModelKind.Radial when o == DeaOrientation.Graph => "G (hyperbolic graph efficiency, Färe-Grosskopf-Lovell 1985: min G s.t. sum lambda x <= G x, sum lambda y >= y/G)" + (super ? ", unit excluded (super-efficiency)" : ""),
        DeaModelKind.Radial or DeaModelKind.FreeDisposalHull => (o == DeaOrientation.Output ? "1/phi (Farrell output)" : "theta (Farrell input)") + (super ? ", Andersen-Petersen super-efficiency" : "") + (model == DeaModelKind.FreeDisposalHull ? ", FDH" : ""),
        DeaModelKind.Sbm => super ? "super-SBM delta (Tone 2002; with bad outputs the super-SBM with undesirable outputs) for SBM-efficient units" : "SBM rho (Tone 2001/2003)",
        DeaModelKind.Directional => "(1 - beta)/(1 + beta), beta = directional distance (free sign)",
        _ => "additive: 1 if the slack sum is zero, else 0",
    };

    /// <summary>Builds DEA data from panel rows; with a pooled frontier over periods ids are made unique as id@time.</summary>
    private static DeaData ToDeaData(Xinzhi.Data.Panel panel, int[] rows, string[] inCols, string[] outCols, string[] badCols, bool pooledIds)
    {
        static double[,] Matrix(Xinzhi.Data.Panel p, int[] rows, string[] cols)
        {
            var m = new double[rows.Length, cols.Length];
            for (var c = 0; c < cols.Length; c++)
            {
                var v = p.Variable(cols[c]);
                for (var k = 0; k < rows.Length; k++) m[k, c] = v[rows[k]];
            }
            return m;
        }
        var ids = rows.Select(r => panel.HasTime && (pooledIds || rows.Length != panel.RowsInPeriod(panel.Times![r]).Length)
            ? $"{panel.Ids[r]}@{panel.Times![r]}" : panel.Ids[r]).ToArray();
        return new DeaData(ids, Matrix(panel, rows, inCols), Matrix(panel, rows, outCols),
            badCols.Length > 0 ? Matrix(panel, rows, badCols) : null, inCols, outCols, badCols, panel.Source,
            rows.Select(r => panel.SourceRows[r]).ToArray());
    }
}
