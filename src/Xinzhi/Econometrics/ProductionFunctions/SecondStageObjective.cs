using System.Runtime.CompilerServices;

namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// The concentrated second-stage criterion shared by OP, LP and ACF. For a trial θ:
/// ω = φ − Xθ, ω₋₁ = φ₋₁ − X₋₁θ; g(ω₋₁) [with the exit probability P: g(ω₋₁, P)] is fitted by OLS on a polynomial of
/// degree G; the innovation is ξ = r − Xθ − ĝ (OP/LP: r = y − free·β̂, so ξ also holds ε) or ξ = ω − ĝ (ACF).
/// The criterion is Σξ² (prodest's OP/LP, no instruments) or the GMM form (Z'ξ)' W (Z'ξ) with W = (Z'Z)⁻¹/m
/// (ACF; gross-output LP). Both are sums of squares of a residual vector (ξ itself, or Lᵀ(Z'ξ) with W = LLᵀ), which
/// is what the Levenberg-Marquardt optimiser works on. One instance is used by one thread at a time (scratch buffers).
/// </summary>
internal sealed class SecondStageObjective
{
    private readonly int _m;
    private readonly int _p;
    private readonly double[][] _x;
    private readonly double[][] _lx;
    private readonly double[] _phi;
    private readonly double[] _lagPhi;
    private readonly double[]? _residualBase;
    private readonly double[]? _probability;
    private readonly double[][]? _z;
    private readonly double[,]? _cholW;
    private readonly int _degree;
    private readonly (int A, int B)[] _exponents;

    // Scratch buffers (one instance per thread).
    private readonly double[] _omega;
    private readonly double[] _omegaLag;
    private readonly double[] _xi;
    private readonly double[] _probStd;
    private readonly double[] _row;
    private readonly double[,] _xtx;
    private readonly double[] _xty;
    private readonly double[] _pw1;
    private readonly double[] _pw2;

    public SecondStageObjective(double[][] x, double[][] laggedX, double[] phi, double[] lagPhi, double[]? residualBase,
        double[]? probability, double[][]? instruments, int markovDegree)
    {
        _m = phi.Length;
        _p = x.Length;
        _x = x;
        _lx = laggedX;
        _phi = phi;
        _lagPhi = lagPhi;
        _residualBase = residualBase;
        _probability = probability;
        _z = instruments;
        _degree = markovDegree;
        var terms = PolynomialTerms.Monomials(probability is null ? 1 : 2, markovDegree);
        _exponents = new (int, int)[terms.Count + 1];
        _exponents[0] = (0, 0);
        for (var t = 0; t < terms.Count; t++)
            _exponents[t + 1] = (terms[t].Count(v => v == 0), terms[t].Count(v => v == 1));
        _omega = new double[_m];
        _omegaLag = new double[_m];
        _xi = new double[_m];
        _probStd = new double[_m];
        _row = new double[_exponents.Length];
        _xtx = new double[_exponents.Length, _exponents.Length];
        _xty = new double[_exponents.Length];
        _pw1 = new double[markovDegree + 1];
        _pw2 = new double[markovDegree + 1];
        if (probability is not null) Standardize(probability, _probStd);
        if (instruments is not null)
        {
            var l = instruments.Length;
            var ztz = new double[l, l];
            for (var a = 0; a < l; a++)
            for (var b = 0; b <= a; b++)
            {
                var s = 0.0;
                var za = instruments[a];
                var zb = instruments[b];
                for (var i = 0; i < _m; i++) s += za[i] * zb[i];
                ztz[a, b] = ztz[b, a] = s;
            }
            var inv = SmallLinearAlgebra.Inverse(ztz)
                ?? throw new SingularMatrixException("second-stage instruments are perfectly collinear (Z'Z is singular)");
            for (var a = 0; a < l; a++)
            for (var b = 0; b < l; b++) inv[a, b] /= _m;
            _cholW = SmallLinearAlgebra.Cholesky(inv)
                ?? throw new SingularMatrixException("second-stage weighting matrix is not positive definite");
        }
    }

    public int Observations => _m;

    public int Parameters => _p;

    /// <summary>Length of the residual vector whose sum of squares is the criterion.</summary>
    public int ResidualCount => _z?.Length ?? _m;

    /// <summary>Criterion value at θ (+∞ when the Markov regression is singular).</summary>
    public double Value(ReadOnlySpan<double> theta)
    {
        var r = new double[ResidualCount];
        if (!Residuals(theta, r)) return double.PositiveInfinity;
        var s = 0.0;
        foreach (var v in r) s += v * v;
        return s;
    }

