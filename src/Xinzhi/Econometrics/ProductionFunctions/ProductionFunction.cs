using Xinzhi.Econometrics.Regression;

namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// Firm-level production-function estimators for y = f(free, state[, proxy]) + ω + ε with ω = g(ω₋₁) + ξ
/// (domain.md §4.7): OLS, fixed effects, Olley-Pakes (1996, Econometrica 64:1263) with optional exit correction,
/// Levinsohn-Petrin (2003, REStud 70:317), Ackerberg-Caves-Frazer (2015, Econometrica 83:2411), Wooldridge (2009,
/// Economics Letters 104:112) as stacked 2SLS, and the Robinson-Wooldridge IV. The implementation follows R prodest
/// 1.0.1 so that its estimates reproduce (oracles.md §2.5); docs/econometrics-prodfn.md lists every choice.
/// Standard errors of the two-step estimators come from a block bootstrap over firms with a deterministic generator.
/// </summary>
public static class ProductionFunction
{
    /// <summary>Estimates the production function described by <paramref name="spec"/>.</summary>
    public static ProductionFunctionResult Fit(ProductionFunctionSpec spec, ProductionFunctionOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        Validate(spec, options);
        var warnings = new List<ProductionFunctionWarning>();
        var data = Build(spec, options, warnings);
        var names = new NameSet(spec.Free.ToArray(), spec.State.ToArray(), spec.Proxy);
        var core = Estimate(data, options, names, bootstrap: false);
        if (core.Optimization is { Converged: false } opt)
            warnings.Add(new(ProductionFunctionWarningCode.NotConverged,
                $"the second-stage optimiser stopped without meeting its tolerance ({opt.ExitReason}); estimates are flagged, not final"));
        if (options.Method == ProductionFunctionMethod.Acf && core.Optimization is { Converged: true } acf && acf.Objective > LocalMinimumThreshold)
            warnings.Add(new(ProductionFunctionWarningCode.LocalMinimum,
                $"the ACF moments are exactly identified but the criterion at the optimum is {acf.Objective:G3}, not ~0: " +
                "a local minimum; re-estimate from other start values (e.g. --start 0.5,...)"));
        if (core.SecondStageRows is { } m && m < data.Rows)
            warnings.Add(new(ProductionFunctionWarningCode.RowsWithoutLag,
                $"{data.Rows - m} of {data.Rows} rows have no observed previous period (first year or a gap) and are not in the second stage"));

        var bootstrap = options.BootstrapReplications > 0 &&
                        (IsTwoStep(options.Method) || options.BootstrapLinearMethods);
        double[] se;
        var seKind = core.Covariance is null ? StandardErrorKind.None : StandardErrorKind.Analytic;
        int? df = core.DegreesOfFreedom;
        double[,]? reps = null;
        int failures = 0, notConverged = 0;
        if (bootstrap)
        {
            (reps, failures, notConverged) = Bootstrap(data, options, names, core.Terms.Count);
            se = BootstrapStandardErrors(reps, out var used);
            if (failures > 0)
                warnings.Add(new(ProductionFunctionWarningCode.BootstrapFailures,
                    $"{failures} of {options.BootstrapReplications} bootstrap replications failed and are excluded from the standard errors"));
            if (notConverged > 0)
                warnings.Add(new(ProductionFunctionWarningCode.BootstrapNotConverged,
                    $"the optimiser did not converge in {notConverged} of {options.BootstrapReplications} bootstrap replications (kept)"));
            if (used < 2)
            {
                warnings.Add(new(ProductionFunctionWarningCode.NoStandardErrors,
                    $"only {used} successful bootstrap replications: no standard errors"));
                se = [];
                seKind = StandardErrorKind.None;
            }
            else seKind = StandardErrorKind.Bootstrap;
            df = null;
        }
        else if (core.Covariance is { } cov)
        {
            se = new double[core.Terms.Count];
            for (var j = 0; j < se.Length; j++) se[j] = Math.Sqrt(cov[j, j]);
        }
        else se = [];

        var omega = Omega(data, core, names, options);
        var (elasticityInputs, elasticities) = options.Form == ProductionForm.Translog
            ? Elasticities(data, core, names, options)
            : (null, null);
        return new ProductionFunctionResult
        {
            Method = options.Method,
            Options = options,
            Terms = core.Terms,
            Coefficients = core.Coefficients,
            StandardErrors = se,
            StandardErrorKind = seKind,
            DegreesOfFreedom = seKind == StandardErrorKind.Analytic ? df : null,
            Observations = data.Rows,
            SecondStageObservations = core.SecondStageRows,
            Firms = data.Firms,
            Ids = spec.Panel.Ids,
            Times = spec.Panel.Times!,
            Omega = omega,
            OmegaPhi = core.OmegaPhi,
            ElasticityInputs = elasticityInputs,
            Elasticities = elasticities,
            Optimization = core.Optimization,
            FirstStageTerms = core.FirstStageTerms,
            FirstStageCoefficients = core.FirstStageCoefficients,
            FirstStageDegree = UsesFirstStagePolynomial(options.Method) ? options.FirstStageDegree : 0,
            MarkovDegree = options.Method switch
            {
                ProductionFunctionMethod.Op or ProductionFunctionMethod.Lp or ProductionFunctionMethod.Acf => options.MarkovDegree,
                ProductionFunctionMethod.Wrdg or ProductionFunctionMethod.Rob => 1,
                _ => 0,
            },
            BootstrapReplications = bootstrap ? options.BootstrapReplications : 0,
            BootstrapFailures = failures,
            BootstrapNotConverged = notConverged,
            BootstrapEstimates = reps,
            Warnings = warnings,
        };
    }

