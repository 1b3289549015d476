using System.Runtime.Intrinsics;

namespace Xinzhi.Efficiency.Lp;

/// <summary>
/// Dense revised simplex on the standard form <c>min c·x  s.t.  A x = b,  x ≥ 0</c> with <c>b ≥ 0</c>, started
/// from a basis of identity columns chosen by the caller (slacks where they fit, artificials elsewhere).
/// </summary>
/// <remarks>
/// Built for programs with few rows and many columns (DEA envelopment problems: m + s (+1) rows, one column per
/// reference unit), so the basis inverse is kept explicitly as a small dense matrix and updated by elementary row
/// operations after each pivot; it is recomputed from scratch every
/// <see cref="SimplexOptions.RefactorizationInterval"/> pivots to stop error build-up. Pricing is Dantzig's rule
/// over all non-basic columns; after <see cref="SimplexOptions.DegeneratePivotsBeforeBland"/> consecutive degenerate
/// pivots it switches to Bland's smallest-index rule (which cannot cycle) until a pivot makes progress. The ratio
/// test is Harris' two-pass test (largest pivot among near-ties) except under Bland's rule, where it is exact with
/// ties broken by smallest basic index. Phase one minimises the sum of artificials; remaining zero-level
/// artificials are pivoted out where possible (otherwise the row is redundant) and never re-enter.
/// A workspace instance is reused across solves; it is not thread-safe, so use one per thread.
/// </remarks>
internal sealed class RevisedSimplexKernel
{
    private double[] _binv = [];
    private double[] _work = [];
    private double[] _alpha = [];
    private double[] _reduced = [];
    private bool _startShifted;
    /// <summary>Iteration count at which x_B last equalled B⁻¹b exactly (the start, or a successful refactorisation).</summary>
    private int _exactAt;
    private double[] _saved = [];
    private int[] _savedBasis = [];
    private double[] _phaseOneCost = [];
    private bool[] _isBasic = [];

    public int Rows { get; private set; }

    public int Columns { get; private set; }

    /// <summary>Row-major constraint matrix: entry (i, j) at <c>A[i * Columns + j]</c> (rows are contiguous so that
    /// pricing runs as vectorised AXPYs over the many columns).</summary>
    public double[] A { get; private set; } = [];

    public double[] B { get; private set; } = [];

    public double[] C { get; private set; } = [];

    public bool[] Artificial { get; private set; } = [];

    /// <summary>For each row, the identity column that starts basic in it.</summary>
    public int[] InitialBasis { get; private set; } = [];

    public int[] Basis { get; private set; } = [];

    public double[] BasicValues { get; private set; } = [];

    /// <summary>Simplex multipliers c_B B⁻¹ of the phase-two costs at the last solve.</summary>
    public double[] Duals { get; private set; } = [];

    public int Iterations { get; private set; }

    /// <summary>Phase two stops as soon as the objective is at or below this value (a membership test needs only
    /// a feasible point that good, not the optimum); −∞ = solve to optimality. Reset by <see cref="Reset"/>.</summary>
    public double StopAtOrBelow { get; set; } = double.NegativeInfinity;

    /// <summary>True when the last solve stopped at <see cref="StopAtOrBelow"/> (objective is an upper bound).</summary>
    public bool EarlyStopped { get; private set; }

    public double Objective { get; private set; }

    /// <summary>Sizes the workspace and zeroes A, b, c and the artificial flags.</summary>
    public void Reset(int rows, int columns)
    {
        StopAtOrBelow = double.NegativeInfinity;
        _artificialCheckedColumns = -1; // a new program: check the artificial layout again before fused pricing
        Rows = rows;
        Columns = columns;
        if (A.Length < rows * columns) A = new double[Math.Max(rows * columns, A.Length * 2)];
        else Array.Clear(A, 0, rows * columns);
        if (C.Length < columns)
        {
            var cap = Math.Max(columns, C.Length * 2);
            C = new double[cap];
            Artificial = new bool[cap];
            _phaseOneCost = new double[cap];
            _reduced = new double[cap];
            _isBasic = new bool[cap];
        }
        else
        {
            Array.Clear(C, 0, columns);
            Array.Clear(Artificial, 0, columns);
        }
        if (B.Length < rows)
        {
            B = new double[rows];
            InitialBasis = new int[rows];
            Basis = new int[rows];
            BasicValues = new double[rows];
            Duals = new double[rows];
            _binv = new double[rows * rows];
            _work = new double[Math.Max(rows * rows * 2, rows * 4)];
            _alpha = new double[rows];
        }
        else
        {
            Array.Clear(B, 0, rows);
        }
    }

