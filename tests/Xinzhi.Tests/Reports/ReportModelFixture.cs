using Xinzhi.Reports.Model;
using Xinzhi.Runs;

namespace Xinzhi.Tests.Reports;

/// <summary>
/// A deterministic, synthetic but complete <see cref="ReportModel"/>: the 31 provinces with their real codes and
/// NBS regions, 2012–2022, every section filled. The numbers are made up (seeded); the renderers only format them.
/// </summary>
public static class ReportModelFixture
{
    public static readonly (string Code, string Zh, string En, string Region)[] Provinces =
    [
        ("110000", "北京", "Beijing", "east"), ("120000", "天津", "Tianjin", "east"), ("130000", "河北", "Hebei", "east"),
        ("140000", "山西", "Shanxi", "central"), ("150000", "内蒙古", "Inner Mongolia", "west"), ("210000", "辽宁", "Liaoning", "northeast"),
        ("220000", "吉林", "Jilin", "northeast"), ("230000", "黑龙江", "Heilongjiang", "northeast"), ("310000", "上海", "Shanghai", "east"),
        ("320000", "江苏", "Jiangsu", "east"), ("330000", "浙江", "Zhejiang", "east"), ("340000", "安徽", "Anhui", "central"),
        ("350000", "福建", "Fujian", "east"), ("360000", "江西", "Jiangxi", "central"), ("370000", "山东", "Shandong", "east"),
        ("410000", "河南", "Henan", "central"), ("420000", "湖北", "Hubei", "central"), ("430000", "湖南", "Hunan", "central"),
        ("440000", "广东", "Guangdong", "east"), ("450000", "广西", "Guangxi", "west"), ("460000", "海南", "Hainan", "east"),
        ("500000", "重庆", "Chongqing", "west"), ("510000", "四川", "Sichuan", "west"), ("520000", "贵州", "Guizhou", "west"),
        ("530000", "云南", "Yunnan", "west"), ("540000", "西藏", "Tibet", "west"), ("610000", "陕西", "Shaanxi", "west"),
        ("620000", "甘肃", "Gansu", "west"), ("630000", "青海", "Qinghai", "west"), ("640000", "宁夏", "Ningxia", "west"),
        ("650000", "新疆", "Xinjiang", "west"),
    ];

    public static readonly ReportGroup[] Regions =
    [
        new("east", new Label("东部", "East")), new("central", new Label("中部", "Central")),
        new("west", new Label("西部", "West")), new("northeast", new Label("东北", "Northeast")),
    ];

