namespace Xinzhi.Econometrics.Sfa;

/// <summary>Settings of FRONTIER 4.1's estimation procedure (Coelli 1996; R frontier 1.1-8 defaults).</summary>
internal sealed record Frontier41Settings
{
    /// <summary>Relative change of −ln L and of every parameter between iterations below which DFP stops.</summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>Relative tolerance of the unidimensional search (R <c>searchTol</c>).</summary>
    public double SearchTolerance { get; init; } = 1e-3;

    /// <summary>First trial step of the unidimensional search (R <c>searchStep</c>).</summary>
    public double SearchStep { get; init; } = 1e-5;

    /// <summary>Parameter bounds are 1/√bignum from 0 and 1; an update with cos(Hg, g) below 1/bignum is replaced.</summary>
    public double BigNumber { get; init; } = 1e16;

    /// <summary>Spacing of the grid on γ (R <c>gridSize</c>).</summary>
    public double GridSize { get; init; } = 0.1;

    /// <summary>Refine the grid around its best point with a tenth of the spacing (R <c>gridDouble</c>).</summary>
    public bool GridDouble { get; init; } = true;

    /// <summary>Bound |μ| ≤ B·σ_u for the error-components model; 0 = none.</summary>
    public double MuBound { get; init; } = 2;

    public int MaxIterations { get; init; } = 1000;

    /// <summary>
    /// R frontier 1.1: when the first search finds no point better than the start, the start is multiplied by
    /// <see cref="RestartFactor"/> and the search retried, at most this many times.
    /// </summary>
    public int RestartMax { get; init; } = 10;

    public double RestartFactor { get; init; } = 0.999;

    /// <summary>
    /// Initial step of each line search after the first: R <c>searchScale = NA</c> (null here) scales it by the last
    /// step only when that was shorter than the direction; true always scales, false never does.
    /// </summary>
    public bool? SearchScale { get; init; }
}

/// <summary>Where FRONTIER's procedure stopped; <c>Restarts</c> counts the nudged starts (R frontier 1.1 restartMax).</summary>
internal sealed record Frontier41Outcome(
    double[] Estimate, double[,] DirectionMatrix, double PreviousObjective, double Objective, int Iterations,
    bool Converged, string Reason, double GridGamma, int Restarts);

/// <summary>
/// FRONTIER 4.1's maximum-likelihood procedure, reproduced step by step so that estimates, iteration counts and
/// standard errors agree with FRONTIER 4.1 and R frontier (which wraps it):
/// <list type="number">
/// <item>start from OLS; β₀ and σ² are moved at each trial γ by the corrected-OLS formulas of the half-normal
/// (σ² = s²_ML/(1 − 2γ/π), β₀ + s·√(2γσ²/π)); μ, η, δ start at 0;</item>
/// <item>grid γ = g, 2g, …, up to 1 (g = 0.1), then optionally a finer grid of step g/10 around the best point;</item>
/// <item>Davidon-Fletcher-Powell iterations on the raw parameters (β, δ, σ², γ, μ, η) with the unidimensional
/// search of Himmelblau (1972, appendix B): bracketing by doubling steps, then quadratic interpolation;
/// a failed search (no decrease) restarts from the steepest-descent direction with the identity matrix;</item>
/// <item>σ² &gt; 0 and γ ∈ [1/√bignum, 1 − 1/√bignum] are enforced by clipping every trial point, and in the
/// error-components model |μ| ≤ B·√(σ²γ);</item>
/// <item>stop when the relative change of −ln L and of every parameter is at most the tolerance; the estimate is the
/// new point, the covariance the direction matrix of the last update (an approximation of the inverse Hessian).</item>
/// </list>
/// π is FRONTIER's single-precision constant 3.1415926 in the grid and the likelihood constant, and −ln L and its
/// gradient are evaluated in FRONTIER's own arrangement with R's Φ (<see cref="Frontier41Objective"/>), so the path
/// (and therefore where the relative stopping rule fires, and the direction matrix) is the same to the last bit.
/// </summary>
internal sealed class Frontier41Optimizer
{
    /// <summary>FRONTIER's <c>pi</c>: a single-precision literal widened to double.</summary>
    internal static readonly double FrontierPi = (double)3.1415926f;

    private readonly SfaLikelihood _like;
    private readonly Frontier41Settings _s;
    private readonly double _offset;
    private readonly Frontier41Objective _objective;
    private readonly bool _boundMu;

    public Frontier41Optimizer(SfaLikelihood like, Frontier41Settings settings)
    {
        _like = like;
        _s = settings;
        // −ln L with FRONTIER's π in the constant ½·n·ln(2π).
        _offset = 0.5 * like.N * (Math.Log(2.0 * FrontierPi) - Math.Log(2.0 * Math.PI));
        _objective = new Frontier41Objective(like);
        _boundMu = like.MuIndex >= 0 && settings.MuBound > 0;
    }

