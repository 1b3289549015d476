namespace Xinzhi.Data;

/// <summary>Missing-value filling within entities over time. Filling is always explicit and reported.</summary>
public static class PanelFill
{
    /// <summary>
    /// Applies <paramref name="method"/>. With <see cref="FillMethod.None"/> every missing cell is a data error
    /// (all listed). A variable that is missing for every period of an entity cannot be filled and is an error.
    /// </summary>
    public static FillReport Apply(Panel panel, FillMethod method, out Panel result)
    {
        var issues = new DataIssueCollector();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (method == FillMethod.None)
        {
            foreach (var name in panel.VariableNames)
            {
                var v = panel.Variable(name);
                for (var i = 0; i < v.Length; i++)
                    if (double.IsNaN(v[i]))
                        issues.Add(panel.Source, panel.SourceRows[i], name,
                            "missing value (choose --fill interpolate or --fill locf to fill it explicitly)");
                counts[name] = 0;
            }
            issues.ThrowIfAny();
            result = panel;
            return new FillReport(method, counts);
        }

        var times = panel.Times ?? Enumerable.Range(0, panel.RowCount).ToArray();
        var byEntity = EntityGroups.ByEntity(panel.Ids, times);

        var current = panel;
        foreach (var name in panel.VariableNames)
        {
            var src = panel.Variable(name);
            if (!src.Any(double.IsNaN)) { counts[name] = 0; continue; }
            var v = (double[])src.Clone();
            var filled = 0;
            foreach (var (entity, rows) in byEntity)
            {
                var observed = rows.Where(r => !double.IsNaN(src[r])).ToArray();
                if (observed.Length == 0)
                {
                    issues.Add(panel.Source, panel.SourceRows[rows[0]], name,
                        $"entity '{entity}' has no observed value to fill from");
                    continue;
                }
                foreach (var r in rows)
                {
                    if (!double.IsNaN(src[r])) continue;
                    v[r] = method == FillMethod.Interpolate ? Interpolate(r, observed, src, times) : CarryForward(r, observed, src, times);
                    filled++;
                }
            }
            counts[name] = filled;
            current = current.WithVariable(name, v);
        }
        issues.ThrowIfAny();
        result = current;
        return new FillReport(method, counts);
    }

    private static double Interpolate(int row, int[] observed, double[] v, int[] times)
    {
        var t = times[row];
        int? before = null, after = null;
        foreach (var o in observed)
        {
            if (times[o] < t) before = o;
            else if (times[o] > t) { after = o; break; }
        }
        if (before is { } b && after is { } a)
        {
            var w = (double)(t - times[b]) / (times[a] - times[b]);
            return v[b] + w * (v[a] - v[b]);
        }
        return v[(before ?? after)!.Value];
    }

    private static double CarryForward(int row, int[] observed, double[] v, int[] times)
    {
        var t = times[row];
        int? last = null;
        foreach (var o in observed)
        {
            if (times[o] < t) last = o;
            else break;
        }
        return v[last ?? observed[0]];
    }
}
