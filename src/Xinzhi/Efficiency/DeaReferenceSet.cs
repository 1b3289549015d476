using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Efficiency;

/// <summary>
/// A DEA technology: the reference units (X, Y[, B]) against which any point (x₀, y₀[, b₀]) is evaluated. The point
/// need not belong to the set (cross-period distances for Malmquist indices evaluate period-t data against the
/// period-s set); when it does, pass its index as <c>excludeUnit</c> for super-efficiency.
/// </summary>
/// <remarks>
/// Each variable is divided internally by its mean absolute value over the reference units (oracles.md C10;
/// radial scores are units-invariant, so this only improves conditioning); every result is reported in the data's
/// own units. <see cref="PrepareFrontier"/> optionally identifies the units that span the technology (frame), after
/// which every evaluation uses only those columns (Dulá 2011 BuildHull idea; see docs/dea.md).
/// Instances are immutable apart from the cached frames and safe to use from many threads.
/// </remarks>
public sealed partial class DeaReferenceSet
{
    private readonly double[] _data; // unit-major, scaled: unit j at j*_width: inputs, outputs, bads
    private readonly double[] _scale;
    private readonly int _width;
    private readonly int[]?[] _frames = new int[]?[4];
    private readonly int[] _all;

    /// <summary>Creates a reference set from n×m inputs, n×s outputs and optional n×k bad outputs.</summary>
    public DeaReferenceSet(double[,] inputs, double[,] outputs, double[,]? badOutputs = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        var n = inputs.GetLength(0);
        if (outputs.GetLength(0) != n)
            throw new ArgumentException($"Outputs have {outputs.GetLength(0)} rows, inputs {n}.", nameof(outputs));
        if (badOutputs is not null && badOutputs.GetLength(0) != n)
            throw new ArgumentException($"Bad outputs have {badOutputs.GetLength(0)} rows, inputs {n}.", nameof(badOutputs));
        UnitCount = n;
        InputCount = inputs.GetLength(1);
        OutputCount = outputs.GetLength(1);
        BadOutputCount = badOutputs?.GetLength(1) ?? 0;
        _width = InputCount + OutputCount + BadOutputCount;
        _data = new double[n * _width];
        for (var j = 0; j < n; j++)
        {
            var o = j * _width;
            for (var i = 0; i < InputCount; i++) _data[o + i] = inputs[j, i];
            for (var r = 0; r < OutputCount; r++) _data[o + InputCount + r] = outputs[j, r];
            for (var k = 0; k < BadOutputCount; k++) _data[o + InputCount + OutputCount + k] = badOutputs![j, k];
        }
        foreach (var v in _data)
            if (!double.IsFinite(v)) throw new ArgumentException("Reference data must be finite (no NaN or infinity).");
        _scale = new double[_width];
        for (var c = 0; c < _width; c++)
        {
            var s = 0.0;
            for (var j = 0; j < n; j++) s += Math.Abs(_data[j * _width + c]);
            s = n > 0 ? s / n : 0.0;
            _scale[c] = s > 0 ? s : 1.0;
        }
        for (var j = 0; j < n; j++)
            for (var c = 0; c < _width; c++) _data[j * _width + c] /= _scale[c];
        _all = new int[n];
        for (var j = 0; j < n; j++) _all[j] = j;
    }

    public int UnitCount { get; }

    public int InputCount { get; }

    public int OutputCount { get; }

    public int BadOutputCount { get; }

    /// <summary>Solver tolerances used by every evaluation on this set.</summary>
    public SimplexOptions SimplexOptions { get; init; } = SimplexOptions.Default;

    /// <summary>Raw (unscaled) value of variable c (inputs, then outputs, then bads) of unit j.</summary>
    public double RawValue(int unit, int variable) => _data[unit * _width + variable] * _scale[variable];

    /// <summary>Inputs of unit j in data units.</summary>
    public double[] Inputs(int unit)
    {
        var v = new double[InputCount];
        for (var i = 0; i < InputCount; i++) v[i] = RawValue(unit, i);
        return v;
    }

    /// <summary>Outputs of unit j in data units.</summary>
    public double[] Outputs(int unit)
    {
        var v = new double[OutputCount];
        for (var r = 0; r < OutputCount; r++) v[r] = RawValue(unit, InputCount + r);
        return v;
    }

