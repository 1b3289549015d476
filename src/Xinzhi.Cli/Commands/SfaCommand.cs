using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Xinzhi.Data;
using Xinzhi.Econometrics.Sfa;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi sfa</c>: stochastic frontier by maximum likelihood (FRONTIER 4.1 / R frontier conventions).
/// Writes DIR/estimates.csv, DIR/efficiency.csv, DIR/summary.json, DIR/run.json (+ DIR/elasticities.csv for translog).
/// </summary>
public sealed class SfaCommand : ICliVerb
{
    public int Order => 52;

    public Command Create(CliContext context)
    {
        var cmd = new Command("sfa", "Stochastic frontier analysis (随机前沿分析): cross-section, Pitt-Lee, Battese-Coelli 1992/1995; TE = E[exp(−u)|ε].");
        var input = new DataInput().AddTo(cmd);
        var id = new Option<string?>("--id") { Description = "Entity id column (required by panel models; otherwise rows are keyed by their row number)." };
        var time = new Option<string?>("--time") { Description = "Period column (integer, e.g. year)." };
        var y = new Option<string>("--y") { Description = "Output (production) or cost column.", Required = true };
        var x = new Option<string>("--x") { Description = "Frontier inputs (comma-separated).", Required = true };
        var log = new Option<bool>("--log") { Description = "Take natural logs of --y and --x (values must be positive)." };
        var form = new Option<string>("--form") { Description = "cobb-douglas or translog.", DefaultValueFactory = _ => "cobb-douglas" };
        var dist = new Option<string>("--dist") { Description = "Distribution of u: half-normal, truncated-normal, exponential.", DefaultValueFactory = _ => "half-normal" };
        var model = new Option<string>("--model") { Description = "cross-section, pitt-lee, bc92, bc95.", DefaultValueFactory = _ => "cross-section" };
        var z = new Option<string?>("--z") { Description = "Inefficiency-effect variables for bc95 (comma-separated)." };
        var noZIntercept = new Option<bool>("--no-z-intercept") { Description = "BC95 without the intercept δ₀ in z'δ." };
        var cost = new Option<bool>("--cost") { Description = "Cost frontier: u raises cost (ln c = x'β + v + u)." };
        var timeDummies = new Option<bool>("--time-dummies") { Description = "Add period dummies (all but the first period) to the frontier." };
        var muBound = new Option<double>("--mu-bound") { Description = "Bound |μ| ≤ B·σ_u on the truncated-normal mean (R frontier default 2; 0 = none).", DefaultValueFactory = _ => 2.0 };
        var maxIter = new Option<int>("--max-iterations") { Description = "Quasi-Newton iteration limit.", DefaultValueFactory = _ => 1000 };
        var optimizer = new Option<string>("--optimizer")
        {
            Description = "frontier41 (default: FRONTIER 4.1 / R frontier's grid + DFP, reproduces their numbers) or newton " +
                          "(full convergence: BFGS + Newton polish). The exponential model always uses newton.",
            DefaultValueFactory = _ => "frontier41",
        };
        var vcov = new Option<string?>("--vcov")
        {
            Description = "Covariance: direction (FRONTIER 4.1's final DFP direction matrix; default with frontier41) or " +
                          "hessian (inverse negative Hessian; default with newton).",
        };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "frontier41: relative change of ln L and of every parameter at which DFP stops (R frontier tol).",
            DefaultValueFactory = _ => 1e-5,
        };
        var outDir = new Option<string>("--out") { Description = "Output directory.", Required = true };
        foreach (var o in new Option[] { id, time, y, x, log, form, dist, model, z, noZIntercept, cost, timeDummies, muBound, maxIter, optimizer, vcov, tolerance, outDir })
            cmd.Options.Add(o);

        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var m = CliParse.Enum<SfaModel>(parse.GetValue(model)!, "--model");
            var d = CliParse.Enum<InefficiencyDistribution>(parse.GetValue(dist)!, "--dist");
            var f = CliParse.Enum<FrontierForm>(parse.GetValue(form)!, "--form");
            var opt = parse.GetValue(optimizer)!.Trim().ToLowerInvariant() switch
            {
                "frontier41" or "frontier-41" => SfaOptimizer.Frontier41,
                "newton" => SfaOptimizer.Newton,
                var other => throw new SpecificationException($"--optimizer: '{other}' is not one of frontier41, newton"),
            };
            SfaCovarianceSource? cov = parse.GetValue(vcov)?.Trim().ToLowerInvariant() switch
            {
                null => null,
                "direction" or "direction-matrix" => SfaCovarianceSource.DirectionMatrix,
                "hessian" => SfaCovarianceSource.Hessian,
                var other => throw new SpecificationException($"--vcov: '{other}' is not one of direction, hessian"),
            };
            if (!(parse.GetValue(tolerance) > 0)) throw new SpecificationException("--tolerance must be positive");
            var xs = CliParse.List(parse.GetValue(x));
            var zs = CliParse.List(parse.GetValue(z));
            var idCol = parse.GetValue(id);
            var timeCol = parse.GetValue(time);
            if (m is SfaModel.PittLee or SfaModel.BC92 && (idCol is null || timeCol is null))
                throw new SpecificationException($"--model {CliParse.Kebab(m.ToString())} needs --id and --time");
            if (m == SfaModel.BC95 && zs.Length == 0 && parse.GetValue(noZIntercept))
                throw new SpecificationException("--model bc95 needs --z variables or the intercept δ₀");
            if (m != SfaModel.BC95 && zs.Length > 0)
                throw new SpecificationException("--z is for --model bc95");
            var yCol = parse.GetValue(y)!;
            var variables = new List<string> { yCol };
            variables.AddRange(xs);
            variables.AddRange(zs.Where(c => !variables.Contains(c)));