    /// <summary>Value of column j in the current basic solution.</summary>
    public double Value(int j)
    {
        for (var k = 0; k < Rows; k++) if (Basis[k] == j) return BasicValues[k];
        return 0.0;
    }

    /// <summary>Reduced cost c_j − y·A_j of column j with the phase-two multipliers.</summary>
    public double ReducedCost(int j)
    {
        var m = Rows;
        var d = C[j];
        for (var i = 0; i < m; i++) d -= Duals[i] * A[i * Columns + j];
        return d;
    }

    /// <summary>
    /// Solves from the identity basis, or from <paramref name="startBasis"/> (one column per row, no artificials)
    /// when given and primal feasible: then phase one is skipped (a crash basis). An unusable start basis (singular
    /// or infeasible) silently falls back to the identity start; the result does not depend on it.
    /// </summary>
    public LpStatus Solve(SimplexOptions options, ReadOnlySpan<int> startBasis = default, ReadOnlySpan<int> fallbackBasis = default)
    {
        var m = Rows;
        var n = Columns;
        Iterations = 0;
        Objective = double.NaN;
        EarlyStopped = false;
        _startShifted = false;
        _exactAt = 0; // identity or refactorised start basis: x_B = B⁻¹b before the first pivot
        var maxIterations = options.MaxIterations > 0 ? options.MaxIterations : 100 * (m + n) + 1000;

        if ((startBasis.Length == m && TryStartBasis(startBasis, options))
            || (fallbackBasis.Length == m && TryStartBasis(fallbackBasis, options)))
        {
            var warm = RunPhase(C, options, maxIterations, StopAtOrBelow);
            if (warm != LpStatus.Optimal) return warm;
            if (!EarlyStopped) RestorePrimalFeasibility(options, maxIterations);
            ComputeDuals(C);
            var zw = 0.0;
            for (var k = 0; k < m; k++) zw += C[Basis[k]] * BasicValues[k];
            Objective = zw;
            return LpStatus.Optimal;
        }

        Array.Clear(_isBasic, 0, n);
        Array.Clear(_binv, 0, m * m);
        var anyArtificial = false;
        for (var i = 0; i < m; i++)
        {
            var j = InitialBasis[i];
            Basis[i] = j;
            _isBasic[j] = true;
            _binv[i * m + i] = 1.0;
            BasicValues[i] = B[i];
            if (Artificial[j]) anyArtificial = true;
        }

        if (anyArtificial)
        {
            for (var j = 0; j < n; j++) _phaseOneCost[j] = Artificial[j] ? 1.0 : 0.0;
            var status = RunPhase(_phaseOneCost, options, maxIterations);
            if (status == LpStatus.IterationLimit) return status;
            // Phase one is bounded below by zero, so Unbounded cannot happen in exact arithmetic.
            if (status == LpStatus.Unbounded) return LpStatus.Infeasible;
            // Judge feasibility on x_B = B⁻¹b recomputed from the basis, not on the Harris-updated values, which may
            // have drifted by up to the tolerance per clamped step (see RestorePrimalFeasibility).
            if (Iterations != _exactAt) Refactorize();
            var infeasibility = 0.0;
            var bScale = 1.0;
            for (var i = 0; i < m; i++) bScale = Math.Max(bScale, Math.Abs(B[i]));
            for (var k = 0; k < m; k++) if (Artificial[Basis[k]]) infeasibility += Math.Max(0.0, BasicValues[k]);
            if (infeasibility > options.FeasibilityTolerance * bScale) return LpStatus.Infeasible;
            DriveOutArtificials(options);
        }

        var phaseTwo = RunPhase(C, options, maxIterations, StopAtOrBelow);
        if (phaseTwo != LpStatus.Optimal) return phaseTwo;
        if (!EarlyStopped) RestorePrimalFeasibility(options, maxIterations);
        ComputeDuals(C);
        var z = 0.0;
        for (var k = 0; k < m; k++) z += C[Basis[k]] * BasicValues[k];
        Objective = z;
        return LpStatus.Optimal;
    }