    /// <summary>Fills the residual vector at θ; false when the Markov regression is singular.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Residuals(ReadOnlySpan<double> theta, Span<double> residuals)
    {
        for (var i = 0; i < _m; i++)
        {
            var o = _phi[i];
            var ol = _lagPhi[i];
            for (var j = 0; j < _p; j++)
            {
                o -= theta[j] * _x[j][i];
                ol -= theta[j] * _lx[j][i];
            }
            _omega[i] = o;
            _omegaLag[i] = ol;
        }
        if (!FitMarkov()) return false; // _xi now holds ω − ĝ
        if (_residualBase is not null)
        {
            // OP/LP: ξ + ε = (r − Xθ) − ĝ = (r − φ) + (ω − ĝ), since r − Xθ − ω = r − φ.
            for (var i = 0; i < _m; i++) _xi[i] += _residualBase[i] - _phi[i];
        }
        if (_z is null)
        {
            _xi.AsSpan().CopyTo(residuals);
            return true;
        }
        var l = _z.Length;
        Span<double> moments = stackalloc double[l];
        for (var a = 0; a < l; a++)
        {
            var za = _z[a];
            var s = 0.0;
            for (var i = 0; i < _m; i++) s += za[i] * _xi[i];
            moments[a] = s;
        }
        // ‖Lᵀ m‖² = m' L Lᵀ m = m' W m.
        for (var b = 0; b < l; b++)
        {
            var s = 0.0;
            for (var a = b; a < l; a++) s += _cholW![a, b] * moments[a];
            residuals[b] = s;
        }
        return true;
    }

    /// <summary>ξ̂ at θ for each second-stage row (diagnostics).</summary>
    public double[] Innovations(ReadOnlySpan<double> theta)
    {
        var r = new double[ResidualCount];
        if (!Residuals(theta, r)) throw new SingularMatrixException("the Markov polynomial g(ω₋₁) is singular");
        return (double[])_xi.Clone();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Standardize(double[] src, double[] dst)
    {
        var mean = 0.0;
        for (var i = 0; i < _m; i++) mean += src[i];
        mean /= _m;
        var ss = 0.0;
        for (var i = 0; i < _m; i++) ss += (src[i] - mean) * (src[i] - mean);
        var sd = Math.Sqrt(ss / Math.Max(1, _m - 1));
        if (!(sd > 0)) sd = 1;
        for (var i = 0; i < _m; i++) dst[i] = (src[i] - mean) / sd;
    }

    /// <summary>
    /// OLS of ω on the Markov polynomial; leaves ω − ĝ in <c>_xi</c>. ω₋₁ (and P) are centred and scaled before the
    /// powers are taken: the fitted values are unchanged (same polynomial space) but the normal equations are far
    /// better conditioned than with prodest's raw powers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FitMarkov()
    {
        Standardize(_omegaLag, _omegaLag);
        var k = _exponents.Length;
        Array.Clear(_xtx);
        Array.Clear(_xty);
        var hasP = _probability is not null;
        for (var i = 0; i < _m; i++)
        {
            FillRow(i, hasP);
            var w = _omega[i];
            for (var a = 0; a < k; a++)
            {
                var ra = _row[a];
                _xty[a] += ra * w;
                for (var b = 0; b <= a; b++) _xtx[a, b] += ra * _row[b];
            }
        }
        for (var a = 0; a < k; a++)
        for (var b = a + 1; b < k; b++) _xtx[a, b] = _xtx[b, a];
        var coef = SmallLinearAlgebra.Solve(_xtx, _xty);
        if (coef is null) return false;
        for (var i = 0; i < _m; i++)
        {
            FillRow(i, hasP);
            var f = 0.0;
            for (var a = 0; a < k; a++) f += coef[a] * _row[a];
            _xi[i] = _omega[i] - f;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillRow(int i, bool hasP)
    {
        _pw1[0] = 1;
        _pw2[0] = 1;
        var u = _omegaLag[i];
        var v = hasP ? _probStd[i] : 0;
        for (var d = 1; d <= _degree; d++)
        {
            _pw1[d] = _pw1[d - 1] * u;
            _pw2[d] = _pw2[d - 1] * v;
        }
        for (var t = 0; t < _exponents.Length; t++) _row[t] = _pw1[_exponents[t].A] * _pw2[_exponents[t].B];
    }
}