            var table = input.ReadTable(parse);
            if (idCol is null) table = WithRowKey(table);
            var load = PanelBuilder.Build(table, new PanelSpec(idCol ?? RowKey, timeCol, variables, null, input.FillMethod(parse)));
            var panel = load.Panel;
            var design = SfaDataBuilder.FromPanel(panel, yCol, xs, zs, parse.GetValue(log), f, parse.GetValue(timeDummies));
            var options = new SfaOptions
            {
                Model = m,
                Distribution = d,
                Cost = parse.GetValue(cost),
                ZIntercept = !parse.GetValue(noZIntercept),
                MuBound = parse.GetValue(muBound) > 0 ? parse.GetValue(muBound) : null,
                MaxIterations = parse.GetValue(maxIter),
                Optimizer = opt,
                Covariance = cov,
                Tolerance = parse.GetValue(tolerance),
            };
            var fit = new StochasticFrontier(design.Data).Fit(options);

            var dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            var est = new CsvTableWriter(["term", "estimate", "std_error", "z", "p"]);
            var se = fit.StandardErrors;
            var zv = fit.ZValues;
            var pv = fit.PValues;
            for (var j = 0; j < fit.Names.Count; j++) est.AppendRow(fit.Names[j], fit.Estimates[j], se[j], zv[j], pv[j]);
            est.Save(Path.Combine(dir, "estimates.csv"));

            var hasTime = panel.Times is not null;
            var effHeader = new List<string> { "id" };
            if (hasTime) effHeader.Add("time");
            effHeader.AddRange(["te", "te_jlms", "te_mode", "u_mean"]);
            if (options.Cost) effHeader.Add("ce_frontier41");
            var eff = new CsvTableWriter(effHeader);
            for (var i = 0; i < panel.RowCount; i++)
            {
                var row = new List<object?> { panel.Ids[i] };
                if (hasTime) row.Add(panel.Times![i]);
                row.AddRange([fit.EfficiencyBC88[i], fit.EfficiencyJlms[i], fit.EfficiencyMode[i], fit.InefficiencyMean[i]]);
                if (options.Cost) row.Add(fit.EfficiencyExpU[i]);
                eff.AppendRow(row.ToArray());
            }
            eff.Save(Path.Combine(dir, "efficiency.csv"));
            var outputs = new List<string> { "estimates.csv", "efficiency.csv", "summary.json", "run.json" };
            if (f == FrontierForm.Translog)
            {
                var (elas, rts) = Translog.Elasticities(fit, design.Inputs, design.InputNames);
                var header = new List<string> { "id" };
                if (hasTime) header.Add("time");
                header.AddRange(design.InputNames.Select(n => "elasticity_" + n));
                header.Add("returns_to_scale");
                var w = new CsvTableWriter(header);
                for (var i = 0; i < panel.RowCount; i++)
                {
                    var row = new List<object?> { panel.Ids[i] };
                    if (hasTime) row.Add(panel.Times![i]);
                    foreach (var e in elas) row.Add(e[i]);
                    row.Add(rts[i]);
                    w.AppendRow(row.ToArray());
                }
                w.Save(Path.Combine(dir, "elasticities.csv"));
                outputs.Add("elasticities.csv");
            }

