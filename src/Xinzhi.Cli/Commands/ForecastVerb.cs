using System.CommandLine;
using Xinzhi.Analysis;
using Xinzhi.Analysis.Forecasting;
using Xinzhi.Data;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi forecast</c>: GM(1,1) grey forecasts per entity.</summary>
public sealed class ForecastVerb : ICliVerb
{
    public int Order => 560;

    public Command Create(CliContext context)
    {
        var cmd = new Command("forecast", "Grey forecasts GM(1,1) per entity, with posterior-variance ratio C, small-error probability P, MAPE and accuracy class; optional rolling (metabolic) GM(1,1).");
        var input = new DataInput().AddTo(cmd);
        var id = AnalysisCli.Required("--id", "Entity id column.");
        var time = AnalysisCli.Required("--time", "Period column (equally spaced periods).");
        var value = AnalysisCli.Required("--value", "Series to forecast (positive).");
        var model = new Option<string>("--model") { Description = "gm11 (the only model so far).", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "Periods to forecast (default 5).", DefaultValueFactory = _ => 5 };
        var rolling = new Option<bool>("--rolling") { Description = "Metabolic GM(1,1): refit after each one-step forecast, dropping the oldest point." };
        var window = new Option<int?>("--window") { Description = "Points used by each fit (default: the whole series; with --rolling the window that rolls)." };
        var background = new Option<double>("--background") { Description = "Background-value coefficient λ of z¹(k) (default 0.5).", DefaultValueFactory = _ => 0.5 };
        var output = AnalysisCli.Required("--out", "Output CSV: id,time,value,fitted,forecast; model statistics in <out>.summary.csv.");
        foreach (var o in new Option[] { id, time, value, model, horizon, rolling, window, background, output }) cmd.Options.Add(o);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var m = parse.GetValue(model)!;
            if (!string.Equals(m, "gm11", StringComparison.OrdinalIgnoreCase)) throw new SpecificationException($"--model: '{m}' is not one of gm11.");
            var h = parse.GetValue(horizon);
            if (h < 0) throw new SpecificationException("--horizon must be ≥ 0.");
            var lambda = parse.GetValue(background);
            if (!(lambda > 0 && lambda < 1)) throw new SpecificationException("--background must lie in (0, 1).");
            var win = parse.GetValue(window);
            var roll = parse.GetValue(rolling);
            var col = parse.GetValue(value)!;
            var panel = input.LoadPanel(parse, parse.GetValue(id)!, parse.GetValue(time), [col]).Panel.SortedByEntityAndTime();
            var y = panel.Variable(col);
            var warnings = new List<AnalysisWarning>();
            var w = new CsvTableWriter(["id", "time", "value", "fitted", "forecast"]);
            var s = new CsvTableWriter(["id", "n", "a", "b", "C", "P", "mape_pct", "accuracy", "class_ratio_min", "class_ratio_max",
                "class_ratio_lower", "class_ratio_upper_textbook", "class_ratio_upper_symmetric", "class_ratio_pass_textbook", "class_ratio_pass_symmetric"]);
            // The panel is sorted by entity, so each entity's rows are contiguous.
            var groups = new List<(string Entity, int[] Rows)>();
            for (var i = 0; i < panel.RowCount;)
            {
                var j = i;
                while (j < panel.RowCount && panel.Ids[j] == panel.Ids[i]) j++;
                groups.Add((panel.Ids[i], Enumerable.Range(i, j - i).ToArray()));
                i = j;
            }
            foreach (var (entity, rows) in groups)
            {
                var times = rows.Select(i => panel.Times![i]).ToArray();
                var src = $"{panel.Source}, entity '{entity}'";
                var step = times.Length > 1 ? times[1] - times[0] : 1;
                for (var k = 2; k < times.Length; k++)
                    if (times[k] - times[k - 1] != step)
                        throw new DataValidationException(new DataIssue(panel.Source, panel.SourceRows[rows[k]], parse.GetValue(time),
                            $"entity '{entity}': periods are not equally spaced ({times[k - 1]} → {times[k]}); GM(1,1) needs a regular series"));
                var series = rows.Select(i => y[i]).ToArray();
                var use = win ?? series.Length;
                if (use > series.Length || use < GreyModel.MinimumLength)
                    throw new DataValidationException(new DataIssue(src, null, col,
                        $"the series has {series.Length} point(s); GM(1,1) needs at least {GreyModel.MinimumLength}" + (win is null ? "" : $" and --window {use} must not exceed it")));
                var offset = series.Length - use;
                var fit = GreyModel.Fit(series[offset..], lambda, src);
                var forecast = roll ? GreyModel.ForecastRolling(series, h, use, lambda, src) : GreyModel.Forecast(fit, h);
                if (!fit.ClassRatioPassesTextbook)
                    warnings.Add(new AnalysisWarning("class-ratio", $"entity '{entity}': class ratios [{fit.ClassRatioMin:G6}, {fit.ClassRatioMax:G6}] leave ({fit.ClassRatioLower:G6}, {fit.ClassRatioUpperTextbook:G6}); GM(1,1) may be unsuitable"));
                for (var k = 0; k < series.Length; k++)
                    w.AppendRow(entity, times[k], series[k], k >= offset ? fit.Fitted[k - offset] : null, null);
                for (var k = 1; k <= h; k++)
                    w.AppendRow(entity, times[^1] + k * step, null, null, forecast[k - 1]);
                s.AppendRow(entity, use, fit.A, fit.B, fit.PosteriorVarianceRatio, fit.SmallErrorProbability, fit.Mape, CliParse.Kebab(fit.Accuracy.ToString()),
                    fit.ClassRatioMin, fit.ClassRatioMax, fit.ClassRatioLower, fit.ClassRatioUpperTextbook, fit.ClassRatioUpperSymmetric,
                    fit.ClassRatioPassesTextbook, fit.ClassRatioPassesSymmetric);
            }
            var outPath = parse.GetValue(output)!;
            var summaryPath = AnalysisCli.Sibling(outPath, "summary");
            w.Save(outPath);
            s.Save(summaryPath);
            var spec = new Dictionary<string, object?>
            {
                ["id"] = parse.GetValue(id), ["time"] = parse.GetValue(time), ["value"] = col, ["model"] = "gm11",
                ["horizon"] = h, ["rolling"] = roll, ["window"] = win, ["background_coefficient"] = lambda, ["fill"] = parse.GetValue(input.Fill),
                ["residual_statistics"] = "k = 2..n; S1, S2 with divisor = count; P uses 0.6745·S1",
                ["class_ratio_bounds"] = "textbook (e^(-2/(n+1)), e^(2/(n+2))) and symmetric (e^(-2/(n+1)), e^(2/(n+1))) both reported",
            };
            AnalysisCli.WriteRun(AnalysisCli.RunJsonFor(outPath), "forecast", roll ? "gm11-rolling" : "gm11", [input.Describe(parse)], spec, warnings, [outPath, summaryPath]);
            AnalysisCli.PrintWarnings(context, warnings.Take(20));
            AnalysisCli.Done(context, outPath, summaryPath);
            return 0;
        }));
        return cmd;
    }
}
