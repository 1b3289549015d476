using MathNet.Numerics.LinearAlgebra;
using Xinzhi.Data;
using Xinzhi.Econometrics.Regression;

namespace Xinzhi.Econometrics.Sfa;

/// <summary>
/// Stochastic frontier analysis by maximum likelihood, following FRONTIER 4.1 (Coelli 1996):
/// <c>ln y_it = x_it'β + v_it − s·u_it</c>, v ~ N(0, σ_v²), u ≥ 0, s = +1 (production) or −1 (cost), in the
/// parameterisation σ² = σ_u² + σ_v², γ = σ_u²/σ². Models: cross-section half-normal (Aigner, Lovell and Schmidt 1977),
/// truncated normal (Stevenson 1980), exponential (Meeusen and van den Broeck 1977), Pitt-Lee (1981), Battese-Coelli
/// (1992) time-varying decay and Battese-Coelli (1995) inefficiency effects.
/// </summary>
/// <remarks>
/// Default procedure (<see cref="SfaOptimizer.Frontier41"/>): FRONTIER 4.1's own — OLS → grid on γ with the
/// corrected-OLS intercept and σ² → Davidon-Fletcher-Powell with Himmelblau's line search, stopping at a relative change
/// of 1e-5; covariance = the final DFP direction matrix, as FRONTIER 4.1 and R frontier report
/// (<see cref="Frontier41Optimizer"/>). Alternative (<see cref="SfaOptimizer.Newton"/>, and always for the exponential
/// model): OLS → grid → BFGS on (ln σ², logit γ) → Newton polish; covariance = inverse negative Hessian. Either
/// covariance can be chosen with <see cref="SfaOptions.Covariance"/> (the direction matrix only on the FRONTIER path).
/// </remarks>
public sealed class StochasticFrontier
{
    private readonly SfaData _data;

    public StochasticFrontier(SfaData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
    }

    /// <summary>One-liner: cross-section half-normal production frontier.</summary>
    public static SfaResult Fit(double[] y, IReadOnlyList<double[]> x, IReadOnlyList<string> names, SfaOptions? options = null) =>
        new StochasticFrontier(new SfaData { Y = y, X = x, XNames = names }).Fit(options ?? new SfaOptions());

