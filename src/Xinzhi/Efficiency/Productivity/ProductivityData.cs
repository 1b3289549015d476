using Xinzhi.Data;

namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// A panel of production observations (unit × period) for productivity indices: inputs X, good outputs Y and bad
/// (undesirable) outputs B, stored row-major per observation, with a (unit, period) → observation grid that records
/// which cells are observed. Immutable.
/// </summary>
public sealed class ProductivityData
{
    private readonly double[] _x, _y, _b;
    private readonly int[] _grid;

    private ProductivityData(string source, string[] entities, int[] periods, int[] obsEntity, int[] obsPeriod,
        int[] sourceRows, string[] inputNames, string[] outputNames, string[] badNames, double[] x, double[] y, double[] b)
    {
        Source = source;
        Entities = entities;
        Periods = periods;
        ObservationEntity = obsEntity;
        ObservationPeriod = obsPeriod;
        SourceRows = sourceRows;
        InputNames = inputNames;
        OutputNames = outputNames;
        BadOutputNames = badNames;
        _x = x; _y = y; _b = b;
        _grid = new int[entities.Length * periods.Length];
        Array.Fill(_grid, -1);
        for (var o = 0; o < obsEntity.Length; o++) _grid[obsEntity[o] * periods.Length + obsPeriod[o]] = o;
        var rows = new List<int>[periods.Length];
        for (var p = 0; p < periods.Length; p++) rows[p] = [];
        for (var o = 0; o < obsEntity.Length; o++) rows[obsPeriod[o]].Add(o);
        _periodRows = rows.Select(r => r.ToArray()).ToArray();
    }

    private readonly int[][] _periodRows;

    /// <summary>File the data came from, for messages.</summary>
    public string Source { get; }

    /// <summary>Units (DMUs) in order of first appearance.</summary>
    public string[] Entities { get; }

    /// <summary>Distinct periods, ascending. "Adjacent periods" are neighbours in this list.</summary>
    public int[] Periods { get; }

    /// <summary>Unit index of each observation.</summary>
    public int[] ObservationEntity { get; }

    /// <summary>Period index (into <see cref="Periods"/>) of each observation.</summary>
    public int[] ObservationPeriod { get; }

    /// <summary>Source-file row of each observation (1-based, as a spreadsheet shows it).</summary>
    public int[] SourceRows { get; }

    public string[] InputNames { get; }

    public string[] OutputNames { get; }

    public string[] BadOutputNames { get; }

    public int ObservationCount => ObservationEntity.Length;

    public int InputCount => InputNames.Length;

    public int OutputCount => OutputNames.Length;

    public int BadOutputCount => BadOutputNames.Length;

    /// <summary>Inputs of observation <paramref name="o"/>.</summary>
    public ReadOnlySpan<double> Inputs(int o) => _x.AsSpan(o * InputCount, InputCount);

    /// <summary>Good outputs of observation <paramref name="o"/>.</summary>
    public ReadOnlySpan<double> Outputs(int o) => _y.AsSpan(o * OutputCount, OutputCount);

    /// <summary>Bad outputs of observation <paramref name="o"/>.</summary>
    public ReadOnlySpan<double> BadOutputs(int o) => _b.AsSpan(o * BadOutputCount, BadOutputCount);

    /// <summary>Observation of unit <paramref name="entity"/> in period index <paramref name="period"/>, or −1.</summary>
    public int Observation(int entity, int period) => _grid[entity * Periods.Length + period];

    /// <summary>Observations of period index <paramref name="period"/>, in unit order.</summary>
    public ReadOnlySpan<int> ObservationsInPeriod(int period) => _periodRows[period];

    /// <summary>True when every unit is observed in every period.</summary>
    public bool IsBalanced => ObservationCount == Entities.Length * Periods.Length;

    /// <summary>The (unit, period) cells that are not observed.</summary>
    public IReadOnlyList<(string Entity, int Period)> MissingCells()
    {
        var list = new List<(string, int)>();
        for (var e = 0; e < Entities.Length; e++)
            for (var p = 0; p < Periods.Length; p++)
                if (Observation(e, p) < 0) list.Add((Entities[e], Periods[p]));
        return list;
    }

    /// <summary>
    /// Builds the data from a long-format <see cref="Panel"/> (with a time column). Every value must be finite;
    /// problems are reported together with file, row and column.
    /// </summary>
    public static ProductivityData FromPanel(Panel panel, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs,
        IReadOnlyList<string>? badOutputs = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        badOutputs ??= [];
        if (!panel.HasTime)
            throw new SpecificationException("A productivity index needs a time column (--time).");
        if (inputs.Count == 0) throw new SpecificationException("At least one input is required (--inputs).");
        if (outputs.Count == 0) throw new SpecificationException("At least one good output is required (--outputs).");
        var all = inputs.Concat(outputs).Concat(badOutputs).ToList();
        var dup = all.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new SpecificationException($"Column '{dup.Key}' is used in more than one role.");

        var entities = panel.Entities;
        var entityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var e = 0; e < entities.Length; e++) entityIndex[entities[e]] = e;
        var periods = panel.Periods;
        var periodIndex = new Dictionary<int, int>();
        for (var p = 0; p < periods.Length; p++) periodIndex[periods[p]] = p;

