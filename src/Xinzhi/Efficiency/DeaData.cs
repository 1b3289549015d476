namespace Xinzhi.Efficiency;

/// <summary>
/// The units of one DEA run: ids, inputs (n×m), outputs (n×s), optional bad outputs (n×k), the variable names and,
/// for error messages, the source file and 1-based source rows.
/// </summary>
public sealed record DeaData(
    IReadOnlyList<string> Ids,
    double[,] Inputs,
    double[,] Outputs,
    double[,]? BadOutputs,
    IReadOnlyList<string> InputNames,
    IReadOnlyList<string> OutputNames,
    IReadOnlyList<string> BadOutputNames,
    string Source = "data",
    IReadOnlyList<int>? SourceRows = null)
{
    public int UnitCount => Ids.Count;

    public int InputCount => Inputs.GetLength(1);

    public int OutputCount => Outputs.GetLength(1);

    public int BadOutputCount => BadOutputs?.GetLength(1) ?? 0;

    /// <summary>Creates data with generated names (x1.., y1.., b1..) and ids (1..n).</summary>
    public static DeaData FromArrays(double[,] inputs, double[,] outputs, double[,]? badOutputs = null)
    {
        var n = inputs.GetLength(0);
        return new DeaData(
            Enumerable.Range(1, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            inputs, outputs, badOutputs,
            Enumerable.Range(1, inputs.GetLength(1)).Select(i => "x" + i).ToArray(),
            Enumerable.Range(1, outputs.GetLength(1)).Select(i => "y" + i).ToArray(),
            Enumerable.Range(1, badOutputs?.GetLength(1) ?? 0).Select(i => "b" + i).ToArray());
    }

    /// <summary>Rows <paramref name="units"/> of this data, in that order.</summary>
    public DeaData Subset(IReadOnlyList<int> units)
    {
        static double[,] Take(double[,] a, IReadOnlyList<int> rows)
        {
            var r = new double[rows.Count, a.GetLength(1)];
            for (var j = 0; j < rows.Count; j++)
                for (var c = 0; c < a.GetLength(1); c++) r[j, c] = a[rows[j], c];
            return r;
        }
        return this with
        {
            Ids = units.Select(u => Ids[u]).ToArray(),
            Inputs = Take(Inputs, units),
            Outputs = Take(Outputs, units),
            BadOutputs = BadOutputs is null ? null : Take(BadOutputs, units),
            SourceRows = SourceRows is null ? null : units.Select(u => SourceRows[u]).ToArray(),
        };
    }
}