    /// <summary>Bad outputs of unit j in data units.</summary>
    public double[] BadOutputs(int unit)
    {
        var v = new double[BadOutputCount];
        for (var k = 0; k < BadOutputCount; k++) v[k] = RawValue(unit, InputCount + OutputCount + k);
        return v;
    }

    [ThreadStatic] private static DenseLpBuilder? t_builder;

    private static DenseLpBuilder Builder => t_builder ??= new DenseLpBuilder();

    /// <summary>The reference units the LP must use (frame if prepared, minus the excluded unit).</summary>
    private int[] ColumnUnits(ReturnsToScale rts, int excludeUnit, bool frameValid = true)
    {
        var frame = frameValid ? _frames[(int)rts] : null;
        if (frame is not null)
        {
            // A non-frame unit lies inside the technology spanned by the frame, so removing it changes nothing;
            // removing a frame unit can expose units it covered, so then every other unit is kept.
            if (excludeUnit < 0 || Array.BinarySearch(frame, excludeUnit) < 0) return frame;
        }
        if (excludeUnit < 0 || excludeUnit >= UnitCount) return _all;
        var list = new int[UnitCount - 1];
        var p = 0;
        for (var j = 0; j < UnitCount; j++) if (j != excludeUnit) list[p++] = j;
        return list;
    }

    private void ScalePoint(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReadOnlySpan<double> b0, Span<double> point)
    {
        if (x0.Length != InputCount) throw new ArgumentException($"Point has {x0.Length} inputs, reference set {InputCount}.", nameof(x0));
        if (y0.Length != OutputCount) throw new ArgumentException($"Point has {y0.Length} outputs, reference set {OutputCount}.", nameof(y0));
        if (b0.Length != BadOutputCount) throw new ArgumentException($"Point has {b0.Length} bad outputs, reference set {BadOutputCount}.", nameof(b0));
        for (var i = 0; i < InputCount; i++) point[i] = x0[i] / _scale[i];
        for (var r = 0; r < OutputCount; r++) point[InputCount + r] = y0[r] / _scale[InputCount + r];
        for (var k = 0; k < BadOutputCount; k++) point[InputCount + OutputCount + k] = b0[k] / _scale[InputCount + OutputCount + k];
    }

    private static DeaStatus Map(LpStatus s) => s switch
    {
        LpStatus.Optimal => DeaStatus.Optimal,
        LpStatus.Infeasible => DeaStatus.Infeasible,
        LpStatus.Unbounded => DeaStatus.Unbounded,
        _ => DeaStatus.NumericalFailure,
    };

    private static ConstraintSense RtsSense(ReturnsToScale rts) => rts switch
    {
        ReturnsToScale.Variable => ConstraintSense.Equal,
        ReturnsToScale.NonIncreasing => ConstraintSense.LessOrEqual,
        _ => ConstraintSense.GreaterOrEqual,
    };

    /// <summary>Collects λ &gt; tolerance from structural columns starting at <paramref name="firstLambda"/>,
    /// dividing by <paramref name="divisor"/> (t of a Charnes-Cooper transform, else 1).</summary>
    private static (int[] Peers, double[] Lambdas) CollectPeers(DenseLpBuilder lp, int[] units, int firstLambda, double divisor)
    {
        var basis = lp.Kernel.Basis;
        var xb = lp.Kernel.BasicValues;
        var count = 0;
        for (var k = 0; k < lp.Rows; k++)
        {
            var c = basis[k] - firstLambda;
            if (c >= 0 && c < units.Length && xb[k] / divisor > 1e-11) count++;
        }
        var peers = new int[count];
        var lambdas = new double[count];
        var p = 0;
        for (var k = 0; k < lp.Rows; k++)
        {
            var c = basis[k] - firstLambda;
            if (c >= 0 && c < units.Length && xb[k] / divisor > 1e-11)
            {
                peers[p] = units[c];
                lambdas[p++] = xb[k] / divisor;
            }
        }
        Array.Sort(peers, lambdas);
        return (peers, lambdas);
    }

    /// <summary>Clamps a value in scaled units (1 = the variable's mean) below 1e-9 to zero (oracles.md C6).</summary>
    private static double Clean(double scaled) => Math.Abs(scaled) < 1e-9 ? 0.0 : scaled;
}
