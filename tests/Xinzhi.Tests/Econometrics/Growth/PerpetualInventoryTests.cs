using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Econometrics.Growth;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Econometrics.Growth;

/// <summary>Perpetual inventory against R CHNCapitalStock's Zhang-Jun routine (../shared/data/nqpf, domain §4.1).</summary>
public sealed class PerpetualInventoryTests
{
    [Fact]
    public void Should_reproduce_CHNCapitalStock_Zhang_2004()
    {
        using var dir = new TempDir();
        var file = dir.File("k.csv");
        var r = CliRunner.Run("capital", SharedPaths.Data("nqpf/chn_province_capital_inputs_1952_2022.csv"), "--id", "prv", "--time", "year",
            "--investment", "gfcf_current_100m_yuan", "--deflator", "invest_price_index_1952eq1", "--delta", "0.096",
            "--initial", "ten-percent", "--out", file);
        Assert.True(r.ExitCode == 0, r.Error);
        var ours = TableReader.Read(file);
        var reference = TableReader.Read(SharedPaths.Data("nqpf/chn_province_capital_stock_zhangjun_1952_2022.csv"));
        var refK = new Dictionary<(string, string), double>();
        for (var i = 0; i < reference.RowCount; i++)
            refK[(reference.Column("prv")[i]!, reference.Column("year")[i]!)] =
                double.Parse(reference.Column("K_1952price_100m_yuan")[i]!, CultureInfo.InvariantCulture);
        var compared = 0;
        for (var i = 0; i < ours.RowCount; i++)
        {
            var prv = ours.Column("id")[i]!;
            // Chongqing's 1996 stock comes from a share rule of Sichuan's, not from K = I/0.1 (data README).
            if (prv == "chongqing") continue;
            var k = double.Parse(ours.Column("capital")[i]!, CultureInfo.InvariantCulture);
            var expected = refK[(prv, ours.Column("time")[i]!)];
            // The reference file is rounded to 4 decimals.
            Assert.True(Math.Abs(k - expected) <= 1e-4 * Math.Max(1, Math.Abs(expected)), $"{prv} {ours.Column("time")[i]}: {k} vs {expected}");
            compared++;
        }
        Assert.True(compared > 2000, $"{compared}");
    }

    [Fact]
    public void Should_apply_the_growth_rule_for_the_initial_stock()
    {
        string[] ids = ["A", "A", "A", "A"];
        int[] years = [2000, 2001, 2002, 2003];
        double[] inv = [100, 110, 121, 133.1];
        double[] p = [1, 1.1, 1.21, 1.331];
        var (rows, _) = PerpetualInventory.Compute(ids, years, inv, p,
            new PerpetualInventoryOptions { Initial = InitialStockRule.Growth, GrowthYears = 3, Delta = 0.1 });
        // Real investment is flat at 100 → g = 0, K₀ = 100/(0 + 0.1) = 1000, a steady state.
        Assert.All(rows, r => Assert.Equal(1000, r.Capital, 9));
        var (rows2, _) = PerpetualInventory.Compute(ids, years, inv, null, new PerpetualInventoryOptions { Initial = InitialStockRule.Growth, GrowthYears = 3 });
        var g = Math.Pow(133.1 / 100, 1.0 / 3) - 1;
        var k0 = 100 / (g + 0.096);
        Assert.Equal(k0, rows2[0].Capital, 9);
        Assert.Equal(0.904 * k0 + 110, rows2[1].Capital, 9);
    }

    [Fact]
    public void Should_rebase_the_deflator_and_reject_gaps()
    {
        var (rows, _) = PerpetualInventory.Compute(["A", "A"], [2000, 2001], [10, 22], [2, 4],
            new PerpetualInventoryOptions { PriceBaseYear = 2001 });
        Assert.Equal(20 / 0.1, rows[0].Capital, 9); // 10 / (2/4)
        var ex = Assert.Throws<DataValidationException>(() => PerpetualInventory.Compute(["A", "A"], [2000, 2002], [10, 22], null));
        Assert.Contains("jumps", ex.Message);
    }
}
