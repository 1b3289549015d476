namespace Xinzhi.Econometrics.Sfa;

/// <summary>
/// Log-likelihood and its analytic gradient for every SFA model, in the FRONTIER parameterisation
/// θ = (β, δ, σ², γ, μ, η) with σ² = σ_u² + σ_v² and γ = σ_u²/σ². Rows are sorted by entity then period.
/// ẽ = s·(y − xβ) with s = +1 (production) or −1 (cost), so that ẽ = v − u in both cases.
/// </summary>
internal sealed class SfaLikelihood
{
    private const double LogTwoPi = 1.8378770664093454836;

    private readonly double[] _y;
    private readonly double[] _x;   // n × k row-major
    private readonly double[] _z;   // n × m row-major (BC95)
    private readonly int[] _entityStart; // E + 1 offsets (panel models)
    private readonly double[] _timeToEnd; // t − T (BC92)
    private readonly double _sign;

    public SfaLikelihood(
        double[] y, double[] x, int k, double[] z, int m, double sign,
        SfaModel model, InefficiencyDistribution distribution,
        int[] entityStart, double[] timeToEnd)
    {
        _y = y;
        _x = x;
        _z = z;
        K = k;
        M = m;
        _sign = sign;
        Model = model;
        Distribution = distribution;
        _entityStart = entityStart;
        _timeToEnd = timeToEnd;
        N = y.Length;
        SigmaIndex = k + m;
        GammaIndex = k + m + 1;
        var p = k + m + 2;
        MuIndex = distribution == InefficiencyDistribution.TruncatedNormal && model != SfaModel.BC95 ? p++ : -1;
        EtaIndex = model == SfaModel.BC92 ? p++ : -1;
        Count = p;
    }

    public int N { get; }

    /// <summary>Responses, in the sorted row order (shared with <see cref="Frontier41Objective"/>).</summary>
    internal double[] Y => _y;

    /// <summary>Regressors, n × K row-major, first column 1.</summary>
    internal double[] X => _x;

    /// <summary>Inefficiency covariates (BC95), n × M row-major.</summary>
    internal double[] Z => _z;

    /// <summary>E + 1 entity offsets for the panel models; [0, n] otherwise.</summary>
    internal int[] EntityStart => _entityStart;

    /// <summary>t − T per row (BC92's time index relative to the last period).</summary>
    internal double[] TimeToEnd => _timeToEnd;

    /// <summary>+1 production, −1 cost.</summary>
    internal double Sign => _sign;

    public int K { get; }

    public int M { get; }

    public SfaModel Model { get; }

    public InefficiencyDistribution Distribution { get; }

    public int SigmaIndex { get; }

    public int GammaIndex { get; }

    public int MuIndex { get; }

    public int EtaIndex { get; }

    /// <summary>Calls of <see cref="Evaluate"/> (and of FRONTIER's arrangement of it) so far (a diagnostic).</summary>
    public int Evaluations { get; private set; }

    /// <summary>Counts an evaluation of the same likelihood made elsewhere (<see cref="Frontier41Objective"/>).</summary>
    internal void CountEvaluation() => Evaluations++;

    /// <summary>Number of parameters.</summary>
    public int Count { get; }

    private bool IsPanel => Model is SfaModel.PittLee or SfaModel.BC92;

    /// <summary>ln L(θ); fills <paramref name="grad"/> (length <see cref="Count"/>) when given. −∞ outside the domain.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> grad)
    {
        var sigmaSq = theta[SigmaIndex];
        var gamma = theta[GammaIndex];
        if (!(sigmaSq > 0) || !(gamma > 0) || !(gamma < 1) || !double.IsFinite(sigmaSq)) return double.NegativeInfinity;
        if (!grad.IsEmpty) grad.Clear();
        Evaluations++;
        var units = IsPanel ? _entityStart.Length - 1 : N;
        var chunks = (units + ChunkSize - 1) / ChunkSize;
        if (chunks <= 1) return Kernel(theta, grad, sigmaSq, gamma, 0, units);

        // Large samples: fixed-size chunks summed in chunk order, so the result does not depend on the thread count.
        var th = theta.ToArray();
        var wantGrad = !grad.IsEmpty;
        var lls = new double[chunks];
        var grads = wantGrad ? new double[chunks * Count] : [];
        Parallel.For(0, chunks, c =>
        {
            var g = wantGrad ? grads.AsSpan(c * Count, Count) : Span<double>.Empty;
            lls[c] = Kernel(th, g, sigmaSq, gamma, c * ChunkSize, Math.Min(units, (c + 1) * ChunkSize));
        });
        var ll = 0.0;
        for (var c = 0; c < chunks; c++)
        {
            ll += lls[c];
            if (wantGrad)
                for (var j = 0; j < Count; j++) grad[j] += grads[c * Count + j];
        }
        return ll;
    }

