using System.Globalization;
using System.Text;
using Xinzhi.Data;
using Xinzhi.Frameworks;
using Xinzhi.Indices;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Indices;

/// <summary>
/// Level-by-level equal weights against COINr 1.1.14 <c>get_eff_weights()</c> on the JRC ASEM framework
/// (../shared/data/coinr: 49 indicators → 8 pillars → 2 sub-indices → index; effective weight = product of the
/// within-group normalised weights along the path).
/// </summary>
public sealed class CoinrReferenceTests
{
    [Fact]
    public void Should_reproduce_COINr_effective_weights_of_the_ASEM_framework()
    {
        var lineage = CsvTableReader.Read(SharedPaths.Data("coinr/asem_framework_lineage.csv"));
        var ind = lineage.Column("Indicator");
        var pillar = lineage.Column("Pillar");
        var sub = lineage.Column("Sub-index");
        var yaml = new StringBuilder("id: asem\nversion: \"1.1.14\"\nname_zh: ASEM\nname_en: ASEM\nstatus: verified\nsource: COINr\nnodes:\n");
        foreach (var s in sub.Distinct())
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {s!.ToLowerInvariant()}\n    name_zh: {s}\n    name_en: {s}\n    children:\n");
            foreach (var p in pillar.Where((_, k) => sub[k] == s).Distinct())
            {
                yaml.Append(CultureInfo.InvariantCulture, $"      - id: {p!.ToLowerInvariant()}\n        name_zh: {p}\n        name_en: {p}\n        indicators:\n");
                for (var k = 0; k < ind.Length; k++)
                    if (pillar[k] == p) yaml.Append(CultureInfo.InvariantCulture, $"          - {{ column: {ind[k]}, name_zh: {ind[k]}, name_en: {ind[k]}, direction: \"+\" }}\n");
            }
        }
        var model = IndexModel.FromFramework(FrameworkLoader.Parse(yaml.ToString(), "asem.yaml"));
        Assert.Equal(49, model.Indicators.Count);

        // Equal weights do not depend on the values: any non-constant panel will do.
        var rng = new Random(7);
        const int n = 20;
        var vars = model.Columns.Select(c => new KeyValuePair<string, double[]>(c, Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray())).ToList();
        var panel = new Panel("synthetic", "id", null, Enumerable.Range(0, n).Select(i => "u" + i).ToArray(), null, vars);
        var result = CompositeIndex.Compute(panel, model, new IndexOptions { Weights = WeightMethod.Parse("equal"), WeightLevel = WeightLevel.Nodes });

        var eff = CsvTableReader.Read(SharedPaths.Data("coinr/asem_effective_weights.csv"));
        var codes = eff.Column("iCode");
        var levels = eff.Column("Level");
        var weights = eff.Column("EffWeight");
        var checkedCount = 0;
        for (var k = 0; k < codes.Length; k++)
        {
            if (levels[k] != "1") continue;
            var j = Array.IndexOf(model.Columns, codes[k]);
            Assert.True(j >= 0, codes[k]);
            var expected = double.Parse(weights[k]!, CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(result.Weights[j] - expected) < 1e-15, $"{codes[k]}: {result.Weights[j]} vs COINr {expected}");
            checkedCount++;
        }
        Assert.Equal(49, checkedCount);
    }
}
