namespace Xinzhi.Data;

/// <summary>Rows of a long panel grouped by entity: entities in order of first appearance, rows sorted by period.</summary>
public static class EntityGroups
{
    /// <summary>
    /// Groups row indices by <paramref name="ids"/>; within an entity, rows are ordered by <paramref name="times"/>
    /// (stable, so equal periods keep file order and duplicates can be reported at their row).
    /// </summary>
    public static IReadOnlyList<(string Id, List<int> Rows)> ByEntity(IReadOnlyList<string> ids, IReadOnlyList<int> times)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<(string, List<int>)>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!groups.TryGetValue(ids[i], out var g))
            {
                groups[ids[i]] = g = [];
                order.Add((ids[i], g));
            }
            g.Add(i);
        }
        foreach (var (_, rows) in order)
        {
            var sorted = rows.OrderBy(r => times[r]).ToArray(); // stable
            rows.Clear();
            rows.AddRange(sorted);
        }
        return order;
    }
}
