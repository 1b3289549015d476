using System.Globalization;
using System.Text.Json;
using Xinzhi.Data;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Econometrics.Sfa;

/// <summary>The <c>xinzhi sfa</c> verb: output contract and bad input.</summary>
public sealed class SfaCommandTests
{
    private static string Front41 => SharedPaths.Data("frontier_front41Data.csv");

    private static string Rice => SharedPaths.Data("frontier_riceProdPhil.csv");

    [Fact]
    public void Should_write_the_output_contract_for_EG1()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        var r = CliRunner.Run("sfa", Front41, "--id", "firm", "--y", "output", "--x", "capital,labour", "--log", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        var est = TableReader.Read(Path.Combine(outDir, "estimates.csv"));
        Assert.Equal(["term", "estimate", "std_error", "z", "p"], est.ColumnNames);
        Assert.Equal(new[] { "(Intercept)", "ln_capital", "ln_labour", "sigmaSq", "gamma" }, est.Column("term").Select(c => c!).ToArray());
        Assert.Equal(0.56161963, double.Parse(est.Column("estimate")[0]!, CultureInfo.InvariantCulture), 5);
        var eff = TableReader.Read(Path.Combine(outDir, "efficiency.csv"));
        Assert.Equal(["id", "te", "te_jlms", "te_mode", "u_mean"], eff.ColumnNames);
        Assert.Equal(60, eff.RowCount);
        Assert.Equal(0.6506888, double.Parse(eff.Column("te")[0]!, CultureInfo.InvariantCulture), 5);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        Assert.True(root.GetProperty("converged").GetBoolean());
        // R frontier's ln L for EG1 (FRONTIER 4.1 prints −17.027229 from its own Φ approximation); Xinzhi's differs
        // from R's only by FRONTIER's single-precision π in the constant: ½·60·ln(3.1415926/π) = −1.44e-6.
        Assert.True(Math.Abs(root.GetProperty("loglik").GetDouble() - -17.0272239826423) < 2e-6, "loglik");
        Assert.Equal("frontier41", root.GetProperty("optimizer").GetString());
        Assert.Equal("direction", root.GetProperty("covariance").GetString());
        Assert.Equal(7, root.GetProperty("iterations").GetInt32());
        Assert.Equal(2.8392402, root.GetProperty("lr_test").GetProperty("statistic").GetDouble(), 4);
        Assert.True(root.GetProperty("iterations").GetInt32() > 0);
        Assert.Equal(0.21700046, root.GetProperty("sigma2").GetDouble(), 5);
        Assert.Equal(0.7972073, root.GetProperty("gamma").GetDouble(), 5);
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")));
        Assert.Equal("sfa", run.RootElement.GetProperty("command").GetString());
        Assert.Equal(64, run.RootElement.GetProperty("inputs")[0].GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public void Should_offer_the_newton_optimizer_and_the_hessian_covariance()
    {
        using var dir = new TempDir();
        var a = dir.File("frontier");
        var b = dir.File("newton");
        Assert.Equal(0, CliRunner.Run("sfa", Front41, "--y", "output", "--x", "capital,labour", "--log", "--vcov", "hessian", "--out", a).ExitCode);
        var r = CliRunner.Run("sfa", Front41, "--y", "output", "--x", "capital,labour", "--log", "--optimizer", "newton", "--out", b);
        Assert.True(r.ExitCode == 0, r.Error);
        using var sa = JsonDocument.Parse(File.ReadAllText(Path.Combine(a, "summary.json")));
        using var sb = JsonDocument.Parse(File.ReadAllText(Path.Combine(b, "summary.json")));
        Assert.Equal("frontier41", sa.RootElement.GetProperty("optimizer").GetString());
        Assert.Equal("hessian", sa.RootElement.GetProperty("covariance").GetString());
        Assert.Equal("newton", sb.RootElement.GetProperty("optimizer").GetString());
        Assert.Equal("hessian", sb.RootElement.GetProperty("covariance").GetString());
        Assert.True(sb.RootElement.GetProperty("loglik").GetDouble() >= sa.RootElement.GetProperty("loglik_at_estimate").GetDouble() - 1e-12);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(b, "run.json")));
        Assert.Equal("newton", run.RootElement.GetProperty("specification").GetProperty("optimizer").GetString());

        Assert.Equal(1, CliRunner.Run("sfa", Front41, "--y", "output", "--x", "capital,labour", "--log", "--optimizer", "bfgs", "--out", dir.File("x")).ExitCode);
        var bad = CliRunner.Run("sfa", Front41, "--y", "output", "--x", "capital,labour", "--log", "--optimizer", "newton", "--vcov", "direction", "--out", dir.File("y"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("frontier41", bad.Error);
    }

    [Fact]
    public void Should_key_rows_by_row_number_without_id_and_flag_wrong_skew()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        var r = CliRunner.Run("sfa", Front41, "--y", "output", "--x", "capital,labour", "--log", "--cost", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("wrong-skew", r.Error);
        var eff = TableReader.Read(Path.Combine(outDir, "efficiency.csv"));
        Assert.Equal(["id", "te", "te_jlms", "te_mode", "u_mean", "ce_frontier41"], eff.ColumnNames);
        Assert.Equal("2", eff.Column("id")[0]); // the data row number (header = row 1)
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("wrong_skew").GetBoolean());
        Assert.Contains(summary.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "wrong-skew");
    }

    [Fact]
    public void Should_fit_BC95_with_time_dummies_like_R_frontier()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        var r = CliRunner.Run("sfa", Rice, "--id", "FMERCODE", "--time", "YEARDUM", "--y", "PROD", "--x", "AREA,LABOR,NPK", "--log",
            "--model", "bc95", "--z", "EDYRS,HHSIZE,NADULT,BANRAT,AGE", "--no-z-intercept", "--time-dummies", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(-51.4535243681209, summary.RootElement.GetProperty("loglik").GetDouble(), 4);
        var eff = TableReader.Read(Path.Combine(outDir, "efficiency.csv"));
        Assert.Equal(["id", "time", "te", "te_jlms", "te_mode", "u_mean"], eff.ColumnNames);
    }

    [Fact]
    public void Should_write_translog_elasticities()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        var r = CliRunner.Run("sfa", Rice, "--id", "FMERCODE", "--time", "YEARDUM", "--y", "PROD", "--x", "AREA,LABOR,NPK", "--log",
            "--form", "translog", "--model", "bc92", "--dist", "truncated-normal", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        var el = TableReader.Read(Path.Combine(outDir, "elasticities.csv"));
        Assert.Equal(["id", "time", "elasticity_ln_AREA", "elasticity_ln_LABOR", "elasticity_ln_NPK", "returns_to_scale"], el.ColumnNames);
        Assert.Equal(344, el.RowCount);
        // Independent check of row 1: ε_A = β_A + β_AA·lA + β_AL·lL + β_AN·lN with R frontier's TL_BC92 estimates.
        var t = TableReader.Read(Rice);
        double L(string c) => Math.Log(double.Parse(t.Column(c)[0]!, CultureInfo.InvariantCulture));
        var expected = -1.74728477733324 - 0.276783984550369 * L("AREA") + 0.526912132096691 * L("LABOR") + 0.0351838406909505 * L("NPK");
        Assert.Equal(expected, double.Parse(el.Column("elasticity_ln_AREA")[0]!, CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public void Should_handle_an_unbalanced_panel()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(Rice).ToList();
        lines.RemoveAt(40);
        lines.RemoveAt(10); // two farmer-years gone
        var file = dir.Write("rice.csv", string.Join('\n', lines) + "\n");
        var outDir = dir.File("out");
        var r = CliRunner.Run("sfa", file, "--id", "FMERCODE", "--time", "YEARDUM", "--y", "PROD", "--x", "AREA,LABOR,NPK", "--log",
            "--model", "bc92", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.False(summary.RootElement.GetProperty("balanced").GetBoolean());
        Assert.Equal(342, summary.RootElement.GetProperty("nobs").GetInt32());
        Assert.True(summary.RootElement.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void Should_reject_non_positive_values_under_log_naming_row_and_column()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(Front41);
        lines[3] = "3,20.855,0,89.799";
        var file = dir.Write("bad.csv", string.Join('\n', lines) + "\n");
        var r = CliRunner.Run("sfa", file, "--y", "output", "--x", "capital,labour", "--log", "--out", dir.File("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("row 4", r.Error);
        Assert.Contains("'capital'", r.Error);
        Assert.Contains("--log", r.Error);
    }

    [Fact]
    public void Should_reject_too_few_observations()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(Front41).Take(5);
        var file = dir.Write("few.csv", string.Join('\n', lines) + "\n");
        var r = CliRunner.Run("sfa", file, "--y", "output", "--x", "capital,labour", "--log", "--out", dir.File("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("too few observations", r.Error);
    }

    [Fact]
    public void Should_name_perfectly_collinear_regressors()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(Front41).Select((l, i) => i == 0 ? l + ",capital2" : l + "," + (2 * double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
        var file = dir.Write("col.csv", string.Join('\n', lines) + "\n");
        var r = CliRunner.Run("sfa", file, "--y", "output", "--x", "capital,labour,capital2", "--out", dir.File("out"));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("capital2", r.Error);
        Assert.Contains("collinear", r.Error);
    }

    [Fact]
    public void Should_flag_non_convergence()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        var r = CliRunner.Run("sfa", Rice, "--id", "FMERCODE", "--time", "YEARDUM", "--y", "PROD", "--x", "AREA,LABOR,NPK", "--log",
            "--model", "bc95", "--z", "EDYRS,HHSIZE", "--max-iterations", "2", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("not-converged", r.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.False(summary.RootElement.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void Should_require_panel_keys_for_panel_models()
    {
        var r = CliRunner.Run("sfa", Rice, "--y", "PROD", "--x", "AREA", "--log", "--model", "bc92", "--out", "/tmp/never");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--id and --time", r.Error);
        var r2 = CliRunner.Run("sfa", Rice, "--y", "PROD", "--x", "AREA", "--dist", "gamma", "--out", "/tmp/never");
        Assert.Equal(1, r2.ExitCode);
        Assert.Contains("half-normal", r2.Error);
    }
}
