namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// Malmquist-family productivity indices over a unit × period panel (domain.md §4.5).
/// </summary>
/// <remarks>
/// <para>With E^s(r) the efficiency-scale distance (<see cref="DistanceScale"/>) of the period-r observation against
/// the period-s technology, the contemporaneous / sequential ratio index (Färe, Grosskopf, Norris &amp; Zhang 1994;
/// on DDFs the Malmquist-Luenberger index of Chung, Färe &amp; Grosskopf 1997) is</para>
/// <code>
/// tfpch  = [ E^t(t+1)/E^t(t) · E^{t+1}(t+1)/E^{t+1}(t) ]^{1/2}
/// effch  = E^{t+1}(t+1) / E^t(t)
/// techch = [ E^t(t+1)/E^{t+1}(t+1) · E^t(t)/E^{t+1}(t) ]^{1/2}          (tfpch = effch × techch)
/// pech   = E_VRS^{t+1}(t+1) / E_VRS^t(t),   sech = effch / pech          (FGNZ, VRS only)
/// </code>
/// <para>The global index (Pastor &amp; Lovell 2005; GML of Oh 2010 on DDFs) is tfpch = E^G(t+1)/E^G(t) with the same
/// contemporaneous effch and techch = tfpch/effch (best-practice gap change). The sequential technology of period t is
/// spanned by all observations of periods ≤ t (Shestalova 2003).</para>
/// <para>The Luenberger indicator (Chambers, Färe &amp; Grosskopf 1996) uses the inefficiency scale D:
/// L = ½[(D^{t+1}(t) − D^{t+1}(t+1)) + (D^t(t) − D^t(t+1))], LEC = D^t(t) − D^{t+1}(t+1), LTC = L − LEC; global:
/// L = D^G(t) − D^G(t+1).</para>
/// <para>Cumulative indices chain the annual values per unit from its first period (base 1 for ratios, 0 for
/// Luenberger); a missing link leaves the rest of that unit's chain empty.</para>
/// </remarks>
public static class MalmquistIndex
{
    /// <summary>Computes the index on the DEA engine's distance functions (<see cref="DeaDistanceFunction"/>).</summary>
    public static MalmquistResult Compute(ProductivityData data, MalmquistOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Compute(data, options, ProductivityDistances.Create(options));
    }

    /// <summary>Computes the index with the given distance function (which fixes the model and orientation).</summary>
    public static MalmquistResult Compute(ProductivityData data, MalmquistOptions options, IDistanceFunction distance)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(distance);
        Check(options, distance, data);
        data.Validate(options.Model);

        var warnings = new List<MalmquistWarning>();
        if (!data.IsBalanced)
        {
            var missing = data.MissingCells();
            var sample = string.Join(", ", missing.Take(5).Select(c => $"{c.Entity}@{c.Period}"));
            switch (options.Unbalanced)
            {
                case UnbalancedPanelPolicy.Error:
                    throw new DataValidationException(missing.Take(50).Select(c =>
                        new DataIssue(data.Source, null, null, $"unit '{c.Entity}' has no observation in period {c.Period} (unbalanced panel)")).ToArray());
                case UnbalancedPanelPolicy.DropIncompleteUnits:
                    var before = data.Entities.Length;
                    data = data.WithCompleteUnitsOnly();
                    warnings.Add(new(MalmquistWarningCode.DroppedIncompleteUnits,
                        $"{before - data.Entities.Length} of {before} units are not observed in every period and were dropped (missing cells: {sample}{(missing.Count > 5 ? ", ..." : "")})."));
                    if (data.Entities.Length == 0)
                        throw new DataValidationException(new DataIssue(data.Source, null, null, "no unit is observed in every period"));
                    break;
                default:
                    warnings.Add(new(MalmquistWarningCode.UnbalancedPanel,
                        $"{missing.Count} (unit, period) cells are not observed ({sample}{(missing.Count > 5 ? ", ..." : "")}); each period's technology uses the units observed in it, and pairs with a missing period have status not-observed."));
                    break;
            }
        }
        if (data.Periods.Length < 2)
            throw new DataValidationException(new DataIssue(data.Source, null, null,
                $"a productivity index needs at least two periods; the data have {data.Periods.Length}"));