    public SfaResult Fit(SfaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var d = _data;
        var n = d.Y.Length;
        var model = options.Model;
        var dist = model == SfaModel.BC95 ? InefficiencyDistribution.TruncatedNormal : options.Distribution;
        Validate(d, options, dist);

        var (like, order, entityCount, xNames, zNames, zCols) = Build(d, options, dist);
        var k = like.K;
        var m = like.M;
        var sign = options.Cost ? -1.0 : 1.0;
        var names = new List<string>(xNames);
        names.AddRange(zNames);
        names.Add("sigmaSq");
        names.Add("gamma");
        if (like.MuIndex >= 0) names.Add("mu");
        if (like.EtaIndex >= 0) names.Add("eta");
        if (n <= like.Count)
            throw new DataValidationException(new DataIssue(d.Source, null, null,
                $"too few observations: {n} for {like.Count} parameters ({string.Join(", ", names)})"));
        if (model is SfaModel.PittLee or SfaModel.BC92 && entityCount < 2)
            throw new DataValidationException(new DataIssue(d.Source, null, null, "a panel frontier needs at least two entities"));
        if (m > 0) CheckCollinear(zCols, zNames);

        // Step 1: OLS (names collinear regressors).
        var ols = LinearRegression.Fit(d.Y, [Enumerable.Repeat(1.0, n).ToArray(), .. d.X], xNames);
        var sse = ols.SumSquaredResiduals;
        var sigmaMl = sse / n;
        var olsLogLik = -0.5 * n * (Math.Log(2 * Math.PI) + Math.Log(sigmaMl) + 1);
        double m2 = 0, m3 = 0;
        foreach (var e in ols.Residuals) { m2 += e * e; m3 += e * e * e; }
        m2 /= n;
        m3 /= n;
        var skew = m3 / Math.Pow(m2, 1.5);
        var warnings = new List<SfaWarning>();
        if (sign * m3 > 0)
            warnings.Add(new SfaWarning(SfaWarningCode.WrongSkew,
                $"OLS residuals are {(m3 > 0 ? "positively" : "negatively")} skewed (skewness {skew:G4}) but a " +
                $"{(options.Cost ? "cost" : "production")} frontier implies {(options.Cost ? "positive" : "negative")} skew: " +
                "the ML estimate of γ tends to 0 and the model collapses to OLS (Waldman 1982)."));

        // FRONTIER 4.1 has no exponential model: that one always takes the full-convergence path.
        var optimizer = dist == InefficiencyDistribution.Exponential ? SfaOptimizer.Newton : options.Optimizer;
        var covSource = options.Covariance ?? (optimizer == SfaOptimizer.Frontier41 ? SfaCovarianceSource.DirectionMatrix : SfaCovarianceSource.Hessian);
        if (covSource == SfaCovarianceSource.DirectionMatrix && optimizer != SfaOptimizer.Frontier41)
            throw new SpecificationException(dist == InefficiencyDistribution.Exponential
                ? "the exponential model is estimated by the Newton path (FRONTIER 4.1 has no exponential model); its covariance is the inverse Hessian (--vcov hessian)"
                : "the DFP direction matrix exists only for the FRONTIER 4.1 optimiser (--optimizer frontier41); use --vcov hessian");
        var stepWarnings = new List<SfaWarning>();
        var step = optimizer == SfaOptimizer.Frontier41
            ? FitFrontier41(like, options, ols.Coefficients, sse / (n - k), sign, stepWarnings)
            : FitNewton(like, options, dist, ols.Coefficients, sigmaMl, sign, stepWarnings);
        if (optimizer == SfaOptimizer.Newton && step.MuOnBound)
        {
            // μ = B·σ_u·tanh(ψ): on the bound the ψ-gradient vanishes, so BFGS cannot come back from a bound it ran
            // into. Re-solve from FRONTIER's estimate (which clips μ instead) and keep the higher likelihood.
            var frontier = FitFrontier41(like, options, ols.Coefficients, sse / (n - k), sign, []);
            var retryWarnings = new List<SfaWarning>();
            var retry = FitNewton(like, options, dist, ols.Coefficients, sigmaMl, sign, retryWarnings, frontier.Estimate);
            if (retry.LogLik > step.LogLik)
            {
                step = retry with { Reason = "restarted from the FRONTIER 4.1 estimate after μ ran into its bound; " + retry.Reason };
                stepWarnings = retryWarnings;
            }
        }
        warnings.AddRange(stepWarnings);
        var estimate = step.Estimate;
        var logLik = step.LogLik;
        var gammaHat = estimate[like.GammaIndex];
        if (gammaHat < 1e-4 || gammaHat > 1 - 1e-4)
            warnings.Add(new SfaWarning(SfaWarningCode.GammaAtBoundary,
                $"γ = {gammaHat:G4} is at the boundary of [0, 1]; " +
                (gammaHat < 0.5 ? "there is no evidence of inefficiency (the frontier is OLS)" : "the noise variance is negligible")));
        if (step.MuOnBound)
            warnings.Add(new SfaWarning(SfaWarningCode.MuAtBound,
                $"μ = {estimate[like.MuIndex]:G6} is on its bound ±{options.MuBound}·σ_u; the likelihood is flat in μ " +
                "(set MuBound to null / --mu-bound 0 to lift the bound)"));
        var cov = covSource == SfaCovarianceSource.DirectionMatrix ? DirectionCovariance(step.Direction!, warnings) : Covariance(like, estimate, warnings);
        var (muStar, sigmaStar, scale) = like.Conditional(estimate);
        var bc88 = new double[n];
        var jlms = new double[n];
        var mode = new double[n];
        var meanIneff = new double[n];
        var expU = new double[n];
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            var ms = muStar[r];
            var ss = sigmaStar[r];
            var h = scale[r];
            var ratio = ms / ss;
            // E[exp(−h u)], u ~ N⁺(μ*, σ*²): exp(−hμ* + ½h²σ*²) Φ(μ*/σ* − hσ*)/Φ(μ*/σ*), in logs for the tails.
            bc88[i] = Math.Exp(-h * ms + 0.5 * h * h * ss * ss + NormalMath.LogCdf(ratio - h * ss) - NormalMath.LogCdf(ratio));
            expU[i] = Math.Exp(h * ms + 0.5 * h * h * ss * ss + NormalMath.LogCdf(ratio + h * ss) - NormalMath.LogCdf(ratio));
            var eu = ms + ss * NormalMath.Mills(ratio);
            meanIneff[i] = h * eu;
            jlms[i] = Math.Exp(-h * eu);
            mode[i] = Math.Exp(-h * Math.Max(0, ms));
        }

