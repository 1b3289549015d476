using System.CommandLine;
using Xinzhi.Analysis.Obstacle;
using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi obstacle RUNDIR</c>: obstacle degree per indicator and framework node of an index run.</summary>
public sealed class ObstacleVerb : ICliVerb
{
    public int Order => 550;

    public Command Create(CliContext context)
    {
        var cmd = new Command("obstacle", "Obstacle degree (障碍度) per indicator and framework node of an index run directory (scores.csv, weights.csv, normalized.csv).");
        var runDir = new Argument<string>("RUNDIR") { Description = "Directory written by 'xinzhi index --out DIR'." };
        var top = new Option<int>("--top") { Description = "Number of top obstacles per entity-period in <out>.top.csv (default 5).", DefaultValueFactory = _ => 5 };
        var output = AnalysisCli.Required("--out", "Output CSV: id,time,kind,item,path,name_zh,name_en,contribution,deviation,obstacle,obstacle_pct,rank.");
        cmd.Arguments.Add(runDir);
        cmd.Options.Add(top);
        cmd.Options.Add(output);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var k = parse.GetValue(top);
            if (k < 1) throw new SpecificationException("--top must be at least 1.");
            var dir = parse.GetValue(runDir)!;
            var run = IndexRun.Read(dir);
            var result = ObstacleDegree.Compute(run);
            var w = new CsvTableWriter(["id", "time", "kind", "item", "path", "name_zh", "name_en", "contribution", "deviation", "obstacle", "obstacle_pct", "rank"]);
            var wt = new CsvTableWriter(["id", "time", "kind", "rank", "item", "path", "name_zh", "name_en", "obstacle", "obstacle_pct"]);
            foreach (var row in result.Rows)
            {
                foreach (var list in new[] { row.Indicators, row.Nodes })
                {
                    foreach (var x in list)
                        w.AppendRow(row.Id, row.Time, x.Kind, x.Item, x.Path, x.NameZh, x.NameEn, x.Contribution, x.Deviation, x.Obstacle, 100 * x.Obstacle, x.Rank);
                    foreach (var x in list.Where(x => x.Rank <= k).OrderBy(x => x.Rank))
                        wt.AppendRow(row.Id, row.Time, x.Kind, x.Rank, x.Item, x.Path, x.NameZh, x.NameEn, x.Obstacle, 100 * x.Obstacle);
                }
            }
            var outPath = parse.GetValue(output)!;
            var topPath = AnalysisCli.Sibling(outPath, "top");
            w.Save(outPath);
            wt.Save(topPath);
            var inputs = new List<InputFile> { RunRecord.Describe(Path.Combine(dir, "weights.csv")), RunRecord.Describe(run.NormalizedFile) };
            var scores = Path.Combine(dir, "scores.csv");
            if (File.Exists(scores)) inputs.Add(RunRecord.Describe(scores));
            var spec = new Dictionary<string, object?>
            {
                ["run_dir"] = dir, ["top"] = k,
                ["factor_contribution"] = "F_j = final global weight w_j from weights.csv (hierarchical weights already multiplied in)",
                ["deviation"] = "I_ij = 1 - x'_ij from normalized.csv",
                ["node_obstacle"] = "sum of indicator obstacles over every node on the indicator's path",
                ["ties"] = "ranked in weights.csv order",
            };
            AnalysisCli.WriteRun(AnalysisCli.RunJsonFor(outPath), "obstacle", "obstacle-degree", inputs, spec, result.Warnings, [outPath, topPath]);
            AnalysisCli.PrintWarnings(context, result.Warnings.Take(20));
            AnalysisCli.Done(context, outPath, topPath);
            return 0;
        }));
        return cmd;
    }
}