        var variables = data.InputCount + data.OutputCount + data.BadOutputCount;
        var smallest = Enumerable.Range(0, data.Periods.Length).Min(p => data.ObservationsInPeriod(p).Length);
        if (smallest < 3 * variables)
            warnings.Add(new(MalmquistWarningCode.FewUnitsPerPeriod,
                $"a period has only {smallest} units for {variables} variables (rule of thumb: at least 3 × variables = {3 * variables}); many units will be on the frontier."));

        var plan = new Plan(data, options);
        var solved = plan.Evaluate(distance, options.MaxDegreeOfParallelism);
        var rows = BuildRows(data, options, distance, plan, warnings);

        var infeasible = rows.Count(r => r.Status == MalmquistStatus.Infeasible);
        if (infeasible > 0)
            warnings.Add(new(MalmquistWarningCode.InfeasibleDistances,
                $"{infeasible} rows have an infeasible distance program (e.g. cross-period {(options.Model == DistanceModel.Ddf ? "DDF" : "VRS")} LPs); their affected values are empty." +
                (options.Technology != TechnologyType.Global ? " The global technology (--technology global) is always feasible." : "")));
        var unsolved = rows.Count(r => r.Status is MalmquistStatus.Unbounded or MalmquistStatus.Failed);
        if (unsolved > 0)
            warnings.Add(new(MalmquistWarningCode.UnsolvedDistances,
                $"{unsolved} rows have an unbounded or failed distance program; their affected values are empty."));

