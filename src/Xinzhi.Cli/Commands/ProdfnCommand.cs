using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Xinzhi.Data;
using Xinzhi.Econometrics.ProductionFunctions;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi prodfn</c>: firm-level production functions (生产函数法 TFP) — OLS, FE, Olley-Pakes, Levinsohn-Petrin,
/// Ackerberg-Caves-Frazer, Wooldridge — writing DIR/estimates.csv, DIR/omega.csv and DIR/run.json.
/// </summary>
public sealed class ProdfnCommand : ICliVerb
{
    public int Order => 53;

    public Command Create(CliContext context)
    {
        var command = new Command("prodfn",
            "Production-function TFP for firm panels (生产函数法全要素生产率): OLS, FE, Olley-Pakes, Levinsohn-Petrin, " +
            "Ackerberg-Caves-Frazer, Wooldridge; variables in logs. Writes DIR/estimates.csv, DIR/omega.csv (log TFP), DIR/run.json.");
        var input = new DataInput().AddTo(command);
        var id = new Option<string>("--id") { Description = "Firm id column (text allowed).", Required = true };
        var time = new Option<string>("--time") { Description = "Period column (integer years).", Required = true };
        var y = new Option<string>("--y") { Description = "Log output (value added, or gross output with --output gross-output).", Required = true };
        var free = new Option<string>("--free") { Description = "Free inputs, comma-separated (log labour).", Required = true };
        var state = new Option<string>("--state") { Description = "State inputs, comma-separated (log capital).", Required = true };
        var proxy = new Option<string?>("--proxy") { Description = "Proxy: log investment (op) or log intermediate input (lp, acf, wrdg, rob)." };
        var method = new Option<string>("--method")
        {
            Description = "ols | fe | op | lp | acf | wrdg | rob (default acf).",
            DefaultValueFactory = _ => "acf",
        };
        var exit = new Option<string?>("--exit")
        {
            Description = "op/lp exit correction: a 0/1 column (1 in a firm's last year before exit), or 'auto' to derive it as prodest's exit = TRUE.",
        };
        var reps = new Option<int>("--reps")
        {
            Description = "Block-bootstrap replications over firms for op/lp/acf standard errors (default 100; 0 = none).",
            DefaultValueFactory = _ => 100,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Bootstrap seed; the same seed gives identical standard errors at any thread count (default 20240101).",
            DefaultValueFactory = _ => 20240101,
        };
        var outDir = new Option<string>("--out") { Description = "Output directory.", Required = true };
        var output = new Option<string>("--output")
        {
            Description = "value-added (default) | gross-output (the proxy enters the production function; lp, acf, wrdg, ols, fe).",
            DefaultValueFactory = _ => "value-added",
        };
        var form = new Option<string>("--form")
        {
            Description = "cobb-douglas (default) | translog (acf, ols, fe).",
            DefaultValueFactory = _ => "cobb-douglas",
        };
        var poly = new Option<int>("--poly")
        {
            Description = "Degree of the first-stage polynomial φ (and of c(k, m) in wrdg/rob); prodest: 2 (default).",
            DefaultValueFactory = _ => 2,
        };
        var markov = new Option<int>("--markov-degree")
        {
            Description = "Degree of g(ω₋₁) in op/lp/acf; prodest: 3 (default).",
            DefaultValueFactory = _ => 3,
        };
        var optimizer = new Option<string>("--optimizer")
        {
            Description = "auto (default: Levenberg-Marquardt) | levenberg-marquardt | bfgs | nelder-mead (all MathNet).",
            DefaultValueFactory = _ => "auto",
        };
        var start = new Option<string?>("--start")
        {
            Description = "Second-stage start values, comma-separated (default: first-stage coefficients). prodest's ACF example uses 0.5 each.",
        };
        var tolerance = new Option<double>("--tolerance") { Description = "Optimiser tolerance (default 1e-10).", DefaultValueFactory = _ => 1e-10 };
        var maxIter = new Option<int>("--max-iterations") { Description = "Optimiser iteration limit (default 2000).", DefaultValueFactory = _ => 2000 };
        var threads = new Option<int?>("--threads") { Description = "Threads for the bootstrap (default: all cores; results do not depend on it)." };
        var noRestart = new Option<bool>("--no-restart")
        {
            Description = "acf: do not restart from OLS and 0.5 start values when the first start ends at a local minimum.",
        };
        var wrdgVariant = new Option<string>("--wrdg-variant")
        {
            Description = "wrdg formulation: system (default; Wooldridge 2009 stacked 2SLS with own equation-2 constant and c₋₁ coefficients) | " +
                          "prodest (R prodest 1.0.1 prodestWRDG: common c coefficients, random-walk ω, no constant instrument; reproduces prodest).",
            DefaultValueFactory = _ => "system",
        };
        var bootAll = new Option<bool>("--bootstrap-all") { Description = "Also bootstrap ols/fe/wrdg/rob (default: analytic SEs there, as prodest)." };
        foreach (var o in new Option[] { id, time, y, free, state, proxy, method, exit, reps, seed, outDir, output, form, poly, markov, optimizer, start, tolerance, maxIter, threads, bootAll, noRestart, wrdgVariant })
            command.Options.Add(o);

        command.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var m = CliParse.Enum<ProductionFunctionMethod>(parse.GetValue(method)!, "--method");
            var freeCols = CliParse.List(parse.GetValue(free));
            var stateCols = CliParse.List(parse.GetValue(state));
            var proxyCol = parse.GetValue(proxy);
            var exitArg = parse.GetValue(exit);
            var exitAuto = string.Equals(exitArg, "auto", StringComparison.OrdinalIgnoreCase);
            var exitCol = exitAuto ? null : exitArg;
            var startValues = parse.GetValue(start) is { } s ? CliParse.List(s).Select(v => CliParse.Double(v, "--start")).ToArray() : null;
            var options = new ProductionFunctionOptions
            {
                Method = m,
                Output = CliParse.Enum<OutputConcept>(parse.GetValue(output)!, "--output"),
                Form = CliParse.Enum<ProductionForm>(parse.GetValue(form)!, "--form"),
                FirstStageDegree = parse.GetValue(poly),
                MarkovDegree = parse.GetValue(markov),
                WrdgVariant = CliParse.Enum<WooldridgeVariant>(parse.GetValue(wrdgVariant)!, "--wrdg-variant"),
                Optimizer = CliParse.Enum<SecondStageOptimizer>(parse.GetValue(optimizer)!, "--optimizer"),
                Start = startValues is null ? StartValueRule.FirstStage : StartValueRule.Given,
                StartValues = startValues,
                Tolerance = parse.GetValue(tolerance),
                MaxIterations = parse.GetValue(maxIter),
                BootstrapReplications = parse.GetValue(reps),
                Seed = parse.GetValue(seed),
                BootstrapLinearMethods = parse.GetValue(bootAll),
                RestartFromLocalMinimum = !parse.GetValue(noRestart),
                MaxDegreeOfParallelism = parse.GetValue(threads),
            };
            if (freeCols.Length == 0) throw new SpecificationException("--free: give at least one column");
            if (stateCols.Length == 0) throw new SpecificationException("--state: give at least one column");

            var idCol = parse.GetValue(id)!;
            var timeCol = parse.GetValue(time)!;
            var yCol = parse.GetValue(y)!;
            var variables = new List<string> { yCol };
            variables.AddRange(freeCols);
            variables.AddRange(stateCols);
            if (proxyCol is not null) variables.Add(proxyCol);
            if (exitCol is not null) variables.Add(exitCol);
            var load = input.LoadPanel(parse, idCol, timeCol, variables.Distinct(StringComparer.Ordinal).ToList());
            var spec = new ProductionFunctionSpec(load.Panel, yCol, freeCols, stateCols, proxyCol, exitCol, exitAuto);
            if (options.BootstrapReplications > 0 && (ProductionFunction.IsTwoStep(m) || options.BootstrapLinearMethods))
                context.Progress($"prodfn {CliParse.Kebab(m.ToString())}: estimating with {options.BootstrapReplications} bootstrap replications (seed {options.Seed})");
            var result = spec.Fit(options);

            var dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            WriteEstimates(result, Path.Combine(dir, "estimates.csv"));
            WriteOmega(result, Path.Combine(dir, "omega.csv"));
            var outputs = new List<string> { "estimates.csv", "omega.csv" };
            if (result.Elasticities is not null)
            {
                WriteElasticities(result, Path.Combine(dir, "elasticities.csv"));
                outputs.Add("elasticities.csv");
            }
            var record = new RunRecord
            {
                Command = "prodfn",
                Method = CliParse.Kebab(m.ToString()),
                Inputs = [input.Describe(parse)],
                Specification = Specification(result, idCol, timeCol, yCol, freeCols, stateCols, proxyCol, exitArg, load.Fill,
                    input.FillMethod(parse)),
                Warnings = result.Warnings.Select(w => w.ToString()).ToList(),
                Outputs = outputs,
            };
            record.WriteTo(Path.Combine(dir, "run.json"));
            Render(context, result, dir);
            return XinzhiCli.Ok;
        }));
        return command;
    }

    private static void WriteEstimates(ProductionFunctionResult r, string path)
    {
        var hasSe = r.StandardErrors.Length > 0;
        var z = r.ZStatistics;
        var p = r.PValues;
        var w = new CsvTableWriter(["term", "estimate", "std_error", "z", "p", "se_type"]);
        for (var j = 0; j < r.Terms.Count; j++)
            w.AppendRow(r.Terms[j], r.Coefficients[j],
                hasSe ? r.StandardErrors[j] : null,
                hasSe ? z[j] : null,
                hasSe ? p[j] : null,
                CliParse.Kebab(r.StandardErrorKind.ToString()));
        w.Save(path);
    }

    private static void WriteOmega(ProductionFunctionResult r, string path)
    {
        var header = new List<string> { "id", "time", "omega" };
        if (r.OmegaPhi is not null) header.Add("omega_phi");
        var w = new CsvTableWriter(header);
        for (var i = 0; i < r.Omega.Length; i++)
        {
            if (r.OmegaPhi is null) w.AppendRow(r.Ids[i], r.Times[i], r.Omega[i]);
            else w.AppendRow(r.Ids[i], r.Times[i], r.Omega[i], r.OmegaPhi[i]);
        }
        w.Save(path);
    }

    /// <summary>Translog: id,time, one elasticity column per input, returns_to_scale (their sum).</summary>
    private static void WriteElasticities(ProductionFunctionResult r, string path)
    {
        var inputs = r.ElasticityInputs!;
        var header = new List<string> { "id", "time" };
        header.AddRange(inputs.Select(i => "elasticity_" + i));
        header.Add("returns_to_scale");
        var w = new CsvTableWriter(header);
        for (var i = 0; i < r.Omega.Length; i++)
        {
            var row = new List<object?> { r.Ids[i], r.Times[i] };
            var sum = 0.0;
            foreach (var e in r.Elasticities!)
            {
                row.Add(e[i]);
                sum += e[i];
            }
            row.Add(sum);
            w.AppendRow(row.ToArray());
        }
        w.Save(path);
    }

    private static Dictionary<string, object?> Specification(ProductionFunctionResult r, string id, string time, string y,
        string[] free, string[] state, string? proxy, string? exit, FillReport fill, FillMethod fillMethod)
    {
        var o = r.Options;
        var opt = r.Optimization;
        return new Dictionary<string, object?>
        {
            ["id"] = id,
            ["time"] = time,
            ["y"] = y,
            ["free"] = free,
            ["state"] = state,
            ["proxy"] = proxy,
            ["exit"] = exit,
            ["method"] = CliParse.Kebab(o.Method.ToString()),
            ["output"] = CliParse.Kebab(o.Output.ToString()),
            ["form"] = CliParse.Kebab(o.Form.ToString()),
            ["first_stage_polynomial_degree"] = r.FirstStageDegree,
            ["markov_polynomial_degree"] = r.MarkovDegree,
            ["wrdg_variant"] = o.Method == ProductionFunctionMethod.Wrdg ? CliParse.Kebab(o.WrdgVariant.ToString()) : null,
            ["optimizer_requested"] = CliParse.Kebab(o.Optimizer.ToString()),
            ["optimizer"] = opt?.Optimizer,
            ["optimizer_tolerance"] = o.Tolerance,
            ["optimizer_max_iterations"] = o.MaxIterations,
            ["start_rule"] = CliParse.Kebab(o.Start.ToString()),
            ["start_values"] = opt?.Start,
            ["restart_from_local_minimum"] = o.RestartFromLocalMinimum,
            ["optimizer_restarts"] = opt?.Restarts,
            ["optimizer_iterations"] = opt?.Iterations,
            ["optimizer_converged"] = opt?.Converged,
            ["optimizer_exit"] = opt?.ExitReason,
            ["second_stage_criterion"] = opt?.Objective,
            ["bootstrap"] = "block bootstrap over firms (each drawn firm is a new panel unit); SE = sample sd (n-1) of successful replications",
            ["bootstrap_replications"] = r.BootstrapReplications,
            ["bootstrap_failures"] = r.BootstrapFailures,
            ["bootstrap_not_converged"] = r.BootstrapNotConverged,
            ["seed"] = o.Seed,
            ["rng"] = "xoshiro256** seeded by SplitMix64(seed, replication + 1)",
            ["standard_errors"] = CliParse.Kebab(r.StandardErrorKind.ToString()),
            ["observations"] = r.Observations,
            ["second_stage_observations"] = r.SecondStageObservations,
            ["firms"] = r.Firms,
            ["omega_definition"] = r.OmegaDefinition,
            ["timing"] = "state inputs chosen at t-1 (valid instruments at t); free inputs and the proxy respond to omega_t (lagged values instrument them)",
            ["fill"] = CliParse.Kebab(fillMethod.ToString()),
            ["filled_cells"] = fill.Total,
        };
    }

    private static void Render(CliContext context, ProductionFunctionResult r, string dir)
    {
        var table = new Table().AddColumns("term", "estimate", "std. error", "z", "p");
        var hasSe = r.StandardErrors.Length > 0;
        var z = r.ZStatistics;
        var p = r.PValues;
        string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        for (var j = 0; j < r.Terms.Count; j++)
            table.AddRow(Markup.Escape(r.Terms[j]), F(r.Coefficients[j]), hasSe ? F(r.StandardErrors[j]) : "", hasSe ? F(z[j]) : "", hasSe ? F(p[j]) : "");
        context.Console.MarkupLine($"[bold]prodfn {CliParse.Kebab(r.Method.ToString())}[/]: {r.Observations} obs, {r.Firms} firms" +
            (r.SecondStageObservations is { } m ? $", {m} in the second stage" : "") +
            $"; SE: {CliParse.Kebab(r.StandardErrorKind.ToString())}" +
            (r.BootstrapReplications > 0 ? $" ({r.BootstrapReplications} replications, seed {r.Options.Seed})" : ""));
        context.Console.Write(table);
        foreach (var w in r.Warnings) context.Console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w.ToString())}");
        context.Console.MarkupLine($"wrote {Markup.Escape(Path.Combine(dir, "estimates.csv"))}, omega.csv, run.json");
    }
}