    /// <summary>Observations (or entities, for panel models) per parallel chunk.</summary>
    private const int ChunkSize = 8192;

    private double Kernel(ReadOnlySpan<double> theta, Span<double> grad, double sigmaSq, double gamma, int lo, int hi)
    {
        if (Distribution == InefficiencyDistribution.Exponential) return Exponential(theta, grad, sigmaSq, gamma, lo, hi);
        return IsPanel ? Panel(theta, grad, sigmaSq, gamma, lo, hi) : Independent(theta, grad, sigmaSq, gamma, lo, hi);
    }

    private double Residual(ReadOnlySpan<double> beta, int i)
    {
        var fit = 0.0;
        var row = _x.AsSpan(i * K, K);
        for (var j = 0; j < K; j++) fit += row[j] * beta[j];
        return _sign * (_y[i] - fit);
    }

    // Cross-section half-normal / truncated normal and BC95: ln L_i = −½ln2π − ½lnσ² − ½(ẽ+μ_i)²/σ²
    //   + lnΦ(μ*_i/σ*) − lnΦ(μ_i/(σ√γ)),  μ*_i = (1−γ)μ_i − γẽ_i,  σ* = σ√(γ(1−γ))  (Battese-Coelli 1993).
    private double Independent(ReadOnlySpan<double> theta, Span<double> grad, double sigmaSq, double gamma, int lo, int hi)
    {
        var beta = theta[..K];
        var delta = theta.Slice(K, M);
        var sigma = Math.Sqrt(sigmaSq);
        var g = gamma * (1 - gamma);
        var sqrtG = Math.Sqrt(g);
        var sigmaStar = sigma * sqrtG;
        var sigmaU = sigma * Math.Sqrt(gamma);
        var muConst = MuIndex >= 0 ? theta[MuIndex] : 0.0;
        var hasMu = Model == SfaModel.BC95 || MuIndex >= 0;
        var lnLikConst = -0.5 * (LogTwoPi + Math.Log(sigmaSq));
        var wantGrad = !grad.IsEmpty;
        var ll = 0.0;
        double gS = 0, gG = 0, gMu = 0;
        for (var i = lo; i < hi; i++)
        {
            var e = Residual(beta, i);
            var mu = muConst;
            if (Model == SfaModel.BC95)
            {
                mu = 0;
                var zr = _z.AsSpan(i * M, M);
                for (var j = 0; j < M; j++) mu += zr[j] * delta[j];
            }
            var em = e + mu;
            var a = ((1 - gamma) * mu - gamma * e) / sigmaStar;
            var d = mu / sigmaU;
            var lnPhiA = NormalMath.LogCdfAndMills(a, out var la);
            var ld = 0.0;
            ll += lnLikConst - 0.5 * em * em / sigmaSq + lnPhiA;
            if (hasMu) ll -= NormalMath.LogCdfAndMills(d, out ld);
            else ll -= -0.69314718055994530942; // ln Φ(0) = −ln 2
            if (!wantGrad) continue;
            var dE = -em / sigmaSq - la * gamma / sigmaStar;
            var dMu = -em / sigmaSq + la * (1 - gamma) / sigmaStar - ld / sigmaU;
            gS += -0.5 / sigmaSq + 0.5 * em * em / (sigmaSq * sigmaSq) - la * a / (2 * sigmaSq) + ld * d / (2 * sigmaSq);
            gG += la * ((-mu - e) / sigmaStar - a * (1 - 2 * gamma) / (2 * g)) + ld * d / (2 * gamma);
            var row = _x.AsSpan(i * K, K);
            var f = -_sign * dE;
            for (var j = 0; j < K; j++) grad[j] += f * row[j];
            if (Model == SfaModel.BC95)
            {
                var zr = _z.AsSpan(i * M, M);
                for (var j = 0; j < M; j++) grad[K + j] += dMu * zr[j];
            }
            else if (MuIndex >= 0) gMu += dMu;
        }
        if (wantGrad)
        {
            grad[SigmaIndex] = gS;
            grad[GammaIndex] = gG;
            if (MuIndex >= 0) grad[MuIndex] = gMu;
        }
        return ll;
    }

