using Xinzhi.Data;
using Xinzhi.Econometrics.ProductionFunctions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

public sealed class BadInputTests
{
    private static Panel Subset(Func<int, bool> keep, Func<string, string>? renameId = null, Action<string, double[]>? edit = null)
    {
        var p = ChileanData.Panel;
        var rows = Enumerable.Range(0, p.RowCount).Where(keep).ToArray();
        var s = p.SelectRows(rows);
        var vars = s.VariableNames.Select(v =>
        {
            var values = (double[])s.Variable(v).Clone();
            edit?.Invoke(v, values);
            return new KeyValuePair<string, double[]>(v, values);
        }).ToList();
        var ids = renameId is null ? s.Ids : s.Ids.Select(renameId).ToArray();
        return new Panel("chilean-test.csv", "idvar", "timevar", ids, s.Times, vars, null, s.SourceRows);
    }

    [Fact]
    public void Too_few_observations_is_a_data_error()
    {
        var firms = ChileanData.Panel.Entities.Take(2).ToHashSet();
        var panel = Subset(i => firms.Contains(ChileanData.Panel.Ids[i]));
        var spec = new ProductionFunctionSpec(panel, "Y", ["fX1", "fX2"], ["sX"], "pX");
        var e = Assert.Throws<DataValidationException>(() => spec.Fit(new() { Method = ProductionFunctionMethod.Acf, BootstrapReplications = 0 }));
        Assert.Contains("too few observations", e.Message);
    }

    [Fact]
    public void Perfect_collinearity_names_the_column()
    {
        var panel = Subset(_ => true, edit: (name, v) =>
        {
            if (name != "fX2") return;
            var f1 = ChileanData.Panel.Variable("fX1");
            for (var i = 0; i < v.Length; i++) v[i] = 2 * f1[i] + 1;
        });
        var spec = new ProductionFunctionSpec(panel, "Y", ["fX1", "fX2"], ["sX"]);
        var e = Assert.Throws<SingularMatrixException>(() => spec.Fit(new() { Method = ProductionFunctionMethod.Ols }));
        Assert.Contains("fX2", e.Message);
        Assert.Equal(ErrorCategory.Numerical, e.Category);
    }

    [Fact]
    public void Non_convergence_is_flagged_not_hidden()
    {
        var spec = new ProductionFunctionSpec(ChileanData.Panel, "Y", ["fX1", "fX2"], ["sX"], "pX");
        var r = spec.Fit(new()
        {
            Method = ProductionFunctionMethod.Acf, BootstrapReplications = 0, MaxIterations = 1,
            Start = StartValueRule.Given, StartValues = [0.5, 0.5, 0.5],
        });
        Assert.False(r.Converged);
        Assert.Contains(r.Warnings, w => w.Code == ProductionFunctionWarningCode.NotConverged);
    }

    [Fact]
    public void Unbalanced_panel_with_gaps_uses_only_rows_with_an_observed_previous_year()
    {
        // Drop every 7th row: creates gaps inside firms' histories.
        var panel = Subset(i => i % 7 != 3);
        var lagged = 0;
        var keys = new HashSet<(string, int)>();
        for (var i = 0; i < panel.RowCount; i++) keys.Add((panel.Ids[i], panel.Times![i]));
        for (var i = 0; i < panel.RowCount; i++) if (keys.Contains((panel.Ids[i], panel.Times![i] - 1))) lagged++;
        var r = new ProductionFunctionSpec(panel, "Y", ["fX1", "fX2"], ["sX"], "pX")
            .Fit(new() { Method = ProductionFunctionMethod.Lp, BootstrapReplications = 0 });
        Assert.Equal(lagged, r.SecondStageObservations);
        Assert.Equal(panel.RowCount, r.Observations);
        Assert.Contains(r.Warnings, w => w.Code == ProductionFunctionWarningCode.RowsWithoutLag);
        Assert.True(r.Converged);
    }

