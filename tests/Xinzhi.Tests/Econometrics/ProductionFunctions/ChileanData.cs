using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

/// <summary>prodest's chilean data (../shared/data/prodest_chilean.csv) and the prodest 1.0.1 reference estimates.</summary>
internal static class ChileanData
{
    private static readonly Lazy<Panel> Lazy = new(() =>
        PanelBuilder.Build(TableReader.Read(SharedPaths.Data("prodest_chilean.csv")),
            new PanelSpec("idvar", "timevar", ["Y", "sX", "fX1", "fX2", "pX", "inv"])).Panel);

    public static Panel Panel => Lazy.Value;

    /// <summary>(model, param) → (estimate, std_error_bootstrap_R20) from prodfn_prodest_chilean_estimates.csv.</summary>
    public static IReadOnlyDictionary<(string Model, string Param), (double Estimate, double StdError)> Reference { get; } = LoadReference();

    private static Dictionary<(string, string), (double, double)> LoadReference()
    {
        var table = TableReader.Read(SharedPaths.Reference("prodfn_prodest_chilean_estimates.csv"));
        var model = table.Column(table.ColumnIndex("model"));
        var param = table.Column(table.ColumnIndex("param"));
        var est = table.Column(table.ColumnIndex("estimate"));
        var se = table.Column(table.ColumnIndex("std_error_bootstrap_R20"));
        var result = new Dictionary<(string, string), (double, double)>();
        for (var i = 0; i < table.RowCount; i++)
            result[(model[i]!, param[i]!)] = (double.Parse(est[i]!, CultureInfo.InvariantCulture), double.Parse(se[i]!, CultureInfo.InvariantCulture));
        return result;
    }

    /// <summary>Reference parameter names → the chilean column names.</summary>
    public static readonly (string Param, string Column)[] Params =
        [("fX1_skilled", "fX1"), ("fX2_unskilled", "fX2"), ("sX_capital", "sX")];
}
