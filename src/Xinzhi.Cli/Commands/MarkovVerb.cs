using System.CommandLine;
using Xinzhi.Analysis;
using Xinzhi.Analysis.Distribution;
using Xinzhi.Analysis.Spatial;
using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi markov</c>: traditional and spatial Markov transition matrices.</summary>
public sealed class MarkovVerb : ICliVerb
{
    public int Order => 520;

    /// <summary>What is classified.</summary>
    public enum MarkovValues
    {
        /// <summary>y_it / ȳ_t, relative to the period mean (the default of domain.md V18).</summary>
        Relative,

        /// <summary>y_it as given.</summary>
        Level,
    }

    /// <summary>Over which values quantile breaks are computed.</summary>
    public enum BreakScope
    {
        /// <summary>All n×T values at once (default; classes comparable over time).</summary>
        Pooled,

        /// <summary>Each period's values separately (relative position within the year).</summary>
        Period,
    }

    public Command Create(CliContext context)
    {
        var cmd = new Command("markov", "Markov transition matrices of classes (pooled quantiles or given breaks), steady state and mean first passage times; --spatial conditions on the class of the spatial lag (Rey 2001).");
        var input = new DataInput().AddTo(cmd);
        var id = AnalysisCli.Required("--id", "Entity id column.");
        var time = AnalysisCli.Required("--time", "Period column; transitions are between consecutive periods.");
        var value = AnalysisCli.Required("--value", "Variable to classify.");
        var classes = new Option<int>("--classes") { Description = "Number of classes K (default 4: quartiles).", DefaultValueFactory = _ => 4 };
        var breaks = AnalysisCli.Optional("--breaks", "Given ascending class breaks b1,...,b(K-1) instead of quantiles (class k is (b(k-1), b(k)]).");
        var values = new Option<string>("--values") { Description = "relative (y / period mean, default) | level.", DefaultValueFactory = _ => "relative" };
        var scope = new Option<string>("--break-scope") { Description = "Quantile breaks over all periods (pooled, default) or per period.", DefaultValueFactory = _ => "pooled" };
        var spatial = AnalysisCli.Optional("--spatial", "Weight matrix CSV for the spatial Markov chain (row-standardised).");
        var lagClasses = new Option<int?>("--lag-classes") { Description = "Classes of the spatial lag (default: K)." };
        var output = AnalysisCli.Required("--out", "Output directory.");
        foreach (var o in new Option[] { id, time, value, classes, breaks, values, scope, spatial, lagClasses, output }) cmd.Options.Add(o);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var mode = CliParse.Enum<MarkovValues>(parse.GetValue(values)!, "--values");
            var givenBreaks = CliParse.List(parse.GetValue(breaks)).Select(s => CliParse.Double(s, "--breaks")).ToArray();
            for (var k = 1; k < givenBreaks.Length; k++)
                if (givenBreaks[k] < givenBreaks[k - 1]) throw new SpecificationException("--breaks must be ascending.");
            var k0 = givenBreaks.Length > 0 ? givenBreaks.Length + 1 : parse.GetValue(classes);
            if (k0 < 2) throw new SpecificationException("--classes must be at least 2.");
            var col = parse.GetValue(value)!;
            var panel = input.LoadPanel(parse, parse.GetValue(id)!, parse.GetValue(time), [col]).Panel.SortedByEntityAndTime();
            var y = panel.Variable(col);
            var state = new double[panel.RowCount];
            foreach (var t in panel.Periods)
            {
                var rows = panel.RowsInPeriod(t);
                var mean = rows.Average(i => y[i]);
                if (mode == MarkovValues.Relative && !(mean > 0))
                    throw new DataValidationException(new DataIssue(panel.Source, null, col, $"period {t}: the mean is {mean}; relative values need a positive mean (use --values level)"));
                foreach (var i in rows) state[i] = mode == MarkovValues.Relative ? y[i] / mean : y[i];
            }
            var breakScope = CliParse.Enum<BreakScope>(parse.GetValue(scope)!, "--break-scope");
            if (breakScope == BreakScope.Period && givenBreaks.Length > 0) throw new SpecificationException("--break-scope period applies to quantile breaks, not --breaks.");
            var cutsByPeriod = new List<(int? Time, double[] Cuts)>();
            var cls = new int[panel.RowCount];
            if (breakScope == BreakScope.Pooled)
            {
                var cuts = givenBreaks.Length > 0 ? givenBreaks : MarkovChain.QuantileBreaks(state, k0);
                cutsByPeriod.Add((null, cuts));
                for (var i = 0; i < cls.Length; i++) cls[i] = MarkovChain.Classify(state[i], cuts);
            }
            else
            {
                foreach (var t in panel.Periods)
                {
                    var rows = panel.RowsInPeriod(t);
                    var cuts = MarkovChain.QuantileBreaks(rows.Select(i => state[i]), k0);
                    cutsByPeriod.Add((t, cuts));
                    foreach (var i in rows) cls[i] = MarkovChain.Classify(state[i], cuts);
                }
            }
            var warnings = new List<AnalysisWarning>();
            for (var c = 0; c < k0; c++)
                if (!cls.Contains(c)) warnings.Add(new AnalysisWarning("empty-class", $"class {c + 1} has no observations (tied breaks or given breaks outside the data)"));

            // Spatial lags of the state values, per period.
            var wPath = parse.GetValue(spatial);
            double[]? lag = null;
            int[]? lagCls = null;
            double[]? lagCuts = null;
            bool[]? island = null;
            var kl = parse.GetValue(lagClasses) ?? k0;
            var inputs = new List<InputFile> { input.Describe(parse) };
            if (wPath is not null)
            {
                if (kl < 2) throw new SpecificationException("--lag-classes must be at least 2.");
                var w0 = SpatialWeights.Read(wPath).RowStandardize();
                inputs.Add(RunRecord.Describe(wPath));
                lag = new double[panel.RowCount];
                island = new bool[panel.RowCount];
                var islandSet = new HashSet<string>(w0.Islands, StringComparer.Ordinal);
                foreach (var t in panel.Periods)
                {
                    var rows = panel.RowsInPeriod(t);
                    var w = w0.Align(rows.Select(i => panel.Ids[i]).ToArray(), $"{panel.Source} (period {t})");
                    var l = w.Lag(rows.Select(i => state[i]).ToArray());
                    for (var k = 0; k < rows.Length; k++) { lag[rows[k]] = l[k]; island[rows[k]] = islandSet.Contains(panel.Ids[rows[k]]); }
                }
                if (islandSet.Count > 0)
                    warnings.Add(new AnalysisWarning("island", $"{string.Join(", ", islandSet)} ha{(islandSet.Count == 1 ? "s" : "ve")} no neighbours in {wPath}: excluded from the lag classes and the spatial matrices (kept in the traditional matrix)"));
                lagCuts = MarkovChain.QuantileBreaks(Enumerable.Range(0, panel.RowCount).Where(i => !island[i]).Select(i => lag[i]), kl);
                lagCls = lag.Select(v => MarkovChain.Classify(v, lagCuts)).ToArray();
            }

            // Transitions between consecutive periods of the same entity.
            var periodIndex = panel.Periods.Select((t, k) => (t, k)).ToDictionary(p => p.t, p => p.k);
            var counts = new int[k0, k0];
            var lagCounts = Enumerable.Range(0, kl).Select(_ => new int[k0, k0]).ToArray();
            for (var i = 0; i + 1 < panel.RowCount; i++)
            {
                if (panel.Ids[i] != panel.Ids[i + 1] || periodIndex[panel.Times![i + 1]] != periodIndex[panel.Times[i]] + 1) continue;
                counts[cls[i], cls[i + 1]]++;
                if (lagCls is not null && !island![i]) lagCounts[lagCls[i]][cls[i], cls[i + 1]]++;
            }
            var pooled = MarkovChain.FromCounts(counts, "traditional");
            warnings.AddRange(pooled.Warnings);
            var matrices = new List<(string Name, TransitionMatrix M)> { ("all", pooled) };
            if (lagCls is not null)
            {
                for (var l = 0; l < kl; l++)
                {
                    var m = MarkovChain.FromCounts(lagCounts[l], $"lag class {l + 1}");
                    warnings.AddRange(m.Warnings);
                    matrices.Add(($"lag{l + 1}", m));
                }
            }

            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var outputs = new List<string>();
            string Save(CsvTableWriter w, string name) { var p = Path.Combine(dir, name); w.Save(p); outputs.Add(p); return p; }

            var cw = new CsvTableWriter(["id", "time", "value", "state_value", "class", "lag", "lag_class"]);
            for (var i = 0; i < panel.RowCount; i++)
                cw.AppendRow(panel.Ids[i], panel.Times![i], y[i], state[i], cls[i] + 1, lag?[i], lagCls is null || island![i] ? null : lagCls[i] + 1);
            Save(cw, "classes.csv");
            var bw = new CsvTableWriter(["kind", "time", "class", "lower", "upper"]);
            foreach (var (bt, cuts) in cutsByPeriod)
                for (var c = 0; c < k0; c++) bw.AppendRow("value", bt, c + 1, c == 0 ? null : cuts[c - 1], c == k0 - 1 ? null : cuts[c]);
            if (lagCuts is not null) for (var c = 0; c < kl; c++) bw.AppendRow("lag", null, c + 1, c == 0 ? null : lagCuts[c - 1], c == kl - 1 ? null : lagCuts[c]);
            Save(bw, "breaks.csv");
            var tw = new CsvTableWriter(["matrix", "from", "to", "count", "probability"]);
            var sw = new CsvTableWriter(["matrix", "class", "probability"]);
            var fw = new CsvTableWriter(["matrix", "from", "to", "steps"]);
            foreach (var (name, m) in matrices)
            {
                for (var a = 0; a < k0; a++)
                {
                    for (var b = 0; b < k0; b++)
                    {
                        tw.AppendRow(name, a + 1, b + 1, m.Counts[a, b], m.Probabilities[a, b]);
                        if (m.FirstPassage is not null) fw.AppendRow(name, a + 1, b + 1, m.FirstPassage[a, b]);
                    }
                    if (m.SteadyState is not null) sw.AppendRow(name, a + 1, m.SteadyState[a]);
                }
            }
            Save(tw, "transitions.csv");
            Save(sw, "steady_state.csv");
            Save(fw, "first_passage.csv");
            if (lagCls is not null)
            {
                var h = MarkovChain.Homogeneity(pooled, matrices.Skip(1).Select(m => m.M).ToArray());
                var hw = new CsvTableWriter(["test", "statistic", "df", "p"]);
                hw.AppendRow("spatial-homogeneity-lr", h.Statistic, h.DegreesOfFreedom, h.PValue);
                Save(hw, "tests.csv");
            }
            var spec = new Dictionary<string, object?>
            {
                ["id"] = parse.GetValue(id), ["time"] = parse.GetValue(time), ["value"] = col, ["values"] = CliParse.Kebab(mode.ToString()),
                ["classes"] = k0, ["breaks"] = givenBreaks.Length > 0 ? "given" : $"type-7 quantiles, {CliParse.Kebab(breakScope.ToString())}",
                ["break_values"] = cutsByPeriod.Select(c => new { time = c.Time, breaks = c.Cuts }).ToArray(),
                ["ties"] = "class = number of breaks strictly below the value: intervals (b(k-1), b(k)], equal values share a class",
                ["transition_step"] = "consecutive periods of the panel", ["spatial"] = wPath, ["lag_classes"] = wPath is null ? null : kl,
                ["lag"] = wPath is null ? null : "row-standardised W times the classified values, per period; islands excluded",
                ["fill"] = parse.GetValue(input.Fill),
            };
            AnalysisCli.WriteRun(Path.Combine(dir, "run.json"), "markov", wPath is null ? "markov" : "spatial-markov", inputs, spec, warnings, outputs);
            AnalysisCli.PrintWarnings(context, warnings);
            AnalysisCli.Done(context, outputs.ToArray());
            return 0;
        }));
        return cmd;
    }
}