    // Exponential u with mean σ_u: ln L_i = −ln σ_u + ½σ_v²/σ_u² + ẽ/σ_u + lnΦ(−ẽ/σ_v − σ_v/σ_u),
    // with σ_u² = γσ², σ_v² = (1−γ)σ² so that γ keeps its meaning Var(u)/(Var(u)+Var(v)).
    private double Exponential(ReadOnlySpan<double> theta, Span<double> grad, double sigmaSq, double gamma, int lo, int hi)
    {
        var beta = theta[..K];
        var su = Math.Sqrt(gamma * sigmaSq);
        var sv = Math.Sqrt((1 - gamma) * sigmaSq);
        var wantGrad = !grad.IsEmpty;
        var ll = 0.0;
        double gSu = 0, gSv = 0;
        var c0 = -Math.Log(su) + 0.5 * sv * sv / (su * su);
        for (var i = lo; i < hi; i++)
        {
            var e = Residual(beta, i);
            var c = -e / sv - sv / su;
            ll += c0 + e / su + NormalMath.LogCdfAndMills(c, out var lc);
            if (!wantGrad) continue;
            var dE = 1 / su - lc / sv;
            gSu += -1 / su - sv * sv / (su * su * su) - e / (su * su) + lc * sv / (su * su);
            gSv += sv / (su * su) + lc * (e / (sv * sv) - 1 / su);
            var row = _x.AsSpan(i * K, K);
            var f = -_sign * dE;
            for (var j = 0; j < K; j++) grad[j] += f * row[j];
        }
        if (wantGrad)
        {
            grad[SigmaIndex] = gSu * gamma / (2 * su) + gSv * (1 - gamma) / (2 * sv);
            grad[GammaIndex] = gSu * sigmaSq / (2 * su) - gSv * sigmaSq / (2 * sv);
        }
        return ll;
    }

    // Pitt-Lee / BC92 (Battese-Coelli 1992, eq. for L*): per entity with h_t = exp(−η(t − T)),
    // A = Σ h_t ẽ_t, B = Σ h_t², S = Σ ẽ_t², U = σ_u², V = σ_v², D = V + U·B,
    // μ* = (μV − UA)/D, σ*² = UV/D, a = μ*/σ*,
    // ln L_i = −½T_i ln2π − ½(T_i−1)lnV − ½lnD − ½S/V + ½a² − ½μ²/U + lnΦ(a) − lnΦ(μ/√U).
    private double Panel(ReadOnlySpan<double> theta, Span<double> grad, double sigmaSq, double gamma, int lo, int hi)
    {
        var beta = theta[..K];
        var u = gamma * sigmaSq;
        var v = (1 - gamma) * sigmaSq;
        var mu = MuIndex >= 0 ? theta[MuIndex] : 0.0;
        var eta = EtaIndex >= 0 ? theta[EtaIndex] : 0.0;
        var sqrtU = Math.Sqrt(u);
        var d = mu / sqrtU;
        var lnPhiD = NormalMath.LogCdf(d);
        var ld = NormalMath.Mills(d);
        var wantGrad = !grad.IsEmpty;
        var ll = 0.0;
        double gU = 0, gV = 0, gMu = 0, gEta = 0;
        for (var ent = lo; ent < hi; ent++)
        {
            var start = _entityStart[ent];
            var end = _entityStart[ent + 1];
            var t = end - start;
            double a0 = 0, b0 = 0, s0 = 0, dA = 0, dB = 0;
            for (var i = start; i < end; i++)
            {
                var e = Residual(beta, i);
                var h = eta == 0 ? 1.0 : Math.Exp(-eta * _timeToEnd[i]);
                a0 += h * e;
                b0 += h * h;
                s0 += e * e;
                dA -= _timeToEnd[i] * h * e;
                dB -= 2 * _timeToEnd[i] * h * h;
            }
            var dd = v + u * b0;
            var num = mu * v - u * a0;
            var mm = dd * u * v;
            var sqrtM = Math.Sqrt(mm);
            var a = num / sqrtM;
            ll += -0.5 * t * LogTwoPi - 0.5 * (t - 1) * Math.Log(v) - 0.5 * Math.Log(dd) - 0.5 * s0 / v
                  + 0.5 * a * a - 0.5 * mu * mu / u + NormalMath.LogCdfAndMills(a, out var millsA) - lnPhiD;
            if (!wantGrad) continue;
            var w = a + millsA;
            // ∂a/∂X = (∂N/∂X)/√M − ½ a (∂M/∂X)/M
            var daU = -a0 / sqrtM - 0.5 * a * v * (b0 * u + dd) / mm;
            var daV = mu / sqrtM - 0.5 * a * u * (v + dd) / mm;
            var daMu = v / sqrtM;
            var daA = -u / sqrtM;
            var daB = -0.5 * a * u * u * v / mm;
            gU += -0.5 * b0 / dd + 0.5 * mu * mu / (u * u) + ld * d / (2 * u) + w * daU;
            gV += -0.5 * (t - 1) / v - 0.5 / dd + 0.5 * s0 / (v * v) + w * daV;
            gMu += -mu / u - ld / sqrtU + w * daMu;
            var lA = w * daA;
            var lB = -0.5 * u / dd + w * daB;
            var lS = -0.5 / v;
            gEta += lA * dA + lB * dB;
            for (var i = start; i < end; i++)
            {
                var e = Residual(beta, i);
                var h = eta == 0 ? 1.0 : Math.Exp(-eta * _timeToEnd[i]);
                var f = -_sign * (lA * h + lS * 2 * e);
                var row = _x.AsSpan(i * K, K);
                for (var j = 0; j < K; j++) grad[j] += f * row[j];
            }
        }
        if (wantGrad)
        {
            grad[SigmaIndex] = gamma * gU + (1 - gamma) * gV;
            grad[GammaIndex] = sigmaSq * (gU - gV);
            if (MuIndex >= 0) grad[MuIndex] = gMu;
            if (EtaIndex >= 0) grad[EtaIndex] = gEta;
        }
        return ll;
    }

