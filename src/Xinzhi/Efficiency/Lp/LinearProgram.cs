namespace Xinzhi.Efficiency.Lp;

/// <summary>
/// A dense linear program: optimise c·x subject to rows a_i·x (≤ | ≥ | =) b_i and bounds l ≤ x ≤ u, where l may be
/// −∞ (free or upper-bounded variables) and u may be +∞. Built incrementally; solved by <see cref="SimplexSolver"/>.
/// </summary>
public sealed class LinearProgram
{
    private readonly List<double> _cost = [];
    private readonly List<double> _lower = [];
    private readonly List<double> _upper = [];
    private readonly List<double[]> _rows = [];
    private readonly List<ConstraintSense> _senses = [];
    private readonly List<double> _rhs = [];

    public LinearProgram(ObjectiveSense sense = ObjectiveSense.Minimize) => Sense = sense;

    public ObjectiveSense Sense { get; set; }

    public int VariableCount => _cost.Count;

    public int ConstraintCount => _rows.Count;

    /// <summary>Adds a variable and returns its index.</summary>
    /// <param name="cost">Objective coefficient.</param>
    /// <param name="lower">Lower bound; <see cref="double.NegativeInfinity"/> for none.</param>
    /// <param name="upper">Upper bound; <see cref="double.PositiveInfinity"/> for none.</param>
    public int AddVariable(double cost, double lower = 0.0, double upper = double.PositiveInfinity)
    {
        if (double.IsNaN(cost) || double.IsInfinity(cost)) throw new ArgumentOutOfRangeException(nameof(cost), cost, "Objective coefficient must be finite.");
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower > upper || double.IsPositiveInfinity(lower) || double.IsNegativeInfinity(upper))
            throw new ArgumentOutOfRangeException(nameof(lower), $"Invalid bounds [{lower}, {upper}].");
        _cost.Add(cost);
        _lower.Add(lower);
        _upper.Add(upper);
        return _cost.Count - 1;
    }

    /// <summary>Adds a free variable (−∞, +∞) and returns its index.</summary>
    public int AddFreeVariable(double cost) => AddVariable(cost, double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>
    /// Adds a constraint and returns its index. <paramref name="coefficients"/> may be shorter than the current
    /// variable count (missing entries are zero) but not longer.
    /// </summary>
    public int AddConstraint(ReadOnlySpan<double> coefficients, ConstraintSense sense, double rhs)
    {
        if (coefficients.Length > VariableCount)
            throw new ArgumentException($"Constraint has {coefficients.Length} coefficients but the program has {VariableCount} variables.", nameof(coefficients));
        if (!double.IsFinite(rhs)) throw new ArgumentOutOfRangeException(nameof(rhs), rhs, "Right-hand side must be finite.");
        foreach (var a in coefficients)
            if (!double.IsFinite(a)) throw new ArgumentException("Constraint coefficients must be finite.", nameof(coefficients));
        _rows.Add(coefficients.ToArray());
        _senses.Add(sense);
        _rhs.Add(rhs);
        return _rows.Count - 1;
    }

    internal double Cost(int j) => _cost[j];

    internal double Lower(int j) => _lower[j];

    internal double Upper(int j) => _upper[j];

    internal double Coefficient(int i, int j) => j < _rows[i].Length ? _rows[i][j] : 0.0;

    internal ConstraintSense RowSense(int i) => _senses[i];

    internal double Rhs(int i) => _rhs[i];
}
