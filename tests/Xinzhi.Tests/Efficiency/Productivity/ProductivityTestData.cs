using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Efficiency.Productivity;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>The Malmquist panels of oracles.md §1 and a reader for the reference CSVs.</summary>
internal static class ProductivityTestData
{
    public sealed record PanelSpecification(string File, string Id, string Time, string[] Inputs, string[] Outputs);

    public static readonly IReadOnlyDictionary<string, PanelSpecification> Panels = new Dictionary<string, PanelSpecification>
    {
        ["EconomyLong"] = new("deaR_EconomyLong.csv", "DMUs", "Period", ["Capital", "Labor"], ["GIOV"]),
        ["Grifell_Lovell_1999"] = new("deaR_Grifell_Lovell_1999.csv", "DMU", "Year", ["X"], ["Y"]),
        ["usagri"] = new("productivity_usagri.csv", "States", "Years",
            ["q.capital", "q.land", "q.labor", "q.materials"], ["q.livestock", "q.crop", "q.other"]),
        ["synthetic"] = new("synthetic_malmquist_panel_n500_t5.csv", "dmu", "period", ["x1", "x2", "x3"], ["y1", "y2"]),
    };

    private static readonly Dictionary<string, ProductivityData> Cache = new();

    public static ProductivityData Load(string panel)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(panel, out var d)) return d;
            var spec = Panels[panel];
            var table = CsvTableReader.Read(SharedPaths.Data(spec.File));
            var load = PanelBuilder.Build(table, new PanelSpec(spec.Id, spec.Time, spec.Inputs.Concat(spec.Outputs).ToArray()));
            d = ProductivityData.FromPanel(load.Panel, spec.Inputs, spec.Outputs);
            Cache[panel] = d;
            return d;
        }
    }

    /// <summary>Reads a reference CSV (R write.csv) into rows keyed by header.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var table = CsvTableReader.Read(path);
        var rows = new List<Dictionary<string, string>>(table.RowCount);
        for (var i = 0; i < table.RowCount; i++)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var j = 0; j < table.ColumnNames.Count; j++) row[table.ColumnNames[j]] = table.Column(j)[i]?.Trim() ?? "";
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A reference number: empty/NA → NaN, Inf/-Inf → ±∞.</summary>
    public static double Number(string cell) => cell switch
    {
        "" or "NA" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    public static void Close(double expected, double actual, double tol, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected no value, got {actual:R}");
            return;
        }
        Assert.False(double.IsNaN(actual), $"{what}: expected {expected:R}, got no value");
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: expected {expected:R}, got {actual:R} (|Δ| = {Math.Abs(expected - actual):E2} > {tol:E0})");
    }
}
