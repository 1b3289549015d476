using System.CommandLine;
using Xinzhi.Analysis.Coupling;
using Xinzhi.Data;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi coupling</c>: coupling coordination degree of n subsystems.</summary>
public sealed class CouplingVerb : ICliVerb
{
    public int Order => 540;

    public Command Create(CliContext context)
    {
        var cmd = new Command("coupling", "Coupling coordination degree (耦合协调度): C, T, D and the ten-level class (廖重斌 1999).");
        var input = new DataInput().AddTo(cmd);
        var id = AnalysisCli.Required("--id", "Entity id column.");
        var time = AnalysisCli.Optional("--time", "Period column.");
        var systems = AnalysisCli.Required("--systems", "Subsystem score columns U_i in [0,1], comma-separated (at least two).");
        var alpha = AnalysisCli.Optional("--alpha", "Weights α_i of T = Σ α_i U_i, comma-separated, summing to 1 (default: equal).");
        var formula = new Option<string>("--formula") { Description = "Coupling C: standard (default) | corrected (王淑佳 et al. 2021).", DefaultValueFactory = _ => "standard" };
        var output = AnalysisCli.Required("--out", "Output CSV: id[,time],C,T,D,level,level_zh,level_en.");
        foreach (var o in new Option[] { id, time, systems, alpha, formula, output }) cmd.Options.Add(o);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var cols = CliParse.List(parse.GetValue(systems));
            if (cols.Length < 2) throw new SpecificationException("--systems needs at least two columns, e.g. --systems digital,green.");
            var f = CliParse.Enum<CouplingFormula>(parse.GetValue(formula)!, "--formula");
            double[] a;
            var alphaText = parse.GetValue(alpha);
            if (alphaText is null) a = CouplingCoordination.EqualWeights(cols.Length);
            else
            {
                a = CliParse.List(alphaText).Select(s => CliParse.Double(s, "--alpha")).ToArray();
                if (a.Length != cols.Length) throw new SpecificationException($"--alpha has {a.Length} values for {cols.Length} systems.");
                if (a.Any(v => v < 0) || Math.Abs(a.Sum() - 1) > 1e-9) throw new SpecificationException($"--alpha must be non-negative and sum to 1 (sum is {a.Sum()}).");
            }
            var timeCol = parse.GetValue(time);
            var panel = input.LoadPanel(parse, parse.GetValue(id)!, timeCol, cols).Panel;
            var u = cols.Select(panel.Variable).ToArray();
            var issues = new DataIssueCollector();
            var clampedCells = 0;
            for (var i = 0; i < panel.RowCount; i++)
            {
                var allZero = true;
                for (var s = 0; s < cols.Length; s++)
                {
                    var v = u[s][i];
                    if (v is < 0 or > 1 && CouplingCoordination.TryClamp(v, out _)) clampedCells++;
                    if (!CouplingCoordination.TryClamp(v, out _)) issues.Add(panel.Source, panel.SourceRows[i], cols[s], $"score {v} is outside [0, 1]; coupling needs standardised subsystem scores");
                    if (v != 0) allZero = false;
                }
                if (allZero) issues.Add(panel.Source, panel.SourceRows[i], null, "all subsystem scores are 0, so C = 0/0 is undefined");
            }
            issues.ThrowIfAny();
            var warnings = new List<Xinzhi.Analysis.AnalysisWarning>();
            if (clampedCells > 0)
                warnings.Add(new("clamped", $"{clampedCells} score(s) within {CouplingCoordination.Tolerance:G} of [0, 1] (rounding, e.g. LP efficiency 1.000000000000296) were clamped to [0, 1]"));
            var header = new List<string> { "id" };
            if (timeCol is not null) header.Add("time");
            header.AddRange(["C", "T", "D", "level", "level_zh", "level_en"]);
            var w = new CsvTableWriter(header);
            var x = new double[cols.Length];
            for (var i = 0; i < panel.RowCount; i++)
            {
                for (var s = 0; s < cols.Length; s++) x[s] = u[s][i];
                var r = CouplingCoordination.Compute(x, a, f);
                var row = new List<object?> { panel.Ids[i] };
                if (timeCol is not null) row.Add(panel.Times![i]);
                row.AddRange([r.C, r.T, r.D, r.Level.Level, r.Level.NameZh, r.Level.NameEn]);
                w.AppendRow(row.ToArray());
            }
            var outPath = parse.GetValue(output)!;
            w.Save(outPath);
            var spec = new Dictionary<string, object?>
            {
                ["id"] = parse.GetValue(id), ["time"] = timeCol, ["systems"] = cols, ["alpha"] = a,
                ["formula"] = CliParse.Kebab(f.ToString()), ["fill"] = parse.GetValue(input.Fill),
                ["levels"] = "廖重斌 (1999) ten levels, lower bounds inclusive",
            };
            AnalysisCli.WriteRun(AnalysisCli.RunJsonFor(outPath), "coupling", "coupling-coordination/" + CliParse.Kebab(f.ToString()),
                [input.Describe(parse)], spec, warnings, [outPath]);
            AnalysisCli.PrintWarnings(context, warnings);
            AnalysisCli.Done(context, outPath);
            return 0;
        }));
        return cmd;
    }
}