    /// <summary>
    /// Harris' ratio test trades exactness for stable pivots: a basic variable may reach the leaving row slightly
    /// negative (down to −FeasibilityTolerance); the step then uses zero, which silently shifts that bound, so the
    /// updated x_B drifts from B⁻¹b and the optimal value moves by up to the tolerance (seen as 5e-9 relative on a
    /// random NDRS program against GLOP, with the right λ but an infeasible θ). At the optimum: recompute B⁻¹ and
    /// x_B = B⁻¹b from the basis (O(m³), m = rows), and if a basic variable is then negative, a few dual simplex
    /// pivots (leaving: the most negative; entering: the dual ratio test) restore primal feasibility while keeping
    /// dual feasibility, i.e. optimality. They are rarely needed. When they cannot (the program is infeasible in exact
    /// arithmetic and was accepted within the tolerance, as bisection on feasibility does at its boundary), the
    /// tolerance-feasible solution of the simplex is kept unchanged.
    /// </summary>
    private void RestorePrimalFeasibility(SimplexOptions options, int maxIterations)
    {
        var m = Rows;
        var n = Columns;
        if (Iterations == _exactAt && !_startShifted) return; // no pivot since x_B was last computed exactly
        if (_saved.Length < m + m * m) _saved = new double[m + m * m];
        if (_savedBasis.Length < m) _savedBasis = new int[m];
        BasicValues.AsSpan(0, m).CopyTo(_saved);
        _binv.AsSpan(0, m * m).CopyTo(_saved.AsSpan(m));
        Basis.AsSpan(0, m).CopyTo(_savedBasis);
        var savedIterations = Iterations;
        if (!Refactorize()) { Restore(); return; }
        var threshold = 1e-12;
        for (var i = 0; i < m; i++) threshold = Math.Max(threshold, 1e-12 * Math.Abs(B[i]));
        var alpha = _alpha.AsSpan(0, m);
        for (var round = 0; round < 4 * m + 8 && Iterations < maxIterations; round++)
        {
            var leaving = -1;
            var worst = -threshold;
            for (var i = 0; i < m; i++)
                if (BasicValues[i] < worst && !Artificial[Basis[i]]) { worst = BasicValues[i]; leaving = i; }
            if (leaving < 0) return;
            ComputeDuals(C);
            var entering = -1;
            var bestRatio = double.PositiveInfinity;
            var bestPivot = 0.0;
            var lrow = leaving * m;
            for (var j = 0; j < n; j++)
            {
                if (_isBasic[j] || Artificial[j]) continue;
                var rho = 0.0;
                for (var k = 0; k < m; k++) rho += _binv[lrow + k] * A[k * n + j];
                if (rho >= -options.PivotTolerance) continue;
                var dj = C[j];
                for (var i = 0; i < m; i++) dj -= Duals[i] * A[i * n + j];
                var ratio = Math.Max(0.0, dj) / -rho;
                // Smallest ratio keeps every reduced cost ≥ 0; near-ties go to the larger |pivot| for stability.
                if (ratio < bestRatio - 1e-12 || (ratio <= bestRatio + 1e-12 && -rho > bestPivot))
                {
                    bestRatio = Math.Min(ratio, bestRatio);
                    bestPivot = -rho;
                    entering = j;
                }
            }
            if (entering < 0) { Restore(); return; } // infeasible beyond the tolerance: keep the simplex's solution
            for (var i = 0; i < m; i++)
            {
                var v = 0.0;
                var row = i * m;
                for (var k = 0; k < m; k++) v += _binv[row + k] * A[k * n + entering];
                alpha[i] = v;
            }
            Pivot(entering, leaving, alpha, BasicValues[leaving] / alpha[leaving]);
            Iterations++;
        }
        for (var i = 0; i < m; i++)
            if (BasicValues[i] < -threshold && !Artificial[Basis[i]]) { Restore(); return; }

        void Restore()
        {
            for (var i = 0; i < m; i++) _isBasic[Basis[i]] = false;
            _savedBasis.AsSpan(0, m).CopyTo(Basis);
            for (var i = 0; i < m; i++) _isBasic[Basis[i]] = true;
            _saved.AsSpan(0, m).CopyTo(BasicValues);
            _saved.AsSpan(m, m * m).CopyTo(_binv);
            Iterations = savedIterations;
            _exactAt = -1; // the kept values are the simplex's updated ones, not B⁻¹b
        }
    }