    /// <summary>
    /// −ln L(FRONTIER's π) − (−ln L(exact π)) = ½·n·ln(π₄₁/π): add to a FRONTIER objective value to get the exact −ln L.
    /// </summary>
    public double PiOffset => _offset;

    /// <summary>Objective evaluations (grid, searches).</summary>
    public int Evaluations { get; private set; }

    /// <summary>Clips σ², γ (and μ) into FRONTIER's admissible region, in place, as every evaluation does.</summary>
    private void Clip(double[] b)
    {
        var tiny = 1.0 / Math.Sqrt(_s.BigNumber);
        var si = _like.SigmaIndex;
        var gi = _like.GammaIndex;
        if (b[si] <= 0) b[si] = tiny;
        if (b[gi] <= tiny) b[gi] = tiny;
        if (b[gi] >= 1 - tiny) b[gi] = 1 - tiny;
        if (_boundMu)
        {
            var bound = _s.MuBound * Math.Sqrt(b[si] * b[gi]);
            var mi = _like.MuIndex;
            if (b[mi] > bound) b[mi] = bound;
            if (b[mi] < -bound) b[mi] = -bound;
        }
    }

    /// <summary>−ln L at b after clipping b; a huge finite value where the likelihood fails.</summary>
    private double Objective(double[] b)
    {
        Clip(b);
        Evaluations++;
        var f = _objective.Value(b);
        return double.IsFinite(f) ? f : 1e100;
    }

    private void Gradient(double[] b, double[] g)
    {
        Clip(b);
        _objective.Gradient(b, g);
    }

    /// <summary>
    /// Runs grid (or the given start) and DFP. <paramref name="beta"/> are the OLS coefficients, <paramref name="s2"/>
    /// the OLS variance e'e/(n − k), <paramref name="sign"/> +1 production, −1 cost.
    /// </summary>
    public Frontier41Outcome Run(IReadOnlyList<double> beta, double s2, double sign, bool grid)
    {
        var p = _like.Count;
        var k = _like.K;
        var n = _like.N;
        // FRONTIER converts the OLS variance to its ML counterpart e'e/n in single-precision integer arithmetic.
        var variance = s2 * (float)(n - k) / (float)n;
        var trial = new double[p];
        for (var j = 0; j < k; j++) trial[j] = beta[j];
        var b0 = beta[0];
        var x = new double[p];
        var fx = _s.BigNumber;

        void TryGamma(double g)
        {
            trial[_like.GammaIndex] = g;
            trial[_like.SigmaIndex] = variance / (1.0 - 2.0 * g / FrontierPi);
            // FRONTIER writes the square root as a power ½ (glibc's pow, not sqrt: they can differ in the last bit).
            var c = Math.Pow(g * trial[_like.SigmaIndex] * 2 / FrontierPi, 0.5);
            trial[0] = b0 + c * sign;
            var f = Objective(trial);
            if (f < fx)
            {
                fx = f;
                Array.Copy(trial, x, p);
            }
        }

        if (grid)
        {
            var g = _s.GridSize;
            var top = 1.0 - g;
            var count = (int)Math.Ceiling((top - g + g) / g);
            for (var j = 1; j <= count; j++) TryGamma(g + (j - 1) * g);
            if (_s.GridDouble)
            {
                var lo = x[_like.GammaIndex] - g / 2.0;
                var hi = x[_like.GammaIndex] + g / 2.0;
                var fine = g / 10.0;
                var fineCount = (int)Math.Ceiling((hi - lo + fine) / fine);
                for (var j = 1; j <= fineCount; j++) TryGamma(lo + (j - 1) * fine);
            }
        }
        else
        {
            TryGamma(0.5);
        }
        if (!(fx < _s.BigNumber))
            throw new ConvergenceException("the log-likelihood is not finite at any grid point of γ", 0);
        var gridGamma = x[_like.GammaIndex];
        return Dfp(x, fx, gridGamma);
    }