    public static ReportModel Complete(int seed = 20240305)
    {
        var rng = new Random(seed);
        var years = Enumerable.Range(2012, 11).ToArray();
        var elements = new[]
        {
            new ReportNode("laborers", new Label("劳动者", "Laborers"), "laborers", 0),
            new ReportNode("means-of-labor", new Label("劳动资料", "Means of labor"), "means-of-labor", 0),
            new ReportNode("objects-of-labor", new Label("劳动对象", "Objects of labor"), "objects-of-labor", 0),
        };
        var indicators = new (string Column, Label Name, string Node, string Dir)[]
        {
            ("rd_personnel", new("R&D人员全时当量", "R&D personnel (FTE)"), "laborers", "+"),
            ("tertiary_share", new("大专以上人口占比", "Tertiary-educated share"), "laborers", "+"),
            ("labour_productivity", new("劳动生产率", "Labour productivity"), "laborers", "+"),
            ("capital_per_worker", new("人均资本存量", "Capital per worker"), "means-of-labor", "+"),
            ("rd_intensity", new("R&D经费投入强度", "R&D intensity"), "means-of-labor", "+"),
            ("internet_ports", new("互联网宽带接入端口", "Broadband ports"), "means-of-labor", "+"),
            ("hightech_revenue", new("高技术产业营业收入", "High-tech revenue"), "objects-of-labor", "+"),
            ("tech_market", new("技术市场成交额", "Technology-market turnover"), "objects-of-labor", "+"),
            ("patents", new("发明专利授权数", "Invention patents granted"), "objects-of-labor", "+"),
            ("carbon_intensity", new("碳排放强度", "Carbon intensity"), "objects-of-labor", "-"),
        };
        var scores = new List<ScoreRow>();
        var baseLevel = Provinces.ToDictionary(p => p.Code, p => 0.08 + 0.5 * rng.NextDouble() * (p.Region == "east" ? 1.0 : 0.5));
        foreach (var y in years)
        {
            var rows = Provinces.Select(p =>
            {
                var growth = 1 + 0.04 * (y - 2012);
                var l = baseLevel[p.Code] * growth * (0.9 + 0.2 * rng.NextDouble()) * 0.35;
                var m = baseLevel[p.Code] * growth * (0.9 + 0.2 * rng.NextDouble()) * 0.3;
                var o = baseLevel[p.Code] * growth * (0.9 + 0.2 * rng.NextDouble()) * 0.35;
                return (p.Code, Score: l + m + o, Sub: new Dictionary<string, double> { ["laborers"] = l, ["means-of-labor"] = m, ["objects-of-labor"] = o });
            }).ToList();
            var ranked = rows.OrderByDescending(r => r.Score).Select((r, i) => (r, i + 1)).ToDictionary(x => x.r.Code, x => x.Item2);
            scores.AddRange(rows.Select(r => new ScoreRow(r.Code, y, r.Score, ranked[r.Code], r.Sub)));
        }
        var weights = indicators.Select((ind, i) => new WeightRow(ind.Column, ind.Name, ind.Dir, 0.1 + (i - 4.5) * 0.004, ind.Node, ind.Node,
            0.9 + 0.005 * i, 0.1 - 0.005 * i, "unit")).ToList();

        var changes = new List<ProductivityRow>();
        var cumulative = new List<CumulativeRow>();
        var efficiency = new List<EfficiencyRow>();
        foreach (var p in Provinces)
        {
            var c = 1.0;
            cumulative.Add(new CumulativeRow(p.Code, years[0], 1.0));
            efficiency.Add(new EfficiencyRow(p.Code, years[0], 0.5 + 0.5 * rng.NextDouble()));
            for (var k = 1; k < years.Length; k++)
            {
                var eff = 0.97 + 0.06 * rng.NextDouble();
                var tech = 0.98 + 0.07 * rng.NextDouble();
                changes.Add(new ProductivityRow(p.Code, years[k - 1], years[k], eff * tech, eff, tech));
                c *= eff * tech;
                cumulative.Add(new CumulativeRow(p.Code, years[k], c));
                efficiency.Add(new EfficiencyRow(p.Code, years[k], Math.Min(1, 0.5 + 0.5 * rng.NextDouble())));
            }
        }

        var dagum = new List<DagumRow>();
        foreach (var y in years)
        {
            var g = 0.3 - 0.005 * (y - 2012);
            double gw = g * 0.2, gnb = g * 0.65, gt = g - gw - gnb;
            dagum.Add(new(y, "G", g));
            dagum.Add(new(y, "Gw", gw));
            dagum.Add(new(y, "Gnb", gnb));
            dagum.Add(new(y, "Gt", gt));
            dagum.Add(new(y, "Gw_share", gw / g));
            dagum.Add(new(y, "Gnb_share", gnb / g));
            dagum.Add(new(y, "Gt_share", gt / g));
            for (var a = 0; a < Regions.Length; a++)
            {
                dagum.Add(new(y, "Gjj", 0.1 + 0.05 * a - 0.002 * (y - 2012), Regions[a].Key));
                for (var b = a + 1; b < Regions.Length; b++) dagum.Add(new(y, "Gjh", 0.25 + 0.02 * (a + b), Regions[a].Key, Regions[b].Key));
            }
        }

        var curves = years.Select(y =>
        {
            var xs = Enumerable.Range(0, 64).Select(i => i / 63.0 * 0.8).ToArray();
            var mu = 0.2 + 0.01 * (y - 2012);
            return new KdeCurve(y, 0.05, xs, xs.Select(x => Math.Exp(-0.5 * Math.Pow((x - mu) / 0.08, 2)) / (0.08 * Math.Sqrt(2 * Math.PI))).ToArray());
        }).ToList();

        var levels = new[]
        {
            new Label("极度失调", "Extreme imbalance"), new Label("严重失调", "Serious imbalance"), new Label("中度失调", "Moderate imbalance"),
            new Label("轻度失调", "Mild imbalance"), new Label("濒临失调", "Verge of imbalance"), new Label("勉强协调", "Barely coordinated"),
            new Label("初级协调", "Primary coordination"), new Label("中级协调", "Intermediate coordination"),
            new Label("良好协调", "Good coordination"), new Label("优质协调", "Quality coordination"),
        };
        var coupling = scores.Select(s =>
        {
            var d = Math.Clamp(0.25 + 1.2 * s.Score, 0, 0.999);
            return new CouplingRow(s.Id, s.Time, 0.95, s.Score, d, (int)Math.Floor(d * 10) + 1);
        }).ToList();

        var obstacles = new List<ObstacleRow>();
        foreach (var s in scores)
        {
            var order = indicators.OrderBy(_ => rng.Next()).Take(5).ToArray();
            var rest = 1.0;
            for (var k = 0; k < 5; k++)
            {
                var d = rest * 0.3;
                rest -= d;
                obstacles.Add(new ObstacleRow(s.Id, s.Time, k + 1, order[k].Column, order[k].Name, d));
            }
        }

        var forecasts = new List<ForecastRow>();
        var fits = new List<ForecastFit>();
        foreach (var p in Provinces)
        {
            var series = scores.Where(s => s.Id == p.Code).OrderBy(s => s.Time).ToArray();
            foreach (var s in series) forecasts.Add(new ForecastRow(p.Code, s.Time, s.Score, s.Score * 0.99, null));
            var last = series[^1].Score;
            for (var h = 1; h <= 3; h++) forecasts.Add(new ForecastRow(p.Code, years[^1] + h, null, null, last * Math.Pow(1.04, h)));
            fits.Add(new ForecastFit(p.Code, -0.04, last * 0.7, 0.3, 0.95, new Label("一级（好）", "Class 1 (good)")));
        }

        return new ReportModel
        {
            Metadata = new ReportMetadata
            {
                Title = new Label("中国省域新质生产力测度报告", "New Quality Productive Forces in China's provinces"),
                Subtitle = new Label("测试数据", "Test fixture"),
                Dataset = new Label("合成数据（测试）", "Synthetic data (test)"),
                FrameworkId = "china-provinces",
                Framework = new Label("中国省域新质生产力指标体系", "China provincial NQPF indicator system"),
                Years = years,
                GeneratedUtc = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
                Highlights = [new Label("北京的指数最高。", "Beijing has the highest index.")],
            },
            Entities = Provinces.Select(p => new ReportEntity(p.Code, new Label(p.Zh, p.En), p.Region)).ToList(),
            Groups = Regions,
            Index = new IndexSection
            {
                Method = new Label("熵权-TOPSIS（混合）", "Entropy-TOPSIS (pooled)"),
                Nodes = elements,
                Scores = scores,
                Weights = weights,
            },
            Tfp = new TfpSection
            {
                Method = new Label("SBM + GML", "SBM with undesirable output + GML"),
                Efficiency = efficiency,
                Changes = changes,
                Cumulative = cumulative,
            },
            Dagum = new DagumSection { Variable = new Label("综合指数", "Index"), Rows = dagum },
            Kde = new KdeSection { Variable = new Label("综合指数", "Index"), Curves = curves },
            Coupling = new CouplingSection { Systems = elements.Select(e => e.Name).ToList(), Rows = coupling, Levels = levels },
            Obstacles = new ObstacleSection { Top = 5, Rows = obstacles },
            Forecasts = new ForecastSection { Variable = new Label("综合指数", "Index"), Horizon = 3, Rows = forecasts, Fits = fits },
            LogicDiagramSvg = """<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120"><rect x="10" y="10" width="380" height="100" fill="#fbeae9" stroke="#b3261e"/><text x="200" y="65" text-anchor="middle" font-size="20">新质生产力 NQPF</text></svg>""",
            Methods =
            [
                new MethodNote("index", new Label("综合指数", "Composite index"), new Label("熵权法确定权重，TOPSIS 集结。", "Entropy weights, TOPSIS aggregation."),
                [
                    new MethodChoice(new Label("标准化", "Normalisation"), "minmax"),
                    new MethodChoice(new Label("范围", "Scope"), "pooled", new Label("年份可比", "years comparable")),
                ]),
            ],
            Sources = [new Citation("Test source <b>not bold</b> & co.", new Label("测试", "test"))],
            Provenance = new ReportProvenance
            {
                Inputs = [new InputFile("data/test.csv", new string('a', 64), 1234)],
                Command = "xinzhi test",
                Specification = new Dictionary<string, object?> { ["index.weights"] = "entropy" },
            },
        };
    }

    /// <summary>The complete model with some sections removed, as a build without those engines would produce.</summary>
    public static ReportModel Partial()
    {
        var m = Complete();
        var reason = new Label("本版本未包含该模块", "not available in this build");
        return m with
        {
            Tfp = null,
            Dagum = null,
            LogicDiagramSvg = null,
            Unavailable = [new UnavailableSection("tfp", reason), new UnavailableSection("dagum", reason), new UnavailableSection("diagram", reason)],
        };
    }
}
