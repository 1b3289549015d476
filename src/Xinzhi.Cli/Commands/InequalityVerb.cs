using System.CommandLine;
using Xinzhi.Analysis.Inequality;
using Xinzhi.Data;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi inequality</c>: Gini, Dagum decomposition, Theil T/L with decomposition, CV; per period.</summary>
public sealed class InequalityVerb : ICliVerb
{
    public int Order => 500;

    public Command Create(CliContext context)
    {
        var cmd = new Command("inequality", "Regional disparity: Gini, Dagum (1997) decomposition, Theil T and L (within/between), coefficient of variation; per period.");
        var input = new DataInput().AddTo(cmd, withFill: false);
        var value = AnalysisCli.Required("--value", "Column with the measured value (e.g. the NQPF index).");
        var group = AnalysisCli.Optional("--group", "Group column (e.g. region) for Dagum and the Theil decomposition.");
        var time = AnalysisCli.Optional("--time", "Period column; each period is measured separately.");
        var measure = new Option<string>("--measure") { Description = "gini | dagum | theil | cv | all.", Required = true };
        var sd = new Option<string>("--sd") { Description = "Standard deviation divisor of the CV: sample (n−1, default) | population (n).", DefaultValueFactory = _ => "sample" };
        var weight = AnalysisCli.Optional("--weight", "Population column: population-weighted Theil T and L (Gini, Dagum and CV stay unweighted).");
        var minGroup = new Option<int>("--min-group-size") { Description = "Smallest allowed group (default 2).", DefaultValueFactory = _ => 2 };
        var output = AnalysisCli.Required("--out", "Output CSV: time,component,value,group,group2.");
        foreach (var o in new Option[] { value, group, time, measure, sd, weight, minGroup, output }) cmd.Options.Add(o);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var m = CliParse.Enum<InequalityMeasure>(parse.GetValue(measure)!, "--measure");
            var divisor = CliParse.Enum<VarianceDivisor>(parse.GetValue(sd)!, "--sd");
            var groupCol = parse.GetValue(group);
            if (m == InequalityMeasure.Dagum && groupCol is null)
                throw new SpecificationException("--measure dagum needs --group (e.g. --group region).");
            var min = parse.GetValue(minGroup);
            if (min < 1) throw new SpecificationException("--min-group-size must be at least 1.");
            var weightCol = parse.GetValue(weight);
            var wantTheil = m is InequalityMeasure.Theil or InequalityMeasure.All;
            if (weightCol is not null && !wantTheil) throw new SpecificationException("--weight applies to the Theil indices only (--measure theil or all).");
            var data = AnalysisCli.LoadColumns(input.ReadTable(parse), parse.GetValue(value)!, parse.GetValue(time), groupCol, weightCol);
            if (wantTheil)
                AnalysisCli.RequirePositive(data.Source, parse.GetValue(value)!, data.Values, data.SourceRows, "the Theil index takes ln y");
            var w = new CsvTableWriter(["time", "component", "value", "group", "group2"]);
            foreach (var (t, rows) in data.ByPeriod())
            {
                var y = rows.Select(i => data.Values[i]).ToArray();
                var g = data.Groups is null ? null : rows.Select(i => data.Groups[i]).ToArray();
                var pw = data.Weights is null ? null : rows.Select(i => data.Weights[i]).ToArray();
                var src = t is null ? data.Source : $"{data.Source}, period {t}";
                if (y.Length < 2) throw new DataValidationException(new DataIssue(src, null, null, $"only {y.Length} value(s); inequality needs at least 2"));
                if (m is InequalityMeasure.Gini or InequalityMeasure.All)
                {
                    if (!(Dispersion.Mean(y) > 0)) throw new DataValidationException(new DataIssue(src, null, null, "the Gini coefficient needs a positive mean"));
                    w.AppendRow(t, "gini", Dispersion.Gini(y), null, null);
                }
                if (m is InequalityMeasure.Cv or InequalityMeasure.All)
                {
                    w.AppendRow(t, "cv", Dispersion.CoefficientOfVariation(y, divisor), null, null);
                    w.AppendRow(t, "mean", Dispersion.Mean(y), null, null);
                    w.AppendRow(t, "sd", Dispersion.StandardDeviation(y, divisor), null, null);
                }
                if (wantTheil)
                {
                    foreach (var kind in new[] { TheilKind.T, TheilKind.L })
                    {
                        var name = kind == TheilKind.T ? "theil_t" : "theil_l";
                        if (g is null) { w.AppendRow(t, name, TheilDecomposition.Index(y, kind, pw, src), null, null); continue; }
                        var r = TheilDecomposition.Compute(y, g, kind, min, pw, src);
                        w.AppendRow(t, name, r.Total, null, null);
                        w.AppendRow(t, name + "_within", r.Within, null, null);
                        w.AppendRow(t, name + "_between", r.Between, null, null);
                        w.AppendRow(t, name + "_within_share", r.Within / r.Total, null, null);
                        w.AppendRow(t, name + "_between_share", r.Between / r.Total, null, null);
                        foreach (var gr in r.Groups)
                        {
                            w.AppendRow(t, name + "_group", gr.Index, gr.Group, null);
                            w.AppendRow(t, name + "_group_weight", gr.Weight, gr.Group, null);
                            w.AppendRow(t, name + "_group_contribution", gr.WithinContribution, gr.Group, null);
                        }
                    }
                }
                if (g is not null && m is InequalityMeasure.Dagum or InequalityMeasure.All)
                {
                    var d = DagumDecomposition.Compute(y, g, min, src);
                    w.AppendRow(t, "G", d.Gini, null, null);
                    w.AppendRow(t, "Gw", d.Within, null, null);
                    w.AppendRow(t, "Gnb", d.NetBetween, null, null);
                    w.AppendRow(t, "Gt", d.Transvariation, null, null);
                    w.AppendRow(t, "Gw_share", d.WithinShare, null, null);
                    w.AppendRow(t, "Gnb_share", d.NetBetweenShare, null, null);
                    w.AppendRow(t, "Gt_share", d.TransvariationShare, null, null);
                    foreach (var gr in d.Groups)
                    {
                        w.AppendRow(t, "Gjj", gr.Gini, gr.Group, null);
                        w.AppendRow(t, "group_n", gr.Count, gr.Group, null);
                        w.AppendRow(t, "group_mean", gr.Mean, gr.Group, null);
                        w.AppendRow(t, "Gw_contribution", gr.WithinContribution, gr.Group, null);
                    }
                    foreach (var p in d.Pairs)
                    {
                        w.AppendRow(t, "Gjh", p.Gini, p.GroupJ, p.GroupH);
                        w.AppendRow(t, "Djh", p.RelativeEconomicAffluence, p.GroupJ, p.GroupH);
                        w.AppendRow(t, "Gnb_contribution", p.NetBetweenContribution, p.GroupJ, p.GroupH);
                        w.AppendRow(t, "Gt_contribution", p.TransvariationContribution, p.GroupJ, p.GroupH);
                    }
                }
            }
            var outPath = parse.GetValue(output)!;
            w.Save(outPath);
            var spec = new Dictionary<string, object?>
            {
                ["value"] = parse.GetValue(value), ["group"] = groupCol, ["time"] = parse.GetValue(time),
                ["measure"] = CliParse.Kebab(m.ToString()), ["sd_divisor"] = CliParse.Kebab(divisor.ToString()),
                ["min_group_size"] = min, ["gini_denominator"] = "n^2 (self-pairs included, Dagum 1997)",
                ["dagum_group_order"] = "ascending group mean, ties by first appearance",
                ["theil"] = weightCol is null ? "T = GE(1), L = GE(0), equal unit weights" : $"T = GE(1), L = GE(0), population-weighted by '{weightCol}'",
                ["weight"] = weightCol,
            };
            AnalysisCli.WriteRun(AnalysisCli.RunJsonFor(outPath), "inequality", "inequality/" + CliParse.Kebab(m.ToString()),
                [input.Describe(parse)], spec, [], [outPath]);
            AnalysisCli.Done(context, outPath);
            return 0;
        }));
        return cmd;
    }
}

/// <summary>Measures of <c>xinzhi inequality --measure</c>.</summary>
public enum InequalityMeasure
{
    Gini,
    Dagum,
    Theil,
    Cv,
    All,
}
