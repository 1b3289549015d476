namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// For each row of a panel, the row holding the same entity one period earlier (t − 1), or −1 when that period is
/// not observed (first year, or a gap in an unbalanced panel). Lags are never taken across gaps.
/// </summary>
public static class PanelLags
{
    public static int[] PreviousRows(IReadOnlyList<string> ids, IReadOnlyList<int> times)
    {
        var n = ids.Count;
        var index = new Dictionary<(string, int), int>(n);
        for (var i = 0; i < n; i++)
            if (!index.TryAdd((ids[i], times[i]), i))
                throw new DataValidationException(new DataIssue("panel", null, null,
                    $"duplicate (id, time) key ('{ids[i]}', {times[i]}); each firm-year must appear once"));
        var lag = new int[n];
        for (var i = 0; i < n; i++)
            lag[i] = times[i] == int.MinValue ? -1 : index.GetValueOrDefault((ids[i], times[i] - 1), -1);
        return lag;
    }
}
