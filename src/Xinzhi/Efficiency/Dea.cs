using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Efficiency;

/// <summary>
/// Runs a DEA model for every unit of a data set against the units themselves (their own frontier): radial
/// CCR/BCC/NIRS/NDRS (Charnes, Cooper and Rhodes 1978; Banker, Charnes and Cooper 1984), FDH, two-phase slacks,
/// Andersen-Petersen super-efficiency, SBM and super-SBM (Tone 2001, 2002), SBM with undesirable outputs (Tone 2003),
/// directional distance functions with weakly disposable bads (Chung, Färe and Grosskopf 1997), and the additive
/// model. Large sets are screened to their frame first (<see cref="DeaReferenceSet.PrepareFrontier"/>), then solved
/// in parallel; results never depend on either.
/// </summary>
public static class Dea
{
    /// <summary>Validates <paramref name="data"/> for <paramref name="options"/> (throws
    /// <see cref="DataValidationException"/> listing every problem) and returns the warnings.</summary>
    public static List<DeaWarning> Validate(DeaData data, DeaOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        var issues = new List<DataIssue>();
        var warnings = new List<DeaWarning>();
        int n = data.UnitCount, m = data.InputCount, s = data.OutputCount, q = data.BadOutputCount;
        if (n == 0) throw new DataValidationException(new DataIssue(data.Source, null, null, "no units to evaluate"));
        if (m == 0) throw new SpecificationException("DEA needs at least one input.");
        if (s == 0 && q == 0) throw new SpecificationException("DEA needs at least one output.");
        int? Row(int j) => data.SourceRows is { } r ? r[j] : j + 1;

        void Check(double[,]? a, IReadOnlyList<string> names)
        {
            if (a is null) return;
            for (var j = 0; j < n; j++)
                for (var c = 0; c < a.GetLength(1); c++)
                {
                    var v = a[j, c];
                    if (double.IsNaN(v)) issues.Add(new DataIssue(data.Source, Row(j), names[c], "missing value; DEA cannot evaluate a unit with missing data (fill or drop it explicitly)"));
                    else if (double.IsInfinity(v)) issues.Add(new DataIssue(data.Source, Row(j), names[c], "infinite value"));
                    else if (v < 0) issues.Add(new DataIssue(data.Source, Row(j), names[c], $"negative value {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}; DEA models here need non-negative data"));
                }
        }
        Check(data.Inputs, data.InputNames);
        Check(data.Outputs, data.OutputNames);
        Check(data.BadOutputs, data.BadOutputNames);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < n; j++)
        {
            if (seen.TryGetValue(data.Ids[j], out var first))
                issues.Add(new DataIssue(data.Source, Row(j), null, $"duplicate id '{data.Ids[j]}' (first at row {Row(first)})"));
            else seen[data.Ids[j]] = j;
        }
        if (issues.Count > 0) throw new DataValidationException(issues);

        var radialOutput = options.Model is DeaModelKind.Radial or DeaModelKind.FreeDisposalHull && options.Orientation == DeaOrientation.Output;
        var sbm = options.Model == DeaModelKind.Sbm;
        var zeroTerms = 0;
        for (var j = 0; j < n; j++)
        {
            var anyInput = false;
            for (var i = 0; i < m; i++)
            {
                if (data.Inputs[j, i] > 0) anyInput = true;
                else if (sbm) zeroTerms++;
            }
            if (!anyInput) issues.Add(new DataIssue(data.Source, Row(j), null, "all inputs are zero; the unit cannot be evaluated"));
            var anyOutput = false;
            for (var r = 0; r < s; r++)
            {
                if (data.Outputs[j, r] > 0) anyOutput = true;
                else if (sbm) zeroTerms++;
            }
            if (!anyOutput && s > 0 && (radialOutput || options.Model == DeaModelKind.Radial && options.Orientation == DeaOrientation.Output))
                issues.Add(new DataIssue(data.Source, Row(j), null, "all outputs are zero; output-oriented efficiency is undefined"));
            for (var b = 0; b < q; b++) if (sbm && data.BadOutputs![j, b] <= 0) zeroTerms++;
        }
        if (issues.Count > 0) throw new DataValidationException(issues);
        if (zeroTerms > 0)
            warnings.Add(new DeaWarning(DeaWarningCode.ZeroDataInSbm, $"{zeroTerms} zero data value(s): their terms are dropped from the SBM ratio and the divisor reduced (domain.md T12)."));

