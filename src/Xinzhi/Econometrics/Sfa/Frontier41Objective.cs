namespace Xinzhi.Econometrics.Sfa;

/// <summary>
/// −ln L and its gradient in FRONTIER 4.1's own arrangement (Coelli 1996, appendix; Battese and Coelli 1992, 1995), for
/// the DFP path of <see cref="Frontier41Optimizer"/>. The likelihood is the one of <see cref="SfaLikelihood"/>, but
/// written and summed the way FRONTIER writes it, so that the rounding of every value the line search compares is
/// FRONTIER's (and R frontier's) rounding:
/// <list type="bullet">
/// <item>error-components family (cross-section = one-period panels, Pitt-Lee, BC92), per firm i with
/// A_i = Σ_t ẽ_it h_it, B_i = Σ_t h_it², h_it = exp(−η(t − T)), D_i = 1 + (B_i − 1)γ:
/// −ln L = ½N(ln 2π + ln σ²) + ½(N − I) ln(1 − γ) + I·[ln Φ(z) + ½z²] + Σ_i [½ ln D_i − ln Φ(z_i) − ½z_i²]
/// + ½ Σ ẽ²/((1 − γ)σ²), z = μ/√(γσ²), z_i = (μ(1 − γ) − sγA_i)/√(γ(1 − γ)σ² D_i);
/// accumulated in that order (constants, then firm by firm, the sum of squares added last);</item>
/// <item>BC95, per observation: ln L_it = −½ ln 2π − ½ ln σ² − [ln Φ(d_it) − ln Φ(d*_it)] − ½(e_it + s·z'δ)²/σ²,
/// d = z'δ/√(γσ²), d* = ((1 − γ)z'δ − sγe)/√(γ(1 − γ)σ²), summed observation by observation;</item>
/// <item>Φ is Cody's approximation (<see cref="NormalMath.LogCdfCody"/>, what R's <c>pnorm</c> evaluates), φ/Φ is
/// exp(ln φ − ln Φ), square roots are powers ½ as FRONTIER writes them, π is FRONTIER's single-precision 3.1415926,
/// residuals are formed by subtracting one regressor at a time (error components) or from the fitted sum (BC95);</item>
/// <item>the gradient follows FRONTIER's analytic derivatives term by term.</item>
/// </list>
/// Why: FRONTIER's quadratic-interpolation line search compares objective values that differ in the last few
/// digits near convergence, so which point wins (and the iteration count, and the direction matrix that gives the
/// standard errors) depends on how the objective is rounded. The code is written from the formulas; only the
/// evaluation order is taken over. Residuals use the raw s·(y − xβ) convention with s = +1 production, −1 cost.
/// </summary>
internal sealed class Frontier41Objective
{
    private readonly SfaLikelihood _like;
    private readonly double[] _y;
    private readonly double[] _x;
    private readonly double[] _z;
    private readonly int[] _start;
    private readonly double[] _t;
    private readonly double _sc;
    private readonly int _k;
    private readonly int _m;
    private readonly bool _effects;
    private readonly bool _panel;

    public Frontier41Objective(SfaLikelihood like)
    {
        if (like.Distribution == InefficiencyDistribution.Exponential)
            throw new ArgumentException("FRONTIER 4.1 has no exponential model", nameof(like));
        _like = like;
        _y = like.Y;
        _x = like.X;
        _z = like.Z;
        _start = like.EntityStart;
        _t = like.TimeToEnd;
        _sc = like.Sign;
        _k = like.K;
        _m = like.M;
        _effects = like.Model == SfaModel.BC95;
        _panel = like.Model is SfaModel.PittLee or SfaModel.BC92;
    }

    private static readonly double Pi = Frontier41Optimizer.FrontierPi;

    /// <summary>
    /// Firms (error components) or observations (BC95) per parallel chunk. Up to this size the sum runs in one pass in
    /// FRONTIER's order; beyond it, fixed chunks are summed in chunk order (deterministic for any thread count, but no
    /// longer FRONTIER's rounding, which matters only for reproducing a path digit for digit).
    /// </summary>
    internal const int ChunkSize = 8192;

    /// <summary>−ln L at b (FRONTIER's π). b must already be clipped into the admissible region.</summary>
    public double Value(double[] b)
    {
        _like.CountEvaluation();
        return _effects ? EffectsValue(b) : ComponentsValue(b);
    }

    /// <summary>∂(−ln L)/∂b into g.</summary>
    public void Gradient(double[] b, double[] g)
    {
        if (_effects) EffectsGradient(b, g);
        else ComponentsGradient(b, g);
    }

