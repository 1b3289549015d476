using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Econometrics.Sfa;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Econometrics.Sfa;

/// <summary>The SFA reference datasets of ../shared/data and the R frontier 1.1-8 estimates of ../shared/reference.</summary>
internal static class SfaFixtures
{
    public sealed record ReferenceParam(string Model, string Param, double Estimate, double StdError, double LogLik,
        double LogLikOls, int Nobs, double MeanEff, int Iterations);

    public static double[] Column(RawTable t, string name) =>
        t.Column(name).Select(c => double.Parse(c!, CultureInfo.InvariantCulture)).ToArray();

    public static double[] Log(double[] v) => v.Select(a => Math.Log(a)).ToArray();

    /// <summary>front41Data (Coelli 1996 EG1): ln output on ln capital (lK) and ln labour (lL).</summary>
    public static SfaData Front41()
    {
        var t = TableReader.Read(SharedPaths.Data("frontier_front41Data.csv"));
        return new SfaData
        {
            Y = Log(Column(t, "output")),
            X = [Log(Column(t, "capital")), Log(Column(t, "labour"))],
            XNames = ["lK", "lL"],
        };
    }

    public static RawTable RiceTable() => TableReader.Read(SharedPaths.Data("frontier_riceProdPhil.csv"));

    /// <summary>riceProdPhil: ln PROD on lA, lL, lN; farmer FMERCODE, year YEARDUM.</summary>
    public static SfaData Rice(bool yearDummies = false, bool translog = false, bool z = false)
    {
        var t = RiceTable();
        var xs = new List<double[]> { Log(Column(t, "AREA")), Log(Column(t, "LABOR")), Log(Column(t, "NPK")) };
        var names = new List<string> { "lA", "lL", "lN" };
        if (translog)
        {
            var expanded = Translog.Expand(xs, names);
            xs = [.. expanded.Columns];
            names = [.. expanded.Names];
        }
        var year = Column(t, "YEARDUM");
        if (yearDummies)
            for (var d = 2; d <= 8; d++)
            {
                var dd = d;
                xs.Add(year.Select(v => v == dd ? 1.0 : 0.0).ToArray());
                names.Add($"YEARDUM{d}");
            }
        string[] zNames = z ? ["EDYRS", "HHSIZE", "NADULT", "BANRAT", "AGE"] : [];
        return new SfaData
        {
            Y = Log(Column(t, "PROD")),
            X = xs,
            XNames = names,
            Z = zNames.Select(n => Column(t, n)).ToArray(),
            ZNames = zNames,
            Ids = t.Column("FMERCODE").Select(c => c!).ToArray(),
            Times = year.Select(v => (int)v).ToArray(),
        };
    }

    /// <summary>
    /// The same rows sorted by farmer, then year (the CSV is year-major). R frontier's pooled cross-section reference was
    /// estimated on rows in this order (the order of a plm pdata.frame): FRONTIER sums the likelihood in row order, and
    /// only this order reproduces its DFP path to the last digit (10 iterations; the CSV order takes 9).
    /// </summary>
    public static SfaData ByFarmerThenYear(SfaData d)
    {
        var order = Enumerable.Range(0, d.Y.Length)
            .OrderBy(i => int.Parse(d.Ids![i], CultureInfo.InvariantCulture)).ThenBy(i => d.Times![i]).ToArray();
        double[] Pick(double[] v) => order.Select(i => v[i]).ToArray();
        return d with
        {
            Y = Pick(d.Y),
            X = d.X.Select(Pick).ToArray(),
            Z = d.Z.Select(Pick).ToArray(),
            Ids = order.Select(i => d.Ids![i]).ToArray(),
            Times = order.Select(i => d.Times![i]).ToArray(),
        };
    }

    public static IReadOnlyList<ReferenceParam> FrontierReference(string model)
    {
        var t = TableReader.Read(SharedPaths.Reference("sfa_frontier_estimates.csv"));
        var rows = new List<ReferenceParam>();
        for (var i = 0; i < t.RowCount; i++)
        {
            if (t.Column("model")[i] != model) continue;
            double D(string c) => double.Parse(t.Column(c)[i]!, CultureInfo.InvariantCulture);
            rows.Add(new ReferenceParam(model, t.Column("param")[i]!, D("estimate"), D("std_error"), D("loglik"),
                D("loglik_ols"), (int)D("nobs"), D("mean_eff"), (int)D("iterations")));
        }
        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>Maps R frontier's parameter names to Xinzhi's.</summary>
    public static string OurName(string param) => param switch
    {
        "time" => "eta",
        "I(0.5 * lA^2)" => "0.5*lA^2",
        "I(0.5 * lL^2)" => "0.5*lL^2",
        "I(0.5 * lN^2)" => "0.5*lN^2",
        "I(lA * lL)" => "lA*lL",
        "I(lA * lN)" => "lA*lN",
        "I(lL * lN)" => "lL*lN",
        _ => param,
    };
}
