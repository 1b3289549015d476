using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Xinzhi.Data;
using Xinzhi.Efficiency.Productivity;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi malmquist</c>: Malmquist (FGNZ), Malmquist-Luenberger, GML and Luenberger productivity indices over a
/// unit × period panel, writing <c>id,from,to,tfpch,effch,techch,pech,sech</c> (+ status, cumulative indices and the
/// distances behind each row) and <c>&lt;out&gt;.run.json</c>.
/// </summary>
public sealed class MalmquistCommand : ICliVerb
{
    public int Order => 31;

    public Command Create(CliContext context)
    {
        var cmd = new Command("malmquist",
            "TFP change (全要素生产率变化): Malmquist (Färe-Grosskopf-Norris-Zhang 1994), Malmquist-Luenberger, global (GML) and " +
            "Luenberger indices with efficiency change (effch 技术效率变化), technical change (techch 技术进步), pech and sech.");
        var input = new DataInput().AddTo(cmd);
        var id = new Option<string>("--id") { Description = "Unit (DMU) id column.", Required = true };
        var time = new Option<string>("--time") { Description = "Period column (integers, e.g. years).", Required = true };
        var inputs = new Option<string>("--inputs") { Description = "Input columns, comma-separated.", Required = true };
        var outputs = new Option<string>("--outputs") { Description = "Good (desirable) output columns, comma-separated.", Required = true };
        var bad = new Option<string?>("--bad") { Description = "Bad (undesirable) output columns, e.g. CO2 (needs --model ddf or sbm)." };
        var model = new Option<string>("--model") { Description = "Distance function: radial | sbm | ddf (default radial; ddf gives Malmquist-Luenberger / GML).", DefaultValueFactory = _ => "radial" };
        var rts = new Option<string>("--rts") { Description = "crs (default) | vrs. With vrs, effch = pech × sech (FGNZ) unless --vrs-definition says otherwise.", DefaultValueFactory = _ => "crs" };
        var orientation = new Option<string>("--orientation") { Description = "input (default) | output | none (SBM non-oriented). Ignored by ddf (see --direction).", DefaultValueFactory = _ => "input" };
        var technology = new Option<string>("--technology") { Description = "contemporaneous (default) | sequential | global.", DefaultValueFactory = _ => "contemporaneous" };
        var index = new Option<string>("--index") { Description = "malmquist (ratio, > 1 = progress; default) | luenberger (additive, > 0 = progress).", DefaultValueFactory = _ => "malmquist" };
        var vrsDef = new Option<string>("--vrs-definition") { Description = "With --rts vrs: fgnz (CRS index, effch = pech × sech; default) | vrs-technology (whole index on VRS, Benchmarking) | ray-desli | generalized (deaR rd / gl).", DefaultValueFactory = _ => "fgnz" };
        var direction = new Option<string>("--direction") { Description = "DDF direction: outputs (g = (0, y, −b); default) | inputs-and-outputs (g = (−x, y, −b)).", DefaultValueFactory = _ => "outputs" };
        var unbalanced = new Option<string>("--unbalanced") { Description = "Unbalanced panel: use-available (default) | drop-incomplete-units | error.", DefaultValueFactory = _ => "use-available" };
        var biased = new Option<bool>("--biased-tech") { Description = "Also split techch = obtech × ibtech × matech (Färe et al. 1997; columns obtech, ibtech, matech)." };
        var convention = new Option<string>("--convention") { Description = "fgnz (> 1 = progress in both orientations; default) | benchmarking (output orientation reported as reciprocals, Benchmarking parity).", DefaultValueFactory = _ => "fgnz" };
        var crossPeriod = new Option<string?>("--cross-period") { Description = "SBM only: a point outside another period's technology gets super (super-SBM δ ≥ 1, with --bad the super-SBM with undesirable outputs; default) | infeasible (empty value, status infeasible)." };
        var threads = new Option<int>("--threads") { Description = "Parallel batches (default: all cores).", DefaultValueFactory = _ => -1 };
        var output = new Option<string>("--out") { Description = "Output CSV (run provenance goes to <out>.run.json).", Required = true };
        foreach (var o in new Option[] { id, time, inputs, outputs, bad, model, rts, orientation, technology, index, vrsDef, direction, unbalanced, biased, convention, crossPeriod, threads, output })
            cmd.Options.Add(o);

        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var options = new MalmquistOptions(
                Model: CliParse.Enum<DistanceModel>(parse.GetValue(model)!, "--model"),
                Scale: ParseRts(parse.GetValue(rts)!),
                Orientation: CliParse.Enum<DistanceOrientation>(parse.GetValue(orientation)!, "--orientation"),
                Technology: CliParse.Enum<TechnologyType>(parse.GetValue(technology)!, "--technology"),
                Index: CliParse.Enum<ProductivityIndexKind>(parse.GetValue(index)!, "--index"),
                VrsDefinition: CliParse.Enum<VrsDefinition>(parse.GetValue(vrsDef)!, "--vrs-definition"),
                Direction: CliParse.Enum<DdfDirection>(parse.GetValue(direction)!, "--direction"),
                Unbalanced: CliParse.Enum<UnbalancedPanelPolicy>(parse.GetValue(unbalanced)!, "--unbalanced"),
                BiasedTechnicalChange: parse.GetValue(biased),
                Convention: CliParse.Enum<IndexConvention>(parse.GetValue(convention)!, "--convention"),
                MaxDegreeOfParallelism: parse.GetValue(threads) is var n && n > 0 ? n : -1,
                SbmCrossPeriod: CliParse.Enum<SbmCrossPeriod>(parse.GetValue(crossPeriod) ?? "super", "--cross-period"));
            if (parse.GetValue(crossPeriod) is not null && options.Model != DistanceModel.Sbm)
                throw new SpecificationException("--cross-period applies to --model sbm only (radial and ddf distances have no super-SBM counterpart here).");
            if (options.Model == DistanceModel.Ddf) options = options with { Orientation = DistanceOrientation.None };
            else if (options.Model == DistanceModel.Radial && options.Orientation == DistanceOrientation.None)
                throw new SpecificationException("--orientation none is for --model sbm; the radial model needs input or output.");
            var inputCols = CliParse.List(parse.GetValue(inputs));
            var outputCols = CliParse.List(parse.GetValue(outputs));
            var badCols = CliParse.List(parse.GetValue(bad));
            var outPath = parse.GetValue(output)!;

            var load = input.LoadPanel(parse, parse.GetValue(id)!, parse.GetValue(time)!, [.. inputCols, .. outputCols, .. badCols]);
            var data = ProductivityData.FromPanel(load.Panel, inputCols, outputCols, badCols);
            var sw = Stopwatch.StartNew();
            var result = MalmquistIndex.Compute(data, options, ProductivityDistances.Create(options));
            sw.Stop();

            Write(result, outPath);
            var spec = new Dictionary<string, object?>
            {
                ["id"] = parse.GetValue(id),
                ["time"] = parse.GetValue(time),
                ["inputs"] = inputCols,
                ["outputs"] = outputCols,
                ["bad_outputs"] = badCols,
                ["model"] = CliParse.Kebab(options.Model.ToString()),
                ["rts"] = options.Scale == ScaleAssumption.Constant ? "crs" : "vrs",
                ["orientation"] = CliParse.Kebab(options.Orientation.ToString()),
                ["technology"] = CliParse.Kebab(options.Technology.ToString()),
                ["index"] = CliParse.Kebab(options.Index.ToString()),
                ["vrs_definition"] = CliParse.Kebab(options.VrsDefinition.ToString()),
                ["index_distances_rts"] = options.IndexScale == ScaleAssumption.Constant ? "crs" : "vrs",
                ["ddf_direction"] = options.Model == DistanceModel.Ddf ? CliParse.Kebab(options.Direction.ToString()) : null,
                ["ddf_beta"] = options.Model == DistanceModel.Ddf ? "free in sign (oracles.md C4)" : null,
                ["bad_output_disposability"] = badCols.Length > 0 && options.Model == DistanceModel.Ddf ? "weak (Σλb = (1 − β) b_o)" : null,
                ["convention"] = CliParse.Kebab(options.Convention.ToString()),
                ["sbm_cross_period"] = options.Model == DistanceModel.Sbm
                    ? options.SbmCrossPeriod == SbmCrossPeriod.Super
                        ? badCols.Length > 0 ? "super: outside points get the super-SBM with undesirable outputs (delta >= 1)" : "super: outside points get the super-SBM (Tone 2002, delta >= 1)"
                        : "infeasible: outside points are reported as infeasible"
                    : null,
                ["direction_of_progress"] = options.Index == ProductivityIndexKind.Luenberger ? "> 0 = progress"
                    : options.ReportsReciprocals ? "< 1 = progress (Benchmarking convention, output orientation; oracles.md C1)"
                    : "> 1 = progress in every orientation (FGNZ, oracles.md C1)",
                ["unbalanced"] = CliParse.Kebab(options.Unbalanced.ToString()),
                ["biased_technical_change"] = options.BiasedTechnicalChange,
                ["cumulative"] = options.Index == ProductivityIndexKind.Malmquist ? "chain product from each unit's first period = 1" : "chain sum from each unit's first period = 0",
                ["fill"] = CliParse.Kebab(load.Fill.Method.ToString()),
                ["filled_cells"] = load.Fill.Total,
                ["units"] = result.UnitCount,
                ["periods"] = result.Periods,
                ["distance_programs"] = result.DistanceProgramCount,
                ["compute_seconds"] = sw.Elapsed.TotalSeconds,
            };
            new RunRecord
            {
                Command = "malmquist",
                Method = options.MethodName(),
                Inputs = [input.Describe(parse)],
                Specification = spec,
                Warnings = result.Warnings.Select(w => w.ToString()).ToList(),
                Outputs = [outPath],
            }.WriteTo(outPath + ".run.json");

            foreach (var w in result.Warnings) context.Error.WriteLine($"warning: {w}");
            Summarize(context, result, outPath, sw.Elapsed);
            return 0;
        }));
        return cmd;
    }

    private static ScaleAssumption ParseRts(string value) => value.Trim().ToLowerInvariant() switch
    {
        "crs" or "constant" => ScaleAssumption.Constant,
        "vrs" or "variable" => ScaleAssumption.Variable,
        _ => throw new SpecificationException($"--rts: '{value}' is not one of crs, vrs."),
    };

    /// <summary>Writes the result table: the contract columns first, then status, chains and distances.</summary>
    public static void Write(MalmquistResult result, string path)
    {
        var global = result.Options.Technology == TechnologyType.Global;
        var split = result.Options.SplitsEfficiencyChange;
        var header = new List<string>
        {
            "id", "from", "to", "tfpch", "effch", "techch", "pech", "sech", "status",
            "cum_tfpch", "cum_effch", "cum_techch", "dist_t_t", "dist_t_t1", "dist_t1_t", "dist_t1_t1",
        };
        if (global) header.AddRange(["dist_global_t", "dist_global_t1"]);
        if (split) header.AddRange(["dist_vrs_t_t", "dist_vrs_t1_t1"]);
        var bias = result.Options.BiasedTechnicalChange;
        if (bias) header.AddRange(["obtech", "ibtech", "matech"]);
        var w = new CsvTableWriter(header);
        foreach (var r in result.Rows)
        {
            var d = r.Distances;
            var cells = new List<object?>
            {
                r.Entity, r.From, r.To, r.Tfpch, r.Effch, r.Techch, r.Pech, r.Sech, CliParse.Kebab(r.Status.ToString()),
                r.CumulativeTfpch, r.CumulativeEffch, r.CumulativeTechch, d.FromFrom, d.FromTo, d.ToFrom, d.ToTo,
            };
            if (global) cells.AddRange([d.GlobalFrom, d.GlobalTo]);
            if (split) cells.AddRange([d.VrsFrom, d.VrsTo]);
            if (bias) cells.AddRange([r.Obtech, r.Ibtech, r.Matech]);
            w.AppendRow([.. cells]);
        }
        w.Save(path);
    }

    private static void Summarize(CliContext context, MalmquistResult result, string outPath, TimeSpan elapsed)
    {
        var additive = result.IsAdditive;
        var table = new Table().AddColumns("from → to", "tfpch 全要素生产率变化", "effch 技术效率变化", "techch 技术进步",
            "pech 纯技术效率变化", "sech 规模效率变化", "rows", "problems 问题行");
        static string F(double v) => double.IsFinite(v) ? v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "";
        foreach (var m in MalmquistPeriodMean.Compute(result))
            table.AddRow($"{m.From} → {m.To}", F(m.Tfpch), F(m.Effch), F(m.Techch), F(m.Pech), F(m.Sech),
                m.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                m.ProblemRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.Caption($"{(additive ? "arithmetic" : "geometric")} means over units; {result.DistanceProgramCount} distance programs in {elapsed.TotalSeconds:F3} s");
        context.Console.MarkupLine($"[bold]{Markup.Escape(result.Options.MethodName())}[/]");
        context.Console.Write(table);
        context.Console.MarkupLine($"wrote {Markup.Escape(outPath)} and {Markup.Escape(outPath)}.run.json");
    }
}