        return new MalmquistResult
        {
            Rows = rows,
            Options = options,
            Warnings = warnings,
            DistanceProgramCount = solved,
            UnitCount = data.Entities.Length,
            Periods = data.Periods,
        };
    }

    private static void Check(MalmquistOptions o, IDistanceFunction d, ProductivityData data)
    {
        if (d.Model != o.Model)
            throw new ArgumentException($"The distance function computes {d.Model}, the options ask for {o.Model}.", nameof(d));
        if (o.Index == ProductivityIndexKind.Luenberger && o.Model == DistanceModel.Sbm)
            throw new SpecificationException("The Luenberger indicator is defined on directional distances: use --model ddf or radial, or --index malmquist with SBM.");
        if (data.BadOutputCount > 0 && o.Model == DistanceModel.Radial)
            throw new SpecificationException("Bad outputs (--bad) need --model ddf (Malmquist-Luenberger / GML / Luenberger) or --model sbm.");
        if (o.Index == ProductivityIndexKind.Luenberger && o.UsesVrsTechnicalChange)
            throw new SpecificationException("The Ray-Desli and generalised decompositions are defined for the ratio (Malmquist) form only.");
        if (o.VrsDefinition == VrsDefinition.Generalized && o.Technology == TechnologyType.Global && o.Scale == ScaleAssumption.Variable)
            throw new SpecificationException("The generalised decomposition is available for contemporaneous and sequential technologies.");
        if (o.BiasedTechnicalChange && (o.Index == ProductivityIndexKind.Luenberger || o.Technology == TechnologyType.Global || o.UsesVrsTechnicalChange))
            throw new SpecificationException("The biased technical change split needs the ratio form, the FGNZ decomposition and a contemporaneous or sequential technology.");
        if (o.Model == DistanceModel.Radial && o.Orientation == DistanceOrientation.None)
            throw new SpecificationException("The radial model needs --orientation input or output.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Which distances are needed: (technology, scale, point) triples grouped by (technology, scale).

    private sealed class Plan
    {
        private readonly ProductivityData _data;
        private readonly Dictionary<(int Tech, ScaleAssumption Scale), List<EvaluationPoint>> _groups = new();
        private readonly Dictionary<(int Tech, ScaleAssumption Scale, EvaluationPoint Point), int> _slot = new();
        private readonly List<DistanceValue> _values = [];
        private readonly Dictionary<(int Tech, ScaleAssumption Scale), DistanceValue[]> _results = new();

        public Plan(ProductivityData data, MalmquistOptions o)
        {
            _data = data;
            Technology = o.Technology;
            var T = data.Periods.Length;
            Global = T;
            var idx = o.IndexScale;
            for (var p = 0; p < T; p++)
            {
                foreach (var obs in data.ObservationsInPeriod(p))
                {
                    var e = data.ObservationEntity[obs];
                    var prev = p > 0 ? data.Observation(e, p - 1) : -1;
                    var next = p + 1 < T ? data.Observation(e, p + 1) : -1;
                    if (prev < 0 && next < 0) continue; // no pair uses this observation
                    var pt = EvaluationPoint.Of(obs);
                    // Own-period distances: contemporaneous (or sequential) technology of its own period.
                    Add(OwnTech(o, p), idx, pt);
                    if (o.SplitsEfficiencyChange) Add(OwnTech(o, p), ScaleAssumption.Variable, pt);
                    if (o.Technology == TechnologyType.Global)
                    {
                        Add(Global, idx, pt);
                        if (o.UsesVrsTechnicalChange) Add(Global, ScaleAssumption.Variable, pt);
                    }
                    else
                    {
                        // Cross-period: against the previous and the next period's technology.
                        if (prev >= 0) Add(p - 1, idx, pt);
                        if (next >= 0) Add(p + 1, idx, pt);
                    }
                    if (prev >= 0 && o.UsesVrsTechnicalChange)
                    {
                        // Ray-Desli / generalised: the period-(t+1) observation against the period-t technology.
                        Add(p - 1, ScaleAssumption.Constant, pt);
                        Add(p - 1, ScaleAssumption.Variable, pt);
                    }
                    if (prev >= 0 && (o.BiasedTechnicalChange || (o.UsesVrsTechnicalChange && o.VrsDefinition == VrsDefinition.Generalized)))
                    {
                        // Mixed point (x^{t+1}, y^t), as deaR's "gl" and "bias": against the period-t technology
                        // (generalised scale change, CRS and VRS) and the period-(t+1) technology (bias).
                        var mixed = new EvaluationPoint(obs, prev);
                        if (o.BiasedTechnicalChange) { Add(p - 1, idx, mixed); Add(p, idx, mixed); }
                        if (o.UsesVrsTechnicalChange && o.VrsDefinition == VrsDefinition.Generalized)
                        {
                            Add(p - 1, ScaleAssumption.Constant, mixed);
                            Add(p - 1, ScaleAssumption.Variable, mixed);
                        }
                    }
                }
            }
        }

        /// <summary>Technology key of the global technology.</summary>
        public int Global { get; }

        private static int OwnTech(MalmquistOptions o, int p) => p; // contemporaneous and sequential keys are periods

        private void Add(int tech, ScaleAssumption scale, EvaluationPoint pt)
        {
            if (_slot.ContainsKey((tech, scale, pt))) return;
            if (!_groups.TryGetValue((tech, scale), out var list)) _groups[(tech, scale)] = list = [];
            _slot[(tech, scale, pt)] = list.Count;
            list.Add(pt);
        }

        public int Evaluate(IDistanceFunction distance, int parallelism)
        {
            var keys = _groups.Keys.OrderBy(k => k.Tech).ThenBy(k => k.Scale).ToArray();
            var sequential = Technology == TechnologyType.Sequential;
            foreach (var k in keys) _results[k] = new DistanceValue[_groups[k].Count];
            try
            {
                Parallel.ForEach(keys, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, k =>
                {
                    var reference = Reference(k.Tech, sequential);
                    distance.Evaluate(_data, reference, k.Scale, _groups[k].ToArray(), _results[k]);
                });
            }
            catch (AggregateException e) when (e.Flatten().InnerExceptions.FirstOrDefault(x => x is XinzhiException) is { } inner)
            {
                // Surface a typed error (data / numerical) rather than a wrapper the CLI would call internal.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
                throw;
            }
            return _groups.Values.Sum(g => g.Count);
        }

        public TechnologyType Technology { get; }

        private int[] Reference(int tech, bool sequential)
        {
            if (tech == Global) return Enumerable.Range(0, _data.ObservationCount).ToArray();
            if (!sequential) return _data.ObservationsInPeriod(tech).ToArray();
            var list = new List<int>();
            for (var p = 0; p <= tech; p++) list.AddRange(_data.ObservationsInPeriod(p).ToArray());
            return list.ToArray();
        }

        public DistanceValue Get(int tech, ScaleAssumption scale, int obs) => Get(tech, scale, EvaluationPoint.Of(obs));

        public DistanceValue Get(int tech, ScaleAssumption scale, EvaluationPoint pt) =>
            _slot.TryGetValue((tech, scale, pt), out var s) ? _results[(tech, scale)][s] : throw new InvalidOperationException(
                $"internal: distance ({tech}, {scale}, {pt}) was not planned");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<MalmquistRow> BuildRows(ProductivityData data, MalmquistOptions o, IDistanceFunction f, Plan plan,
        List<MalmquistWarning> warnings)
    {
        var rows = new List<MalmquistRow>(data.Entities.Length * (data.Periods.Length - 1));
        var additive = o.Index == ProductivityIndexKind.Luenberger;
        var global = o.Technology == TechnologyType.Global;
        var idx = o.IndexScale;
        var broken = 0;
        double Scale(DistanceValue v) => additive
            ? DistanceScale.ToInefficiency(f.Model, f.Orientation, v.Value)
            : DistanceScale.ToEfficiency(f.Model, f.Orientation, v.Value);

        for (var e = 0; e < data.Entities.Length; e++)
        {
            double cumT = additive ? 0 : 1, cumE = cumT, cumTc = cumT;
            var started = false;
            var chainBroken = false;
            for (var p = 0; p + 1 < data.Periods.Length; p++)
            {
                var o0 = data.Observation(e, p);
                var o1 = data.Observation(e, p + 1);
                if (o0 < 0 || o1 < 0)
                {
                    if (started) chainBroken = true;
                    if (o0 < 0 && o1 < 0) continue; // absent in both periods: no row
                    rows.Add(new MalmquistRow(data.Entities[e], data.Periods[p], data.Periods[p + 1],
                        double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, MalmquistStatus.NotObserved,
                        double.NaN, double.NaN, double.NaN, MalmquistDistances.Empty));
                    continue;
                }
                started = true;
                var worst = DistanceStatus.Optimal;
                double Use(DistanceValue v)
                {
                    if (!v.IsOptimal && Severity(v.Status) > Severity(worst)) worst = v.Status;
                    return v.IsOptimal ? Scale(v) : double.NaN;
                }

                var ff = Use(plan.Get(p, idx, o0));
                var tt = Use(plan.Get(p + 1, idx, o1));
                double ft = double.NaN, tf = double.NaN, gf = double.NaN, gt = double.NaN;
                double tfp, eff, tech;
                if (global)
                {
                    gf = Use(plan.Get(plan.Global, idx, o0));
                    gt = Use(plan.Get(plan.Global, idx, o1));
                    if (additive) { tfp = gf - gt; eff = ff - tt; tech = tfp - eff; }
                    else { tfp = gt / gf; eff = tt / ff; tech = tfp / eff; }
                }
                else
                {
                    ft = Use(plan.Get(p, idx, o1));
                    tf = Use(plan.Get(p + 1, idx, o0));
                    if (additive)
                    {
                        tfp = 0.5 * ((tf - tt) + (ff - ft));
                        eff = ff - tt;
                        tech = 0.5 * ((tf - ff) + (tt - ft));
                    }
                    else
                    {
                        tfp = Math.Sqrt(ft / ff * (tt / tf));
                        eff = tt / ff;
                        tech = Math.Sqrt(ft / tt * (ff / tf));
                    }
                }

                double pech = double.NaN, sech = double.NaN, vf = double.NaN, vt = double.NaN;
                if (o.SplitsEfficiencyChange)
                {
                    vf = Use(plan.Get(p, ScaleAssumption.Variable, o0));
                    vt = Use(plan.Get(p + 1, ScaleAssumption.Variable, o1));
                    if (additive) { pech = vf - vt; sech = eff - pech; }
                    else
                    {
                        pech = vt / vf;
                        sech = eff / pech;
                        if (o.UsesVrsTechnicalChange)
                        {
                            // Scale change of Ray-Desli (as deaR): [E_v^t(t)/E_c^t(t)] / [E_v^t(t+1)/E_c^t(t+1)];
                            // generalised: the same with the mixed point (x^{t+1}, y^t) in the denominator.
                            var cFwd = Use(plan.Get(p, ScaleAssumption.Constant, o1));
                            var vFwd = Use(plan.Get(p, ScaleAssumption.Variable, o1));
                            var cOwn = Use(plan.Get(p, ScaleAssumption.Constant, o0));
                            if (o.VrsDefinition == VrsDefinition.Generalized)
                            {
                                var mixed = new EvaluationPoint(o1, o0);
                                var cMix = Use(plan.Get(p, ScaleAssumption.Constant, mixed));
                                var vMix = Use(plan.Get(p, ScaleAssumption.Variable, mixed));
                                sech = vf / cOwn / (vMix / cMix);
                            }
                            else sech = vf / cOwn / (vFwd / cFwd);
                            if (global)
                            {
                                var gvf = Use(plan.Get(plan.Global, ScaleAssumption.Variable, o0));
                                var gvt = Use(plan.Get(plan.Global, ScaleAssumption.Variable, o1));
                                tech = gvt * vf / (vt * gvf);
                            }
                            else tech = vFwd / vt;
                            eff = pech * sech;
                            tfp = tech * eff;
                        }
                    }
                }
                else if (o.Scale == ScaleAssumption.Variable)
                {
                    // VRS-technology index: the efficiency change is pure technical efficiency change; scale change is not identified.
                    pech = eff;
                }

                double obtech = double.NaN, ibtech = double.NaN, matech = double.NaN;
                if (o.BiasedTechnicalChange)
                {
                    // Färe, Grifell-Tatjé, Grosskopf & Lovell (1997) with deaR's mixed point (x^{t+1}, y^t):
                    // obtech = [E^t(t+1) E^{t+1}(x1,y0) / (E^{t+1}(t+1) E^t(x1,y0))]^{1/2},
                    // ibtech = [E^{t+1}(t) E^t(x1,y0) / (E^t(t) E^{t+1}(x1,y0))]^{1/2}, matech = E^t(t)/E^{t+1}(t).
                    var mixed = new EvaluationPoint(o1, o0);
                    var m0 = Use(plan.Get(p, idx, mixed));
                    var m1 = Use(plan.Get(p + 1, idx, mixed));
                    obtech = Math.Sqrt(ft * m1 / (tt * m0));
                    ibtech = Math.Sqrt(tf * m0 / (ff * m1));
                    matech = ff / tf;
                }

                if (o.ReportsReciprocals)
                {
                    // Benchmarking parity (oracles.md C1): the same index read with φ, i.e. reciprocals.
                    tfp = 1 / tfp; eff = 1 / eff; tech = 1 / tech; pech = 1 / pech; sech = 1 / sech;
                    obtech = 1 / obtech; ibtech = 1 / ibtech; matech = 1 / matech;
                }

                var status = worst switch
                {
                    DistanceStatus.Optimal => MalmquistStatus.Ok,
                    DistanceStatus.Infeasible => MalmquistStatus.Infeasible,
                    DistanceStatus.Unbounded => MalmquistStatus.Unbounded,
                    _ => MalmquistStatus.Failed,
                };
                // Values built from NaN stay NaN; a finite value never hides an unsolved program.
                if (!double.IsFinite(tfp) || !double.IsFinite(eff) || !double.IsFinite(tech)) chainBroken = true;
                if (chainBroken)
                {
                    cumT = cumE = cumTc = double.NaN;
                }
                else if (additive) { cumT += tfp; cumE += eff; cumTc += tech; }
                else { cumT *= tfp; cumE *= eff; cumTc *= tech; }
                rows.Add(new MalmquistRow(data.Entities[e], data.Periods[p], data.Periods[p + 1],
                    Finite(tfp), Finite(eff), Finite(tech), Finite(pech), Finite(sech), status,
                    cumT, cumE, cumTc, new MalmquistDistances(ff, ft, tf, tt, gf, gt, vf, vt),
                    Finite(obtech), Finite(ibtech), Finite(matech)));
            }
            if (chainBroken) broken++;
        }
        if (broken > 0)
            warnings.Add(new(MalmquistWarningCode.BrokenChain,
                $"{broken} units have a missing link in their chain; their cumulative values after it are empty (no restart at 1)."));
        return rows;
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : double.NaN;

    private static int Severity(DistanceStatus s) => s switch
    {
        DistanceStatus.Optimal => 0,
        DistanceStatus.Infeasible => 1,
        DistanceStatus.Unbounded => 2,
        _ => 3,
    };
}
