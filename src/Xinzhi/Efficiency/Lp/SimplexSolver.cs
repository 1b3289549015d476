namespace Xinzhi.Efficiency.Lp;

/// <summary>
/// Solves a general dense <see cref="LinearProgram"/> (≤ / ≥ / = rows, bounded, free and upper-bounded variables)
/// with a two-phase dense revised simplex (Dantzig pricing, Bland's rule after degenerate pivots, periodic
/// refactorisation). Returns primal values, duals, reduced costs and the iteration count; infeasible, unbounded and
/// iteration-limited programs are reported through <see cref="LpSolution.Status"/>, never as numbers.
/// </summary>
/// <remarks>
/// The program is brought to standard form: finite lower bounds are shifted to zero, variables with only an upper
/// bound are mirrored, free variables are split x = x⁺ − x⁻, finite upper bounds become extra ≤ rows; inequality
/// rows get slacks; rows with negative right-hand side are negated. Slacks with coefficient +1 start basic, other
/// rows get an artificial (phase one minimises their sum).
/// </remarks>
public static class SimplexSolver
{
    [ThreadStatic] private static RevisedSimplexKernel? t_kernel;

    public static LpSolution Solve(LinearProgram program, SimplexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= SimplexOptions.Default;
        var nv = program.VariableCount;
        var nr = program.ConstraintCount;

        // Variable map: x_j = shift_j + sign_j * x'[col_j] - (free ? x'[col_j + 1] : 0)
        var col = new int[nv];
        var sign = new double[nv];
        var shift = new double[nv];
        var free = new bool[nv];
        var boundRows = new List<(int Column, double Bound)>();
        var structural = 0;
        for (var j = 0; j < nv; j++)
        {
            double lo = program.Lower(j), up = program.Upper(j);
            col[j] = structural;
            if (double.IsFinite(lo))
            {
                sign[j] = 1; shift[j] = lo; structural++;
                if (double.IsFinite(up)) boundRows.Add((col[j], up - lo));
            }
            else if (double.IsFinite(up))
            {
                sign[j] = -1; shift[j] = up; structural++;
            }
            else
            {
                sign[j] = 1; shift[j] = 0; free[j] = true; structural += 2;
            }
        }

        var rows = nr + boundRows.Count;
        var rowCoef = new double[rows][];
        var rowRhs = new double[rows];
        var rowSense = new ConstraintSense[rows];
        for (var i = 0; i < nr; i++)
        {
            var r = new double[structural];
            var rhs = program.Rhs(i);
            for (var j = 0; j < nv; j++)
            {
                var aij = program.Coefficient(i, j);
                if (aij == 0.0) continue;
                rhs -= aij * shift[j];
                r[col[j]] += aij * sign[j];
                if (free[j]) r[col[j] + 1] -= aij;
            }
            rowCoef[i] = r;
            rowRhs[i] = rhs;
            rowSense[i] = program.RowSense(i);
        }
        for (var k = 0; k < boundRows.Count; k++)
        {
            var r = new double[structural];
            r[boundRows[k].Column] = 1.0;
            rowCoef[nr + k] = r;
            rowRhs[nr + k] = boundRows[k].Bound;
            rowSense[nr + k] = ConstraintSense.LessOrEqual;
        }

        var slackCount = 0;
        for (var i = 0; i < rows; i++) if (rowSense[i] != ConstraintSense.Equal) slackCount++;
        var flipped = new bool[rows];
        var needsArtificial = new bool[rows];
        var artificialCount = 0;
        for (var i = 0; i < rows; i++)
        {
            flipped[i] = rowRhs[i] < 0;
            var slackCoef = rowSense[i] switch { ConstraintSense.LessOrEqual => 1.0, ConstraintSense.GreaterOrEqual => -1.0, _ => 0.0 };
            if (flipped[i]) slackCoef = -slackCoef;
            needsArtificial[i] = slackCoef != 1.0;
            if (needsArtificial[i]) artificialCount++;
        }

        var columns = structural + slackCount + artificialCount;
        var kernel = t_kernel ??= new RevisedSimplexKernel();
        kernel.Reset(rows, columns);
        var a = kernel.A;
        var minSign = program.Sense == ObjectiveSense.Maximize ? -1.0 : 1.0;
        var constant = 0.0;
        for (var j = 0; j < nv; j++)
        {
            var c = program.Cost(j);
            constant += c * shift[j];
            kernel.C[col[j]] = minSign * c * sign[j];
            if (free[j]) kernel.C[col[j] + 1] = -minSign * c;
        }
        var nextSlack = structural;
        var nextArtificial = structural + slackCount;
        for (var i = 0; i < rows; i++)
        {
            var f = flipped[i] ? -1.0 : 1.0;
            var r = rowCoef[i];
            for (var j = 0; j < structural; j++) a[i * columns + j] = f * r[j];
            kernel.B[i] = f * rowRhs[i];
            if (rowSense[i] != ConstraintSense.Equal)
            {
                var s = rowSense[i] == ConstraintSense.LessOrEqual ? 1.0 : -1.0;
                a[i * columns + nextSlack] = f * s;
                if (!needsArtificial[i]) kernel.InitialBasis[i] = nextSlack;
                nextSlack++;
            }
            if (needsArtificial[i])
            {
                a[i * columns + nextArtificial] = 1.0;
                kernel.Artificial[nextArtificial] = true;
                kernel.InitialBasis[i] = nextArtificial;
                nextArtificial++;
            }
        }

        var status = kernel.Solve(options);
        if (status != LpStatus.Optimal)
            return new LpSolution(status, double.NaN, [], [], [], kernel.Iterations);

        var xs = new double[columns];
        for (var k = 0; k < rows; k++) xs[kernel.Basis[k]] = kernel.BasicValues[k];
        var x = new double[nv];
        var reduced = new double[nv];
        var objective = 0.0;
        for (var j = 0; j < nv; j++)
        {
            var v = shift[j] + sign[j] * xs[col[j]];
            if (free[j]) v -= xs[col[j] + 1];
            x[j] = v;
            objective += program.Cost(j) * v;
        }
        var duals = new double[nr];
        for (var i = 0; i < nr; i++) duals[i] = minSign * (flipped[i] ? -1.0 : 1.0) * kernel.Duals[i];
        // Reduced costs against the program's own rows (bounds are bounds, as in GLOP): d = c − Aᵀy.
        for (var j = 0; j < nv; j++)
        {
            var d = program.Cost(j);
            for (var i = 0; i < nr; i++) d -= duals[i] * program.Coefficient(i, j);
            reduced[j] = d;
        }
        _ = constant;
        return new LpSolution(LpStatus.Optimal, objective, x, duals, reduced, kernel.Iterations);
    }
}
