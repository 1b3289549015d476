using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Frameworks;

namespace Xinzhi.Indices;

/// <summary>
/// The composite-index engine (domain.md §3): direction → standardisation → zero handling → weights → aggregation
/// (linear, TOPSIS or grey relational) → sub-scores per framework node → ranks within each period.
/// Every variant is an explicit option (<see cref="IndexOptions"/>).
/// </summary>
/// <remarks>
/// Methods: entropy weights (Shannon entropy of the column shares, k = 1/ln N); CRITIC (Diakoulaki, Mavrotas &amp;
/// Papayannakis 1995, Computers &amp; Operations Research 22(7)); AHP eigenvector and consistency ratio (Saaty 1980,
/// The Analytic Hierarchy Process); TOPSIS (Hwang &amp; Yoon 1981, Multiple Attribute Decision Making); grey relational
/// analysis (Deng 1982, Systems &amp; Control Letters 1(5)). Formulas and variant register: docs/index.md and the shared
/// domain brief §3.
/// </remarks>
public static class CompositeIndex
{
    /// <summary>Most issues listed per column for cell-level problems, so a bad column does not flood the report.</summary>
    private const int MaxCellIssuesPerColumn = 10;

    /// <summary>Computes the index. Every data problem is reported at once (exit code 2) with file, row and column.</summary>
    public static IndexResult Compute(Panel panel, IndexModel model, IndexOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.Rho > 0 && options.Rho <= 1)) throw new SpecificationException($"--rho must be in (0, 1] (got {options.Rho.ToString(CultureInfo.InvariantCulture)})");
        if (!(options.Scale > 0) || !double.IsFinite(options.Scale)) throw new SpecificationException("--scale must be a positive number");
        if (options.ScoreFormula == ScoreFormula.WeightedShares && options.Aggregation != Aggregation.Linear)
            throw new SpecificationException("--score-formula weighted-shares (Σ w p) applies to --aggregate linear only");
        var bounds = TheoreticalBounds(options);
        var n = panel.RowCount;
        var m = model.Indicators.Count;
        var missing = model.Indicators.Where(i => !panel.HasVariable(i.Column)).Select(i => new DataIssue(panel.Source, null, i.Column, "indicator column not loaded")).ToList();
        if (missing.Count > 0) throw new DataValidationException(missing);

        // Period index of every row.
        var periods = panel.Periods;
        var periodIndex = new int[n];
        int[][] rowsByPeriod;
        if (panel.Times is { } times)
        {
            var pos = new Dictionary<int, int>();
            for (var k = 0; k < periods.Length; k++) pos[periods[k]] = k;
            var counts = new int[periods.Length];
            for (var i = 0; i < n; i++) { periodIndex[i] = pos[times[i]]; counts[periodIndex[i]]++; }
            rowsByPeriod = new int[periods.Length][];
            for (var k = 0; k < periods.Length; k++) rowsByPeriod[k] = new int[counts[k]];
            Array.Clear(counts);
            for (var i = 0; i < n; i++) rowsByPeriod[periodIndex[i]][counts[periodIndex[i]]++] = i;
        }
        else rowsByPeriod = [Enumerable.Range(0, n).ToArray()];
        var allRows = Enumerable.Range(0, n).ToArray();
        string Label(int k) => panel.Times is null ? "all rows" : "period " + periods[k].ToString(CultureInfo.InvariantCulture);

        progress?.Invoke($"standardising {m} indicators over {n} rows ({IndexOptions.Kebab(options.Normalization)}, {IndexOptions.Kebab(options.Scope)})");
        var warnings = new List<string>();
        var z = Normalize(panel, model, options, options.Scope == NormalizationScope.Pooled ? [allRows] : rowsByPeriod,
            options.Scope == NormalizationScope.Pooled ? _ => "all rows" : Label, out var dropped, warnings);

        progress?.Invoke($"weighting ({options.Weights.ToOptionText()}, {IndexOptions.Kebab(options.WeightLevel)}, {IndexOptions.Kebab(options.WeightScope)})");
        var ahp = new List<AhpConsistency>();
        double[][] weightRows;
        double[]? entropy = null, divergence = null;
        int[]? entropyCounts = null;
        int[] entropyRows;
        var names = model.Columns;
        if (options.WeightScope == WeightScope.Pooled)
        {
            var diag = new WeightDiagnostics();
            weightRows = [WeightsFor(model, z, dropped, null, options, diag, panel, "all rows")];
            entropyRows = [n];
            Collect(diag, names, ref entropy, ref divergence, ref entropyCounts);
            warnings.AddRange(diag.Warnings);
            ahp.AddRange(diag.Ahp);
        }
        else
        {
            weightRows = new double[rowsByPeriod.Length][];
            entropyRows = new int[rowsByPeriod.Length];
            for (var k = 0; k < rowsByPeriod.Length; k++)
            {
                var diag = new WeightDiagnostics();
                weightRows[k] = WeightsFor(model, z, dropped, rowsByPeriod[k], options, diag, panel, Label(k));
                entropyRows[k] = rowsByPeriod[k].Length;
                Collect(diag, names, ref entropy, ref divergence, ref entropyCounts);
                // AHP judgements do not depend on the data: report each matrix once, not once per period.
                foreach (var w in diag.Warnings) if (!warnings.Contains(w)) warnings.Add(w);
                foreach (var a in diag.Ahp) if (!ahp.Any(x => x.Items.SequenceEqual(a.Items))) ahp.Add(a);
            }
        }
        var weights = new double[m];
        foreach (var w in weightRows)
            for (var j = 0; j < m; j++) weights[j] += w[j] / weightRows.Length;
        if (!options.Weights.UsesEntropy) { entropy = null; divergence = null; }
        if (entropy is not null && divergence is not null && entropyCounts is not null)
            for (var j = 0; j < m; j++)
            {
                // An indicator without an entropy (dropped, or alone in its node with --weight-level nodes) is
                // written as an empty field, never as a number; per-period values are averaged.
                entropy[j] = entropyCounts[j] == 0 ? double.NaN : entropy[j] / entropyCounts[j];
                divergence[j] = entropyCounts[j] == 0 ? double.NaN : divergence[j] / entropyCounts[j];
            }

        progress?.Invoke($"aggregating ({IndexOptions.Kebab(options.Aggregation)})");
        var rowWeights = new double[n][];
        for (var i = 0; i < n; i++)
            rowWeights[i] = options.WeightScope == WeightScope.PeriodMean || weightRows.Length == 1 ? weights : weightRows[periodIndex[i]];
        var idealGroups = options.Ideal == IdealScope.Period ? rowsByPeriod : [allRows];
        var nodeSets = model.Nodes.Select(g => g.SubtreeIndicators).ToArray();
        var inactiveNodes = new bool[nodeSets.Length];
        for (var k = 0; k < nodeSets.Length; k++)
        {
            inactiveNodes[k] = Array.TrueForAll(nodeSets[k], j => dropped[j]);
            if (inactiveNodes[k]) warnings.Add($"node '{model.Nodes[k].Path}' has only dropped (constant) indicators; its sub-score is left empty");
        }
        var (scores, nodeScores) = options.Aggregation switch
        {
            Aggregation.Linear when options.ScoreFormula == ScoreFormula.WeightedShares =>
                Linear(Shares(z, options.WeightScope == WeightScope.Pooled ? [allRows] : rowsByPeriod, dropped), rowWeights, nodeSets),
            Aggregation.Linear => Linear(z, rowWeights, nodeSets),
            Aggregation.Topsis => Topsis(z, rowWeights, nodeSets, idealGroups, panel, options.TopsisDistance, bounds, inactiveNodes),
            _ => Gra(z, rowWeights, nodeSets, idealGroups, options.Rho, bounds, dropped),
        };
        for (var k = 0; k < nodeSets.Length; k++)
            if (inactiveNodes[k]) Array.Fill(nodeScores[k], double.NaN);
        if (options.Scale != 1)
        {
            for (var i = 0; i < n; i++) scores[i] *= options.Scale;
            foreach (var ns in nodeScores)
                for (var i = 0; i < n; i++) ns[i] *= options.Scale;
        }

        var ranks = new int[n];
        foreach (var rows in rowsByPeriod)
        {
            var order = (int[])rows.Clone();
            Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));
            for (var r = 0; r < order.Length; r++)
                ranks[order[r]] = r > 0 && scores[order[r]] == scores[order[r - 1]] ? ranks[order[r - 1]] : r + 1;
        }

        return new IndexResult
        {
            Model = model,
            Options = options,
            Ids = panel.Ids,
            Times = panel.Times,
            SourceRows = panel.SourceRows,
            Periods = periods,
            Normalized = z,
            Weights = weights,
            WeightsByPeriod = options.WeightScope != WeightScope.Pooled ? weightRows : null,
            Entropy = entropy,
            Divergence = divergence,
            Scores = scores,
            Ranks = ranks,
            NodeScores = nodeScores,
            Ahp = ahp,
            EntropyRows = entropyRows,
            Warnings = warnings,
        };
    }

    /// <summary>Accumulates e_j and d_j over weightings; an indicator never weighted by entropy keeps no value.</summary>
    private static void Collect(WeightDiagnostics diag, string[] names, ref double[]? entropy, ref double[]? divergence, ref int[]? counts)
    {
        if (diag.Entropy.Count == 0) return;
        entropy ??= new double[names.Length];
        divergence ??= new double[names.Length];
        counts ??= new int[names.Length];
        for (var j = 0; j < names.Length; j++)
            if (diag.Entropy.TryGetValue(names[j], out var ed))
            {
                entropy[j] += ed.Entropy;
                divergence[j] += ed.Divergence;
                counts[j]++;
            }
    }

    /// <summary>Standardises every indicator within each scope group and applies shift/rescale zero handling.</summary>
    internal static double[][] Normalize(Panel panel, IndexModel model, IndexOptions options, int[][] groups, Func<int, string> label,
        out bool[] dropped, List<string> warnings)
    {
        var m = model.Indicators.Count;
        var n = panel.RowCount;
        var z = new double[m][];
        var drop = new bool[m];
        dropped = drop;
        var issues = new List<DataIssue>();
        for (var j = 0; j < m; j++)
        {
            var ind = model.Indicators[j];
            var x = panel.Variable(ind.Column);
            var y = new double[n];
            var cost = ind.Direction == IndicatorDirection.Cost;
            var cellIssues = 0;
            void Cell(int i, string msg)
            {
                if (cellIssues++ < MaxCellIssuesPerColumn) issues.Add(new DataIssue(panel.Source, panel.SourceRows[i], ind.Column, msg));
            }
            // Positivity requirements of the chosen standardisation.
            var needPositive = options.Normalization switch
            {
                Normalization.Ratio => cost ? 1 : 0,
                Normalization.Vector => cost && options.VectorCost == VectorCostTransform.Reciprocal ? 1 : cost ? -1 : 0,
                _ => -1,
            };
            if (needPositive >= 0)
                for (var i = 0; i < n; i++)
                    if (needPositive == 1 ? !(x[i] > 0) : x[i] < 0)
                        Cell(i, $"value {Fmt(x[i])} is {(needPositive == 1 ? "not positive" : "negative")}: {IndexOptions.Kebab(options.Normalization)} standardisation of a '{ind.DirectionSymbol}' indicator needs {(needPositive == 1 ? "x > 0" : "x ≥ 0")}");
            if (cellIssues > MaxCellIssuesPerColumn)
                issues.Add(new DataIssue(panel.Source, null, ind.Column, $"... {cellIssues - MaxCellIssuesPerColumn} more such values"));
            if (cellIssues > 0) { z[j] = y; continue; }

            for (var g = 0; g < groups.Length; g++)
            {
                var rows = groups[g];
                var min = double.PositiveInfinity;
                var max = double.NegativeInfinity;
                var sum = 0.0;
                foreach (var i in rows)
                {
                    var v = x[i];
                    if (v < min) min = v;
                    if (v > max) max = v;
                    sum += v;
                }
                var gg = g;
                string Constant() => $"constant ({Fmt(min)}) over {label(gg)}: {IndexOptions.Kebab(options.Normalization)} standardisation divides by zero; drop the indicator, use another scope, or pass --constant drop";
                void ConstantFound(string message)
                {
                    if (options.Constant == ConstantIndicators.Error) issues.Add(new DataIssue(panel.Source, null, ind.Column, message));
                    else
                    {
                        drop[j] = true;
                        warnings.Add($"{panel.Source}, column '{ind.Column}': constant over {label(gg)}; dropped (x' = 0, weight 0) by --constant drop");
                    }
                }
                switch (options.Normalization)
                {
                    case Normalization.MinMax:
                    {
                        var range = max - min;
                        if (!(range > 0)) { ConstantFound(Constant()); break; }
                        if (cost) foreach (var i in rows) y[i] = (max - x[i]) / range;
                        else foreach (var i in rows) y[i] = (x[i] - min) / range;
                        break;
                    }
                    case Normalization.ZScore:
                    {
                        var mean = sum / rows.Length;
                        var ss = 0.0;
                        foreach (var i in rows) ss += (x[i] - mean) * (x[i] - mean);
                        var sd = Math.Sqrt(ss / (rows.Length - 1));
                        if (!(sd > 0)) { ConstantFound(Constant()); break; }
                        var zmin = double.PositiveInfinity;
                        foreach (var i in rows)
                        {
                            var v = (x[i] - mean) / sd;
                            if (cost) v = -v;
                            y[i] = v;
                            if (v < zmin) zmin = v;
                        }
                        var shift = options.ZScoreShift ?? -zmin;
                        foreach (var i in rows) y[i] += shift;
                        break;
                    }
                    case Normalization.Ratio:
                    {
                        if (cost) foreach (var i in rows) y[i] = min / x[i];
                        else if (!(max > 0)) { ConstantFound($"all values are 0 over {label(g)}: x/max is undefined"); break; }
                        else foreach (var i in rows) y[i] = x[i] / max;
                        break;
                    }
                    default:
                    {
                        var ss = 0.0;
                        foreach (var i in rows)
                        {
                            var v = !cost ? x[i] : options.VectorCost == VectorCostTransform.MaxMinus ? max - x[i] : 1 / x[i];
                            y[i] = v;
                            ss += v * v;
                        }
                        if (!(ss > 0)) { ConstantFound(Constant()); break; }
                        var norm = Math.Sqrt(ss);
                        foreach (var i in rows) y[i] /= norm;
                        break;
                    }
                }
            }
            if (drop[j])
            {
                Array.Clear(y);
                z[j] = y;
                continue;
            }
            switch (options.Zero.Kind)
            {
                case ZeroKind.Shift:
                    for (var i = 0; i < n; i++) y[i] += options.Zero.A;
                    break;
                case ZeroKind.Rescale:
                    var a = options.Zero.A;
                    var span = options.Zero.B - options.Zero.A;
                    for (var i = 0; i < n; i++) y[i] = a + span * y[i];
                    break;
            }
            z[j] = y;
        }
        if (issues.Count > 0) throw new DataValidationException(issues);
        if (Array.TrueForAll(drop, d => d))
            throw new DataValidationException(new DataIssue(panel.Source, null, null, "every indicator is constant; there is nothing to aggregate"));
        return z;
    }

    /// <summary>Weights over the given rows (null = all), flat or level by level.</summary>
    private static double[] WeightsFor(IndexModel model, double[][] z, bool[] dropped, int[]? rows, IndexOptions options, WeightDiagnostics diag, Panel panel, string label)
    {
        var m = z.Length;
        double[] Column(double[] full)
        {
            if (rows is null) return full;
            var c = new double[rows.Length];
            for (var r = 0; r < rows.Length; r++) c[r] = full[rows[r]];
            return c;
        }
        var sourceRows = rows is null ? panel.SourceRows : rows.Select(r => panel.SourceRows[r]).ToArray();
        var cols = new double[m][];
        for (var j = 0; j < m; j++) cols[j] = Column(z[j]);
        var names = model.Columns;
        if (options.WeightLevel == WeightLevel.Leaves)
        {
            var active = new List<int>();
            for (var j = 0; j < m; j++) if (!dropped[j]) active.Add(j);
            var sub = Weighting.Compute(options.Weights, new WeightInput(active.Select(j => cols[j]).ToArray(), active.Select(j => names[j]).ToArray(),
                label, panel.Source, sourceRows), options, diag);
            var full = new double[m];
            for (var k = 0; k < active.Count; k++) full[active[k]] = sub[k];
            return full;
        }

        (double[] Score, double[] Within)? Recurse(IndexGroup g)
        {
            var memberCols = new List<double[]>();
            var memberNames = new List<string>();
            var memberWithin = new List<double[]>();
            foreach (var j in g.Indicators)
            {
                if (dropped[j]) continue;
                memberCols.Add(cols[j]);
                memberNames.Add(names[j]);
                var unit = new double[m];
                unit[j] = 1;
                memberWithin.Add(unit);
            }
            foreach (var c in g.Children)
            {
                if (Recurse(c) is not var (s, w)) continue;
                memberCols.Add(s);
                memberNames.Add(c.Id);
                memberWithin.Add(w);
            }
            if (memberCols.Count == 0) return null;
            var groupLabel = (g.Path.Length == 0 ? "top level" : "node " + g.Path) + ", " + label;
            var u = Weighting.Compute(options.Weights, new WeightInput(memberCols.ToArray(), memberNames.ToArray(), groupLabel, panel.Source, sourceRows), options, diag);
            var within = new double[m];
            var n = memberCols[0].Length;
            var score = new double[n];
            for (var k = 0; k < u.Length; k++)
            {
                var mc = memberCols[k];
                for (var i = 0; i < n; i++) score[i] += u[k] * mc[i];
                var mw = memberWithin[k];
                for (var j = 0; j < m; j++) within[j] += u[k] * mw[j];
            }
            return (score, within);
        }
        return Recurse(model.Root)!.Value.Within;
    }

    private static (double[], double[][]) Linear(double[][] z, double[][] rowWeights, int[][] nodeSets)
    {
        var n = rowWeights.Length;
        var m = z.Length;
        var scores = new double[n];
        var nodes = new double[nodeSets.Length][];
        for (var i = 0; i < n; i++)
        {
            var w = rowWeights[i];
            var s = 0.0;
            for (var j = 0; j < m; j++) s += w[j] * z[j][i];
            scores[i] = s;
        }
        for (var k = 0; k < nodeSets.Length; k++)
        {
            var set = nodeSets[k];
            var ns = new double[n];
            for (var i = 0; i < n; i++)
            {
                var w = rowWeights[i];
                var s = 0.0;
                foreach (var j in set) s += w[j] * z[j][i];
                ns[i] = s;
            }
            nodes[k] = ns;
        }
        return (scores, nodes);
    }

    /// <summary>Lower and upper theoretical bound of x' for <see cref="IdealScope.Theoretical"/>, or null when not asked.</summary>
    private static (double Lower, double Upper)? TheoreticalBounds(IndexOptions options)
    {
        if (options.Ideal != IdealScope.Theoretical) return null;
        if (options.Normalization is not (Normalization.MinMax or Normalization.Ratio))
            throw new SpecificationException("--ideal theoretical needs bounded standardised values: use --normalize minmax or ratio");
        double lo = 0, hi = 1;
        switch (options.Zero.Kind)
        {
            case ZeroKind.Shift: lo += options.Zero.A; hi += options.Zero.A; break;
            case ZeroKind.Rescale: lo = options.Zero.A; hi = options.Zero.B; break;
        }
        return (lo, hi);
    }

    /// <summary>p_ij = x'_ij / Σ_i x'_ij within each group of rows (the rows of the weighting).</summary>
    private static double[][] Shares(double[][] z, int[][] groups, bool[] dropped)
    {
        var p = new double[z.Length][];
        for (var j = 0; j < z.Length; j++)
        {
            var col = z[j];
            var pj = new double[col.Length];
            if (dropped[j]) { p[j] = pj; continue; }
            foreach (var rows in groups)
            {
                var sum = 0.0;
                foreach (var i in rows) sum += col[i];
                if (!(sum > 0)) throw new SingularMatrixException($"weighted shares: indicator {j + 1} sums to 0 over a group of rows; p = x'/Σx' is undefined");
                foreach (var i in rows) pj[i] = col[i] / sum;
            }
            p[j] = pj;
        }
        return p;
    }

    /// <summary>
    /// TOPSIS: weighted values v = w·x' with ideals V⁺ = max, V⁻ = min over the ideal group (or w·bounds), or the
    /// weights inside the root D = √Σ w (x' − x'*)²; closeness C = D⁻/(D⁺ + D⁻).
    /// </summary>
    private static (double[], double[][]) Topsis(double[][] z, double[][] rowWeights, int[][] nodeSets, int[][] idealGroups, Panel panel,
        TopsisDistance distance, (double Lower, double Upper)? bounds, bool[] inactiveNodes)
    {
        var n = rowWeights.Length;
        var m = z.Length;
        var inside = distance == TopsisDistance.WeightsInsideRoot;
        var scores = new double[n];
        var nodes = new double[nodeSets.Length][];
        for (var k = 0; k < nodes.Length; k++) nodes[k] = new double[n];
        var smax = new double[m];
        var smin = new double[m];
        var dp = new double[m];
        var dm = new double[m];
        foreach (var rows in idealGroups)
        {
            if (bounds is null)
            {
                Array.Fill(smax, double.NegativeInfinity);
                Array.Fill(smin, double.PositiveInfinity);
                foreach (var i in rows)
                {
                    var w = rowWeights[i];
                    for (var j = 0; j < m; j++)
                    {
                        var v = inside ? z[j][i] : w[j] * z[j][i];
                        if (v > smax[j]) smax[j] = v;
                        if (v < smin[j]) smin[j] = v;
                    }
                }
            }
            foreach (var i in rows)
            {
                var w = rowWeights[i];
                double sp = 0, sm = 0;
                for (var j = 0; j < m; j++)
                {
                    var v = inside ? z[j][i] : w[j] * z[j][i];
                    double hi, lo;
                    if (bounds is { } b) { hi = inside ? b.Upper : w[j] * b.Upper; lo = inside ? b.Lower : w[j] * b.Lower; }
                    else { hi = smax[j]; lo = smin[j]; }
                    var f = inside ? w[j] : 1.0;
                    dp[j] = f * (v - hi) * (v - hi);
                    dm[j] = f * (v - lo) * (v - lo);
                    sp += dp[j];
                    sm += dm[j];
                }
                scores[i] = Closeness(sp, sm, i, "the index", panel);
                for (var k = 0; k < nodeSets.Length; k++)
                {
                    if (inactiveNodes[k]) continue;
                    double np = 0, nm = 0;
                    foreach (var j in nodeSets[k]) { np += dp[j]; nm += dm[j]; }
                    nodes[k][i] = Closeness(np, nm, i, "a node", panel);
                }
            }
        }
        return (scores, nodes);
    }

    private static double Closeness(double sumPlus, double sumMinus, int row, string what, Panel panel)
    {
        var dPlus = Math.Sqrt(sumPlus);
        var dMinus = Math.Sqrt(sumMinus);
        var total = dPlus + dMinus;
        if (!(total > 0))
            throw new SingularMatrixException($"TOPSIS: row {panel.SourceRows[row]} of {panel.Source} is at both ideal points of {what} (all weighted values equal, e.g. a period with a single entity under --ideal period); closeness is undefined (try --ideal pooled)");
        return dMinus / total;
    }

    /// <summary>Grey relational grade: ξ_ij = (Δmin + ρΔmax)/(Δ_ij + ρΔmax), Δ_ij = |max_i x'_ij − x'_ij| over the ideal group; score Σ_j w_j ξ_ij.</summary>
    private static (double[], double[][]) Gra(double[][] z, double[][] rowWeights, int[][] nodeSets, int[][] idealGroups, double rho,
        (double Lower, double Upper)? bounds, bool[] dropped)
    {
        var n = rowWeights.Length;
        var m = z.Length;
        var scores = new double[n];
        var nodes = new double[nodeSets.Length][];
        for (var k = 0; k < nodes.Length; k++) nodes[k] = new double[n];
        var best = new double[m];
        var xi = new double[m];
        foreach (var rows in idealGroups)
        {
            Array.Fill(best, bounds?.Upper ?? double.NegativeInfinity);
            if (bounds is null)
                foreach (var i in rows)
                    for (var j = 0; j < m; j++)
                        if (z[j][i] > best[j]) best[j] = z[j][i];
            var dmin = double.PositiveInfinity;
            var dmax = 0.0;
            foreach (var i in rows)
                for (var j = 0; j < m; j++)
                {
                    if (dropped[j]) continue;
                    var d = best[j] - z[j][i];
                    if (d < dmin) dmin = d;
                    if (d > dmax) dmax = d;
                }
            if (!(dmax > 0)) throw new SingularMatrixException("grey relational analysis: every value equals the reference sequence (Δmax = 0), e.g. a period with a single entity under --ideal period; try --ideal pooled");
            foreach (var i in rows)
            {
                var w = rowWeights[i];
                var s = 0.0;
                for (var j = 0; j < m; j++)
                {
                    xi[j] = dropped[j] ? 0 : (dmin + rho * dmax) / (best[j] - z[j][i] + rho * dmax);
                    s += w[j] * xi[j];
                }
                scores[i] = s;
                for (var k = 0; k < nodeSets.Length; k++)
                {
                    var ns = 0.0;
                    foreach (var j in nodeSets[k]) ns += w[j] * xi[j];
                    nodes[k][i] = ns;
                }
            }
        }
        return (scores, nodes);
    }

    private static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
