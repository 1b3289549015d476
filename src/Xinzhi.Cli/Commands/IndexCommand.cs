using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Xinzhi.Data;
using Xinzhi.Frameworks;
using Xinzhi.Indices;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi index</c>: the composite NQPF index (entropy, CRITIC, ... × linear, TOPSIS, GRA); writes contract B.</summary>
public sealed class IndexCommand : ICliVerb
{
    public int Order => 10;

    /// <summary>Above this many cells the verb prints progress lines.</summary>
    private const long ProgressCells = 200_000;

    public Command Create(CliContext context)
    {
        var cmd = new Command("index", "Composite index (综合指数): standardise, weight and aggregate an indicator panel; writes scores.csv, weights.csv, normalized.csv, run.json.");
        var data = new DataInput().AddTo(cmd).AddSelectionTo(cmd);
        var id = new Option<string>("--id") { Description = "Entity id column.", Required = true };
        var time = new Option<string?>("--time") { Description = "Period column (e.g. year); omit for a cross-section." };
        var framework = new Option<string?>("--framework") { Description = "Indicator framework: a YAML file or builtin:NAME (see 'xinzhi framework list')." };
        var indicators = new Option<string?>("--indicators") { Description = "Flat indicator list instead of a framework: \"+a,+b,-c\" (+ larger is better, - smaller is better)." };
        var normalize = new Option<string>("--normalize") { Description = "Standardisation: minmax (default), zscore, ratio, vector.", DefaultValueFactory = _ => "minmax" };
        var scope = new Option<string>("--scope") { Description = "Standardisation scope: pooled (all entity-periods, default) or period.", DefaultValueFactory = _ => "pooled" };
        var zero = new Option<string>("--zero") { Description = "Zero handling: none (0·ln0 := 0, default), shift:C, rescale:A:B, epsilon:E.", DefaultValueFactory = _ => "none" };
        var weights = new Option<string>("--weights") { Description = "Weights: entropy (default), critic, cv, equal, pca, scatter (纵横向拉开档次法), ahp:FILE, combine:EXPR (e.g. combine:entropy*ahp:FILE, combine:game(entropy,critic), combine:mean(entropy,cv)).", DefaultValueFactory = _ => "entropy" };
        var level = new Option<string>("--weight-level") { Description = "leaves (one weighting over all indicators, default) or nodes (level by level within the framework).", DefaultValueFactory = _ => "leaves" };
        var wscope = new Option<string>("--weight-scope") { Description = "pooled (weights once over all rows, N = all rows; default), period (weights per period, N = rows of the period, applied to that period) or period-mean (per-period weights averaged, applied to all rows).", DefaultValueFactory = _ => "pooled" };
        var aggregate = new Option<string>("--aggregate") { Description = "Aggregation: linear (Σ w x', default), topsis, gra.", DefaultValueFactory = _ => "linear" };
        var ideal = new Option<string>("--ideal") { Description = "TOPSIS ideal points / GRA reference: pooled (default), period, or theoretical (bounds of x'; minmax/ratio).", DefaultValueFactory = _ => "pooled" };
        var distance = new Option<string>("--topsis-distance") { Description = "TOPSIS distance: weighted-values (√Σ(w x' − V)², default) or weights-inside-root (√Σ w (x' − x'*)²).", DefaultValueFactory = _ => "weighted-values" };
        var scoreFormula = new Option<string>("--score-formula") { Description = "Linear score: weighted-values (Σ w x', default) or weighted-shares (Σ w p, p = x'/Σx').", DefaultValueFactory = _ => "weighted-values" };
        var scale = new Option<double>("--scale") { Description = "Multiply every score and sub-score (default 1; papers often use 100).", DefaultValueFactory = _ => 1.0 };
        var rho = new Option<double>("--rho") { Description = "GRA distinguishing coefficient ρ (default 0.5).", DefaultValueFactory = _ => 0.5 };
        var zshift = new Option<string>("--zscore-shift") { Description = "Z-score shift: auto (subtract the minimum z of the scope, default) or a constant C (z + C).", DefaultValueFactory = _ => "auto" };
        var vectorCost = new Option<string>("--vector-cost") { Description = "Vector normalisation of '-' indicators: max-minus (default) or reciprocal.", DefaultValueFactory = _ => "max-minus" };
        var critic = new Option<string>("--critic-conflict") { Description = "CRITIC conflict: one-minus-r (default) or one-minus-abs-r.", DefaultValueFactory = _ => "one-minus-r" };
        var pca = new Option<string>("--pca-retention") { Description = "PCA components kept: kaiser (eigenvalue > 1, default) or cumulative85.", DefaultValueFactory = _ => "kaiser" };
        var ahpMethod = new Option<string>("--ahp-method") { Description = "AHP weights: eigenvector (default), geometric (row geometric means) or arithmetic (column-normalised row means).", DefaultValueFactory = _ => "eigenvector" };
        var criticSd = new Option<string>("--critic-sd") { Description = "CRITIC standard deviation: sample (n-1, default) or population (n).", DefaultValueFactory = _ => "sample" };
        var constant = new Option<string>("--constant") { Description = "A constant indicator: error (default) or drop (x' = 0, weight 0, with a warning).", DefaultValueFactory = _ => "error" };
        var forceAhp = new Option<bool>("--force-ahp") { Description = "Accept AHP matrices with consistency ratio CR ≥ 0.1 (recorded as a warning)." };
        var output = new Option<string>("--out") { Description = "Output directory (created).", Required = true };
        var format = new Option<string>("--format") { Description = "Console summary: table (default), json, csv.", DefaultValueFactory = _ => "table" };
        var top = new Option<int>("--top") { Description = "Entities shown in the console summary (default 10).", DefaultValueFactory = _ => 10 };
        foreach (var o in new Option[] { id, time, framework, indicators, normalize, scope, zero, weights, level, wscope, aggregate, ideal, distance, scoreFormula, scale, rho, zshift, vectorCost, critic, pca, ahpMethod, criticSd, constant, forceAhp, output, format, top })
            cmd.Options.Add(o);

        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var started = DateTimeOffset.UtcNow;
            var fwSpec = parse.GetValue(framework);
            var indText = parse.GetValue(indicators);
            if ((fwSpec is null) == (indText is null))
                throw new SpecificationException("give exactly one of --framework FILE|builtin:NAME and --indicators \"+a,+b,-c\"");
            var fmt = parse.GetValue(format)!.ToLowerInvariant();
            if (fmt is not ("table" or "json" or "csv")) throw new SpecificationException($"--format: '{fmt}' is not one of table, json, csv");
            var zs = parse.GetValue(zshift)!;
            var options = new IndexOptions
            {
                Normalization = ParseNormalization(parse.GetValue(normalize)!),
                Scope = CliParse.Enum<NormalizationScope>(parse.GetValue(scope)!, "--scope"),
                Zero = ZeroHandling.Parse(parse.GetValue(zero)!),
                Weights = WeightMethod.Parse(parse.GetValue(weights)!),
                WeightLevel = CliParse.Enum<WeightLevel>(parse.GetValue(level)!, "--weight-level"),
                WeightScope = CliParse.Enum<WeightScope>(parse.GetValue(wscope)!, "--weight-scope"),
                Aggregation = CliParse.Enum<Aggregation>(parse.GetValue(aggregate)!, "--aggregate"),
                Ideal = CliParse.Enum<IdealScope>(parse.GetValue(ideal)!, "--ideal"),
                TopsisDistance = CliParse.Enum<TopsisDistance>(parse.GetValue(distance)!, "--topsis-distance"),
                ScoreFormula = CliParse.Enum<ScoreFormula>(parse.GetValue(scoreFormula)!, "--score-formula"),
                Scale = parse.GetValue(scale),
                Rho = parse.GetValue(rho),
                ZScoreShift = zs.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : CliParse.Double(zs, "--zscore-shift"),
                VectorCost = CliParse.Enum<VectorCostTransform>(parse.GetValue(vectorCost)!, "--vector-cost"),
                CriticConflict = CliParse.Enum<CriticConflict>(parse.GetValue(critic)!, "--critic-conflict"),
                PcaRetention = ParsePca(parse.GetValue(pca)!),
                AhpWeighting = CliParse.Enum<AhpWeighting>(parse.GetValue(ahpMethod)!, "--ahp-method"),
                CriticSd = CliParse.Enum<StandardDeviation>(parse.GetValue(criticSd)!, "--critic-sd"),
                ForceAhp = parse.GetValue(forceAhp),
                Constant = CliParse.Enum<ConstantIndicators>(parse.GetValue(constant)!, "--constant"),
            };
            var fw = fwSpec is null ? null : FrameworkLoader.Resolve(fwSpec);
            var model = fw is null ? IndexModel.FromIndicatorList(indText!) : IndexModel.FromFramework(fw);
            var idCol = parse.GetValue(id)!;
            var timeCol = parse.GetValue(time);
            var dataPath = data.Path(parse);

            if (File.Exists(dataPath) && new FileInfo(dataPath).Length > 5 << 20) context.Progress($"reading {dataPath}");
            var load = data.LoadPanel(parse, idCol, timeCol, model.Columns);
            var panel = load.Panel;
            Action<string>? progress = (long)panel.RowCount * model.Indicators.Count >= ProgressCells ? context.Progress : null;
            progress?.Invoke($"read {panel.RowCount} rows × {model.Indicators.Count} indicators from {dataPath}");
            var result = CompositeIndex.Compute(panel, model, options, progress);

            var inputs = new List<InputFile> { data.Describe(parse) };
            if (fw is not null && File.Exists(fwSpec)) inputs.Add(RunRecord.Describe(fwSpec!));
            foreach (var a in options.Weights.AhpParts().DistinctBy(a => a.Path)) inputs.Add(RunRecord.Describe(a.Path));
            var record = IndexProvenance.Build("xinzhi " + string.Join(' ', parse.Tokens.Select(t => t.Value)), result, inputs, load.Fill,
                idCol, timeCol, parse.GetValue(data.Sheet), started);
            var selection = data.Selection(parse);
            if (!selection.IsAll)
            {
                var spec = new Dictionary<string, object?>(record.Specification)
                {
                    ["row_selection"] = selection.ToSpecification(load.RecordsLeftOut),
                };
                record = record with { Specification = spec };
            }
            var outDir = parse.GetValue(output)!;
            progress?.Invoke($"writing {outDir}");
            var files = IndexOutput.Write(outDir, result, record);

            foreach (var w in record.Warnings) context.Error.WriteLine("warning: " + w);
            PrintSummary(context, result, fmt, Math.Max(1, parse.GetValue(top)), outDir, files);
            return 0;
        }));
        return cmd;
    }

    private static Normalization ParseNormalization(string text) => text.ToLowerInvariant() switch
    {
        "minmax" or "min-max" => Normalization.MinMax,
        "zscore" or "z-score" => Normalization.ZScore,
        "ratio" => Normalization.Ratio,
        "vector" => Normalization.Vector,
        _ => throw new SpecificationException($"--normalize: '{text}' is not one of minmax, zscore, ratio, vector"),
    };

    private static PcaRetention ParsePca(string text) => text.ToLowerInvariant() switch
    {
        "kaiser" => PcaRetention.Kaiser,
        "cumulative85" or "cumulative-85" => PcaRetention.Cumulative85,
        _ => throw new SpecificationException($"--pca-retention: '{text}' is not one of kaiser, cumulative85"),
    };

    private static void PrintSummary(CliContext context, IndexResult result, string format, int top, string outDir, IReadOnlyList<string> files)
    {
        // Top entities of the last period.
        var lastPeriod = result.Periods.Length == 0 ? (int?)null : result.Periods[^1];
        var rows = Enumerable.Range(0, result.RowCount)
            .Where(i => lastPeriod is null || result.Times![i] == lastPeriod)
            .OrderBy(i => result.Ranks[i]).ThenBy(i => result.Ids[i], StringComparer.Ordinal)
            .Take(top).ToArray();
        var topNodes = result.Model.Nodes.Select((g, k) => (g, k)).Where(p => !p.g.Path.Contains('/')).ToArray();
        switch (format)
        {
            case "json":
            {
                var payload = new Dictionary<string, object?>
                {
                    ["out"] = outDir,
                    ["files"] = files,
                    ["period"] = lastPeriod,
                    ["weights"] = result.Options.Weights.ToOptionText(),
                    ["aggregate"] = CliParse.Kebab(result.Options.Aggregation.ToString()),
                    ["top"] = rows.Select(i =>
                    {
                        var d = new Dictionary<string, object?> { ["rank"] = result.Ranks[i], ["id"] = result.Ids[i], ["score"] = result.Scores[i] };
                        foreach (var (g, k) in topNodes) d[g.Id] = result.NodeScores[k][i];
                        return d;
                    }).ToList(),
                };
                context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(payload, RunRecord.JsonOptions));
                break;
            }
            case "csv":
            {
                var w = new CsvTableWriter(["rank", "id", "time", "score", .. topNodes.Select(p => p.g.Id)]);
                foreach (var i in rows)
                    w.AppendRow([result.Ranks[i], result.Ids[i], lastPeriod, result.Scores[i], .. topNodes.Select(p => (object?)result.NodeScores[p.k][i])]);
                context.Console.Profile.Out.Writer.Write(w.ToString());
                break;
            }
            default:
            {
                var title = $"{result.Options.Weights.ToOptionText()} · {CliParse.Kebab(result.Options.Aggregation.ToString())} — top {rows.Length}" +
                            (lastPeriod is null ? "" : $" in {lastPeriod}");
                context.Console.MarkupLine("[bold]" + Markup.Escape(title) + "[/]");
                var table = new Table();
                table.AddColumn("rank");
                table.AddColumn("id");
                table.AddColumn(new TableColumn("score").RightAligned());
                foreach (var (g, _) in topNodes) table.AddColumn(new TableColumn(Markup.Escape($"{g.NameZh} {g.NameEn}")).RightAligned());
                foreach (var i in rows)
                {
                    var cells = new List<string> { result.Ranks[i].ToString(CultureInfo.InvariantCulture), Markup.Escape(result.Ids[i]), F(result.Scores[i]) };
                    foreach (var (_, k) in topNodes) cells.Add(F(result.NodeScores[k][i]));
                    table.AddRow(cells.ToArray());
                }
                context.Console.Write(table);
                foreach (var a in result.Ahp)
                    context.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"AHP {a.Group} {{{string.Join(", ", a.Items)}}}: CR = {a.ConsistencyRatio:F4} (λmax {a.LambdaMax:F4}, CI {a.ConsistencyIndex:F4}, RI {a.RandomIndex:F2}){(a.Accepted ? "" : " — inconsistent, accepted by --force-ahp")}")));
                context.Console.MarkupLine($"wrote [bold]{Markup.Escape(outDir)}[/]: {Markup.Escape(string.Join(", ", files))}");
                break;
            }
        }
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
