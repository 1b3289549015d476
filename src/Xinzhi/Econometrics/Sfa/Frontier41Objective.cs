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
    private readonly double[] _xpe;

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
        _xpe = new double[_k];
    }

    private static readonly double Pi = Frontier41Optimizer.FrontierPi;

    /// <summary>−ln L at b (FRONTIER's π). b must already be clipped into the admissible region.</summary>
    public double Value(double[] b) => _effects ? EffectsValue(b) : ComponentsValue(b);

    /// <summary>∂(−ln L)/∂b into g.</summary>
    public void Gradient(double[] b, double[] g)
    {
        if (_effects) EffectsGradient(b, g);
        else ComponentsGradient(b, g);
    }

    private int Units => _panel ? _start.Length - 1 : _y.Length;

    private int First(int unit) => _panel ? _start[unit] : unit;

    private int End(int unit) => _panel ? _start[unit + 1] : unit + 1;

    // ẽ + s·0: FRONTIER's residual y − Σ_j β_j x_j, subtracting one term at a time.
    private double Residual(double[] b, int r)
    {
        var ee = _y[r];
        var off = r * _k;
        for (var j = 0; j < _k; j++) ee = ee - b[j] * _x[off + j];
        return ee;
    }

    private double ComponentsValue(double[] b)
    {
        var s2 = b[_like.SigmaIndex];
        var g = b[_like.GammaIndex];
        var u = _like.MuIndex >= 0 ? b[_like.MuIndex] : 0.0;
        var e = _like.EtaIndex >= 0 ? b[_like.EtaIndex] : 0.0;
        double f = Units;
        double ftot = _y.Length;
        var a = 0.5 * ftot * (Math.Log(2.0 * Pi) + Math.Log(s2));
        a = a + 0.5 * (ftot - f) * Math.Log(1.0 - g);
        var z = u / Math.Pow(s2 * g, 0.5);
        a = a + f * NormalMath.LogCdfCody(z);
        a = a + 0.5 * f * (z * z);
        var a2 = 0.0;
        var units = Units;
        for (var i = 0; i < units; i++)
        {
            var lo = First(i);
            var hi = End(i);
            double epr = 0, epe = 0;
            for (var r = lo; r < hi; r++) epr = epr + Residual(b, r) * Math.Exp(-e * _t[r]);
            for (var r = lo; r < hi; r++) epe = epe + Math.Exp(-2.0 * e * _t[r]);
            var zi = (u * (1.0 - g) - _sc * g * epr) / Math.Pow(g * (1.0 - g) * s2 * (1.0 + (epe - 1.0) * g), 0.5);
            a = a + 0.5 * Math.Log(1.0 + (epe - 1.0) * g);
            a = a - NormalMath.LogCdfCody(zi);
            for (var r = lo; r < hi; r++)
            {
                var ee = Residual(b, r);
                a2 = a2 + ee * ee;
            }
            a = a - 0.5 * (zi * zi);
        }
        return a + 0.5 * a2 / ((1.0 - g) * s2);
    }

    private void ComponentsGradient(double[] b, double[] gx)
    {
        var n1 = _like.SigmaIndex;
        var n2 = _like.GammaIndex;
        var n3 = _like.MuIndex;
        var n4 = _like.EtaIndex;
        var s2 = b[n1];
        var g = b[n2];
        var u = n3 >= 0 ? b[n3] : 0.0;
        var e = n4 >= 0 ? b[n4] : 0.0;
        double f = Units;
        double ftot = _y.Length;
        var z = u / Math.Pow(s2 * g, 0.5);
        var mz = NormalMath.MillsCody(z);
        Array.Clear(gx);
        gx[n1] = 0.5 * ftot / s2 - 0.5 * f * (mz + z) * z / s2;
        gx[n2] = -(0.5 * (ftot - f) / (1.0 - g)) - 0.5 * f * (mz + z) * z / g;
        var units = Units;
        var xpe = _xpe;
        for (var i = 0; i < units; i++)
        {
            var lo = First(i);
            var hi = End(i);
            double epr = 0, epe = 0;
            for (var r = lo; r < hi; r++)
            {
                epr = epr + Residual(b, r) * Math.Exp(-e * _t[r]);
                epe = epe + Math.Exp(-2.0 * e * _t[r]);
            }
            var big = g * (1.0 - g) * s2 * (1.0 + (epe - 1.0) * g);
            var zi = (u * (1.0 - g) - _sc * g * epr) / Math.Pow(big, 0.5);
            var w = NormalMath.MillsCody(zi) + zi;
            for (var j = 0; j < _k; j++)
            {
                for (var r = lo; r < hi; r++) gx[j] = gx[j] - _x[r * _k + j] * Residual(b, r) / (s2 * (1.0 - g));
                var acc = 0.0;
                for (var r = lo; r < hi; r++) acc = acc + _x[r * _k + j] * Math.Exp(-e * _t[r]);
                xpe[j] = acc;
                var dj = w * g * acc * _sc;
                gx[j] = gx[j] - dj / Math.Pow(big, 0.5);
            }
            gx[n1] = gx[n1] + 0.5 * w * zi / s2;
            var ss = 0.0;
            for (var r = lo; r < hi; r++)
            {
                var ee = Residual(b, r);
                ss = ss + ee * ee;
            }
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
                gx[n3] = gx[n3] - dm / Math.Pow(big, 0.5);
            }
            if (n4 >= 0)
            {
                double de = 0, dd = 0;
                for (var r = lo; r < hi; r++)
                {
                    var tt = _t[r];
                    de = de - 2.0 * tt * Math.Exp(-2.0 * e * tt);
                    dd = dd + tt * Math.Exp(-e * tt) * Residual(b, r);
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
        var s2 = b[_like.SigmaIndex];
        var g = b[_like.GammaIndex];
        var ss = Math.Pow(g * (1.0 - g) * s2, 0.5);
        var a = 0.0;
        for (var r = 0; r < _y.Length; r++)
        {
            var (ee, zd) = EffectsResidual(b, r);
            var us = (1.0 - g) * zd - _sc * g * ee;
            var d = zd / Math.Pow(g * s2, 0.5);
            var ds = us / ss;
            var q = ee + _sc * zd;
            a = a - 0.5 * Math.Log(2.0 * Pi) - 0.5 * Math.Log(s2) - (NormalMath.LogCdfCody(d) - NormalMath.LogCdfCody(ds))
                - 0.5 * (q * q) / s2;
        }
        return -a;
    }

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
        var n1 = _like.SigmaIndex;
        var n2 = _like.GammaIndex;
        var s2 = b[n1];
        var g = b[n2];
        var ss = Math.Pow(g * (1.0 - g) * s2, 0.5);
        Array.Clear(gx);
        for (var r = 0; r < _y.Length; r++)
        {
            var (ee, zd) = EffectsResidual(b, r);
            var us = (1.0 - g) * zd - _sc * g * ee;
            var d = zd / Math.Pow(g * s2, 0.5);
            var ds = us / ss;
            var md = NormalMath.MillsCody(d);
            var mds = NormalMath.MillsCody(ds);
            var q = ee + _sc * zd;
            var off = r * _k;
            for (var j = 0; j < _k; j++) gx[j] = gx[j] + _x[off + j] * (q / s2 + _sc * mds * g / ss);
            var zo = r * _m;
            for (var j = 0; j < _m; j++)
                gx[_k + j] = gx[_k + j] - _z[zo + j] * ((_sc * ee + zd) / s2 + md / Math.Pow(g * s2, 0.5) - mds * (1.0 - g) / ss);
            gx[n1] = gx[n1] - 0.5 / s2 * (1.0 - (md * d - mds * ds) - (q * q) / s2);
            gx[n2] = gx[n2] + 0.5 * (md * d / g - mds / ss * (zd / g + _sc * ee / (1.0 - g)));
        }
        for (var j = 0; j < gx.Length; j++) gx[j] = -gx[j];
    }
}
