namespace Xinzhi.Data;

/// <summary>
/// The one data abstraction: long-format observations (one row per entity and, optionally, period) with numeric
/// variables stored column-wise as <c>double[]</c> (NaN = missing) and text attributes (e.g. a region group).
/// Immutable; every row remembers its row number in the source file.
/// </summary>
public sealed class Panel
{
    private readonly Dictionary<string, double[]> _variables;
    private readonly Dictionary<string, string[]> _attributes;

    public Panel(
        string source,
        string idColumn,
        string? timeColumn,
        string[] ids,
        int[]? times,
        IReadOnlyList<KeyValuePair<string, double[]>> variables,
        IReadOnlyList<KeyValuePair<string, string[]>>? attributes = null,
        int[]? sourceRows = null)
    {
        var n = ids.Length;
        if (times is not null && times.Length != n) throw new ArgumentException($"times must have {n} values.", nameof(times));
        Source = source;
        IdColumn = idColumn;
        TimeColumn = timeColumn;
        Ids = ids;
        Times = times;
        SourceRows = sourceRows ?? Enumerable.Range(2, n).ToArray();
        _variables = new Dictionary<string, double[]>(StringComparer.Ordinal);
        VariableNames = variables.Select(v => v.Key).ToArray();
        foreach (var (name, values) in variables)
        {
            if (values.Length != n) throw new ArgumentException($"Variable '{name}' has {values.Length} values, expected {n}.");
            _variables.Add(name, values);
        }
        _attributes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        AttributeNames = attributes?.Select(a => a.Key).ToArray() ?? [];
        foreach (var (name, values) in attributes ?? [])
        {
            if (values.Length != n) throw new ArgumentException($"Attribute '{name}' has {values.Length} values, expected {n}.");
            _attributes.Add(name, values);
        }
        Entities = ids.Distinct(StringComparer.Ordinal).ToArray();
        Periods = times is null ? [] : times.Distinct().Order().ToArray();
    }

    /// <summary>File (and sheet) the panel came from, for messages.</summary>
    public string Source { get; }

    public string IdColumn { get; }

    public string? TimeColumn { get; }

    public int RowCount => Ids.Length;

    /// <summary>Entity id of each row.</summary>
    public string[] Ids { get; }

    /// <summary>Period of each row, or null for a cross-section.</summary>
    public int[]? Times { get; }

    public bool HasTime => Times is not null;

    /// <summary>Distinct entities in order of first appearance.</summary>
    public string[] Entities { get; }

    /// <summary>Distinct periods, ascending (empty for a cross-section).</summary>
    public int[] Periods { get; }

    public int[] SourceRows { get; }

    public IReadOnlyList<string> VariableNames { get; }

    public IReadOnlyList<string> AttributeNames { get; }

    public bool HasVariable(string name) => _variables.ContainsKey(name);

    /// <summary>The values of a numeric variable (do not modify).</summary>
    public double[] Variable(string name) =>
        _variables.TryGetValue(name, out var v)
            ? v
            : throw new DataValidationException(new DataIssue(Source, null, name,
                $"variable not loaded; available: {string.Join(", ", VariableNames)}"));

    public string[] Attribute(string name) =>
        _attributes.TryGetValue(name, out var v)
            ? v
            : throw new DataValidationException(new DataIssue(Source, null, name,
                $"attribute not loaded; available: {string.Join(", ", AttributeNames)}"));

    /// <summary>Rows of one period, in row order.</summary>
    public int[] RowsInPeriod(int period)
    {
        if (Times is null) return Enumerable.Range(0, RowCount).ToArray();
        var rows = new List<int>();
        for (var i = 0; i < Times.Length; i++) if (Times[i] == period) rows.Add(i);
        return rows.ToArray();
    }

    /// <summary>Returns a panel with one variable replaced or added.</summary>
    public Panel WithVariable(string name, double[] values)
    {
        var vars = VariableNames.Select(v => new KeyValuePair<string, double[]>(v, v == name ? values : _variables[v])).ToList();
        if (!_variables.ContainsKey(name)) vars.Add(new(name, values));
        return new Panel(Source, IdColumn, TimeColumn, Ids, Times, vars, Attributes(), SourceRows);
    }

    /// <summary>Returns a panel restricted to the given rows (in the order given).</summary>
    public Panel SelectRows(IReadOnlyList<int> rows)
    {
        T[] Pick<T>(T[] a) { var r = new T[rows.Count]; for (var i = 0; i < r.Length; i++) r[i] = a[rows[i]]; return r; }
        return new Panel(Source, IdColumn, TimeColumn, Pick(Ids), Times is null ? null : Pick(Times),
            VariableNames.Select(v => new KeyValuePair<string, double[]>(v, Pick(_variables[v]))).ToList(),
            AttributeNames.Select(a => new KeyValuePair<string, string[]>(a, Pick(_attributes[a]))).ToList(),
            Pick(SourceRows));
    }

    /// <summary>Returns the panel sorted by entity (first-appearance order) then period.</summary>
    public Panel SortedByEntityAndTime()
    {
        var order = Entities.Select((e, k) => (e, k)).ToDictionary(p => p.e, p => p.k, StringComparer.Ordinal);
        var rows = Enumerable.Range(0, RowCount)
            .OrderBy(i => order[Ids[i]]).ThenBy(i => Times?[i] ?? 0).ToArray();
        return SelectRows(rows);
    }

    private List<KeyValuePair<string, string[]>> Attributes() =>
        AttributeNames.Select(a => new KeyValuePair<string, string[]>(a, _attributes[a])).ToList();
}
