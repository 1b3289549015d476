using System.CommandLine;
using Xinzhi.Analysis;
using Xinzhi.Analysis.Convergence;
using Xinzhi.Analysis.Spatial;
using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi convergence</c>: σ, absolute and conditional β convergence, spatial (SLX) β.</summary>
public sealed class ConvergenceVerb : ICliVerb
{
    public int Order => 525;

    /// <summary>Values of <c>--type</c>.</summary>
    public enum ConvergenceType
    {
        Sigma,
        BetaAbsolute,
        BetaConditional,
    }

    public Command Create(CliContext context)
    {
        var cmd = new Command("convergence", "σ convergence (CV, sd of logs) and β convergence (pooled OLS, two-way FE with clustered SEs, cross-section; speed and half-life; spatial SLX with --spatial).");
        var input = new DataInput().AddTo(cmd);
        var id = AnalysisCli.Required("--id", "Entity id column.");
        var time = AnalysisCli.Required("--time", "Period column (equally spaced).");
        var value = AnalysisCli.Required("--value", "Variable whose convergence is tested (positive for logs).");
        var type = new Option<string>("--type") { Description = "sigma | beta-absolute | beta-conditional.", Required = true };
        var controls = AnalysisCli.Optional("--controls", "Control columns for beta-conditional, comma-separated.");
        var spatial = AnalysisCli.Optional("--spatial", "Weight matrix CSV: adds the SLX spatial β model (row-standardised W).");
        var output = AnalysisCli.Required("--out", "Output directory.");
        foreach (var o in new Option[] { id, time, value, type, controls, spatial, output }) cmd.Options.Add(o);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var kind = CliParse.Enum<ConvergenceType>(parse.GetValue(type)!, "--type");
            var ctrl = CliParse.List(parse.GetValue(controls));
            if (kind != ConvergenceType.BetaConditional && ctrl.Length > 0)
                throw new SpecificationException("--controls applies to --type beta-conditional only.");
            var wPath = parse.GetValue(spatial);
            if (kind == ConvergenceType.Sigma && wPath is not null)
                throw new SpecificationException("--spatial applies to β convergence only.");
            var col = parse.GetValue(value)!;
            var panel = input.LoadPanel(parse, parse.GetValue(id)!, parse.GetValue(time), [col, .. ctrl]).Panel;
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var outputs = new List<string>();
            var warnings = new List<AnalysisWarning>();
            var inputs = new List<InputFile> { input.Describe(parse) };
            string method;
            if (kind == ConvergenceType.Sigma)
            {
                method = "sigma-convergence";
                var r = SigmaConvergence.Compute(panel, col);
                warnings.AddRange(r.Warnings);
                var w = new CsvTableWriter(["time", "n", "mean", "sd", "cv", "sd_log"]);
                foreach (var p in r.Periods) w.AppendRow(p.Time, p.Count, p.Mean, p.StandardDeviation, p.CoefficientOfVariation, p.StandardDeviationOfLogs);
                var sigmaPath = Path.Combine(dir, "sigma.csv");
                w.Save(sigmaPath);
                outputs.Add(sigmaPath);
                var trend = new CsvTableWriter(["measure", "slope", "se", "t", "p", "r2", "n", "converging"]);
                foreach (var (name, reg) in new[] { ("cv", r.CvTrend), ("sd_log", r.SdLogTrend) })
                    if (reg is not null)
                        trend.AppendRow(name, reg.Coefficients[1], reg.StandardErrors[1], reg.TStatistics[1], reg.PValues[1], reg.RSquared, reg.Nobs, reg.Coefficients[1] < 0);
                var trendPath = Path.Combine(dir, "sigma_trend.csv");
                trend.Save(trendPath);
                outputs.Add(trendPath);
            }
            else
            {
                SpatialWeights? w = null;
                if (wPath is not null)
                {
                    w = SpatialWeights.Read(wPath).RowStandardize();
                    inputs.Add(RunRecord.Describe(wPath));
                }
                var bt = kind == ConvergenceType.BetaAbsolute ? BetaConvergenceType.Absolute : BetaConvergenceType.Conditional;
                method = kind == ConvergenceType.BetaAbsolute ? "beta-convergence/absolute" : "beta-convergence/conditional";
                var r = BetaConvergence.Fit(panel, col, bt, ctrl, w);
                warnings.AddRange(r.Warnings);
                var coef = new CsvTableWriter(["model", "term", "estimate", "se", "t", "p"]);
                var sum = new CsvTableWriter(["model", "beta", "se", "p", "speed", "half_life", "tau", "nobs", "entities", "r2", "covariance", "clusters"]);
                foreach (var m in r.Models)
                {
                    var reg = m.Regression;
                    var se = reg.StandardErrors;
                    var tv = reg.TStatistics;
                    var pv = reg.PValues;
                    for (var k = 0; k < reg.Names.Count; k++) coef.AppendRow(m.Model, reg.Names[k], reg.Coefficients[k], se[k], tv[k], pv[k]);
                    var j = reg.Names.ToList().IndexOf("ln_y0");
                    sum.AppendRow(m.Model, m.Beta, se[j], pv[j], m.Speed, m.HalfLife, m.Tau, reg.Nobs, m.Entities, reg.RSquared,
                        CliParse.Kebab(reg.CovarianceType.ToString()), reg.Clusters);
                }
                var cPath = Path.Combine(dir, "coefficients.csv");
                var sPath = Path.Combine(dir, "summary.csv");
                coef.Save(cPath);
                sum.Save(sPath);
                outputs.AddRange([cPath, sPath]);
            }
            var spec = new Dictionary<string, object?>
            {
                ["id"] = parse.GetValue(id), ["time"] = parse.GetValue(time), ["value"] = col, ["type"] = CliParse.Kebab(kind.ToString()),
                ["controls"] = ctrl, ["spatial"] = wPath, ["fill"] = parse.GetValue(input.Fill),
                ["sigma"] = "cv = sample sd / mean; sd_log = sample sd of ln y; trend by OLS on time",
                ["growth"] = "ln(y_{t+tau}/y_t) between consecutive periods, not divided by tau; speed = -ln(1+beta)/tau",
                ["two_way_fe"] = "within-entity transform plus period dummies; SE clustered by entity (G/(G-1)(n-1)/(n-k))",
                ["spatial_model"] = wPath is null ? null : "SLX two-way FE by OLS: W ln y_t and W controls as regressors; W row-standardised",
            };
            AnalysisCli.WriteRun(Path.Combine(dir, "run.json"), "convergence", method, inputs, spec, warnings, outputs);
            AnalysisCli.PrintWarnings(context, warnings);
            AnalysisCli.Done(context, outputs.ToArray());
            return 0;
        }));
        return cmd;
    }
}