        // Observations sorted by period then unit, so that period batches are contiguous and deterministic.
        var n = panel.RowCount;
        var order = Enumerable.Range(0, n)
            .OrderBy(i => periodIndex[panel.Times![i]]).ThenBy(i => entityIndex[panel.Ids[i]]).ToArray();
        var obsEntity = new int[n];
        var obsPeriod = new int[n];
        var rows = new int[n];
        var issues = new DataIssueCollector();
        double[] Collect(IReadOnlyList<string> names)
        {
            var cols = names.Select(panel.Variable).ToArray();
            var m = names.Count;
            var a = new double[n * m];
            for (var k = 0; k < n; k++)
            {
                var i = order[k];
                for (var j = 0; j < m; j++)
                {
                    var v = cols[j][i];
                    if (!double.IsFinite(v)) issues.Add(panel.Source, panel.SourceRows[i], names[j], "missing or non-finite value");
                    a[k * m + j] = v;
                }
            }
            return a;
        }
        for (var k = 0; k < n; k++)
        {
            var i = order[k];
            obsEntity[k] = entityIndex[panel.Ids[i]];
            obsPeriod[k] = periodIndex[panel.Times![i]];
            rows[k] = panel.SourceRows[i];
        }
        var x = Collect(inputs);
        var y = Collect(outputs);
        var b = Collect(badOutputs);
        issues.ThrowIfAny();
        return new ProductivityData(panel.Source, entities, periods, obsEntity, obsPeriod, rows,
            inputs.ToArray(), outputs.ToArray(), badOutputs.ToArray(), x, y, b);
    }

    /// <summary>
    /// Builds the data from arrays: <paramref name="x"/>[o][i], <paramref name="y"/>[o][r], optional
    /// <paramref name="b"/>[o][k] for observation o of unit <paramref name="entities"/>[o] in period
    /// <paramref name="periods"/>[o].
    /// </summary>
    public static ProductivityData FromArrays(IReadOnlyList<string> entities, IReadOnlyList<int> periods,
        double[][] x, double[][] y, double[][]? b = null, string source = "(arrays)")
    {
        var n = entities.Count;
        if (periods.Count != n || x.Length != n || y.Length != n || (b is not null && b.Length != n))
            throw new ArgumentException("entities, periods, x, y (and b) must have one element per observation.");
        var m = n == 0 ? 0 : x[0].Length;
        var s = n == 0 ? 0 : y[0].Length;
        var k = b is null || n == 0 ? 0 : b[0].Length;
        var vars = new List<KeyValuePair<string, double[]>>();
        for (var j = 0; j < m; j++) vars.Add(new($"x{j + 1}", x.Select(r => r[j]).ToArray()));
        for (var j = 0; j < s; j++) vars.Add(new($"y{j + 1}", y.Select(r => r[j]).ToArray()));
        for (var j = 0; j < k; j++) vars.Add(new($"b{j + 1}", b!.Select(r => r[j]).ToArray()));
        var panel = new Panel(source, "id", "time", entities.ToArray(), periods.ToArray(), vars);
        return FromPanel(panel,
            Enumerable.Range(1, m).Select(j => $"x{j}").ToArray(),
            Enumerable.Range(1, s).Select(j => $"y{j}").ToArray(),
            Enumerable.Range(1, k).Select(j => $"b{j}").ToArray());
    }

    /// <summary>A balanced sub-panel: only the units observed in every period.</summary>
    public ProductivityData WithCompleteUnitsOnly()
    {
        var keep = new bool[Entities.Length];
        for (var e = 0; e < Entities.Length; e++)
        {
            keep[e] = true;
            for (var p = 0; p < Periods.Length; p++) if (Observation(e, p) < 0) { keep[e] = false; break; }
        }
        var newIndex = new int[Entities.Length];
        var names = new List<string>();
        for (var e = 0; e < Entities.Length; e++) { newIndex[e] = keep[e] ? names.Count : -1; if (keep[e]) names.Add(Entities[e]); }
        var obs = Enumerable.Range(0, ObservationCount).Where(o => keep[ObservationEntity[o]]).ToArray();
        double[] Pick(double[] a, int width)
        {
            var r = new double[obs.Length * width];
            for (var k = 0; k < obs.Length; k++) Array.Copy(a, obs[k] * width, r, k * width, width);
            return r;
        }
        return new ProductivityData(Source, names.ToArray(), Periods,
            obs.Select(o => newIndex[ObservationEntity[o]]).ToArray(), obs.Select(o => ObservationPeriod[o]).ToArray(),
            obs.Select(o => SourceRows[o]).ToArray(), InputNames, OutputNames, BadOutputNames,
            Pick(_x, InputCount), Pick(_y, OutputCount), Pick(_b, BadOutputCount));
    }

    /// <summary>
    /// Checks the data against a model's requirements and throws a <see cref="DataValidationException"/> listing
    /// every offending cell. Radial and SBM distances need strictly positive inputs and outputs (ratios of distances
    /// are undefined otherwise); the DDF accepts zeros but no negative values; bad outputs must be non-negative.
    /// </summary>
    public void Validate(DistanceModel model)
    {
        var issues = new DataIssueCollector();
        var strict = model != DistanceModel.Ddf;
        void Check(double[] a, string[] names, bool positive, string role)
        {
            var w = names.Length;
            for (var o = 0; o < ObservationCount; o++)
                for (var j = 0; j < w; j++)
                {
                    var v = a[o * w + j];
                    if (positive ? v <= 0 : v < 0)
                        issues.Add(Source, SourceRows[o], names[j],
                            $"{role} value {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} is " +
                            (positive ? $"not positive; the {model.ToString().ToLowerInvariant()} model needs strictly positive data"
                                      : "negative; the model needs non-negative data"));
                }
        }
        Check(_x, InputNames, strict, "input");
        Check(_y, OutputNames, strict, "output");
        Check(_b, BadOutputNames, false, "bad output");
        issues.ThrowIfAny();
    }
}
