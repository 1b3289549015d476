using System.Globalization;
using System.Text.Json;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Analysis;

/// <summary>
/// Every analysis verb on the 31-province panels of ../shared/data/nqpf (Cao &amp; Dai 2025 GTFP/NQPF) with the shipped
/// RenJiyi weight matrices. The W files are in NBS order 1 … 31 with headers v1 … v31; they are converted here to
/// contract C with GB/T 2260 codes (the NBS order is the ascending order of the codes).
/// </summary>
public sealed class ProvincePanelTests : IDisposable
{
    private static readonly string[] Codes =
    [
        "110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000", "310000", "320000", "330000",
        "340000", "350000", "360000", "370000", "410000", "420000", "430000", "440000", "450000", "460000", "500000",
        "510000", "520000", "530000", "540000", "610000", "620000", "630000", "640000", "650000",
    ];

    // NBS four regions.
    private static string Region(string code) => code switch
    {
        "110000" or "120000" or "130000" or "310000" or "320000" or "330000" or "350000" or "370000" or "440000" or "460000" => "east",
        "140000" or "340000" or "360000" or "410000" or "420000" or "430000" => "central",
        "210000" or "220000" or "230000" => "northeast",
        _ => "west",
    };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string ConvertW(string file)
    {
        var lines = File.ReadAllLines(SharedPaths.Data(Path.Combine("nqpf", file)));
        var output = new List<string> { "id," + string.Join(',', Codes) };
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var k = int.Parse(cells[0], CultureInfo.InvariantCulture);
            output.Add(Codes[k - 1] + "," + string.Join(',', cells.Skip(1)));
        }
        return _dir.Write("w_" + file, string.Join("\n", output) + "\n");
    }

    private string Panel()
    {
        var lines = File.ReadAllLines(SharedPaths.Data("nqpf/caodai2025_gtfp_nqpf_province_2010_2022.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var max = lines.Max(c => double.Parse(c[3], CultureInfo.InvariantCulture));
        var output = new List<string> { "code,region,year,gtfp,nqpf,nqpf_scaled" };
        foreach (var c in lines)
            output.Add(string.Join(',', c[0], Region(c[0]), c[1], c[2], c[3],
                (double.Parse(c[3], CultureInfo.InvariantCulture) / max).ToString("R", CultureInfo.InvariantCulture)));
        return _dir.Write("panel.csv", string.Join("\n", output) + "\n");
    }

    private static void Ok(CliRunner.Result r, string what) => Assert.True(r.ExitCode == 0, $"{what}: exit {r.ExitCode}\n{r.Error}");

    /// <summary>Numbers from R 4.2.2 (bw.nrd0, bw.nrd, lm + sandwich::vcovCL HC1, lm with dummies); script in Reference/.</summary>
    [Fact]
    public void Should_match_R_on_the_province_panel()
    {
        var panel = Panel();
        var kde = _dir.File("kde.csv");
        Ok(CliRunner.Run("kde", panel, "--value", "nqpf", "--time", "year", "--points", "16", "--out", kde), "kde");
        var h = File.ReadAllLines(_dir.File("kde.summary.csv")).Single(l => l.StartsWith("2022,", StringComparison.Ordinal)).Split(',')[2];
        Assert.Equal(0.35208829905466998, double.Parse(h, CultureInfo.InvariantCulture), 1e-14);
        Ok(CliRunner.Run("kde", panel, "--value", "nqpf", "--time", "year", "--points", "16", "--bandwidth", "scott", "--out", kde), "kde");
        h = File.ReadAllLines(_dir.File("kde.summary.csv")).Single(l => l.StartsWith("2022,", StringComparison.Ordinal)).Split(',')[2];
        Assert.Equal(0.41468177444216686, double.Parse(h, CultureInfo.InvariantCulture), 1e-14);

        var ineq = _dir.File("gini.csv");
        Ok(CliRunner.Run("inequality", panel, "--value", "nqpf", "--time", "year", "--measure", "gini", "--out", ineq), "gini");
        var gini = File.ReadAllLines(ineq).Single(l => l.StartsWith("2022,gini,", StringComparison.Ordinal)).Split(',')[2];
        Assert.Equal(0.27256795354864083, double.Parse(gini, CultureInfo.InvariantCulture), 1e-14);

        var dir = _dir.File("beta");
        Ok(CliRunner.Run("convergence", panel, "--id", "code", "--time", "year", "--value", "nqpf", "--type", "beta-conditional", "--controls", "gtfp", "--out", dir), "beta");
        var rows = File.ReadAllLines(Path.Combine(dir, "summary.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
        double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        Assert.Equal(0.089861794096334172, D(rows["pooled-ols"][1]), 1e-12);
        Assert.Equal(0.019222947743416315, D(rows["pooled-ols"][2]), 1e-12);
        Assert.Equal(0.15851986647658034, D(rows["two-way-fe"][1]), 1e-12);
    }

    [Fact]
    public void Every_verb_should_run_on_the_31_province_panel()
    {
        var panel = Panel();
        var contiguity = ConvertW("renjiyi_W_contiguity_rowstd_31prov.csv");
        var economic = ConvertW("renjiyi_W_economic_distance_31prov.csv");

        var ineq = _dir.File("ineq.csv");
        Ok(CliRunner.Run("inequality", panel, "--value", "nqpf", "--group", "region", "--time", "year", "--measure", "all", "--out", ineq), "inequality");
        var rows = File.ReadAllLines(ineq).Skip(1).Select(l => l.Split(',')).ToArray();
        double V(string t, string c) => double.Parse(rows.Single(x => x[0] == t && x[1] == c && x[3] == "")[2], CultureInfo.InvariantCulture);
        for (var year = 2010; year <= 2022; year++)
        {
            var t = year.ToString(CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(V(t, "G") - V(t, "Gw") - V(t, "Gnb") - V(t, "Gt")) < 1e-14, t);
            Assert.True(Math.Abs(V(t, "G") - V(t, "gini")) < 1e-14, t);
            Assert.Equal(6, rows.Count(x => x[0] == t && x[1] == "Gjh"));
        }

        Ok(CliRunner.Run("kde", panel, "--value", "nqpf", "--time", "year", "--out", _dir.File("kde.csv")), "kde");

        var markov = CliRunner.Run("markov", panel, "--id", "code", "--time", "year", "--value", "nqpf", "--classes", "4", "--spatial", contiguity, "--out", _dir.File("markov"));
        Ok(markov, "markov");
        Assert.Contains("460000", markov.Error); // Hainan reported as an island

        Ok(CliRunner.Run("convergence", panel, "--id", "code", "--time", "year", "--value", "nqpf", "--type", "sigma", "--out", _dir.File("sigma")), "sigma");
        Ok(CliRunner.Run("convergence", panel, "--id", "code", "--time", "year", "--value", "nqpf", "--type", "beta-absolute", "--out", _dir.File("beta-abs")), "beta-absolute");
        Ok(CliRunner.Run("convergence", panel, "--id", "code", "--time", "year", "--value", "nqpf", "--type", "beta-conditional", "--controls", "gtfp", "--spatial", economic, "--out", _dir.File("beta-cond")), "beta-conditional");

        var moranPath = _dir.File("moran.csv");
        var moran = CliRunner.Run("moran", panel, "--id", "code", "--time", "year", "--value", "nqpf", "--weights", contiguity, "--local", "--permutations", "199", "--out", moranPath);
        Ok(moran, "moran");
        Assert.Contains("island", moran.Error);
        var run = JsonDocument.Parse(File.ReadAllText(moranPath + ".run.json"));
        Assert.Contains(run.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("460000"));
        Assert.Contains(File.ReadAllLines(_dir.File("moran.local.csv")), l => l.Contains(",460000,") && l.Contains(",island,"));
        Ok(CliRunner.Run("moran", panel, "--id", "code", "--time", "year", "--value", "gtfp", "--weights", economic, "--permutations", "99", "--out", _dir.File("moran-econ.csv")), "moran economic");

        var coupling = _dir.File("coupling.csv");
        Ok(CliRunner.Run("coupling", panel, "--id", "code", "--time", "year", "--systems", "gtfp,nqpf_scaled", "--out", coupling), "coupling");
        Assert.Equal(1 + 31 * 13, File.ReadAllLines(coupling).Length);

        // Contract-B index run built from the panel: two min-max standardised indicators.
        var runDir = Path.Combine(_dir.Path, "index-run");
        Directory.CreateDirectory(runDir);
        var p = File.ReadAllLines(panel).Skip(1).Select(l => l.Split(',')).ToArray();
        double[] Col(int j) => p.Select(c => double.Parse(c[j], CultureInfo.InvariantCulture)).ToArray();
        var g = Col(3);
        var n = Col(4);
        string Mm(double v, double[] all) => ((v - all.Min()) / (all.Max() - all.Min())).ToString("R", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(runDir, "weights.csv"),
            "indicator,direction,weight,node,path,name_zh,name_en\ngtfp,+,0.4,green,means/green,绿色全要素生产率,Green TFP\nnqpf,+,0.6,new,objects/new,新质生产力,NQPF\n");
        File.WriteAllText(Path.Combine(runDir, "normalized.csv"),
            "id,time,gtfp,nqpf\n" + string.Join("\n", p.Select((c, i) => $"{c[0]},{c[2]},{Mm(g[i], g)},{Mm(n[i], n)}")) + "\n");
        File.WriteAllText(Path.Combine(runDir, "scores.csv"), "id,time,score,rank\n");
        Ok(CliRunner.Run("obstacle", runDir, "--out", _dir.File("obstacle.csv")), "obstacle");

        var forecast = _dir.File("forecast.csv");
        Ok(CliRunner.Run("forecast", SharedPaths.Data("nqpf/caodai2025_province_gtfp_1990_2022.csv"), "--id", "region_code", "--time", "year", "--value", "gtfp",
            "--model", "gm11", "--horizon", "3", "--window", "8", "--rolling", "--out", forecast), "forecast");
        Assert.Equal(1 + 31 * (33 + 3), File.ReadAllLines(forecast).Length);
        foreach (var f in new[] { ineq, coupling, forecast, moranPath })
            Assert.True(File.Exists(f + ".run.json"), f);
        foreach (var d in new[] { "markov", "sigma", "beta-abs", "beta-cond" })
            Assert.True(File.Exists(Path.Combine(_dir.File(d), "run.json")), d);
    }
}