    private void ComputeDuals(double[] cost)
    {
        var m = Rows;
        for (var i = 0; i < m; i++)
        {
            var y = 0.0;
            for (var k = 0; k < m; k++) y += cost[Basis[k]] * _binv[k * m + i];
            Duals[i] = y;
        }
    }

    private LpStatus RunPhase(double[] cost, SimplexOptions options, int maxIterations, double stopAt = double.NegativeInfinity)
    {
        var m = Rows;
        var n = Columns;
        var a = A;
        var y = Duals;
        var alpha = _alpha.AsSpan(0, m);
        var degenerateRun = 0;
        var sinceRefactor = 0;
        while (true)
        {
            if (Iterations >= maxIterations) return LpStatus.IterationLimit;
            ComputeDuals(cost);
            var bland = degenerateRun >= options.DegeneratePivotsBeforeBland;
            if (stopAt > double.NegativeInfinity)
            {
                var z = 0.0;
                for (var k = 0; k < m; k++) z += cost[Basis[k]] * BasicValues[k];
                if (z <= stopAt) { EarlyStopped = true; return LpStatus.Optimal; }
            }
            var entering = bland ? -1 : PriceDantzig(cost, options.OptimalityTolerance);
            if (bland || entering == -2)
            {
                var d = _reduced.AsSpan(0, n);
                cost.AsSpan(0, n).CopyTo(d);
                for (var i = 0; i < m; i++)
                {
                    var yi = y[i];
                    if (yi != 0.0) Axpy(-yi, a.AsSpan(i * n, n), d);
                }
                entering = -1;
                var best = -options.OptimalityTolerance;
                for (var j = 0; j < n; j++)
                {
                    var dj = d[j];
                    if (dj >= best || _isBasic[j] || Artificial[j]) continue;
                    entering = j;
                    if (bland) break;
                    best = dj;
                }
            }
            if (entering < 0) return LpStatus.Optimal;

            for (var i = 0; i < m; i++)
            {
                var s = 0.0;
                var row = i * m;
                for (var k = 0; k < m; k++) s += _binv[row + k] * a[k * n + entering];
                alpha[i] = s;
            }

            var leaving = -1;
            if (bland)
            {
                var minRatio = double.PositiveInfinity;
                for (var i = 0; i < m; i++)
                {
                    if (alpha[i] <= options.PivotTolerance) continue;
                    var ratio = Math.Max(0.0, BasicValues[i]) / alpha[i];
                    if (ratio < minRatio - 1e-14)
                    {
                        minRatio = ratio;
                        leaving = i;
                    }
                    else if (ratio <= minRatio + 1e-14 && Basis[i] < Basis[leaving])
                    {
                        minRatio = Math.Min(minRatio, ratio);
                        leaving = i;
                    }
                }
            }
            else
            {
                var bound = double.PositiveInfinity;
                for (var i = 0; i < m; i++)
                {
                    if (alpha[i] <= options.PivotTolerance) continue;
                    var ratio = (Math.Max(0.0, BasicValues[i]) + options.FeasibilityTolerance) / alpha[i];
                    if (ratio < bound) bound = ratio;
                }
                var bestPivot = 0.0;
                for (var i = 0; i < m; i++)
                {
                    if (alpha[i] <= options.PivotTolerance) continue;
                    if (Math.Max(0.0, BasicValues[i]) / alpha[i] <= bound && alpha[i] > bestPivot)
                    {
                        bestPivot = alpha[i];
                        leaving = i;
                    }
                }
            }
            if (leaving < 0) return LpStatus.Unbounded;

            var step = Math.Max(0.0, BasicValues[leaving]) / alpha[leaving];
            Pivot(entering, leaving, alpha, step);
            Iterations++;
            degenerateRun = step <= 1e-12 ? degenerateRun + 1 : 0;
            if (++sinceRefactor >= options.RefactorizationInterval)
            {
                Refactorize();
                sinceRefactor = 0;
            }
        }
    }