    private Frontier41Outcome Dfp(double[] x, double fx, double gridGamma)
    {
        var p = x.Length;
        var y = (double[])x.Clone();
        var fy = fx;
        var gx = new double[p];
        var gy = new double[p];
        var s = new double[p];
        var dx = new double[p];
        var dg = new double[p];
        var h = new double[p, p];
        Gradient(x, gx);
        var iter = 0;
        var restarts = 0;
        if (_s.MaxIterations == 0)
            return new Frontier41Outcome(y, h, fx, fy, 0, false, "no iterations requested", gridGamma, 0);
        var steepest = true;
        var start = (double[])x.Clone();
        while (true)
        {
            if (steepest)
            {
                // (Re)start: identity direction matrix, steepest descent.
                Array.Clear(h);
                for (var i = 0; i < p; i++)
                {
                    h[i, i] = 1;
                    s[i] = -gx[i];
                }
                steepest = false;
            }
            fy = LineSearch(x, fx, y, s, gx, dx, iter);
            iter++;
            if (iter >= _s.MaxIterations)
                return new Frontier41Outcome(y, h, fx, fy, iter, false, "iteration limit reached", gridGamma, restarts);
            if (fy > fx)
            {
                // FRONTIER restarts from steepest descent after a failed search (never in practice: the search
                // returns the start rather than a worse point).
                steepest = true;
                continue;
            }
            if (iter == 1 && SameVector(x, y) && restarts < _s.RestartMax)
            {
                // No better point than the start along the gradient (R frontier 1.1's restart rule): nudge the start.
                restarts++;
                for (var i = 0; i < p; i++) start[i] *= _s.RestartFactor;
                Array.Copy(start, x, p);
                fx = Objective(x);
                Array.Copy(x, y, p);
                Gradient(x, gx);
                iter = 0;
                steepest = true;
                continue;
            }
            Gradient(y, gy);
            if (Converged(x, y, fx, fy))
            {
                var reason = SameVector(x, y)
                    ? "no better point along the search direction (FRONTIER's convergence test passes)"
                    : $"relative change of ln L and of every parameter ≤ {_s.Tolerance:G3}";
                return new Frontier41Outcome(y, h, fx, fy, iter, true, reason, gridGamma, restarts);
            }
            for (var i = 0; i < p; i++)
            {
                dg[i] = gy[i] - gx[i];
                dx[i] = y[i] - x[i];
                gx[i] = gy[i];
                x[i] = y[i];
            }
            fx = fy;
            UpdateDirectionMatrix(h, dx, dg, gx);
            for (var i = 0; i < p; i++)
            {
                var acc = 0.0;
                for (var j = 0; j < p; j++) acc -= h[i, j] * gy[j];
                s[i] = acc;
            }
        }
    }