        var restrictions = 1 + (like.MuIndex >= 0 ? 1 : 0) + (like.EtaIndex >= 0 ? 1 : 0) + m;
        return new SfaResult
        {
            Options = options with { Distribution = dist, Optimizer = optimizer, Covariance = covSource },
            Names = names,
            Estimates = estimate,
            Covariance = cov,
            LogLikelihood = logLik,
            LogLikelihoodAtEstimate = step.LogLikAtEstimate,
            OlsLogLikelihood = olsLogLik,
            OlsCoefficients = ols.Coefficients,
            OlsResidualSkewness = skew,
            Nobs = n,
            Entities = entityCount,
            Iterations = step.Iterations,
            PolishIterations = step.Polish,
            Converged = step.Converged,
            FunctionEvaluations = like.Evaluations,
            ConvergenceReason = step.Reason,
            GridGamma = step.GridGamma,
            Optimizer = optimizer,
            CovarianceSource = covSource,
            Restarts = step.Restarts,
            EfficiencyBC88 = bc88,
            EfficiencyJlms = jlms,
            EfficiencyMode = mode,
            InefficiencyMean = meanIneff,
            EfficiencyExpU = expU,
            Warnings = warnings,
            LrRestrictions = restrictions,
        };
    }

    /// <summary>Outcome of either optimiser, in the reported parameterisation.</summary>
    private sealed record OptimizerStep(double[] Estimate, double LogLik, double LogLikAtEstimate, double[,]? Direction, int Iterations, int Polish,
        bool Converged, string Reason, double GridGamma, int Restarts, bool MuOnBound);

    /// <summary>
    /// FRONTIER 4.1's procedure (<see cref="Frontier41Optimizer"/>): grid on γ, DFP with its line search and stopping
    /// rule; the covariance candidate is the final direction matrix.
    /// </summary>
    private static OptimizerStep FitFrontier41(SfaLikelihood like, SfaOptions options, IReadOnlyList<double> beta, double s2,
        double sign, List<SfaWarning> warnings)
    {
        var settings = new Frontier41Settings
        {
            Tolerance = options.Tolerance,
            SearchTolerance = options.SearchTolerance,
            SearchStep = options.SearchStep,
            GridSize = options.GridSize,
            GridDouble = options.GridDouble,
            MuBound = options.MuBound is { } mb && mb > 0 ? mb : 0,
            MaxIterations = options.MaxIterations,
            RestartMax = options.RestartMax,
            RestartFactor = options.RestartFactor,
        };
        var optimizer = new Frontier41Optimizer(like, settings);
        var outcome = optimizer.Run(beta, s2, sign, options.GridSearch);
        var estimate = outcome.Estimate;
        var logLikAtEstimate = like.Evaluate(estimate, []);
        // FRONTIER reports −f of the last accepted iterate (the estimate is one step further), which R frontier passes
        // on as mleLogl. Xinzhi reports the same figure but with the exact constant ½n·ln 2π instead of FRONTIER's
        // single-precision π (whose error, 2.4e-8 per observation, would grow with n). The exact ln L at the estimate
        // is SfaResult.LogLikelihoodAtEstimate; the two differ by less than the stopping tolerance.
        var logLik = -(outcome.PreviousObjective - optimizer.PiOffset);
        if (!double.IsFinite(logLikAtEstimate) || !double.IsFinite(logLik))
            throw new ConvergenceException("the log-likelihood is not finite at the FRONTIER 4.1 estimate", outcome.Iterations);
        if (!outcome.Converged)
            warnings.Add(new SfaWarning(SfaWarningCode.NotConverged,
                $"FRONTIER 4.1's DFP search stopped after {outcome.Iterations} iterations: {outcome.Reason}"));
        var onBound = false;
        if (like.MuIndex >= 0 && settings.MuBound > 0)
        {
            var bound = settings.MuBound * Math.Sqrt(estimate[like.SigmaIndex] * estimate[like.GammaIndex]);
            onBound = Math.Abs(estimate[like.MuIndex]) >= bound * (1 - 1e-9);
        }
        return new OptimizerStep(estimate, logLik, logLikAtEstimate, outcome.DirectionMatrix, outcome.Iterations, 0, outcome.Converged,
            outcome.Reason, outcome.GridGamma, outcome.Restarts, onBound);
    }

    /// <summary>
    /// Full convergence: grid on γ (0.05..0.95) → BFGS on (β, ln σ², logit γ, bounded μ) → Newton polish.
    /// </summary>
    private static OptimizerStep FitNewton(SfaLikelihood like, SfaOptions options, InefficiencyDistribution dist,
        IReadOnlyList<double> olsCoefficients, double sigmaMl, double sign, List<SfaWarning> warnings, double[]? startAt = null)
    {
        var k = like.K;
        // Step 2: grid search on γ with corrected-OLS σ² and intercept; μ, η, δ start at 0 (FRONTIER 4.1).
        var theta = new double[like.Count];
        var bestLl = double.NegativeInfinity;
        var gridGamma = double.NaN;
        var gammas = startAt is not null ? [] : options.GridSearch ? Enumerable.Range(0, 19).Select(g => 0.05 + 0.05 * g).ToArray() : [0.5];
        if (startAt is not null)
        {
            Array.Copy(startAt, theta, theta.Length);
            bestLl = like.Evaluate(theta, []);
            gridGamma = theta[like.GammaIndex];
        }
        var trial = new double[like.Count];
        foreach (var g in gammas)
        {
            Array.Clear(trial);
            for (var j = 0; j < k; j++) trial[j] = olsCoefficients[j];
            double s2, meanU;
            if (dist == InefficiencyDistribution.Exponential)
            {
                s2 = sigmaMl;
                meanU = Math.Sqrt(g * s2);
            }
            else
            {
                s2 = sigmaMl / (1 - 2 * g / Math.PI);
                meanU = Math.Sqrt(2 * g * s2 / Math.PI);
            }
            trial[0] += sign * meanU;
            trial[like.SigmaIndex] = s2;
            trial[like.GammaIndex] = g;
            var ll = like.Evaluate(trial, []);
            if (ll > bestLl) { bestLl = ll; gridGamma = g; Array.Copy(trial, theta, theta.Length); }
        }
        if (!double.IsFinite(bestLl))
            throw new ConvergenceException("the log-likelihood is not finite at any grid point of γ", 0);

        // Step 3: quasi-Newton on the transformed parameters.
        var p = like.Count;
        var grad = new double[p];
        var orig = new double[p];
        var muBound = like.MuIndex >= 0 && options.MuBound is { } mb && mb > 0 ? mb : 0.0;
        QuasiNewton.Objective objective = (phi, gphi) =>
        {
            FromTransformed(phi, orig, like, muBound);
            var ll = like.Evaluate(orig, grad);
            if (!double.IsFinite(ll)) return double.PositiveInfinity;
            for (var j = 0; j < p; j++) gphi[j] = -grad[j];
            var s2 = orig[like.SigmaIndex];
            var gm = orig[like.GammaIndex];
            if (muBound > 0)
            {
                // μ = B·σ_u·tanh(ψ) depends on σ² and γ through σ_u = √(γσ²).
                var mu = orig[like.MuIndex];
                var th = Math.Tanh(phi[like.MuIndex]);
                gphi[like.SigmaIndex] += gphi[like.MuIndex] * mu / (2 * s2);
                gphi[like.GammaIndex] += gphi[like.MuIndex] * mu / (2 * gm);
                gphi[like.MuIndex] *= muBound * Math.Sqrt(gm * s2) * (1 - th * th);
            }
            gphi[like.SigmaIndex] *= s2;
            gphi[like.GammaIndex] *= gm * (1 - gm);
            return -ll;
        };
        var start = ToTransformed(theta, like, muBound);
        var min = QuasiNewton.Minimize(objective, start, options.MaxIterations, options.GradientTolerance, options.ValueTolerance);
        var phiHat = min.Point;
        var fHat = min.Value;
        var polish = 0;
        if (options.NewtonPolish) (phiHat, fHat, polish) = Polish(objective, phiHat, fHat);
        var estimate = new double[p];
        FromTransformed(phiHat, estimate, like, muBound);
        var converged = min.Converged || polish > 0 && GradientNorm(objective, phiHat) < 1e-6 * Math.Max(1, Math.Abs(fHat));
        if (!converged)
            warnings.Add(new SfaWarning(SfaWarningCode.NotConverged,
                $"the optimiser stopped after {min.Iterations} iterations: {min.Reason}"));
        var onBound = muBound > 0 && Math.Abs(Math.Tanh(phiHat[like.MuIndex])) > 1 - 1e-6;
        return new OptimizerStep(estimate, -fHat, -fHat, null, min.Iterations, polish, converged, min.Reason, gridGamma, 0, onBound);
    }

    /// <summary>FRONTIER's covariance: the final DFP direction matrix, symmetrised (it is symmetric up to rounding).</summary>
    private static double[,] DirectionCovariance(double[,] h, List<SfaWarning> warnings)
    {
        var p = h.GetLength(0);
        var cov = new double[p, p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++) cov[i, j] = 0.5 * (h[i, j] + h[j, i]);
        for (var i = 0; i < p; i++)
            if (!(cov[i, i] > 0) || !double.IsFinite(cov[i, i]))
            {
                warnings.Add(new SfaWarning(SfaWarningCode.SingularHessian,
                    "the DFP direction matrix has a non-positive diagonal: its standard errors are not available (use --vcov hessian)"));
                break;
            }
        return cov;
    }

    private static (SfaLikelihood Like, int[] Order, int EntityCount, List<string> XNames, List<string> ZNames, List<double[]> ZCols)
        Build(SfaData d, SfaOptions options, InefficiencyDistribution dist)
    {
        var n = d.Y.Length;
        var model = options.Model;
        // Sort rows by entity (first appearance) then period; panel likelihoods need contiguous entities.
        var order = Enumerable.Range(0, n).ToArray();
        var entityStart = new[] { 0, n };
        var timeToEnd = new double[n];
        var entityCount = n;
        if (d.Ids is not null)
        {
            var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var id in d.Ids) firstSeen.TryAdd(id, firstSeen.Count);
            // Panel likelihoods need contiguous entities (and FRONTIER sums firm by firm, period by period); a
            // cross-section keeps the input order, which is also the order FRONTIER sums in.
            if (model != SfaModel.CrossSection)
                order = order.OrderBy(i => firstSeen[d.Ids[i]]).ThenBy(i => d.Times?[i] ?? 0).ToArray();
            entityCount = firstSeen.Count;
            var starts = new List<int>();
            for (var r = 0; r < n; r++)
                if (r == 0 || d.Ids[order[r]] != d.Ids[order[r - 1]]) starts.Add(r);
            starts.Add(n);
            entityStart = starts.ToArray();
            if (d.Times is not null)
            {
                var last = d.Times.Max();
                for (var r = 0; r < n; r++) timeToEnd[r] = d.Times[order[r]] - last;
            }
        }
        if (model is not (SfaModel.PittLee or SfaModel.BC92)) entityStart = [0, n];

        var k = d.X.Count + 1;
        var xNames = new List<string> { "(Intercept)" };
        xNames.AddRange(d.XNames);
        var y = new double[n];
        var x = new double[n * k];
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            y[r] = d.Y[i];
            x[r * k] = 1;
            for (var j = 1; j < k; j++) x[r * k + j] = d.X[j - 1][i];
        }
        var zNames = new List<string>();
        var zCols = new List<double[]>();
        if (model == SfaModel.BC95)
        {
            if (options.ZIntercept) { zNames.Add("Z_(Intercept)"); zCols.Add(Enumerable.Repeat(1.0, n).ToArray()); }
            for (var j = 0; j < d.Z.Count; j++) { zNames.Add("Z_" + d.ZNames[j]); zCols.Add(d.Z[j]); }
        }
        var m = zCols.Count;
        var z = new double[n * m];
        for (var r = 0; r < n; r++)
            for (var j = 0; j < m; j++) z[r * m + j] = zCols[j][order[r]];

        var sign = options.Cost ? -1.0 : 1.0;
        var like = new SfaLikelihood(y, x, k, z, m, sign, model, dist, entityStart, timeToEnd);
        return (like, order, entityCount, xNames, zNames, zCols);
    }

    /// <summary>ln L at a given parameter vector (in <see cref="SfaResult.Names"/> order); for tests and diagnostics.</summary>
    public double LogLikelihoodAt(SfaOptions options, double[] theta)
    {
        var dist = options.Model == SfaModel.BC95 ? InefficiencyDistribution.TruncatedNormal : options.Distribution;
        var like = Build(_data, options, dist).Like;
        if (theta.Length != like.Count) throw new ArgumentException($"Expected {like.Count} parameters.", nameof(theta));
        return like.Evaluate(theta, []);
    }

    /// <summary>Analytic gradient of ln L at θ (tests compare it with finite differences).</summary>
    internal double[] GradientAt(SfaOptions options, double[] theta)
    {
        var dist = options.Model == SfaModel.BC95 ? InefficiencyDistribution.TruncatedNormal : options.Distribution;
        var like = Build(_data, options, dist).Like;
        var g = new double[like.Count];
        like.Evaluate(theta, g);
        return g;
    }

    /// <summary>
    /// FRONTIER 4.1's objective −ln L (its π) and gradient at θ, as the default optimiser evaluates them, with ½n·ln(π₄₁/π)
    /// (the difference to the exact −ln L) for tests that compare it with <see cref="LogLikelihoodAt"/>.
    /// </summary>
    internal (double Value, double[] Gradient, double PiOffset) Frontier41ObjectiveAt(SfaOptions options, double[] theta)
    {
        var dist = options.Model == SfaModel.BC95 ? InefficiencyDistribution.TruncatedNormal : options.Distribution;
        var like = Build(_data, options, dist).Like;
        var objective = new Frontier41Objective(like);
        var g = new double[like.Count];
        var b = (double[])theta.Clone();
        objective.Gradient(b, g);
        var offset = 0.5 * like.N * (Math.Log(2.0 * Frontier41Optimizer.FrontierPi) - Math.Log(2.0 * Math.PI));
        return (objective.Value(b), g, offset);
    }

    private static void Validate(SfaData d, SfaOptions o, InefficiencyDistribution dist)
    {
        var n = d.Y.Length;
        if (d.X.Count != d.XNames.Count) throw new ArgumentException("X and XNames differ in length.", nameof(d));
        if (d.Z.Count != d.ZNames.Count) throw new ArgumentException("Z and ZNames differ in length.", nameof(d));
        if (o.Model == SfaModel.BC95 && o.Distribution == InefficiencyDistribution.Exponential)
            throw new SpecificationException("the BC95 model defines u as truncated normal N⁺(z'δ, σ_u²); the exponential distribution does not apply");
        if (dist == InefficiencyDistribution.Exponential && o.Model != SfaModel.CrossSection)
            throw new SpecificationException("the exponential distribution is available for the cross-section model only");
        if (o.Model is SfaModel.PittLee or SfaModel.BC92 && (d.Ids is null || d.Times is null))
            throw new SpecificationException($"the {o.Model} model needs entity ids and periods (--id and --time)");
        if (o.Model == SfaModel.BC95 && d.Z.Count == 0 && !o.ZIntercept)
            throw new SpecificationException("the BC95 model needs inefficiency-effect variables (--z) or the intercept δ₀");
        if (o.Model != SfaModel.BC95 && d.Z.Count > 0)
            throw new SpecificationException("z variables (--z) belong to the BC95 model (--model bc95)");
        if (d.Ids is not null && d.Ids.Length != n) throw new ArgumentException("Ids must have one value per row.", nameof(d));
        if (d.Times is not null && d.Times.Length != n) throw new ArgumentException("Times must have one value per row.", nameof(d));
        var issues = new DataIssueCollector();
        void Check(double[] v, string col)
        {
            if (v.Length != n) throw new ArgumentException($"Column '{col}' has {v.Length} values, expected {n}.", nameof(d));
            for (var i = 0; i < n; i++)
                if (!double.IsFinite(v[i]))
                    issues.Add(d.Source, d.SourceRows?[i] ?? i + 2, col, $"value {v[i]} is not finite");
        }
        Check(d.Y, "y");
        for (var j = 0; j < d.X.Count; j++) Check(d.X[j], d.XNames[j]);
        for (var j = 0; j < d.Z.Count; j++) Check(d.Z[j], d.ZNames[j]);
        issues.ThrowIfAny();
    }

    private static void CheckCollinear(List<double[]> cols, List<string> names)
    {
        var n = cols[0].Length;
        var a = Matrix<double>.Build.Dense(n, cols.Count, (i, j) => cols[j][i]);
        var r = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R;
        var max = 0.0;
        for (var j = 0; j < cols.Count; j++) max = Math.Max(max, Math.Abs(r[j, j]));
        var bad = new List<string>();
        for (var j = 0; j < cols.Count; j++)
            if (Math.Abs(r[j, j]) <= LinearRegression.CollinearityTolerance * Math.Max(max, 1e-300)) bad.Add(names[j]);
        if (bad.Count > 0)
            throw new SingularMatrixException(
                $"perfectly collinear inefficiency-effect variables: {string.Join(", ", bad)} " +
                "(each is a linear combination of the ones before it)");
    }

    private static double[] ToTransformed(double[] theta, SfaLikelihood like, double muBound)
    {
        var phi = (double[])theta.Clone();
        phi[like.SigmaIndex] = Math.Log(theta[like.SigmaIndex]);
        var g = theta[like.GammaIndex];
        phi[like.GammaIndex] = Math.Log(g / (1 - g));
        if (muBound > 0)
        {
            var r = theta[like.MuIndex] / (muBound * Math.Sqrt(g * theta[like.SigmaIndex]));
            phi[like.MuIndex] = Math.Atanh(Math.Clamp(r, -0.999999, 0.999999));
        }
        return phi;
    }

    private static void FromTransformed(ReadOnlySpan<double> phi, double[] theta, SfaLikelihood like, double muBound)
    {
        phi.CopyTo(theta);
        theta[like.SigmaIndex] = Math.Exp(phi[like.SigmaIndex]);
        var b = phi[like.GammaIndex];
        theta[like.GammaIndex] = b >= 0 ? 1 / (1 + Math.Exp(-b)) : Math.Exp(b) / (1 + Math.Exp(b));
        if (muBound > 0)
            theta[like.MuIndex] = muBound * Math.Sqrt(theta[like.GammaIndex] * theta[like.SigmaIndex]) * Math.Tanh(phi[like.MuIndex]);
    }

    private static double GradientNorm(QuasiNewton.Objective f, double[] x)
    {
        var g = new double[x.Length];
        f(x, g);
        var s = 0.0;
        for (var j = 0; j < g.Length; j++) s = Math.Max(s, Math.Abs(g[j]) * Math.Max(1, Math.Abs(x[j])));
        return s;
    }

    /// <summary>Newton steps on a numerical Hessian; each is accepted only if it lowers the objective.</summary>
    private static (double[] X, double F, int Iterations) Polish(QuasiNewton.Objective f, double[] x, double fx)
    {
        var p = x.Length;
        var g = new double[p];
        var iterations = 0;
        for (var it = 0; it < 20; it++)
        {
            f(x, g);
            var h = NumericalHessian(f, x);
            if (h is null) break;
            var hm = Matrix<double>.Build.DenseOfArray(h);
            if (!IsPositiveDefinite(hm)) break;
            var step = hm.Cholesky().Solve(Vector<double>.Build.DenseOfArray(g));
            var t = 1.0;
            var improved = false;
            var xNew = new double[p];
            var gNew = new double[p];
            for (var ls = 0; ls < 10; ls++)
            {
                for (var j = 0; j < p; j++) xNew[j] = x[j] - t * step[j];
                var fNew = f(xNew, gNew);
                if (double.IsFinite(fNew) && fNew <= fx + 1e-12 * Math.Max(1, Math.Abs(fx)))
                {
                    var gain = fx - fNew;
                    improved = true;
                    x = xNew;
                    fx = Math.Min(fx, fNew);
                    iterations++;
                    if (gain <= 1e-15 * Math.Max(1, Math.Abs(fx)) && step.AbsoluteMaximum() * t < 1e-10) return (x, fx, iterations);
                    break;
                }
                t *= 0.5;
            }
            if (!improved) break;
        }
        return (x, fx, iterations);
    }

    private static bool IsPositiveDefinite(Matrix<double> h)
    {
        try
        {
            var c = h.Cholesky();
            for (var j = 0; j < h.RowCount; j++) if (!(c.Factor[j, j] > 0) || !double.IsFinite(c.Factor[j, j])) return false;
            return true;
        }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Hessian of a function by central differences of its gradient; null if an evaluation fails.</summary>
    private static double[,]? NumericalHessian(QuasiNewton.Objective f, double[] x)
    {
        var p = x.Length;
        var h = new double[p, p];
        var gp = new double[p];
        var gm = new double[p];
        var xs = (double[])x.Clone();
        for (var j = 0; j < p; j++)
        {
            var step = 1e-5 * Math.Max(1, Math.Abs(x[j]));
            xs[j] = x[j] + step;
            var fp = f(xs, gp);
            xs[j] = x[j] - step;
            var fm = f(xs, gm);
            xs[j] = x[j];
            if (!double.IsFinite(fp) || !double.IsFinite(fm)) return null;
            for (var i = 0; i < p; i++) h[i, j] = (gp[i] - gm[i]) / (2 * step);
        }
        for (var i = 0; i < p; i++)
            for (var j = 0; j < i; j++)
                h[i, j] = h[j, i] = 0.5 * (h[i, j] + h[j, i]);
        return h;
    }

    /// <summary>Covariance = (−∂²lnL/∂θ∂θ')⁻¹ in the reported parameterisation (σ², γ, not their transforms).</summary>
    private static double[,] Covariance(SfaLikelihood like, double[] theta, List<SfaWarning> warnings)
    {
        var p = theta.Length;
        var g = new double[p];
        QuasiNewton.Objective negLl = (t, grad) =>
        {
            var ll = like.Evaluate(t, g);
            if (!double.IsFinite(ll)) return double.PositiveInfinity;
            for (var j = 0; j < p; j++) grad[j] = -g[j];
            return -ll;
        };
        // Steps must keep γ inside (0, 1) when it sits near a boundary.
        var x = (double[])theta.Clone();
        var hess = new double[p, p];
        var gp = new double[p];
        var gm = new double[p];
        var ok = true;
        for (var j = 0; j < p && ok; j++)
        {
            var step = 1e-5 * Math.Max(1e-2, Math.Abs(theta[j]));
            if (j == like.GammaIndex) step = Math.Min(step, 0.5 * Math.Min(theta[j], 1 - theta[j]));
            if (j == like.SigmaIndex) step = Math.Min(step, 0.5 * theta[j]);
            x[j] = theta[j] + step;
            var fp = negLl(x, gp);
            x[j] = theta[j] - step;
            var fm = negLl(x, gm);
            x[j] = theta[j];
            if (!double.IsFinite(fp) || !double.IsFinite(fm)) { ok = false; break; }
            for (var i = 0; i < p; i++) hess[i, j] = (gp[i] - gm[i]) / (2 * step);
        }
        var cov = new double[p, p];
        if (ok)
        {
            for (var i = 0; i < p; i++)
                for (var j = 0; j < i; j++)
                    hess[i, j] = hess[j, i] = 0.5 * (hess[i, j] + hess[j, i]);
            var hm = Matrix<double>.Build.DenseOfArray(hess);
            if (IsPositiveDefinite(hm))
            {
                var inv = hm.Inverse();
                for (var i = 0; i < p; i++)
                    for (var j = 0; j < p; j++) cov[i, j] = inv[i, j];
                return cov;
            }
        }
        warnings.Add(new SfaWarning(SfaWarningCode.SingularHessian,
            "the Hessian of the log-likelihood is not negative definite at the estimate: standard errors are not available"));
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++) cov[i, j] = double.NaN;
        return cov;
    }
}