            var balanced = !hasTime || panel.Entities.Length * panel.Periods.Length == panel.RowCount;
            var summary = new Dictionary<string, object?>
            {
                ["model"] = CliParse.Kebab(m.ToString()),
                ["distribution"] = CliParse.Kebab(fit.Options.Distribution.ToString()),
                ["form"] = CliParse.Kebab(f.ToString()),
                ["frontier"] = options.Cost ? "cost" : "production",
                ["nobs"] = fit.Nobs,
                ["entities"] = panel.Entities.Length,
                ["periods"] = hasTime ? panel.Periods.Length : null,
                ["balanced"] = balanced,
                ["loglik"] = fit.LogLikelihood,
                ["loglik_ols"] = fit.OlsLogLikelihood,
                ["loglik_at_estimate"] = fit.LogLikelihoodAtEstimate,
                ["optimizer"] = OptimizerName(fit.Optimizer),
                ["covariance"] = CovarianceName(fit.CovarianceSource),
                ["iterations"] = fit.Iterations,
                ["restarts"] = fit.Restarts,
                ["polish_iterations"] = fit.PolishIterations,
                ["converged"] = fit.Converged,
                ["convergence_reason"] = fit.ConvergenceReason,
                ["grid_gamma"] = fit.GridGamma,
                ["sigma2"] = fit.SigmaSq,
                ["sigma_sq"] = fit.SigmaSq,
                ["gamma"] = fit.Gamma,
                ["sigma_u_sq"] = fit.SigmaUSquared,
                ["sigma_v_sq"] = fit.SigmaVSquared,
                ["lambda"] = fit.Lambda,
                ["mu"] = fit.Has("mu") ? fit.Estimate("mu") : null,
                ["eta"] = fit.Has("eta") ? fit.Estimate("eta") : null,
                ["mean_efficiency"] = fit.MeanEfficiency,
                ["id_column"] = idCol ?? "(row number in the data file)",
                ["efficiency_estimator"] = "BC88 E[exp(-u)|e] (te); JLMS exp(-E[u|e]) (te_jlms); mode (te_mode)" +
                    (options.Cost ? "; cost frontiers: te = E[exp(-u)|e] in (0,1], ce_frontier41 = E[exp(u)|e] >= 1 (FRONTIER 4.1)" : ""),
                ["lr_test"] = new Dictionary<string, object?>
                {
                    ["hypothesis"] = "gamma = 0 (no inefficiency)",
                    ["statistic"] = fit.LrStatistic,
                    ["restrictions"] = fit.LrRestrictions,
                    ["distribution"] = "mixed chi-square 0.5 chi2(q-1) + 0.5 chi2(q) (Kodde-Palm 1986)",
                    ["p_value"] = fit.LrPValue,
                    ["critical_value_5pct"] = MixedChiSquare.CriticalValue(fit.LrRestrictions),
                },
                ["ols_residual_skewness"] = fit.OlsResidualSkewness,
                ["wrong_skew"] = fit.WrongSkew,
                ["warnings"] = fit.Warnings.Select(wn => new Dictionary<string, string> { ["code"] = wn.CliName, ["message"] = wn.Message }).ToArray(),
            };
            AtomicFile.WriteAllText(Path.Combine(dir, "summary.json"), JsonSerializer.Serialize(summary, RunRecord.JsonOptions) + "\n");

