namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// Cheap exact pre-screen of reference units before frontier identification: a unit that another unit dominates
/// adds nothing to a free-disposal technology and can be left out of the reference set.
/// </summary>
/// <remarks>
/// VRS: k dominates j when x_k ≤ x_j and y_k ≥ y_j. CRS (cone technology): k dominates j when some α &gt; 0 has
/// α x_k ≤ x_j and α y_k ≥ y_j, i.e. max_r y_jr/y_kr ≤ min_i x_ji/x_ki. Units are visited in decreasing order of
/// Σ(y/ȳ) / Σ(x/x̄), which never increases along a dominance relation, so a dominator is visited before the unit it
/// dominates (up to ties) and each unit is compared with the units kept so far only. Not valid for weakly disposable
/// bad outputs (callers skip it then).
/// </remarks>
internal static class DominanceScreen
{
    public static int[] Undominated(ProductivityData data, int[] observations, ScaleAssumption scale)
    {
        int m = data.InputCount, s = data.OutputCount, n = observations.Length;
        if (n < 3) return observations;
        var meanX = new double[m];
        var meanY = new double[s];
        foreach (var o in observations)
        {
            var x = data.Inputs(o);
            var y = data.Outputs(o);
            for (var i = 0; i < m; i++) meanX[i] += x[i] / n;
            for (var r = 0; r < s; r++) meanY[r] += y[r] / n;
        }
        var key = new double[n];
        var order = new int[n];
        for (var k = 0; k < n; k++)
        {
            var x = data.Inputs(observations[k]);
            var y = data.Outputs(observations[k]);
            double sx = 0, sy = 0;
            for (var i = 0; i < m; i++) sx += x[i] / meanX[i];
            for (var r = 0; r < s; r++) sy += y[r] / meanY[r];
            key[k] = -sy / sx;
            order[k] = k;
        }
        Array.Sort(key, order);
        var kept = new List<int>(n);
        foreach (var k in order)
        {
            var j = observations[k];
            var dominated = false;
            foreach (var keptObs in kept)
            {
                if (Dominates(data, keptObs, j, scale, m, s)) { dominated = true; break; }
            }
            if (!dominated) kept.Add(j);
        }
        kept.Sort();
        return kept.ToArray();
    }

    private static bool Dominates(ProductivityData data, int k, int j, ScaleAssumption scale, int m, int s)
    {
        var xk = data.Inputs(k);
        var yk = data.Outputs(k);
        var xj = data.Inputs(j);
        var yj = data.Outputs(j);
        if (scale == ScaleAssumption.Variable)
        {
            for (var i = 0; i < m; i++) if (xk[i] > xj[i]) return false;
            for (var r = 0; r < s; r++) if (yk[r] < yj[r]) return false;
            return true;
        }
        // Positive data (validated for radial/SBM; a zero makes the ratio test inapplicable, so keep the unit).
        var alphaMax = double.PositiveInfinity;
        for (var i = 0; i < m; i++)
        {
            if (!(xk[i] > 0)) return false;
            alphaMax = Math.Min(alphaMax, xj[i] / xk[i]);
        }
        for (var r = 0; r < s; r++)
        {
            if (!(yk[r] > 0)) return false;
            if (yj[r] / yk[r] > alphaMax) return false;
        }
        return true;
    }
}
