using System.Runtime.CompilerServices;

namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// Column-wise numeric working copy of a production panel: output, free, state and proxy inputs, the fitted exit
/// probability (OP/LP with exit), integer firm codes, periods and the row of each firm's previous period.
/// Bootstrap replications are new instances built by <see cref="Resample"/>.
/// </summary>
internal sealed class ProductionData
{
    public required int Rows { get; init; }

    public required double[] Y { get; init; }

    public required double[][] Free { get; init; }

    public required double[][] State { get; init; }

    public double[]? Proxy { get; init; }

    /// <summary>Fitted exit probability per row (NaN where the lagged polynomial is unavailable); null without exit.</summary>
    public double[]? ExitProbability { get; init; }

    public required int[] Firm { get; init; }

    public required int[] Time { get; init; }

    /// <summary>Row of the same firm at t − 1, or −1.</summary>
    public required int[] Lag { get; init; }

    public required int Firms { get; init; }

    /// <summary>Rows of each firm (firm code → row indices in time order of the input).</summary>
    public int[][] FirmRows()
    {
        var counts = new int[Firms];
        foreach (var f in Firm) counts[f]++;
        var rows = new int[Firms][];
        for (var f = 0; f < Firms; f++) rows[f] = new int[counts[f]];
        var fill = new int[Firms];
        for (var i = 0; i < Rows; i++) rows[Firm[i]][fill[Firm[i]]++] = i;
        return rows;
    }

    /// <summary>
    /// Block bootstrap sample: <paramref name="draws"/>[b] is the firm copied into block b. Each copy becomes a new firm
    /// (code b), so a firm drawn twice contributes two independent histories, and lags stay inside each copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ProductionData Resample(int[][] firmRows, int[] draws)
    {
        var n = 0;
        foreach (var f in draws) n += firmRows[f].Length;
        var map = new int[n];
        var firm = new int[n];
        var lag = new int[n];
        var position = new Dictionary<int, int>();
        var at = 0;
        for (var b = 0; b < draws.Length; b++)
        {
            var rows = firmRows[draws[b]];
            position.Clear();
            for (var j = 0; j < rows.Length; j++) position[rows[j]] = at + j;
            for (var j = 0; j < rows.Length; j++)
            {
                map[at + j] = rows[j];
                firm[at + j] = b;
                var l = Lag[rows[j]];
                lag[at + j] = l >= 0 ? position[l] : -1;
            }
            at += rows.Length;
        }

        double[] Pick(double[] source)
        {
            var r = new double[n];
            for (var i = 0; i < n; i++) r[i] = source[map[i]];
            return r;
        }

        var time = new int[n];
        for (var i = 0; i < n; i++) time[i] = Time[map[i]];
        return new ProductionData
        {
            Rows = n,
            Y = Pick(Y),
            Free = Free.Select(Pick).ToArray(),
            State = State.Select(Pick).ToArray(),
            Proxy = Proxy is null ? null : Pick(Proxy),
            ExitProbability = ExitProbability is null ? null : Pick(ExitProbability),
            Firm = firm,
            Time = time,
            Lag = lag,
            Firms = draws.Length,
        };
    }

    /// <summary>Rows whose previous period is observed (the second-stage sample of the two-step estimators).</summary>
    public int[] RowsWithLag()
    {
        var list = new List<int>(Rows);
        for (var i = 0; i < Rows; i++) if (Lag[i] >= 0) list.Add(i);
        return list.ToArray();
    }
}