            var spec = new Dictionary<string, object?>
            {
                ["id"] = idCol, ["time"] = timeCol, ["y"] = yCol, ["x"] = xs, ["z"] = zs, ["log"] = parse.GetValue(log),
                ["form"] = CliParse.Kebab(f.ToString()), ["dist"] = CliParse.Kebab(fit.Options.Distribution.ToString()),
                ["model"] = CliParse.Kebab(m.ToString()), ["cost"] = options.Cost, ["z_intercept"] = options.ZIntercept,
                ["time_dummies"] = parse.GetValue(timeDummies), ["mu_bound"] = options.MuBound,
                ["fill"] = CliParse.Kebab(load.Fill.Method.ToString()), ["filled_cells"] = load.Fill.Total,
                ["parameterisation"] = "sigmaSq = sigma_u^2 + sigma_v^2, gamma = sigma_u^2/sigmaSq",
                ["optimizer"] = OptimizerName(fit.Optimizer),
                ["optimizer_steps"] = fit.Optimizer == SfaOptimizer.Frontier41
                    ? $"FRONTIER 4.1: OLS -> grid on gamma (step {options.GridSize}{(options.GridDouble ? ", refined by " + options.GridSize / 10 : "")}) -> DFP (Himmelblau line search, searchStep {options.SearchStep}, searchTol {options.SearchTolerance}, tol {options.Tolerance})"
                    : "OLS -> grid on gamma (0.05..0.95 by 0.05) -> BFGS (analytic gradient) -> Newton polish",
                ["grid_search"] = options.GridSearch, ["max_iterations"] = options.MaxIterations,
                ["tolerance"] = options.Tolerance,
                ["gradient_tolerance"] = options.GradientTolerance, ["value_tolerance"] = options.ValueTolerance,
                ["covariance"] = CovarianceName(fit.CovarianceSource),
                ["standard_errors"] = fit.CovarianceSource == SfaCovarianceSource.DirectionMatrix
                    ? "FRONTIER 4.1's final DFP direction matrix (as FRONTIER 4.1 and R frontier report)"
                    : "inverse negative Hessian (central differences of the analytic gradient)",
                ["bc92_time_origin"] = "t - T with T the last period of the panel",
            };
            new RunRecord
            {
                Command = "sfa",
                Method = $"SFA {CliParse.Kebab(m.ToString())} {CliParse.Kebab(fit.Options.Distribution.ToString())} {CliParse.Kebab(f.ToString())} ({(options.Cost ? "cost" : "production")})",
                Inputs = [input.Describe(parse)],
                Specification = spec,
                Warnings = fit.Warnings.Select(wn => wn.ToString()).ToArray(),
                Outputs = outputs,
            }.WriteTo(Path.Combine(dir, "run.json"));

            var grid = new Table().AddColumns("term", "estimate", "std. error", "z", "p");
            for (var j = 0; j < fit.Names.Count; j++)
                grid.AddRow(Markup.Escape(fit.Names[j]), Fmt(fit.Estimates[j]), Fmt(se[j]), Fmt(zv[j]), Fmt(pv[j]));
            context.Console.Write(grid);
            context.Console.WriteLine($"SFA {m} ({fit.Options.Distribution}, {f}, {(options.Cost ? "cost" : "production")}): n = {fit.Nobs}, ln L = {fit.LogLikelihood:F6}, γ = {fit.Gamma:F6}, mean TE = {fit.MeanEfficiency:F6}, converged = {fit.Converged} after {fit.Iterations} iterations");
            foreach (var wn in fit.Warnings) context.Error.WriteLine($"warning: {wn}");
            context.Console.WriteLine($"wrote {dir}");
            return 0;
        }));
        return cmd;
    }

    private static string Fmt(double v) => double.IsFinite(v) ? v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    private const string RowKey = "__row__";

    private static string OptimizerName(SfaOptimizer o) => o == SfaOptimizer.Frontier41 ? "frontier41" : "newton";

    private static string CovarianceName(SfaCovarianceSource c) => c == SfaCovarianceSource.DirectionMatrix ? "direction" : "hessian";

    /// <summary>Adds a key column holding each record's source row number (cross-sections without --id).</summary>
    private static RawTable WithRowKey(RawTable t)
    {
        var names = t.ColumnNames.Append(RowKey).ToArray();
        var cols = new string?[names.Length][];
        for (var j = 0; j < t.ColumnNames.Count; j++) cols[j] = t.Column(j);
        cols[^1] = t.SourceRows.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new RawTable(t.Source, names, cols, t.SourceRows);
    }
}