        // Constant variables and all-equal data.
        var constant = new List<string>();
        void Constant(double[,]? a, IReadOnlyList<string> names)
        {
            if (a is null) return;
            for (var c = 0; c < a.GetLength(1); c++)
            {
                var same = true;
                for (var j = 1; j < n && same; j++) same = a[j, c] == a[0, c];
                if (same) constant.Add(names[c]);
            }
        }
        Constant(data.Inputs, data.InputNames);
        Constant(data.Outputs, data.OutputNames);
        Constant(data.BadOutputs, data.BadOutputNames);
        if (n > 1 && constant.Count == m + s + q)
            throw new DataValidationException(new DataIssue(data.Source, null, null,
                $"all {n} units have identical data in every variable ({string.Join(", ", constant)}); DEA cannot discriminate between them"));
        if (n > 1 && constant.Count > 0)
            warnings.Add(new DeaWarning(DeaWarningCode.ConstantVariable, $"constant variable(s) {string.Join(", ", constant)} do not discriminate between units"));
        var rule = Math.Max(3 * (m + s + q), m * (s + q));
        if (n < rule)
            warnings.Add(new DeaWarning(DeaWarningCode.FewUnits, $"{n} units for {m} input(s) and {s + q} output(s): fewer than max(3(m+s), m·s) = {rule}; many units will be efficient (weak discrimination)"));
        return warnings;
    }

    /// <summary>Wall seconds spent on frame identification by the last <see cref="Evaluate"/> (benchmarks print it).</summary>
    internal static double LastScreeningSeconds { get; private set; }

    /// <summary>Evaluates every unit of <paramref name="data"/> against all of them.</summary>
    public static DeaResult Evaluate(DeaData data, DeaOptions? options = null)
    {
        options ??= new DeaOptions();
        var warnings = Validate(data, options);
        if (options.Model == DeaModelKind.Radial && data.BadOutputCount > 0)
            throw new SpecificationException("Radial DEA does not take bad outputs; use the sbm or ddf model (or translate the bad output yourself).");
        RequireSupportedGraph(options);
        var set = new DeaReferenceSet(data.Inputs, data.Outputs, data.BadOutputs);
        var n = data.UnitCount;
        var frontier = n;
        var screen = options.FrontierScreening && n >= options.ScreeningThreshold && data.BadOutputCount == 0
                     && options.Model != DeaModelKind.FreeDisposalHull;
        var screenClock = System.Diagnostics.Stopwatch.StartNew();
        if (screen) frontier = set.PrepareFrontier(options.ReturnsToScale, options.Parallel);
        LastScreeningSeconds = screenClock.Elapsed.TotalSeconds;

        var results = new DeaUnitResult[n];
        // Visit similar units consecutively (same input and output mix) so that each LP can start from the previous
        // unit's optimal basis; contiguous chunks keep that order within a thread. Results do not depend on it.
        var visit = SimilarityOrder(data);
        void Solve(int t) => results[visit[t]] = EvaluateUnit(set, data, visit[t], options);
        // Fixed chunks, each started with no warm-start state: results (including the choice among alternative
        // optimal peers) are the same on any machine and thread schedule.
        const int chunk = 64;
        var chunks = (n + chunk - 1) / chunk;
        void Chunk(int c)
        {
            DeaReferenceSet.ResetWarmStart();
            var end = Math.Min(n, (c + 1) * chunk);
            for (var t = c * chunk; t < end; t++) Solve(t);
        }
        if (options.Parallel && n >= 2 * chunk) Parallel.For(0, chunks, Chunk);
        else for (var c = 0; c < chunks; c++) Chunk(c);

        long iterations = 0;
        int infeasible = 0, failed = 0;
        foreach (var r in results)
        {
            iterations += r.Iterations;
            if (r.Status == DeaStatus.Infeasible) infeasible++;
            else if (r.Status != DeaStatus.Optimal) failed++;
        }
        if (infeasible > 0)
            warnings.Add(new DeaWarning(DeaWarningCode.InfeasiblePrograms, $"{infeasible} unit(s) have an infeasible program; their efficiency is empty with status 'infeasible'"));
        if (failed > 0)
            warnings.Add(new DeaWarning(DeaWarningCode.NumericalFailure, $"{failed} unit(s) could not be solved (unbounded or iteration limit); their efficiency is empty"));
        return new DeaResult(options, results, warnings, frontier, iterations);
    }

    /// <summary>Order of units by mix: output shares, then input shares, each quantised to 1/32.</summary>
    private static int[] SimilarityOrder(DeaData data)
    {
        int n = data.UnitCount, m = data.InputCount, s = data.OutputCount;
        var keys = new double[n];
        var order = new int[n];
        for (var j = 0; j < n; j++)
        {
            order[j] = j;
            double sy = 0, sx = 0;
            for (var r = 0; r < s; r++) sy += data.Outputs[j, r];
            for (var i = 0; i < m; i++) sx += data.Inputs[j, i];
            var key = 0.0;
            for (var r = 0; r < s - 1; r++) key = key * 33 + Math.Floor(32 * (sy > 0 ? data.Outputs[j, r] / sy : 0));
            for (var i = 0; i < m - 1; i++) key = key * 33 + Math.Floor(32 * (sx > 0 ? data.Inputs[j, i] / sx : 0));
            keys[j] = key;
        }
        Array.Sort(keys, order);
        return order;
    }

    private static void RequireSupportedGraph(DeaOptions options)
    {
        if (options.Orientation == DeaOrientation.Graph && (options.Model != DeaModelKind.Radial || options.Slacks))
            throw new SpecificationException("The graph (hyperbolic) orientation is implemented for the radial model without slacks only.");
    }

    /// <summary>Solves the configured model for unit <paramref name="j"/> of the set (its own data).</summary>
    public static DeaUnitResult EvaluateUnit(DeaReferenceSet set, DeaData data, int j, DeaOptions options)
    {
        var x = set.Inputs(j);
        var y = set.Outputs(j);
        var b = set.BadOutputs(j);
        var exclude = options.Super ? j : -1;
        var rts = options.ReturnsToScale;
        DeaPointResult r;
        double efficiency, phi = double.NaN, beta = double.NaN;
        switch (options.Model)
        {
            case DeaModelKind.Radial:
            case DeaModelKind.FreeDisposalHull:
                {
                    var o = options.Orientation == DeaOrientation.Output ? DeaOrientation.Output : DeaOrientation.Input;
                    if (options.Orientation == DeaOrientation.NonOriented)
                        throw new SpecificationException("Radial and FDH models need --orientation input or output.");
                    if (options.Orientation == DeaOrientation.Graph)
                    {
                        RequireSupportedGraph(options);
                        r = set.Graph(x, y, rts, exclude);
                        efficiency = r.Value;
                        break;
                    }
                    r = options.Model == DeaModelKind.Radial
                        ? set.Radial(x, y, rts, o, exclude, options.Slacks)
                        : set.FreeDisposalHull(x, y, o, exclude);
                    if (o == DeaOrientation.Output) { phi = r.Value; efficiency = 1.0 / r.Value; }
                    else efficiency = r.Value;
                    break;
                }
            case DeaModelKind.Sbm:
                {
                    r = set.Sbm(x, y, b, rts, options.Orientation);
                    efficiency = r.Value;
                    if (options.Super && r.IsOptimal && r.Value >= 1.0 - 1e-9)
                    {
                        var sup = set.SuperSbm(x, y, b, rts, options.Orientation, j);
                        efficiency = sup.Value;
                        r = sup with { InputSlacks = r.InputSlacks, OutputSlacks = r.OutputSlacks, BadOutputSlacks = r.BadOutputSlacks, Iterations = r.Iterations + sup.Iterations };
                        if (!sup.IsOptimal) r = DeaPointResult.Failed(sup.Status, sup.Iterations);
                    }
                    else if (options.Super && r.IsOptimal && options.SuperSbmInefficient == SuperSbmInefficientScore.One)
                    {
                        efficiency = 1.0;
                    }
                    break;
                }
            case DeaModelKind.Directional:
                {
                    var gx = data.BadOutputCount > 0 ? new double[x.Length] : x;
                    r = set.Directional(x, y, b, gx, y, b, rts, options.BadOutputDisposability, exclude);
                    beta = r.Value;
                    efficiency = (1.0 - beta) / (1.0 + beta);
                    break;
                }
            case DeaModelKind.Additive:
                {
                    r = set.Additive(x, y, rts, exclude);
                    var scale = 0.0;
                    foreach (var v in x) scale += Math.Abs(v);
                    foreach (var v in y) scale += Math.Abs(v);
                    efficiency = r.Value <= 1e-9 * Math.Max(1.0, scale) ? 1.0 : 0.0;
                    break;
                }
            default:
                throw new SpecificationException($"Unknown DEA model {options.Model}.");
        }
        if (!r.IsOptimal)
            return new DeaUnitResult(j, r.Status, double.NaN, double.NaN, double.NaN, [], [], [], double.NaN, [], [], double.NaN, r.Iterations);
        var slackSum = 0.0;
        foreach (var v in r.InputSlacks) slackSum += v;
        foreach (var v in r.OutputSlacks) slackSum += v;
        foreach (var v in r.BadOutputSlacks) slackSum += v;
        return new DeaUnitResult(j, DeaStatus.Optimal, efficiency, phi, beta, r.InputSlacks, r.OutputSlacks, r.BadOutputSlacks,
            slackSum, r.Peers, r.PeerLambdas, r.LambdaSum, r.Iterations);
    }
}
