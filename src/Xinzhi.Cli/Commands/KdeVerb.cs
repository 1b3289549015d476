using System.CommandLine;
using System.Globalization;
using Xinzhi.Analysis;
using Xinzhi.Analysis.Distribution;
using Xinzhi.Data;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi kde</c>: Gaussian kernel density curves per period on a common grid.</summary>
public sealed class KdeVerb : ICliVerb
{
    public int Order => 510;

    public Command Create(CliContext context)
    {
        var cmd = new Command("kde", "Gaussian kernel density per period, written as curves (grid points) for 2-D and 3-D plots.");
        var input = new DataInput().AddTo(cmd, withFill: false);
        var value = AnalysisCli.Required("--value", "Column to estimate the density of.");
        var time = AnalysisCli.Optional("--time", "Period column: one curve per period.");
        var bandwidth = new Option<string>("--bandwidth") { Description = "silverman (default) | scott | a positive number.", DefaultValueFactory = _ => "silverman" };
        var points = new Option<int>("--points") { Description = "Grid points per curve (default 512).", DefaultValueFactory = _ => 512 };
        var cut = new Option<double>("--cut") { Description = "Grid extends this many (largest) bandwidths beyond the data range (default 3, as R).", DefaultValueFactory = _ => 3 };
        var output = AnalysisCli.Required("--out", "Output CSV: time,x,density,bandwidth,n; curve features in <out>.summary.csv.");
        foreach (var o in new Option[] { value, time, bandwidth, points, cut, output }) cmd.Options.Add(o);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var bw = parse.GetValue(bandwidth)!;
            BandwidthRule rule;
            double? fixedH = null;
            if (double.TryParse(bw, NumberStyles.Float, CultureInfo.InvariantCulture, out var hv))
            {
                if (!(hv > 0) || !double.IsFinite(hv)) throw new SpecificationException($"--bandwidth: {bw} must be positive.");
                rule = BandwidthRule.Fixed;
                fixedH = hv;
            }
            else
            {
                rule = CliParse.Enum<BandwidthRule>(bw, "--bandwidth");
                if (rule == BandwidthRule.Fixed) throw new SpecificationException("--bandwidth: give the fixed bandwidth as a number.");
            }
            var g = parse.GetValue(points);
            if (g < 2) throw new SpecificationException("--points must be at least 2.");
            var c = parse.GetValue(cut);
            if (!(c >= 0)) throw new SpecificationException("--cut must be ≥ 0.");
            var data = AnalysisCli.LoadColumns(input.ReadTable(parse), parse.GetValue(value)!, parse.GetValue(time), null);
            var periods = data.ByPeriod().ToList();
            var samples = new List<double[]>();
            var hs = new List<double>();
            var warnings = new List<AnalysisWarning>();
            foreach (var (t, rows) in periods)
            {
                var x = rows.Select(i => data.Values[i]).ToArray();
                if (x.Length < 2) throw new DataValidationException(new DataIssue(data.Source, null, parse.GetValue(time), $"period {t} has {x.Length} value(s); a density needs at least 2"));
                samples.Add(x);
                hs.Add(fixedH ?? KernelDensity.Bandwidth(x, rule));
            }
            var lo = data.Values.Min() - c * hs.Max();
            var hi = data.Values.Max() + c * hs.Max();
            var grid = KernelDensity.Grid(lo, hi, g);
            var w = new CsvTableWriter(["time", "x", "density", "bandwidth", "n"]);
            var s = new CsvTableWriter(["time", "n", "bandwidth", "mean", "sd", "mode", "peaks"]);
            for (var p = 0; p < periods.Count; p++)
            {
                var curve = KernelDensity.Estimate(samples[p], rule, fixedH, grid);
                warnings.AddRange(curve.Warnings.Select(x => x with { Message = $"period {periods[p].Time}: {x.Message}" }));
                for (var k = 0; k < grid.Length; k++) w.AppendRow(periods[p].Time, grid[k], curve.Density[k], curve.Bandwidth, curve.Count);
                s.AppendRow(periods[p].Time, curve.Count, curve.Bandwidth, curve.Mean, curve.StandardDeviation, curve.Mode, curve.Peaks);
            }
            var outPath = parse.GetValue(output)!;
            var summaryPath = AnalysisCli.Sibling(outPath, "summary");
            w.Save(outPath);
            s.Save(summaryPath);
            var spec = new Dictionary<string, object?>
            {
                ["value"] = parse.GetValue(value), ["time"] = parse.GetValue(time), ["kernel"] = "gaussian",
                ["bandwidth"] = rule == BandwidthRule.Fixed ? fixedH : CliParse.Kebab(rule.ToString()),
                ["bandwidth_scope"] = "per period", ["points"] = g, ["cut"] = c, ["grid"] = new[] { lo, hi },
                ["evaluation"] = "exact sum over observations (no binning)",
            };
            AnalysisCli.WriteRun(AnalysisCli.RunJsonFor(outPath), "kde", "kde/gaussian", [input.Describe(parse)], spec, warnings, [outPath, summaryPath]);
            AnalysisCli.PrintWarnings(context, warnings);
            AnalysisCli.Done(context, outPath, summaryPath);
            return 0;
        }));
        return cmd;
    }
}