    /// <summary>True for the two-step estimators (OP, LP, ACF), whose standard errors are bootstrapped.</summary>
    public static bool IsTwoStep(ProductionFunctionMethod m) =>
        m is ProductionFunctionMethod.Op or ProductionFunctionMethod.Lp or ProductionFunctionMethod.Acf;

    private static bool UsesFirstStagePolynomial(ProductionFunctionMethod m) =>
        m is not (ProductionFunctionMethod.Ols or ProductionFunctionMethod.Fe);

    private static void Validate(ProductionFunctionSpec spec, ProductionFunctionOptions o)
    {
        if (spec.Panel.Times is null)
            throw new SpecificationException("production functions need a panel: give the time column (--time)");
        if (spec.Free.Count == 0) throw new SpecificationException("give at least one free input (--free)");
        if (spec.State.Count == 0) throw new SpecificationException("give at least one state input (--state)");
        var needsProxy = o.Method is not (ProductionFunctionMethod.Ols or ProductionFunctionMethod.Fe) ||
                         o.Output == OutputConcept.GrossOutput;
        if (needsProxy && spec.Proxy is null)
            throw new SpecificationException($"method {Kebab(o.Method)}" +
                (o.Output == OutputConcept.GrossOutput ? " with gross output" : "") + " needs a proxy variable (--proxy)");
        var all = new[] { spec.Output }.Concat(spec.Free).Concat(spec.State)
            .Concat(spec.Proxy is null ? [] : [spec.Proxy]).ToList();
        var dup = all.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (dup.Count > 0)
            throw new SpecificationException($"a column has two roles (output/free/state/proxy): {string.Join(", ", dup)}");
        if (o.FirstStageDegree is < 1 or > 6)
            throw new SpecificationException($"first-stage polynomial degree must be 1..6, got {o.FirstStageDegree}");
        if (o.MarkovDegree is < 1 or > 6)
            throw new SpecificationException($"Markov polynomial degree must be 1..6, got {o.MarkovDegree}");
        if (o.Method == ProductionFunctionMethod.Wrdg && o.WrdgVariant == WooldridgeVariant.Prodest && o.Output == OutputConcept.GrossOutput)
            throw new SpecificationException("--wrdg-variant prodest is value-added only (as prodest's prodestWRDG); use --wrdg-variant system for gross output");
        if (o.BootstrapReplications < 0)
            throw new SpecificationException($"bootstrap replications must be ≥ 0, got {o.BootstrapReplications}");
        if (o.Form == ProductionForm.Translog &&
            o.Method is not (ProductionFunctionMethod.Acf or ProductionFunctionMethod.Ols or ProductionFunctionMethod.Fe))
            throw new SpecificationException(
                $"translog is available for acf, ols and fe (as Stata prodest: ACF only among the proxy estimators), not {Kebab(o.Method)}");
        if (o.Output == OutputConcept.GrossOutput && o.Method is ProductionFunctionMethod.Op or ProductionFunctionMethod.Rob)
            throw new SpecificationException(
                $"gross output is not available for {Kebab(o.Method)}: with an investment proxy, pass the intermediate inputs as free inputs instead");
        if ((spec.Exit is not null || spec.ExitFromPanel) &&
            o.Method is not (ProductionFunctionMethod.Op or ProductionFunctionMethod.Lp))
            throw new SpecificationException($"the exit (attrition) correction is available for op and lp, not {Kebab(o.Method)}");
        if (spec.Exit is not null && spec.ExitFromPanel)
            throw new SpecificationException("give either an exit column or exit-from-panel, not both");
        if (o.Start == StartValueRule.Given && o.StartValues is null)
            throw new SpecificationException("start rule 'given' needs start values");
    }

    private static string Kebab(ProductionFunctionMethod m) => m.ToString().ToLowerInvariant();

