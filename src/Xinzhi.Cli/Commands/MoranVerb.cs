using System.CommandLine;
using Xinzhi.Analysis;
using Xinzhi.Analysis.Spatial;
using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi moran</c>: global Moran's I and Geary's C per period, optional LISA.</summary>
public sealed class MoranVerb : ICliVerb
{
    public int Order => 530;

    /// <summary>How the weight file is used.</summary>
    public enum WeightStandardization
    {
        /// <summary>Divide each row by its sum (islands stay zero and are reported).</summary>
        Row,

        /// <summary>Use the file's weights as they are.</summary>
        None,
    }

    public Command Create(CliContext context)
    {
        var cmd = new Command("moran", "Spatial autocorrelation: global Moran's I and Geary's C (normality, randomisation and permutation inference) per period; --local adds LISA with HH/LH/LL/HL labels.");
        var input = new DataInput().AddTo(cmd);
        var id = AnalysisCli.Required("--id", "Entity id column (ids must match the weight file).");
        var time = AnalysisCli.Optional("--time", "Period column: one test per period.");
        var value = AnalysisCli.Required("--value", "Variable to test.");
        var weights = AnalysisCli.Required("--weights", "Spatial weight matrix CSV (id,<id1>,<id2>,...).");
        var standardize = new Option<string>("--standardize") { Description = "row (default) | none.", DefaultValueFactory = _ => "row" };
        var local = new Option<bool>("--local") { Description = "Also write local Moran (LISA) to <out>.local.csv." };
        var perms = new Option<int>("--permutations") { Description = "Random permutations (default 999; 0 = analytic only).", DefaultValueFactory = _ => SpatialAutocorrelation.DefaultPermutations };
        var seed = new Option<int>("--seed") { Description = "Seed of the permutations (default 12345).", DefaultValueFactory = _ => SpatialAutocorrelation.DefaultSeed };
        var significance = new Option<double>("--significance") { Description = "Level for the LISA cluster column (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var output = AnalysisCli.Required("--out", "Output CSV: one row per period with I, C and their tests.");
        foreach (var o in new Option[] { id, time, value, weights, standardize, local, perms, seed, significance, output }) cmd.Options.Add(o);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var p = parse.GetValue(perms);
            if (p < 0) throw new SpecificationException("--permutations must be ≥ 0.");
            var s = parse.GetValue(seed);
            var alpha = parse.GetValue(significance);
            if (!(alpha > 0 && alpha < 1)) throw new SpecificationException("--significance must lie in (0, 1).");
            var std = CliParse.Enum<WeightStandardization>(parse.GetValue(standardize)!, "--standardize");
            var col = parse.GetValue(value)!;
            var panel = input.LoadPanel(parse, parse.GetValue(id)!, parse.GetValue(time), [col]).Panel;
            var wPath = parse.GetValue(weights)!;
            var w0 = SpatialWeights.Read(wPath);
            if (std == WeightStandardization.Row) w0 = w0.RowStandardize();
            var warnings = w0.Warnings().ToList();
            var y = panel.Variable(col);
            var g = new CsvTableWriter(["time", "n", "I", "expected_I", "var_I_normality", "z_I_normality", "p_I_normality",
                "var_I_randomization", "z_I_randomization", "p_I_randomization", "perm_mean_I", "perm_var_I", "z_I_permutation", "p_I_permutation",
                "C", "expected_C", "var_C_normality", "z_C_normality", "p_C_normality", "var_C_randomization", "z_C_randomization", "p_C_randomization",
                "perm_mean_C", "perm_var_C", "p_C_permutation", "permutations", "seed", "islands"]);
            var l = new CsvTableWriter(["time", "id", "value", "z", "lag", "Ii", "quadrant", "p_permutation", "cluster"]);
            var periods = panel.HasTime ? panel.Periods.Select(t => (int?)t).ToArray() : [null];
            foreach (var t in periods)
            {
                var rows = t is null ? Enumerable.Range(0, panel.RowCount).ToArray() : panel.RowsInPeriod(t.Value);
                var ids = rows.Select(i => panel.Ids[i]).ToArray();
                var w = w0.Align(ids, t is null ? panel.Source : $"{panel.Source} (period {t})");
                var x = rows.Select(i => y[i]).ToArray();
                var r = SpatialAutocorrelation.Global(x, w, p, s);
                var m = r.Moran;
                var c = r.Geary;
                g.AppendRow(t, r.Count, m.Statistic, m.Expected, m.VarianceNormality, m.ZNormality, m.PNormality,
                    m.VarianceRandomization, m.ZRandomization, m.PRandomization, m.PermutationMean, m.PermutationVariance, m.ZPermutation, m.PermutationP,
                    c.Statistic, c.Expected, c.VarianceNormality, c.ZNormality, c.PNormality, c.VarianceRandomization, c.ZRandomization, c.PRandomization,
                    c.PermutationMean, c.PermutationVariance, c.PermutationP, p, s, string.Join(' ', w.Islands));
                if (parse.GetValue(local))
                    foreach (var li in SpatialAutocorrelation.Local(x, w, p, s))
                        l.AppendRow(t, li.Id, li.Value, li.Z, li.Lag, li.Statistic, li.Quadrant, li.PermutationP,
                            li.Quadrant == "island" ? "island" : double.IsNaN(li.PermutationP) ? null : li.PermutationP <= alpha ? li.Quadrant : "ns");
            }
            var outPath = parse.GetValue(output)!;
            var outputs = new List<string> { outPath };
            g.Save(outPath);
            if (parse.GetValue(local))
            {
                var lp = AnalysisCli.Sibling(outPath, "local");
                l.Save(lp);
                outputs.Add(lp);
            }
            var spec = new Dictionary<string, object?>
            {
                ["id"] = parse.GetValue(id), ["time"] = parse.GetValue(time), ["value"] = col, ["weights"] = wPath,
                ["standardize"] = CliParse.Kebab(std.ToString()), ["permutations"] = p, ["seed"] = s, ["lisa_significance"] = alpha, ["local"] = parse.GetValue(local),
                ["fill"] = parse.GetValue(input.Fill), ["rng"] = "System.Random(seed), Fisher-Yates; local: conditional randomisation",
                ["permutation_p"] = "(1 + #{as or more extreme in the observed direction}) / (1 + permutations) (PySAL convention)",
            };
            AnalysisCli.WriteRun(AnalysisCli.RunJsonFor(outPath), "moran", "moran-geary" + (parse.GetValue(local) ? "+lisa" : ""),
                [input.Describe(parse), RunRecord.Describe(wPath)], spec, warnings, outputs);
            AnalysisCli.PrintWarnings(context, warnings);
            AnalysisCli.Done(context, outputs.ToArray());
            return 0;
        }));
        return cmd;
    }
}