    private int Units => _panel ? _start.Length - 1 : _y.Length;

    private int First(int unit) => _panel ? _start[unit] : unit;

    private int End(int unit) => _panel ? _start[unit + 1] : unit + 1;

    private int MaxUnitLength()
    {
        if (!_panel) return 1;
        var max = 1;
        for (var i = 0; i + 1 < _start.Length; i++) max = Math.Max(max, _start[i + 1] - _start[i]);
        return max;
    }

    // FRONTIER's residual of the error-components model: y − β₁x₁ − β₂x₂ − …, one term at a time.
    private double Residual(double[] b, int r)
    {
        var ee = _y[r];
        var off = r * _k;
        for (var j = 0; j < _k; j++) ee = ee - b[j] * _x[off + j];
        return ee;
    }

    /// <summary>Number of fixed-size chunks; 1 = one pass in FRONTIER's order.</summary>
    private static int Chunks(int units) => (units + ChunkSize - 1) / ChunkSize;

    private double ComponentsValue(double[] b)
    {
        var s2 = b[_like.SigmaIndex];
        var g = b[_like.GammaIndex];
        var u = _like.MuIndex >= 0 ? b[_like.MuIndex] : 0.0;
        var e = _like.EtaIndex >= 0 ? b[_like.EtaIndex] : 0.0;
        var units = Units;
        double f = units;
        double ftot = _y.Length;
        var a = 0.5 * ftot * (Math.Log(2.0 * Pi) + Math.Log(s2));
        a = a + 0.5 * (ftot - f) * Math.Log(1.0 - g);
        var z = u / Math.Pow(s2 * g, 0.5);
        a = a + f * NormalMath.LogCdfCody(z);
        a = a + 0.5 * f * (z * z);
        var a2 = 0.0;
        var chunks = Chunks(units);
        if (chunks <= 1) ComponentsValueKernel(b, s2, g, u, e, 0, units, ref a, ref a2);
        else
        {
            var pa = new double[chunks];
            var pa2 = new double[chunks];
            Parallel.For(0, chunks, c =>
            {
                double ca = 0, ca2 = 0;
                ComponentsValueKernel(b, s2, g, u, e, c * ChunkSize, Math.Min(units, (c + 1) * ChunkSize), ref ca, ref ca2);
                pa[c] = ca;
                pa2[c] = ca2;
            });
            for (var c = 0; c < chunks; c++)
            {
                a += pa[c];
                a2 += pa2[c];
            }
        }
        return a + 0.5 * a2 / ((1.0 - g) * s2);
    }

    // Per firm: + ½ ln D_i − ln Φ(z_i) − ½ z_i², and Σ ẽ² into a2 (added once at the end, as FRONTIER does).
    private void ComponentsValueKernel(double[] b, double s2, double g, double u, double e, int unitLo, int unitHi,
        ref double a, ref double a2)
    {
        for (var i = unitLo; i < unitHi; i++)
        {
            var lo = First(i);
            var hi = End(i);
            double epr = 0, epe = 0, sq = a2;
            for (var r = lo; r < hi; r++)
            {
                var ee = Residual(b, r);
                epr = epr + ee * Math.Exp(-e * _t[r]);
                epe = epe + Math.Exp(-2.0 * e * _t[r]);
                sq = sq + ee * ee;
            }
            a2 = sq;
            var zi = (u * (1.0 - g) - _sc * g * epr) / Math.Pow(g * (1.0 - g) * s2 * (1.0 + (epe - 1.0) * g), 0.5);
            a = a + 0.5 * Math.Log(1.0 + (epe - 1.0) * g);
            a = a - NormalMath.LogCdfCody(zi);
            a = a - 0.5 * (zi * zi);
        }
    }