    /// <summary>
    /// Dantzig pricing fused with the reduced-cost computation: the non-basic column with the most negative
    /// d_j = c_j − y·A_j below −tolerance (first index on ties), or −1 when none. Columns are priced four at a time
    /// (AVX2) over the columns before the trailing artificials, with the same arithmetic as the plain loop; returns
    /// −2 (caller prices the plain way) when the layout does not allow it or the best column is basic (a rounding
    /// artefact: basic columns price at zero).
    /// </summary>
    private int PriceDantzig(double[] cost, double tolerance)
    {
        var m = Rows;
        var n = Columns;
        if (!VectorPricing || m > 64) return -2;
        var end = n;
        while (end > 0 && Artificial[end - 1]) end--;
        if (_artificialCheckedColumns != n || _artificialCheckedEnd != end)
        {
            // Artificials interleaved with other columns: price the plain way (checked once per program).
            for (var j = 0; j < end; j++) if (Artificial[j]) return -2;
            _artificialCheckedColumns = n;
            _artificialCheckedEnd = end;
        }
        Span<double> y = stackalloc double[m];
        var nz = 0;
        Span<int> rowsNz = stackalloc int[m];
        for (var i = 0; i < m; i++)
            if (Duals[i] != 0.0) { y[nz] = -Duals[i]; rowsNz[nz++] = i; }
        ref var a = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(A);
        ref var c = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(cost);
        var bestV = Vector256.Create(-tolerance);
        var idxV = Vector256.Create(-1.0);
        var jV = Vector256.Create(0.0, 1.0, 2.0, 3.0);
        var four = Vector256.Create(4.0);
        var j0 = 0;
        for (; j0 + 4 <= end; j0 += 4)
        {
            var acc = Vector256.LoadUnsafe(ref c, (nuint)j0);
            for (var k = 0; k < nz; k++)
                acc += Vector256.Create(y[k]) * Vector256.LoadUnsafe(ref a, (nuint)(rowsNz[k] * n + j0));
            var lt = Vector256.LessThan(acc, bestV);
            bestV = Vector256.ConditionalSelect(lt, acc, bestV);
            idxV = Vector256.ConditionalSelect(lt, jV, idxV);
            jV += four;
        }
        var best = -tolerance;
        var entering = -1;
        for (var l = 0; l < 4; l++)
        {
            var v = bestV.GetElement(l);
            var j = (int)idxV.GetElement(l);
            if (j < 0) continue;
            if (v < best || (v == best && j < entering)) { best = v; entering = j; }
        }
        for (var j = j0; j < end; j++)
        {
            var dj = cost[j];
            for (var k = 0; k < nz; k++) dj += y[k] * A[rowsNz[k] * n + j];
            if (dj < best) { best = dj; entering = j; }
        }
        if (entering >= 0 && _isBasic[entering]) return -2;
        return entering;
    }

    /// <summary>Use the fused AVX2 pricing (default: when the hardware has it); the plain path selects the same
    /// column. Tests switch this off to compare.</summary>
    internal static bool VectorPricing { get; set; } = Vector256.IsHardwareAccelerated;

    private int _artificialCheckedColumns = -1;
    private int _artificialCheckedEnd = -1;

