using System.Globalization;
using Xinzhi.Data;

namespace Xinzhi.Econometrics.Sfa;

/// <summary>What <see cref="SfaDataBuilder.FromPanel"/> built: the SFA data and the first-order inputs (for elasticities).</summary>
public sealed record SfaDesign(SfaData Data, IReadOnlyList<double[]> Inputs, IReadOnlyList<string> InputNames, FrontierForm Form);

/// <summary>Builds <see cref="SfaData"/> from a validated <see cref="Panel"/>: logs, translog terms, year dummies.</summary>
public static class SfaDataBuilder
{
    /// <param name="log">Take natural logs of y and the x's; non-positive values are data errors (all listed).</param>
    /// <param name="timeDummies">Add one dummy per period except the first to the frontier (R frontier's BC95 rows).</param>
    /// <param name="withPanelKeys">Pass entity ids and periods (needed by panel models; used for output keys otherwise).</param>
    public static SfaDesign FromPanel(Panel panel, string y, IReadOnlyList<string> x, IReadOnlyList<string> z, bool log,
        FrontierForm form, bool timeDummies = false, bool withPanelKeys = true)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (x.Count == 0) throw new SpecificationException("at least one frontier regressor (--x) is needed");
        var issues = new DataIssueCollector();
        double[] Prepare(string name)
        {
            var v = panel.Variable(name);
            if (!log) return v;
            var r = new double[v.Length];
            for (var i = 0; i < v.Length; i++)
            {
                if (!(v[i] > 0))
                    issues.Add(panel.Source, panel.SourceRows[i], name,
                        $"value {v[i].ToString(CultureInfo.InvariantCulture)} is not positive and cannot be logged (--log)");
                r[i] = Math.Log(v[i]);
            }
            return r;
        }
        var yv = Prepare(y);
        var inputs = x.Select(Prepare).ToArray();
        issues.ThrowIfAny();
        var inputNames = x.Select(n => log ? $"ln_{n}" : n).ToArray();
        IReadOnlyList<double[]> cols = inputs;
        IReadOnlyList<string> names = inputNames;
        if (form == FrontierForm.Translog) (cols, names) = Translog.Expand(inputs, inputNames);
        var allCols = new List<double[]>(cols);
        var allNames = new List<string>(names);
        if (timeDummies)
        {
            if (panel.Times is null) throw new SpecificationException("--time-dummies needs --time");
            foreach (var p in panel.Periods.Skip(1))
            {
                var d = new double[panel.RowCount];
                for (var i = 0; i < d.Length; i++) d[i] = panel.Times[i] == p ? 1 : 0;
                allCols.Add(d);
                allNames.Add($"{panel.TimeColumn}{p}");
            }
        }
        var data = new SfaData
        {
            Y = yv,
            X = allCols,
            XNames = allNames,
            Z = z.Select(panel.Variable).ToArray(),
            ZNames = z.ToArray(),
            Ids = withPanelKeys ? panel.Ids : null,
            Times = withPanelKeys ? panel.Times : null,
            Source = panel.Source,
            SourceRows = panel.SourceRows,
        };
        return new SfaDesign(data, inputs, inputNames, form);
    }
}
