namespace Xinzhi.Efficiency.Lp;

/// <summary>
/// Allocation-free front end to <see cref="RevisedSimplexKernel"/> for programs whose structural variables are all
/// non-negative (the DEA envelopment shapes). The caller declares each row's sense and right-hand side, writes the
/// structural columns, and reads back values, slacks and duals in the original row orientation.
/// One instance per thread.
/// </summary>
internal sealed class DenseLpBuilder
{
    private readonly RevisedSimplexKernel _kernel = new();
    private double[] _rowSign = new double[8];
    private int[] _slackColumn = new int[8];
    private ConstraintSense[] _sense = new ConstraintSense[8];
    private int _structural;

    public RevisedSimplexKernel Kernel => _kernel;

    public int Rows => _kernel.Rows;

    public int Structural => _structural;

    /// <summary>
    /// Starts a program of <paramref name="senses"/>.Length rows and <paramref name="structural"/> non-negative
    /// structural columns (then call <see cref="Set"/> / <see cref="SetCost"/>, and <see cref="Solve(SimplexOptions)"/>).
    /// </summary>
    public void Begin(ReadOnlySpan<ConstraintSense> senses, ReadOnlySpan<double> rhs, int structural)
    {
        var rows = senses.Length;
        if (_rowSign.Length < rows)
        {
            _rowSign = new double[rows * 2];
            _slackColumn = new int[rows * 2];
            _sense = new ConstraintSense[rows * 2];
        }
        var slacks = 0;
        var artificials = 0;
        for (var i = 0; i < rows; i++)
        {
            _sense[i] = senses[i];
            // Negate rows with negative rhs, and ≥ rows with zero rhs, so that the slack can start basic.
            var flip = rhs[i] < 0 || (rhs[i] == 0 && senses[i] == ConstraintSense.GreaterOrEqual);
            _rowSign[i] = flip ? -1.0 : 1.0;
            var slackCoef = senses[i] switch { ConstraintSense.LessOrEqual => 1.0, ConstraintSense.GreaterOrEqual => -1.0, _ => 0.0 } * _rowSign[i];
            if (senses[i] != ConstraintSense.Equal) slacks++;
            if (slackCoef != 1.0) artificials++;
        }
        _structural = structural;
        var columns = structural + slacks + artificials;
        _kernel.Reset(rows, columns);
        var a = _kernel.A;
        var nextSlack = structural;
        var nextArtificial = structural + slacks;
        for (var i = 0; i < rows; i++)
        {
            var f = _rowSign[i];
            _kernel.B[i] = f * rhs[i];
            _slackColumn[i] = -1;
            var slackCoef = 0.0;
            if (senses[i] != ConstraintSense.Equal)
            {
                slackCoef = (senses[i] == ConstraintSense.LessOrEqual ? 1.0 : -1.0) * f;
                a[i * columns + nextSlack] = slackCoef;
                _slackColumn[i] = nextSlack;
                if (slackCoef == 1.0) _kernel.InitialBasis[i] = nextSlack;
                nextSlack++;
            }
            if (slackCoef != 1.0)
            {
                a[i * columns + nextArtificial] = 1.0;
                _kernel.Artificial[nextArtificial] = true;
                _kernel.InitialBasis[i] = nextArtificial;
                nextArtificial++;
            }
        }
    }

    /// <summary>Sets structural coefficient (row i, column j), in the row's original orientation.</summary>
    public void Set(int i, int j, double value) => _kernel.A[i * _kernel.Columns + j] = _rowSign[i] * value;

    /// <summary>Sets row i, structural columns first.. first + values.Length − 1, in the row's original orientation.</summary>
    public void SetRow(int i, int first, ReadOnlySpan<double> values)
    {
        var target = _kernel.A.AsSpan(i * _kernel.Columns + first, values.Length);
        if (_rowSign[i] == 1.0) values.CopyTo(target);
        else for (var c = 0; c < values.Length; c++) target[c] = -values[c];
    }

    /// <summary>Sets row i, structural columns first.. first + count − 1, to one value (original orientation).</summary>
    public void FillRow(int i, int first, int count, double value) =>
        _kernel.A.AsSpan(i * _kernel.Columns + first, count).Fill(_rowSign[i] * value);

    /// <summary>Sets the (minimisation) cost of structural column j.</summary>
    public void SetCost(int j, double cost) => _kernel.C[j] = cost;

    /// <summary>Sets the cost of the slack of an inequality row (its value is the row's non-negative surplus).</summary>
    public void SetSlackCost(int row, double cost) => _kernel.C[_slackColumn[row]] = cost;

    public LpStatus Solve(SimplexOptions options) => _kernel.Solve(options);

    /// <summary>Solves starting from <paramref name="startBasis"/> (kernel column indices) when it is usable.</summary>
    public LpStatus Solve(SimplexOptions options, ReadOnlySpan<int> startBasis, ReadOnlySpan<int> fallbackBasis = default) =>
        _kernel.Solve(options, startBasis, fallbackBasis);

    /// <summary>Kernel column index of the slack of inequality row i (−1 for equality rows).</summary>
    public int SlackColumn(int i) => _slackColumn[i];

    public double Objective => _kernel.Objective;

    public int Iterations => _kernel.Iterations;

    /// <summary>Value of structural column j.</summary>
    public double Value(int j) => _kernel.Value(j);

    /// <summary>Non-negative slack (surplus) of inequality row i; zero for equality rows.</summary>
    public double Slack(int i) => _slackColumn[i] < 0 ? 0.0 : _kernel.Value(_slackColumn[i]);

    /// <summary>∂(min objective)/∂rhs_i in the row's original orientation.</summary>
    public double Dual(int i) => _rowSign[i] * _kernel.Duals[i];

    /// <summary>Fills <paramref name="values"/> (length ≥ Structural) with all structural values.</summary>
    public void Values(Span<double> values)
    {
        values[.._structural].Clear();
        var basis = _kernel.Basis;
        var xb = _kernel.BasicValues;
        for (var k = 0; k < _kernel.Rows; k++)
            if (basis[k] < _structural) values[basis[k]] = xb[k];
    }
}