    private static ProductionData Build(ProductionFunctionSpec spec, ProductionFunctionOptions options, List<ProductionFunctionWarning> warnings)
    {
        var panel = spec.Panel;
        var n = panel.RowCount;
        var issues = new List<DataIssue>();
        double[] Column(string name)
        {
            var v = panel.Variable(name);
            for (var i = 0; i < n; i++)
                if (!double.IsFinite(v[i]))
                    issues.Add(new DataIssue(panel.Source, panel.SourceRows[i], name,
                        double.IsNaN(v[i]) ? "missing value (production-function variables must be observed, in logs)" : "value is not finite"));
            return v;
        }

        var y = Column(spec.Output);
        var free = spec.Free.Select(Column).ToArray();
        var state = spec.State.Select(Column).ToArray();
        var proxy = spec.Proxy is null ? null : Column(spec.Proxy);
        double[]? exit = null;
        if (spec.Exit is not null)
        {
            exit = Column(spec.Exit);
            for (var i = 0; i < n; i++)
                if (double.IsFinite(exit[i]) && exit[i] != 0 && exit[i] != 1)
                    issues.Add(new DataIssue(panel.Source, panel.SourceRows[i], spec.Exit, $"exit indicator must be 0 or 1, got {exit[i]}"));
        }
        if (issues.Count > 0) throw new DataValidationException(issues);

        var times = panel.Times!;
        var firmCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var firm = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!firmCode.TryGetValue(panel.Ids[i], out var c)) firmCode[panel.Ids[i]] = c = firmCode.Count;
            firm[i] = c;
        }
        var lag = PanelLags.PreviousRows(panel.Ids, times);

        double[]? probability = null;
        if (spec.ExitFromPanel)
        {
            var lastYear = new int[firmCode.Count];
            Array.Fill(lastYear, int.MinValue);
            for (var i = 0; i < n; i++) lastYear[firm[i]] = Math.Max(lastYear[firm[i]], times[i]);
            var maxYear = times.Max();
            exit = new double[n];
            for (var i = 0; i < n; i++) exit[i] = times[i] == lastYear[firm[i]] && times[i] != maxYear ? 1 : 0;
        }
        if (exit is not null)
        {
            var mean = exit.Average();
            if (mean is 0 or 1)
                throw new DataValidationException(new DataIssue(panel.Source, null, spec.Exit ?? "(derived exit)",
                    "no firm exits the sample (or all do): the exit correction cannot be estimated; run without it"));
            var vars = state.Append(proxy!).ToArray();
            var terms = PolynomialTerms.Monomials(vars.Length, options.FirstStageDegree);
            var lagged = PolynomialTerms.Columns(terms, vars).Select(c =>
            {
                var l = new double[n];
                for (var i = 0; i < n; i++) l[i] = lag[i] >= 0 ? c[lag[i]] : double.NaN;
                return l;
            }).ToArray();
            var probit = ExitProbit.Fit(exit, lagged);
            probability = probit.Probability;
            if (!probit.Converged)
                warnings.Add(new(ProductionFunctionWarningCode.ExitProbitNotConverged,
                    $"the exit probit did not converge in {probit.Iterations} iterations"));
        }

        return new ProductionData
        {
            Rows = n,
            Y = y,
            Free = free,
            State = state,
            Proxy = proxy,
            ExitProbability = probability,
            Firm = firm,
            Time = times,
            Lag = lag,
            Firms = firmCode.Count,
        };
    }

    /// <summary>The core estimate on one data set (the sample, or one bootstrap replication).</summary>
    internal sealed record CoreEstimate(
        IReadOnlyList<string> Terms,
        double[] Coefficients,
        double[,]? Covariance,
        int? DegreesOfFreedom,
        OptimizationReport? Optimization,
        int? SecondStageRows,
        IReadOnlyList<string>? FirstStageTerms,
        double[]? FirstStageCoefficients,
        double[]? OmegaPhi);

    /// <summary>Input variables of f in order free, state[, proxy for gross output], with their names.</summary>
    private static (double[][] Columns, string[] Names, int[] Kind) Inputs(ProductionData d, ProductionFunctionOptions o, NameSet names)
    {
        var cols = new List<double[]>();
        var nm = new List<string>();
        var kind = new List<int>();
        for (var j = 0; j < d.Free.Length; j++) { cols.Add(d.Free[j]); nm.Add(names.Free[j]); kind.Add(0); }
        for (var j = 0; j < d.State.Length; j++) { cols.Add(d.State[j]); nm.Add(names.State[j]); kind.Add(1); }
        if (o.Output == OutputConcept.GrossOutput) { cols.Add(d.Proxy!); nm.Add(names.Proxy!); kind.Add(2); }
        return (cols.ToArray(), nm.ToArray(), kind.ToArray());
    }

    private static IReadOnlyList<int[]> FormTerms(int inputs, ProductionForm form) =>
        form == ProductionForm.CobbDouglas
            ? Enumerable.Range(0, inputs).Select(j => new[] { j }).ToArray()
            : PolynomialTerms.Monomials(inputs, 2);

    internal sealed record NameSet(string[] Free, string[] State, string? Proxy);

    /// <summary>
    /// The polynomial in (state, proxy) of degree <see cref="ProductionFunctionOptions.FirstStageDegree"/> that every
    /// proxy estimator uses: its monomials, their columns and their names.
    /// </summary>
    private static (IReadOnlyList<int[]> Terms, double[][] Columns, string[] Names) ProxyPolynomial(
        ProductionData d, ProductionFunctionOptions o, NameSet names)
    {
        var variables = d.State.Append(d.Proxy!).ToArray();
        var variableNames = names.State.Append(names.Proxy!).ToArray();
        var terms = PolynomialTerms.Monomials(variables.Length, o.FirstStageDegree);
        return (terms, PolynomialTerms.Columns(terms, variables), terms.Select(t => PolynomialTerms.Name(t, variableNames)).ToArray());
    }

    internal static CoreEstimate Estimate(ProductionData d, ProductionFunctionOptions o, NameSet names, bool bootstrap)
    {
        return o.Method switch
        {
            ProductionFunctionMethod.Ols => Ols(d, o, names),
            ProductionFunctionMethod.Fe => FixedEffects(d, o, names),
            ProductionFunctionMethod.Op or ProductionFunctionMethod.Lp => OlleyPakesLevinsohnPetrin(d, o, names, bootstrap),
            ProductionFunctionMethod.Acf => Ackerberg(d, o, names, bootstrap),
            ProductionFunctionMethod.Wrdg => Wooldridge(d, o, names),
            ProductionFunctionMethod.Rob => RobinsonWooldridge(d, o, names),
            _ => throw new ArgumentOutOfRangeException(nameof(o), o.Method, null),
        };
    }

    // ---------------------------------------------------------------- OLS and FE

    private static CoreEstimate Ols(ProductionData d, ProductionFunctionOptions o, NameSet names)
    {
        var (inputs, inputNames, _) = Inputs(d, o, names);
        var terms = FormTerms(inputs.Length, o.Form);
        var cols = new List<double[]> { Ones(d.Rows) };
        cols.AddRange(PolynomialTerms.Columns(terms, inputs));
        var termNames = new List<string> { "(Intercept)" };
        termNames.AddRange(terms.Select(t => PolynomialTerms.Name(t, inputNames)));
        var fit = LinearRegression.Fit(d.Y, cols, termNames);
        return new CoreEstimate(termNames, fit.Coefficients, fit.Covariance, fit.DegreesOfFreedom, null, null, null, null, null);
    }

    private static CoreEstimate FixedEffects(ProductionData d, ProductionFunctionOptions o, NameSet names)
    {
        var (inputs, inputNames, _) = Inputs(d, o, names);
        var terms = FormTerms(inputs.Length, o.Form);
        var groups = new string[d.Rows];
        for (var i = 0; i < d.Rows; i++) groups[i] = d.Firm[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cols = PolynomialTerms.Columns(terms, inputs).Select(c => LinearRegression.Demean(c, groups)).ToList();
        var termNames = terms.Select(t => PolynomialTerms.Name(t, inputNames)).ToList();
        var fit = LinearRegression.Fit(LinearRegression.Demean(d.Y, groups), cols, termNames, absorbedDegreesOfFreedom: d.Firms);
        return new CoreEstimate(termNames, fit.Coefficients, fit.Covariance, fit.DegreesOfFreedom, null, null, null, null, null);
    }

    // ---------------------------------------------------------------- OP / LP

    private static CoreEstimate OlleyPakesLevinsohnPetrin(ProductionData d, ProductionFunctionOptions o, NameSet names, bool bootstrap)
    {
        var n = d.Rows;
        var f = d.Free.Length;
        var s = d.State.Length;
        // Stage 1: y = c + free·β + φ(state, proxy) + ε, φ a polynomial of degree FirstStageDegree (prodest: 2).
        var (_, polyColumns, polyColumnNames) = ProxyPolynomial(d, o, names);
        var cols = new List<double[]> { Ones(n) };
        cols.AddRange(d.Free);
        cols.AddRange(polyColumns);
        var fsNames = new List<string> { "(Intercept)" };
        fsNames.AddRange(names.Free);
        fsNames.AddRange(polyColumnNames);
        var fs = FirstStage.Fit(d.Y, cols, fsNames, bootstrap);
        var betaFree = fs.Coefficients.AsSpan(1, f).ToArray();

        var phi = new double[n];
        var res = new double[n];
        for (var i = 0; i < n; i++)
        {
            var fx = 0.0;
            for (var j = 0; j < f; j++) fx += betaFree[j] * d.Free[j][i];
            phi[i] = fs.Fitted[i] - fx;
            res[i] = d.Y[i] - fx;
        }

        // Stage 2 over rows whose previous period is observed.
        var gross = o.Output == OutputConcept.GrossOutput;
        var thetaVars = gross ? d.State.Append(d.Proxy!).ToArray() : d.State;
        var thetaNames = gross ? names.State.Append(names.Proxy!).ToArray() : names.State;
        var rows = d.RowsWithLag();
        var m = rows.Length;
        var p = thetaVars.Length;
        RequireSecondStage(m, p + 1 + PolynomialTerms.Monomials(d.ExitProbability is null ? 1 : 2, o.MarkovDegree).Count);
        var x = thetaVars.Select(v => Take(v, rows)).ToArray();
        var lx = thetaVars.Select(v => TakeLag(v, rows, d.Lag)).ToArray();
        double[][]? z = null;
        if (gross)
        {
            // Gross output (LP 2003, §3): the proxy responds to ξ, so E[ξ·(k, m₋₁)] = 0 identifies (β_k, β_m).
            z = d.State.Select(v => Take(v, rows)).Append(TakeLag(d.Proxy!, rows, d.Lag)).ToArray();
        }
        var objective = new SecondStageObjective(x, lx, Take(phi, rows), TakeLag(phi, rows, d.Lag), Take(res, rows),
            d.ExitProbability is null ? null : Take(d.ExitProbability, rows), z, o.MarkovDegree);

        double[] start;
        if (o.Start == StartValueRule.Given) start = GivenStart(o, p);
        else
        {
            // prodest: first-stage coefficients of the linear state terms (+ N(0, 0.01) noise, which Xinzhi omits).
            start = new double[p];
            for (var j = 0; j < s; j++) start[j] = fs.Coefficients[1 + f + j];
            if (gross) start[s] = fs.Coefficients[1 + f + s];
        }
        var report = SecondStageMinimizer.Minimize(objective, start, o);
        var theta = report.Solution.ToArray();

        var omegaPhi = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = phi[i];
            for (var j = 0; j < p; j++) v -= theta[j] * thetaVars[j][i];
            omegaPhi[i] = v;
        }
        var termNames = names.Free.Concat(thetaNames).ToArray();
        return new CoreEstimate(termNames, betaFree.Concat(theta).ToArray(), null, null, report, m, fsNames, fs.Coefficients, omegaPhi);
    }

    // ---------------------------------------------------------------- ACF

    private static CoreEstimate Ackerberg(ProductionData d, ProductionFunctionOptions o, NameSet names, bool bootstrap)
    {
        var n = d.Rows;
        // Stage 1: y = c + φ(free, state, proxy) + ε; nothing identified but φ.
        var polyVars = d.Free.Concat(d.State).Append(d.Proxy!).ToArray();
        var polyNames = names.Free.Concat(names.State).Append(names.Proxy!).ToArray();
        var polyTerms = PolynomialTerms.Monomials(polyVars.Length, o.FirstStageDegree);
        var cols = new List<double[]> { Ones(n) };
        cols.AddRange(PolynomialTerms.Columns(polyTerms, polyVars));
        var fsNames = new List<string> { "(Intercept)" };
        fsNames.AddRange(polyTerms.Select(t => PolynomialTerms.Name(t, polyNames)));
        var fs = FirstStage.Fit(d.Y, cols, fsNames, bootstrap);
        var phi = fs.Fitted;

        var (inputs, inputNames, kind) = Inputs(d, o, names);
        var terms = FormTerms(inputs.Length, o.Form);
        var rows = d.RowsWithLag();
        var m = rows.Length;
        var p = terms.Count;
        RequireSecondStage(m, p + o.MarkovDegree + 1);
        var current = inputs.Select(v => Take(v, rows)).ToArray();
        var lagged = inputs.Select(v => TakeLag(v, rows, d.Lag)).ToArray();
        // Instruments: free inputs (and the proxy under gross output) enter lagged, state inputs current (ACF timing).
        var instrumentVars = new double[inputs.Length][];
        for (var j = 0; j < inputs.Length; j++) instrumentVars[j] = kind[j] == 1 ? current[j] : lagged[j];
        var x = PolynomialTerms.Columns(terms, current);
        var lx = PolynomialTerms.Columns(terms, lagged);
        var z = PolynomialTerms.Columns(terms, instrumentVars);
        var objective = new SecondStageObjective(x, lx, Take(phi, rows), TakeLag(phi, rows, d.Lag), null, null, z, o.MarkovDegree);

        double[] start;
        if (o.Start == StartValueRule.Given) start = GivenStart(o, p);
        else
        {
            // prodest: the first-stage coefficients of the same terms (its inputs come first in the polynomial).
            start = new double[p];
            for (var t = 0; t < p; t++)
            {
                var key = terms[t];
                for (var u = 0; u < polyTerms.Count; u++)
                    if (polyTerms[u].SequenceEqual(key)) { start[t] = fs.Coefficients[1 + u]; break; }
            }
        }
        var report = SecondStageMinimizer.Minimize(objective, start, o);
        if (o.Start == StartValueRule.FirstStage && o.RestartFromLocalMinimum && report.Objective > LocalMinimumThreshold)
        {
            // The exactly identified moments were not solved: restart from OLS of y on the same terms and from 0.5 for
            // every coefficient (prodest's documented start), keep the lowest criterion, and record every attempt.
            var olsCols = new List<double[]> { Ones(n) };
            olsCols.AddRange(PolynomialTerms.Columns(terms, inputs));
            var olsStart = FirstStage.Fit(d.Y, olsCols, Enumerable.Range(0, olsCols.Count).Select(j => "x" + j).ToList(), fast: true)
                .Coefficients.Skip(1).ToArray();
            var half = Enumerable.Repeat(0.5, p).ToArray();
            var attempts = new List<string> { Describe(report) };
            foreach (var alternative in new[] { olsStart, half })
            {
                var retry = SecondStageMinimizer.Minimize(objective, alternative, o);
                attempts.Add(Describe(retry));
                if (retry.Converged && retry.Objective < report.Objective) report = retry;
            }
            report = report with { Restarts = attempts };
        }
        var theta = report.Solution.ToArray();
        var all = PolynomialTerms.Columns(terms, inputs);
        var omegaPhi = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = phi[i];
            for (var t = 0; t < p; t++) v -= theta[t] * all[t][i];
            omegaPhi[i] = v;
        }
        var termNames = terms.Select(t => PolynomialTerms.Name(t, inputNames)).ToArray();
        return new CoreEstimate(termNames, theta, null, null, report, m, fsNames, fs.Coefficients, omegaPhi);
    }

    // ---------------------------------------------------------------- Wooldridge and Robinson-Wooldridge

    /// <summary>
    /// Wooldridge (2009) with g linear (the default <see cref="WooldridgeVariant.System"/>; prodest's prodestWRDG_GMM point estimate): the two equations
    /// y = α + free·β + state·γ + c(k, m)λ₁ + e (instruments 1, free, c) and
    /// y = α + free·β + state·γ + δ + c(k₋₁, m₋₁)λ₂ + u (instruments 1, free₋₁, state, c₋₁)
    /// stacked with common (α, β, γ) and estimated by 2SLS on the block-diagonal instrument matrix. In the first
    /// equation the linear state (and, for gross output, proxy) terms of c are the common regressors.
    /// </summary>
    private static CoreEstimate Wooldridge(ProductionData d, ProductionFunctionOptions o, NameSet names)
    {
        if (o.WrdgVariant == WooldridgeVariant.Prodest) return WooldridgeProdest(d, o, names);
        var gross = o.Output == OutputConcept.GrossOutput;
        var rows = d.RowsWithLag();
        var m = rows.Length;
        var f = d.Free.Length;
        var s = d.State.Length;
        var (polyTerms, c, cNames) = ProxyPolynomial(d, o, names);
        var commonCount = 1 + f + s + (gross ? 1 : 0);
        RequireSecondStage(m, commonCount + polyTerms.Count * 2);

        var regs = new List<double[]>();
        var regNames = new List<string>();
        var inst = new List<double[]>();
        var instNames = new List<string>();
        double[] Top(double[] v) { var r = new double[2 * m]; for (var i = 0; i < m; i++) r[i] = v[rows[i]]; return r; }
        double[] Bottom(double[] v, bool lagged)
        {
            var r = new double[2 * m];
            for (var i = 0; i < m; i++) r[m + i] = lagged ? v[d.Lag[rows[i]]] : v[rows[i]];
            return r;
        }
        double[] Both(double[] v) { var r = new double[2 * m]; for (var i = 0; i < m; i++) r[i] = r[m + i] = v[rows[i]]; return r; }

        var ones = Ones(d.Rows);
        regs.Add(Both(ones)); regNames.Add("(Intercept)");
        for (var j = 0; j < f; j++) { regs.Add(Both(d.Free[j])); regNames.Add(names.Free[j]); }
        for (var j = 0; j < s; j++) { regs.Add(Both(d.State[j])); regNames.Add(names.State[j]); }
        if (gross) { regs.Add(Both(d.Proxy!)); regNames.Add(names.Proxy!); }
        var commonLinear = gross ? s + 1 : s; // the first linear terms of c are the common state (and proxy) columns
        for (var t = 0; t < polyTerms.Count; t++)
        {
            if (polyTerms[t].Length == 1 && polyTerms[t][0] < commonLinear) continue;
            regs.Add(Top(c[t])); regNames.Add("eq1:" + cNames[t]);
        }
        regs.Add(Bottom(ones, false)); regNames.Add("eq2:(Intercept)");
        for (var t = 0; t < polyTerms.Count; t++) { regs.Add(Bottom(c[t], true)); regNames.Add("eq2:lag " + cNames[t]); }

        inst.Add(Top(ones)); instNames.Add("eq1:(Intercept)");
        for (var j = 0; j < f; j++) { inst.Add(Top(d.Free[j])); instNames.Add("eq1:" + names.Free[j]); }
        for (var t = 0; t < polyTerms.Count; t++) { inst.Add(Top(c[t])); instNames.Add("eq1:" + cNames[t]); }
        inst.Add(Bottom(ones, false)); instNames.Add("eq2:(Intercept)");
        for (var j = 0; j < f; j++) { inst.Add(Bottom(d.Free[j], true)); instNames.Add("eq2:lag " + names.Free[j]); }
        for (var j = 0; j < s; j++) { inst.Add(Bottom(d.State[j], false)); instNames.Add("eq2:" + names.State[j]); }
        for (var t = 0; t < polyTerms.Count; t++) { inst.Add(Bottom(c[t], true)); instNames.Add("eq2:lag " + cNames[t]); }

        var yy = Both(d.Y);
        var fit = TwoStageLeastSquares.Fit(yy, regs, regNames, inst, instNames);
        var k = commonCount - 1;
        var coef = new double[k];
        var cov = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            coef[a] = fit.Coefficients[1 + a];
            for (var b = 0; b < k; b++) cov[a, b] = fit.Covariance[1 + a, 1 + b];
        }
        return new CoreEstimate(regNames.Skip(1).Take(k).ToArray(), coef, cov, fit.DegreesOfFreedom, null, m, null, null, null);
    }

    /// <summary>
    /// R prodest 1.0.1's <c>prodestWRDG</c> (the "IV version"): rows of equation 1 (c = c(k, m)) stacked over rows of
    /// equation 2 (c = c(k₋₁, m₋₁)), y = α + free·β + state·γ + c·λ + u with λ common to both equations (a random
    /// walk for ω without drift). The regressors X = (free, state, c) are projected on Z = (free₋₁, state, c), with no
    /// constant among the instruments, and y is regressed by OLS on (1, P_Z X); the reported covariance is that OLS's
    /// classical one (prodest's analytic SE). This is not Wooldridge's (2009) intent (g is estimated there, with an
    /// own constant), hence a variant; it reproduces prodest's WRDG on the chilean data to ~1e-12.
    /// </summary>
    private static CoreEstimate WooldridgeProdest(ProductionData d, ProductionFunctionOptions o, NameSet names)
    {
        // Value added only: checked with the other specification errors before any estimation.
        var rows = d.RowsWithLag();
        var m = rows.Length;
        var f = d.Free.Length;
        var s = d.State.Length;
        var (polyTerms, c, cNames) = ProxyPolynomial(d, o, names);
        RequireSecondStage(2 * m, 1 + f + s + polyTerms.Count);

        // Stacked column: equation-1 rows take v (or its lag), equation-2 rows take v (or its lag).
        double[] Stack(double[] v, bool lagTop, bool lagBottom)
        {
            var r = new double[2 * m];
            for (var i = 0; i < m; i++)
            {
                var row = rows[i];
                var lag = d.Lag[row];
                r[i] = lagTop ? v[lag] : v[row];
                r[m + i] = lagBottom ? v[lag] : v[row];
            }
            return r;
        }

        var regs = new List<double[]>();
        var regNames = new List<string>();
        var inst = new List<double[]>();
        var instNames = new List<string>();
        for (var j = 0; j < f; j++)
        {
            regs.Add(Stack(d.Free[j], false, false)); regNames.Add(names.Free[j]);
            inst.Add(Stack(d.Free[j], true, true)); instNames.Add("lag " + names.Free[j]);
        }
        for (var j = 0; j < s; j++)
        {
            regs.Add(Stack(d.State[j], false, false)); regNames.Add(names.State[j]);
            inst.Add(Stack(d.State[j], false, false)); instNames.Add(names.State[j]);
        }
        for (var t = 0; t < polyTerms.Count; t++)
        {
            var ct = Stack(c[t], false, true);
            regs.Add(ct); regNames.Add("c:" + cNames[t]);
            inst.Add(ct); instNames.Add("c:" + cNames[t]);
        }

        // First stage without a constant among the instruments (prodest), then OLS with a constant on the fitted values.
        var secondStage = new List<double[]> { Ones(2 * m) };
        var secondNames = new List<string> { "(Intercept)" };
        for (var j = 0; j < regs.Count; j++)
        {
            secondStage.Add(LinearRegression.Fit(regs[j], inst, instNames).Fitted);
            secondNames.Add("fitted " + regNames[j]);
        }
        var fit = LinearRegression.Fit(Stack(d.Y, false, false), secondStage, secondNames);
        var k = f + s;
        var coef = new double[k];
        var cov = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            coef[a] = fit.Coefficients[1 + a];
            for (var b = 0; b < k; b++) cov[a, b] = fit.Covariance[1 + a, 1 + b];
        }
        return new CoreEstimate(regNames.Take(k).ToArray(), coef, cov, fit.DegreesOfFreedom, null, m, null, null, null);
    }

    /// <summary>prodest's ROB: y = α + free·β + state·γ + c(k₋₁, m₋₁)λ + u by 2SLS with instruments (1, free₋₁, state, c₋₁).</summary>
    private static CoreEstimate RobinsonWooldridge(ProductionData d, ProductionFunctionOptions o, NameSet names)
    {
        var rows = d.RowsWithLag();
        var m = rows.Length;
        var f = d.Free.Length;
        var s = d.State.Length;
        var (polyTerms, c, cNames) = ProxyPolynomial(d, o, names);
        RequireSecondStage(m, 1 + f + s + polyTerms.Count);
        var regs = new List<double[]> { Ones(m) };
        var regNames = new List<string> { "(Intercept)" };
        var inst = new List<double[]> { Ones(m) };
        var instNames = new List<string> { "(Intercept)" };
        for (var j = 0; j < f; j++)
        {
            regs.Add(Take(d.Free[j], rows)); regNames.Add(names.Free[j]);
            inst.Add(TakeLag(d.Free[j], rows, d.Lag)); instNames.Add("lag " + names.Free[j]);
        }
        for (var j = 0; j < s; j++)
        {
            regs.Add(Take(d.State[j], rows)); regNames.Add(names.State[j]);
            inst.Add(Take(d.State[j], rows)); instNames.Add(names.State[j]);
        }
        for (var t = 0; t < polyTerms.Count; t++)
        {
            var lagC = TakeLag(c[t], rows, d.Lag);
            regs.Add(lagC); regNames.Add("lag " + cNames[t]);
            inst.Add(lagC); instNames.Add("lag " + cNames[t]);
        }
        var fit = TwoStageLeastSquares.Fit(Take(d.Y, rows), regs, regNames, inst, instNames);
        var k = f + s;
        var coef = new double[k];
        var cov = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            coef[a] = fit.Coefficients[1 + a];
            for (var b = 0; b < k; b++) cov[a, b] = fit.Covariance[1 + a, 1 + b];
        }
        return new CoreEstimate(regNames.Skip(1).Take(k).ToArray(), coef, cov, fit.DegreesOfFreedom, null, m, null, null, null);
    }

    // ---------------------------------------------------------------- bootstrap

    private static (double[,] Estimates, int Failures, int NotConverged) Bootstrap(ProductionData data, ProductionFunctionOptions o, NameSet names, int terms)
    {
        var reps = o.BootstrapReplications;
        var estimates = new double[reps, terms];
        var failed = new bool[reps];
        var notConverged = new bool[reps];
        var firmRows = data.FirmRows();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, reps, parallel, r =>
        {
            // Stream r + 1 of the seed: the draws of replication r never depend on which thread runs it or when.
            var rng = new DeterministicRandom(o.Seed, r + 1);
            var draws = new int[data.Firms];
            for (var b = 0; b < draws.Length; b++) draws[b] = rng.NextInt(data.Firms);
            try
            {
                var sample = data.Resample(firmRows, draws);
                var est = Estimate(sample, o, names, bootstrap: true);
                for (var j = 0; j < terms; j++) estimates[r, j] = est.Coefficients[j];
                notConverged[r] = est.Optimization is { Converged: false };
                var finite = true;
                for (var j = 0; j < terms; j++) finite &= double.IsFinite(est.Coefficients[j]);
                if (!finite) throw new ConvergenceException("non-finite estimate", 0);
            }
            catch (XinzhiException)
            {
                failed[r] = true;
                for (var j = 0; j < terms; j++) estimates[r, j] = double.NaN;
            }
        });
        return (estimates, failed.Count(x => x), notConverged.Count(x => x));
    }

    /// <summary>Sample standard deviation (n − 1) of each column over the successful replications, in replication order.</summary>
    private static double[] BootstrapStandardErrors(double[,] reps, out int used)
    {
        var r = reps.GetLength(0);
        var k = reps.GetLength(1);
        var se = new double[k];
        used = 0;
        for (var i = 0; i < r; i++) if (double.IsFinite(reps[i, 0])) used++;
        if (used < 2) return se;
        for (var j = 0; j < k; j++)
        {
            var mean = 0.0;
            for (var i = 0; i < r; i++) if (double.IsFinite(reps[i, 0])) mean += reps[i, j];
            mean /= used;
            var ss = 0.0;
            for (var i = 0; i < r; i++) if (double.IsFinite(reps[i, 0])) ss += (reps[i, j] - mean) * (reps[i, j] - mean);
            se[j] = Math.Sqrt(ss / (used - 1));
        }
        return se;
    }

    // ---------------------------------------------------------------- helpers

    private static double[] Omega(ProductionData d, CoreEstimate core, NameSet names, ProductionFunctionOptions o)
    {
        var (inputs, inputNames, _) = Inputs(d, o, names);
        var terms = o.Method is ProductionFunctionMethod.Op or ProductionFunctionMethod.Lp or ProductionFunctionMethod.Wrdg or ProductionFunctionMethod.Rob
            ? FormTerms(inputs.Length, ProductionForm.CobbDouglas)
            : FormTerms(inputs.Length, o.Form);
        var cols = PolynomialTerms.Columns(terms, inputs);
        var termNames = terms.Select(t => PolynomialTerms.Name(t, inputNames)).ToArray();
        var omega = (double[])d.Y.Clone();
        for (var t = 0; t < terms.Count; t++)
        {
            var idx = -1;
            for (var j = 0; j < core.Terms.Count; j++) if (core.Terms[j] == termNames[t]) idx = j;
            if (idx < 0) throw new InvalidOperationException($"term {termNames[t]} missing from the estimate");
            var b = core.Coefficients[idx];
            for (var i = 0; i < d.Rows; i++) omega[i] -= b * cols[t][i];
        }
        return omega;
    }

    /// <summary>Output elasticities ∂f/∂x_j per row for a translog f: β_j + 2β_jj x_j + Σ_k β_jk x_k.</summary>
    private static (string[], double[][]) Elasticities(ProductionData d, CoreEstimate core, NameSet names, ProductionFunctionOptions o)
    {
        var (inputs, inputNames, _) = Inputs(d, o, names);
        var terms = FormTerms(inputs.Length, o.Form);
        var termNames = terms.Select(t => PolynomialTerms.Name(t, inputNames)).ToArray();
        var beta = new double[terms.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            var idx = -1;
            for (var j = 0; j < core.Terms.Count; j++) if (core.Terms[j] == termNames[t]) idx = j;
            beta[t] = core.Coefficients[idx];
        }
        var result = new double[inputs.Length][];
        for (var j = 0; j < inputs.Length; j++)
        {
            var e = new double[d.Rows];
            for (var t = 0; t < terms.Count; t++)
            {
                var term = terms[t];
                var count = term.Count(v => v == j);
                if (count == 0) continue;
                // ∂/∂x_j of Π x_v = count · x_j^(count−1) · Π_{v≠j} x_v.
                for (var i = 0; i < d.Rows; i++)
                {
                    var v = (double)count;
                    var skipped = false;
                    foreach (var w in term)
                    {
                        if (w == j && !skipped) { skipped = true; continue; }
                        v *= inputs[w][i];
                    }
                    e[i] += beta[t] * v;
                }
            }
            result[j] = e;
        }
        return (inputNames, result);
    }

    /// <summary>ACF's exactly identified criterion at a root is ~1e-25; above this it is a local minimum.</summary>
    internal const double LocalMinimumThreshold = 1e-10;

    private static string Describe(OptimizationReport r) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "start ({0}) -> criterion {1:G3}{2}",
            string.Join(", ", r.Start.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))),
            r.Objective, r.Converged ? "" : " (not converged)");

    private static double[] GivenStart(ProductionFunctionOptions o, int p)
    {
        var v = o.StartValues!;
        if (v.Count != p)
            throw new SpecificationException($"{p} start values needed for the second stage, got {v.Count}");
        return v.ToArray();
    }

    private static void RequireSecondStage(int rows, int parameters)
    {
        if (rows <= parameters)
            throw new DataValidationException(new DataIssue("panel", null, null,
                $"too few observations with an observed previous period: {rows} for {parameters} second-stage parameters " +
                "(the proxy estimators need firms observed in consecutive years)"));
    }

    private static double[] Ones(int n)
    {
        var v = new double[n];
        Array.Fill(v, 1.0);
        return v;
    }

    private static double[] Take(double[] v, int[] rows)
    {
        var r = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++) r[i] = v[rows[i]];
        return r;
    }

    private static double[] TakeLag(double[] v, int[] rows, int[] lag)
    {
        var r = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++) r[i] = v[lag[rows[i]]];
        return r;
    }
}