    /// <summary>d ← d + a·x, vectorised.</summary>
    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> d)
    {
        var k = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && x.Length >= System.Numerics.Vector<double>.Count)
        {
            var va = new System.Numerics.Vector<double>(a);
            var xv = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(x);
            var dv = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(d);
            for (var v = 0; v < xv.Length; v++) dv[v] += va * xv[v];
            k = xv.Length * System.Numerics.Vector<double>.Count;
        }
        for (; k < x.Length; k++) d[k] += a * x[k];
    }

    private void Pivot(int entering, int leaving, ReadOnlySpan<double> alpha, double step)
    {
        var m = Rows;
        for (var i = 0; i < m; i++)
            if (i != leaving) BasicValues[i] -= step * alpha[i];
        BasicValues[leaving] = step;

        var pivot = alpha[leaving];
        var prow = leaving * m;
        for (var k = 0; k < m; k++) _binv[prow + k] /= pivot;
        for (var i = 0; i < m; i++)
        {
            if (i == leaving) continue;
            var f = alpha[i];
            if (f == 0.0) continue;
            var row = i * m;
            for (var k = 0; k < m; k++) _binv[row + k] -= f * _binv[prow + k];
        }
        _isBasic[Basis[leaving]] = false;
        _isBasic[entering] = true;
        Basis[leaving] = entering;
    }

    private void DriveOutArtificials(SimplexOptions options)
    {
        var m = Rows;
        var n = Columns;
        var alpha = _alpha.AsSpan(0, m);
        for (var r = 0; r < m; r++)
        {
            if (!Artificial[Basis[r]]) continue;
            var bestJ = -1;
            var bestV = 1e-9;
            for (var j = 0; j < n; j++)
            {
                if (_isBasic[j] || Artificial[j]) continue;
                var v = 0.0;
                for (var k = 0; k < m; k++) v += _binv[r * m + k] * A[k * n + j];
                if (Math.Abs(v) > bestV)
                {
                    bestV = Math.Abs(v);
                    bestJ = j;
                }
            }
            if (bestJ < 0) continue; // redundant row: the artificial stays basic at zero and never moves
            for (var i = 0; i < m; i++)
            {
                var s = 0.0;
                for (var k = 0; k < m; k++) s += _binv[i * m + k] * A[k * n + bestJ];
                alpha[i] = s;
            }
            Pivot(bestJ, r, alpha, BasicValues[r] / alpha[r]);
            Iterations++;
        }
        _ = options;
    }

    private bool TryStartBasis(ReadOnlySpan<int> startBasis, SimplexOptions options)
    {
        var m = Rows;
        Array.Clear(_isBasic, 0, Columns);
        for (var i = 0; i < m; i++)
        {
            var j = startBasis[i];
            if (j < 0 || j >= Columns || Artificial[j] || _isBasic[j]) return false;
            Basis[i] = j;
            _isBasic[j] = true;
        }
        if (!Refactorize()) return false;
        _startShifted = false;
        for (var i = 0; i < m; i++)
        {
            if (BasicValues[i] < -options.FeasibilityTolerance) return false;
            if (BasicValues[i] < 0) { BasicValues[i] = 0; _startShifted = true; }
        }
        return true;
    }

    /// <summary>Recomputes B⁻¹ from the basis columns (Gauss-Jordan, partial pivoting) and x_B = B⁻¹ b.</summary>
    private bool Refactorize()
    {
        var m = Rows;
        var w = m * 2;
        var aug = _work; // [B | I] row-major, width 2m
        for (var i = 0; i < m; i++)
        {
            for (var k = 0; k < m; k++) aug[i * w + k] = A[i * Columns + Basis[k]];
            for (var k = 0; k < m; k++) aug[i * w + m + k] = i == k ? 1.0 : 0.0;
        }
        for (var c = 0; c < m; c++)
        {
            var p = c;
            var pv = Math.Abs(aug[c * w + c]);
            for (var i = c + 1; i < m; i++)
            {
                var v = Math.Abs(aug[i * w + c]);
                if (v > pv) { pv = v; p = i; }
            }
            if (pv < 1e-14) return false; // numerically singular: keep the updated inverse rather than make it worse
            if (p != c)
                for (var k = 0; k < w; k++) (aug[c * w + k], aug[p * w + k]) = (aug[p * w + k], aug[c * w + k]);
            var inv = 1.0 / aug[c * w + c];
            for (var k = 0; k < w; k++) aug[c * w + k] *= inv;
            for (var i = 0; i < m; i++)
            {
                if (i == c) continue;
                var f = aug[i * w + c];
                if (f == 0.0) continue;
                for (var k = 0; k < w; k++) aug[i * w + k] -= f * aug[c * w + k];
            }
        }
        for (var i = 0; i < m; i++)
        {
            for (var k = 0; k < m; k++) _binv[i * m + k] = aug[i * w + m + k];
        }
        for (var i = 0; i < m; i++)
        {
            var s = 0.0;
            for (var k = 0; k < m; k++) s += _binv[i * m + k] * B[k];
            BasicValues[i] = s;
        }
        _exactAt = Iterations;
        return true;
    }
}