    [Fact]
    public void String_ids_give_the_same_estimates_as_numeric_ids()
    {
        var numeric = new ProductionFunctionSpec(ChileanData.Panel, "Y", ["fX1", "fX2"], ["sX"], "pX")
            .Fit(new() { Method = ProductionFunctionMethod.Lp, BootstrapReplications = 3, Seed = 5 });
        var text = new ProductionFunctionSpec(Subset(_ => true, id => "企业-" + id), "Y", ["fX1", "fX2"], ["sX"], "pX")
            .Fit(new() { Method = ProductionFunctionMethod.Lp, BootstrapReplications = 3, Seed = 5 });
        Assert.Equal(numeric.Coefficients, text.Coefficients);
        Assert.Equal(numeric.StandardErrors, text.StandardErrors);
        Assert.StartsWith("企业-", text.Ids[0]);
    }

    [Fact]
    public void Missing_values_are_reported_with_row_and_column()
    {
        var panel = Subset(_ => true, edit: (name, v) => { if (name == "pX") v[10] = double.NaN; });
        var spec = new ProductionFunctionSpec(panel, "Y", ["fX1", "fX2"], ["sX"], "pX");
        var e = Assert.Throws<DataValidationException>(() => spec.Fit(new() { Method = ProductionFunctionMethod.Lp, BootstrapReplications = 0 }));
        var issue = Assert.Single(e.Issues);
        Assert.Equal("pX", issue.Column);
        Assert.Equal(ChileanData.Panel.SourceRows[10], issue.Row);
    }

    [Fact]
    public void Options_the_method_cannot_use_are_specification_errors()
    {
        var spec = new ProductionFunctionSpec(ChileanData.Panel, "Y", ["fX1", "fX2"], ["sX"], "pX");
        Assert.Throws<SpecificationException>(() => spec.Fit(new() { Method = ProductionFunctionMethod.Lp, Form = ProductionForm.Translog }));
        Assert.Throws<SpecificationException>(() => spec.Fit(new() { Method = ProductionFunctionMethod.Op, Output = OutputConcept.GrossOutput }));
        Assert.Throws<SpecificationException>(() => (spec with { ExitFromPanel = true }).Fit(new() { Method = ProductionFunctionMethod.Acf }));
        Assert.Throws<SpecificationException>(() => (spec with { Proxy = null }).Fit(new() { Method = ProductionFunctionMethod.Lp }));
    }

    [Fact]
    public void Exit_correction_from_panel_equals_an_explicit_exit_column()
    {
        var p = ChileanData.Panel;
        var last = p.Ids.Select((id, i) => (id, t: p.Times![i])).GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Max(x => x.t));
        var maxYear = p.Times!.Max();
        var exit = p.Ids.Select((id, i) => p.Times![i] == last[id] && p.Times[i] != maxYear ? 1.0 : 0.0).ToArray();
        var withColumn = p.WithVariable("exit", exit);
        var o = new ProductionFunctionOptions { Method = ProductionFunctionMethod.Op, BootstrapReplications = 0 };
        var a = new ProductionFunctionSpec(p, "Y", ["fX1", "fX2"], ["sX"], "inv", ExitFromPanel: true).Fit(o);
        var b = new ProductionFunctionSpec(withColumn, "Y", ["fX1", "fX2"], ["sX"], "inv", Exit: "exit").Fit(o);
        var none = new ProductionFunctionSpec(p, "Y", ["fX1", "fX2"], ["sX"], "inv").Fit(o);
        Assert.Equal(a.Coefficients, b.Coefficients);
        Assert.True(a.Converged);
        Assert.NotEqual(none.Coefficient("sX"), a.Coefficient("sX"));
        // The free-input coefficients come from the first stage, which the exit correction does not touch.
        Assert.Equal(none.Coefficient("fX1"), a.Coefficient("fX1"));
    }
}