    private static bool SameVector(double[] a, double[] b)
    {
        for (var i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    /// <summary>FRONTIER's stopping rule: relative (absolute near 0) change of f and of each parameter ≤ tol.</summary>
    private bool Converged(double[] x, double[] y, double fx, double fy)
    {
        var tol = _s.Tolerance;
        if (Math.Abs(fx) <= tol ? Math.Abs(fx - fy) > tol : Math.Abs((fx - fy) / fx) > tol) return false;
        for (var i = 0; i < x.Length; i++)
        {
            if (Math.Abs(x[i]) <= tol)
            {
                if (Math.Abs(x[i] - y[i]) > tol) return false;
            }
            else if (Math.Abs((x[i] - y[i]) / x[i]) > tol) return false;
        }
        return true;
    }

    /// <summary>
    /// DFP update H += Δx Δx'/(Δx'Δg) − (HΔg)(Δg'H)/(Δg'HΔg), with FRONTIER's safeguards: the diagonal is made
    /// non-negative, and if the new direction −Hg is (numerically) orthogonal to g the matrix is replaced by
    /// diag(Δx/g).
    /// </summary>
    private void UpdateDirectionMatrix(double[,] h, double[] dx, double[] dg, double[] g)
    {
        var p = dx.Length;
        var hdg = new double[p];
        var dgh = new double[p];
        double dxdg = 0, dghdg = 0;
        for (var i = 0; i < p; i++)
        {
            double a = 0, b = 0;
            for (var j = 0; j < p; j++)
            {
                a -= h[i, j] * dg[j];
                b += dg[j] * h[j, i];
            }
            hdg[i] = a;
            dgh[i] = b;
            dxdg += dx[i] * dg[i];
            dghdg += b * dg[i];
        }
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
                h[i, j] = h[i, j] + dx[i] * dx[j] / dxdg + hdg[i] * dgh[j] / dghdg;
        for (var i = 0; i < p; i++) h[i, i] = Math.Abs(h[i, i]);
        double hgNorm = 0, gNorm = 0, dot = 0;
        for (var i = 0; i < p; i++)
        {
            var hg = 0.0;
            for (var j = 0; j < p; j++) hg += h[i, j] * g[j];
            hgNorm += hg * hg;
            gNorm += g[i] * g[i];
            dot += hg * g[i];
        }
        var cos = dot / Math.Sqrt(hgNorm * gNorm);
        if (Math.Abs(cos) < 1.0 / _s.BigNumber)
        {
            Array.Clear(h);
            for (var i = 0; i < p; i++) h[i, i] = dx[i] / g[i];
        }
    }

    /// <summary>
    /// Unidimensional search along s from x (Himmelblau 1972, appendix B, as in FRONTIER 4.1): steps d, 3d, 7d, …
    /// (reversing once if the first step fails) until f rises, then quadratic interpolation on the three bracketing
    /// points, refined until successive values agree to the relative search tolerance (tightened up to five times
    /// when the search would return the start). Writes the chosen point into y and returns f(y).
    /// </summary>
    private double LineSearch(double[] x, double fx, double[] y, double[] s, double[] gx, double[] lastStep, int iter)
    {
        var p = x.Length;
        var ftol = _s.SearchTolerance;
        var ftolZero = ftol / 100.0;
        double fa = fx, fb = fx, fc = fx;
        double da = 0, db = 0, dc = 0;
        var k = -2;
        var interpolationRetry = 0;
        var exiting = false;
        var tightenings = 0;
        var step = _s.SearchStep;
        var d = step;
        if (_s.SearchScale != false && iter != 0)
        {
            double dxNorm = 0, sNorm = 0;
            for (var i = 0; i < p; i++)
            {
                dxNorm += lastStep[i] * lastStep[i];
                sNorm += s[i] * s[i];
            }
            if (!(_s.SearchScale is null && dxNorm >= sNorm))
            {
                step = Math.Sqrt(dxNorm / sNorm);
                d = step;
            }
        }

        double Eval(double t)
        {
            for (var i = 0; i < p; i++) y[i] = x[i] + t * s[i];
            return Objective(y);
        }

        var fy = fx;
        // Phase 1: bracket a minimum.
        double f;
        while (true)
        {
            f = Eval(d);
            k++;
            if (f < fa)
            {
                fc = fb; fb = fa; fa = f;
                dc = db; db = da; da = d;
                d = 2.0 * d + step;
                continue;
            }
            if (f == fa)
            {
                // The function does not change along s.
                for (var i = 0; i < p; i++) y[i] = x[i] + da * s[i];
                return fa;
            }
            if (k < 0)
            {
                fb = f; db = d;
                d = -d; step = -step;
                continue;
            }
            dc = db; db = da; da = d;
            fc = fb; fb = fa; fa = f;
            break;
        }

        // Phase 2: shrink the bracket (da, db, dc) by midpoints and parabolic interpolation.
        var state = k == 0 ? State.Interpolate : State.Midpoint;
        while (true)
        {
            switch (state)
            {
                case State.Midpoint:
                    d = 0.5 * (da + db);
                    f = Eval(d);
                    state = State.Compare;
                    break;

                case State.Compare:
                {
                    var side = (dc - d) * (d - db);
                    if (side == 0 || f == fb)
                    {
                        state = State.TakeB;
                        break;
                    }
                    if (side < 0)
                    {
                        if (f < fb) { fc = fb; fb = f; dc = db; db = d; }
                        else { fa = f; da = d; }
                    }
                    else
                    {
                        if (f < fb) { fa = fb; fb = f; da = db; db = d; }
                        else { fc = f; dc = d; }
                    }
                    state = State.Interpolate;
                    break;
                }

                case State.Interpolate:
                {
                    var a = fa * (db - dc) + fb * (dc - da) + fc * (da - db);
                    if (a == 0)
                    {
                        if (interpolationRetry <= 0)
                        {
                            interpolationRetry++;
                            state = State.Midpoint;
                        }
                        else state = State.TakeB;
                        break;
                    }
                    d = 0.5 * ((db * db - dc * dc) * fa + (dc * dc - da * da) * fb + (da * da - db * db) * fc) / a;
                    if ((da - d) * (d - dc) <= 0)
                    {
                        state = State.TakeB;
                        break;
                    }
                    f = Eval(d);
                    // Relative agreement of successive values. FRONTIER divides by fb itself, so when ln L > 0 (fb < 0)
                    // its test passes at once and DFP stops after a few iterations far from the maximum; Xinzhi
                    // divides by |fb| (identical whenever ln L < 0, as in every reference model).
                    var scale = Math.Abs(fb) <= ftolZero ? 1.0 : 1.0 / Math.Abs(fb);
                    if (Math.Abs(fb - f) * scale <= ftol)
                    {
                        exiting = true;
                        if (f < fb)
                        {
                            fy = f;
                            state = State.Finish;
                        }
                        else state = State.TakeB;
                    }
                    else state = State.Compare;
                    break;
                }

                case State.TakeB:
                    for (var i = 0; i < p; i++) y[i] = x[i] + db * s[i];
                    fy = fb;
                    if (!exiting) return fy;
                    state = State.Finish;
                    break;

                case State.Finish:
                    // Converged on the start point: retry with a tighter tolerance (at most five times).
                    if (!SameVector(x, y) || tightenings == 5) return fy;
                    exiting = false;
                    tightenings++;
                    ftol /= 10.0;
                    state = State.Compare;
                    break;
            }
        }
    }

    private enum State { Midpoint, Compare, Interpolate, TakeB, Finish }
}
