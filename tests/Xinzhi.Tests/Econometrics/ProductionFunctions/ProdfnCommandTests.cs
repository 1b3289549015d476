using System.Text.Json;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

public sealed class ProdfnCommandTests
{
    [Fact]
    public void Writes_estimates_omega_and_run_json()
    {
        using var tmp = new TempDir();
        var res = CliRunner.Run("prodfn", SharedPaths.Data("prodest_chilean.csv"), "--id", "idvar", "--time", "timevar", "--y", "Y",
            "--free", "fX1,fX2", "--state", "sX", "--proxy", "pX", "--method", "lp", "--reps", "3", "--seed", "11", "--out", tmp.Path);
        Assert.True(res.ExitCode == 0, res.Error + res.Out);
        var est = File.ReadAllLines(tmp.File("estimates.csv"));
        Assert.Equal("term,estimate,std_error,z,p,se_type", est[0]);
        Assert.Equal(4, est.Length);
        Assert.StartsWith("fX1,0.19852419929", est[1]);
        var omega = File.ReadAllLines(tmp.File("omega.csv"));
        Assert.Equal("id,time,omega,omega_phi", omega[0]);
        Assert.Equal(2545, omega.Length);
        using var json = JsonDocument.Parse(File.ReadAllText(tmp.File("run.json")));
        var spec = json.RootElement.GetProperty("specification");
        Assert.Equal(2, spec.GetProperty("first_stage_polynomial_degree").GetInt32());
        Assert.Equal(3, spec.GetProperty("markov_polynomial_degree").GetInt32());
        Assert.Equal(11, spec.GetProperty("seed").GetInt64());
        Assert.Equal(3, spec.GetProperty("bootstrap_replications").GetInt32());
        Assert.Contains("LevenbergMarquardt", spec.GetProperty("optimizer").GetString());
        Assert.Equal(64, json.RootElement.GetProperty("inputs")[0].GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public void Wrdg_prodest_variant_reproduces_prodestWRDG_and_is_recorded()
    {
        using var tmp = new TempDir();
        var res = CliRunner.Run("prodfn", SharedPaths.Data("prodest_chilean.csv"), "--id", "idvar", "--time", "timevar", "--y", "Y",
            "--free", "fX1,fX2", "--state", "sX", "--proxy", "pX", "--method", "wrdg", "--wrdg-variant", "prodest", "--out", tmp.Path);
        Assert.True(res.ExitCode == 0, res.Error + res.Out);
        var est = File.ReadAllLines(tmp.File("estimates.csv"));
        Assert.StartsWith("sX,0.14467949101", est[3]); // prodest WRDG_elec: 0.144679491019282
        using var json = JsonDocument.Parse(File.ReadAllText(tmp.File("run.json")));
        Assert.Equal("prodest", json.RootElement.GetProperty("specification").GetProperty("wrdg_variant").GetString());

        var gross = CliRunner.Run("prodfn", SharedPaths.Data("prodest_chilean.csv"), "--id", "idvar", "--time", "timevar", "--y", "Y",
            "--free", "fX1,fX2", "--state", "sX", "--proxy", "pX", "--method", "wrdg", "--wrdg-variant", "prodest",
            "--output", "gross-output", "--out", tmp.Path);
        Assert.Equal(1, gross.ExitCode);
        Assert.Contains("--wrdg-variant", gross.Error);
        var bad = CliRunner.Run("prodfn", SharedPaths.Data("prodest_chilean.csv"), "--id", "idvar", "--time", "timevar", "--y", "Y",
            "--free", "fX1,fX2", "--state", "sX", "--proxy", "pX", "--method", "wrdg", "--wrdg-variant", "stata", "--out", tmp.Path);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--wrdg-variant", bad.Error);
    }

    [Fact]
    public void Unknown_column_is_a_data_error_and_bad_method_a_usage_error()
    {
        using var tmp = new TempDir();
        var missing = CliRunner.Run("prodfn", SharedPaths.Data("prodest_chilean.csv"), "--id", "idvar", "--time", "timevar", "--y", "Y",
            "--free", "labour", "--state", "sX", "--proxy", "pX", "--out", tmp.Path);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("labour", missing.Error);
        var method = CliRunner.Run("prodfn", SharedPaths.Data("prodest_chilean.csv"), "--id", "idvar", "--time", "timevar", "--y", "Y",
            "--free", "fX1", "--state", "sX", "--proxy", "pX", "--method", "gmm", "--out", tmp.Path);
        Assert.Equal(1, method.ExitCode);
        Assert.Contains("--method", method.Error);
    }
}