    private void ComponentsGradient(double[] b, double[] gx)
    {
        var n1 = _like.SigmaIndex;
        var n2 = _like.GammaIndex;
        var s2 = b[n1];
        var g = b[n2];
        var u = _like.MuIndex >= 0 ? b[_like.MuIndex] : 0.0;
        var units = Units;
        double f = units;
        double ftot = _y.Length;
        var z = u / Math.Pow(s2 * g, 0.5);
        var mz = NormalMath.MillsCody(z);
        Array.Clear(gx);
        gx[n1] = 0.5 * ftot / s2 - 0.5 * f * (mz + z) * z / s2;
        gx[n2] = -(0.5 * (ftot - f) / (1.0 - g)) - 0.5 * f * (mz + z) * z / g;
        var chunks = Chunks(units);
        var maxT = MaxUnitLength();
        if (chunks <= 1)
        {
            ComponentsGradientKernel(b, z, mz, 0, units, gx, new double[maxT], new double[maxT]);
            return;
        }
        var parts = new double[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var part = new double[gx.Length];
            ComponentsGradientKernel(b, z, mz, c * ChunkSize, Math.Min(units, (c + 1) * ChunkSize), part, new double[maxT], new double[maxT]);
            parts[c] = part;
        });
        for (var c = 0; c < chunks; c++)
            for (var j = 0; j < gx.Length; j++) gx[j] += parts[c][j];
    }

    // FRONTIER's derivative of −ln L, firm by firm; residuals and exp(−η(t − T)) are cached per firm (the same values
    // FRONTIER recomputes in each loop, so the rounding is unchanged).
    private void ComponentsGradientKernel(double[] b, double z, double mz, int unitLo, int unitHi, double[] gx, double[] res, double[] h)
    {
        var n1 = _like.SigmaIndex;
        var n2 = _like.GammaIndex;
        var n3 = _like.MuIndex;
        var n4 = _like.EtaIndex;
        var s2 = b[n1];
        var g = b[n2];
        var u = n3 >= 0 ? b[n3] : 0.0;
        var e = n4 >= 0 ? b[n4] : 0.0;
        for (var i = unitLo; i < unitHi; i++)
        {
            var lo = First(i);
            var hi = End(i);
            double epr = 0, epe = 0;
            for (var r = lo; r < hi; r++)
            {
                var ee = Residual(b, r);
                var hr = Math.Exp(-e * _t[r]);
                res[r - lo] = ee;
                h[r - lo] = hr;
                epr = epr + ee * hr;
                epe = epe + Math.Exp(-2.0 * e * _t[r]);
            }
            var big = g * (1.0 - g) * s2 * (1.0 + (epe - 1.0) * g);
            var zi = (u * (1.0 - g) - _sc * g * epr) / Math.Pow(big, 0.5);
            var w = NormalMath.MillsCody(zi) + zi;
            var rootBig = Math.Pow(big, 0.5);
            for (var j = 0; j < _k; j++)
            {
                var acc = gx[j];
                for (var r = lo; r < hi; r++) acc = acc - _x[r * _k + j] * res[r - lo] / (s2 * (1.0 - g));
                var xpe = 0.0;
                for (var r = lo; r < hi; r++) xpe = xpe + _x[r * _k + j] * h[r - lo];
                var dj = w * g * xpe * _sc;
                gx[j] = acc - dj / rootBig;
            }
            gx[n1] = gx[n1] + 0.5 * w * zi / s2;
            var ss = 0.0;
            for (var r = lo; r < hi; r++) ss = ss + res[r - lo] * res[r - lo];
            gx[n1] = gx[n1] - 0.5 * ss / ((1.0 - g) * (s2 * s2));
            gx[n2] = gx[n2] + 0.5 * ss / ((1.0 - g) * (1.0 - g) * s2);
            gx[n2] = gx[n2] + 0.5 * (epe - 1.0) / (1.0 + (epe - 1.0) * g);
            var d = g * (1.0 - g) * (1.0 + (epe - 1.0) * g);
            var dzi = -(u + _sc * epr) * d;
            var c = 0.5 * (u * (1.0 - g) - _sc * g * epr);
            dzi = dzi - c * ((1.0 - 2.0 * g) + (epe - 1.0) * g * (2.0 - 3.0 * g));
            dzi = dzi / (Math.Pow(d, 1.5) * Math.Pow(s2, 0.5));
            gx[n2] = gx[n2] - w * dzi;
            if (n3 >= 0)
            {
                gx[n3] = gx[n3] + 1.0 / Math.Pow(s2 * g, 0.5) * (mz + z);
                var dm = w * (1.0 - g);
                gx[n3] = gx[n3] - dm / rootBig;
            }
            if (n4 >= 0)
            {
                double de = 0, dd = 0;
                for (var r = lo; r < hi; r++)
                {
                    var tt = _t[r];
                    de = de - 2.0 * tt * Math.Exp(-2.0 * e * tt);
                    dd = dd + tt * h[r - lo] * res[r - lo];
                }
                dd = dd * g * big * _sc;
                var ce = u * (1.0 - g) - _sc * g * epr;
                ce = ce * 0.5 * (g * g) * (1.0 - g) * s2 * de;
                var dze = (dd - ce) / Math.Pow(big, 1.5);
                gx[n4] = gx[n4] - w * dze;
                gx[n4] = gx[n4] + g / 2.0 * de / (1.0 + (epe - 1.0) * g);
            }
        }
    }

    private double EffectsValue(double[] b)
    {
        var n = _y.Length;
        var chunks = Chunks(n);
        if (chunks <= 1) return -EffectsValueKernel(b, 0, n, 0.0);
        var parts = new double[chunks];
        Parallel.For(0, chunks, c => parts[c] = EffectsValueKernel(b, c * ChunkSize, Math.Min(n, (c + 1) * ChunkSize), 0.0));
        var a = 0.0;
        for (var c = 0; c < chunks; c++) a += parts[c];
        return -a;
    }

    // ln L summed observation by observation (FRONTIER negates the total at the end).
    private double EffectsValueKernel(double[] b, int lo, int hi, double a)
    {
        var s2 = b[_like.SigmaIndex];
        var g = b[_like.GammaIndex];
        var ss = Math.Pow(g * (1.0 - g) * s2, 0.5);
        for (var r = lo; r < hi; r++)
        {
            var (ee, zd) = EffectsResidual(b, r);
            var us = (1.0 - g) * zd - _sc * g * ee;
            var d = zd / Math.Pow(g * s2, 0.5);
            var ds = us / ss;
            var q = ee + _sc * zd;
            a = a - 0.5 * Math.Log(2.0 * Pi) - 0.5 * Math.Log(s2) - (NormalMath.LogCdfCody(d) - NormalMath.LogCdfCody(ds))
                - 0.5 * (q * q) / s2;
        }
        return a;
    }

    // BC95's residual y − x'β (the fitted sum first) and the inefficiency mean z'δ.
    private (double Ee, double Zd) EffectsResidual(double[] b, int r)
    {
        var xb = 0.0;
        var off = r * _k;
        for (var j = 0; j < _k; j++) xb = xb + _x[off + j] * b[j];
        var zd = 0.0;
        var zo = r * _m;
        for (var j = 0; j < _m; j++) zd = zd + _z[zo + j] * b[_k + j];
        return (_y[r] - xb, zd);
    }

    private void EffectsGradient(double[] b, double[] gx)
    {
        var n = _y.Length;
        var chunks = Chunks(n);
        Array.Clear(gx);
        if (chunks <= 1) EffectsGradientKernel(b, 0, n, gx);
        else
        {
            var parts = new double[chunks][];
            Parallel.For(0, chunks, c =>
            {
                var part = new double[gx.Length];
                EffectsGradientKernel(b, c * ChunkSize, Math.Min(n, (c + 1) * ChunkSize), part);
                parts[c] = part;
            });
            for (var c = 0; c < chunks; c++)
                for (var j = 0; j < gx.Length; j++) gx[j] += parts[c][j];
        }
        for (var j = 0; j < gx.Length; j++) gx[j] = -gx[j];
    }

    // ∂ln L/∂b observation by observation (negated by the caller, as FRONTIER does at the end).
    private void EffectsGradientKernel(double[] b, int lo, int hi, double[] gx)
    {
        var n1 = _like.SigmaIndex;
        var n2 = _like.GammaIndex;
        var s2 = b[n1];
        var g = b[n2];
        var ss = Math.Pow(g * (1.0 - g) * s2, 0.5);
        var rootGs2 = Math.Pow(g * s2, 0.5);
        for (var r = lo; r < hi; r++)
        {
            var (ee, zd) = EffectsResidual(b, r);
            var us = (1.0 - g) * zd - _sc * g * ee;
            var d = zd / rootGs2;
            var ds = us / ss;
            var md = NormalMath.MillsCody(d);
            var mds = NormalMath.MillsCody(ds);
            var q = ee + _sc * zd;
            var off = r * _k;
            var fb = q / s2 + _sc * mds * g / ss;
            for (var j = 0; j < _k; j++) gx[j] = gx[j] + _x[off + j] * fb;
            var zo = r * _m;
            var fz = (_sc * ee + zd) / s2 + md / rootGs2 - mds * (1.0 - g) / ss;
            for (var j = 0; j < _m; j++) gx[_k + j] = gx[_k + j] - _z[zo + j] * fz;
            gx[n1] = gx[n1] - 0.5 / s2 * (1.0 - (md * d - mds * ds) - (q * q) / s2);
            gx[n2] = gx[n2] + 0.5 * (md * d / g - mds / ss * (zd / g + _sc * ee / (1.0 - g)));
        }
    }
}