    /// <summary>
    /// Conditional distribution of u_it given the composed errors: u_it = h_it·u*, u* ~ N⁺(μ*, σ*²).
    /// Returns per row (μ*, σ*, h).
    /// </summary>
    public (double[] MuStar, double[] SigmaStar, double[] Scale) Conditional(ReadOnlySpan<double> theta)
    {
        var sigmaSq = theta[SigmaIndex];
        var gamma = theta[GammaIndex];
        var beta = theta[..K];
        var muStar = new double[N];
        var sigmaStar = new double[N];
        var scale = new double[N];
        var u = gamma * sigmaSq;
        var v = (1 - gamma) * sigmaSq;
        if (Distribution == InefficiencyDistribution.Exponential)
        {
            var su = Math.Sqrt(u);
            var sv = Math.Sqrt(v);
            for (var i = 0; i < N; i++)
            {
                muStar[i] = -Residual(beta, i) - v / su;
                sigmaStar[i] = sv;
                scale[i] = 1;
            }
            return (muStar, sigmaStar, scale);
        }
        if (!IsPanel)
        {
            var ss = Math.Sqrt(u * v / sigmaSq);
            for (var i = 0; i < N; i++)
            {
                var mu = MuIndex >= 0 ? theta[MuIndex] : 0.0;
                if (Model == SfaModel.BC95)
                {
                    mu = 0;
                    for (var j = 0; j < M; j++) mu += _z[i * M + j] * theta[K + j];
                }
                muStar[i] = (mu * v - u * Residual(beta, i)) / sigmaSq;
                sigmaStar[i] = ss;
                scale[i] = 1;
            }
            return (muStar, sigmaStar, scale);
        }
        var muP = MuIndex >= 0 ? theta[MuIndex] : 0.0;
        var eta = EtaIndex >= 0 ? theta[EtaIndex] : 0.0;
        for (var ent = 0; ent < _entityStart.Length - 1; ent++)
        {
            double a0 = 0, b0 = 0;
            for (var i = _entityStart[ent]; i < _entityStart[ent + 1]; i++)
            {
                var h = Math.Exp(-eta * _timeToEnd[i]);
                scale[i] = h;
                a0 += h * Residual(beta, i);
                b0 += h * h;
            }
            var dd = v + u * b0;
            var ms = (muP * v - u * a0) / dd;
            var ss = Math.Sqrt(u * v / dd);
            for (var i = _entityStart[ent]; i < _entityStart[ent + 1]; i++)
            {
                muStar[i] = ms;
                sigmaStar[i] = ss;
            }
        }
        return (muStar, sigmaStar, scale);
    }
}
