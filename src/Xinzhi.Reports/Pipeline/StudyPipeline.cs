using System.Diagnostics;
using System.Globalization;
using Xinzhi.Analysis;
using Xinzhi.Analysis.Coupling;
using Xinzhi.Analysis.Distribution;
using Xinzhi.Analysis.Forecasting;
using Xinzhi.Analysis.Inequality;
using Xinzhi.Analysis.Obstacle;
using Xinzhi.Data;
using Xinzhi.Data.Regions;
using Xinzhi.Efficiency.Productivity;
using Xinzhi.Frameworks;
using Xinzhi.Indices;
using Xinzhi.Reports.Model;
using Xinzhi.Runs;

namespace Xinzhi.Reports.Pipeline;

/// <summary>
/// The whole NQPF study in one place: <c>xinzhi demo</c> and <c>xinzhi run PROJECT.yaml</c> both call
/// <see cref="Run"/>. Each step calls the same library functions as its individual verb (<c>xinzhi index</c>,
/// <c>malmquist</c>, <c>inequality</c>, <c>kde</c>, <c>coupling</c>, <c>obstacle</c>, <c>forecast</c>) with the same
/// defaults, writes the same contract files into the report folder (<c>index/</c> is an index run directory,
/// contract B; the other steps write their verb's CSV columns), and hands the numbers to the report unchanged.
/// </summary>
public static class StudyPipeline
{
    /// <summary>KDE grid as <c>xinzhi kde</c>'s defaults: 512 points, 3 bandwidths beyond the data range.</summary>
    public const int KdePoints = 512;

    public const double KdeCut = 3;

    /// <summary>Dagum groups need at least this many members (<c>xinzhi inequality --min-group-size</c> default).</summary>
    public const int DagumMinGroupSize = 2;

    /// <summary>GM(1,1) background-value coefficient λ (<c>xinzhi forecast --background</c> default).</summary>
    public const double GreyBackground = 0.5;

    public static StudyResult Run(ProjectFile project, string? outputDirectory = null, string command = "xinzhi run", Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        var started = DateTimeOffset.UtcNow;
        var timings = new List<(string, double)>();
        var sw = Stopwatch.StartNew();
        void Step(string name)
        {
            timings.Add((name, sw.Elapsed.TotalSeconds));
            sw.Restart();
        }

        var outDir = Path.GetFullPath(outputDirectory ?? project.Resolve(project.Output.Dir));
        Directory.CreateDirectory(outDir);
        var warnings = new List<string>();
        var unavailable = new List<UnavailableSection>();
        var methods = new List<MethodNote>();
        var spec = new Dictionary<string, object?>();
        var files = new List<string>();
        void NotComputed(string section, Label what, XinzhiException e)
        {
            warnings.Add($"{section} not computed: {e.Message}");
            unavailable.Add(new UnavailableSection(section, new Label($"{what.Zh}未能计算：{e.Message}", $"{what.En} could not be computed: {e.Message}")));
        }

        // ---- data -------------------------------------------------------------------------------------------
        var dataPath = project.Data.File.Equals(ProjectFile.BuiltinChinaProvinces, StringComparison.OrdinalIgnoreCase)
            ? ShippedData.ChinaProvincesPanel()
            : project.Resolve(project.Data.File);
        if (!File.Exists(dataPath)) throw new SpecificationException($"data.file: '{dataPath}' does not exist.");
        progress?.Invoke($"reading {dataPath}");
        var encoding = project.Data.Encoding is null ? null : CsvTableReader.ResolveEncoding(project.Data.Encoding);
        var excluded = new RowSelection(null, null, new HashSet<string>(project.Data.Exclude.Select(e => e.Trim()), StringComparer.Ordinal));
        var table = excluded.Apply(TableReader.Read(dataPath, new ReadOptions(encoding, project.Data.Sheet)), project.Data.Id, project.Data.Time);
        var dataFile = RunRecord.Describe(dataPath);
        var fill = ParseEnum<FillMethod>(project.Data.Fill, "data.fill");

        var frameworkSpec = project.Framework.StartsWith("builtin:", StringComparison.OrdinalIgnoreCase) ? project.Framework : project.Resolve(project.Framework);
        var framework = FrameworkLoader.Resolve(frameworkSpec);
        var indexModel = IndexModel.FromFramework(framework);
        var inputs = new List<InputFile> { dataFile };
        if (File.Exists(frameworkSpec)) inputs.Add(RunRecord.Describe(frameworkSpec));
        Step("read data and framework");

        // ---- index ------------------------------------------------------------------------------------------
        var attributes = new[] { project.Data.Group, project.Data.NameZh, project.Data.NameEn }.OfType<string>().Distinct().ToArray();
        var (indexTable, indexYears, indexYearNote) = SelectYears(table, project.Data.Time, indexModel.Columns, project.YearRange(), fill);
        var indexLoad = PanelBuilder.Build(indexTable, new PanelSpec(project.Data.Id, project.Data.Time, indexModel.Columns, attributes, fill));
        var panel = indexLoad.Panel;
        var indexOptions = new IndexOptions
        {
            Normalization = ParseEnum<Normalization>(project.Index.Normalize, "index.normalize"),
            Scope = ParseEnum<NormalizationScope>(project.Index.Scope, "index.scope"),
            Zero = ZeroHandling.Parse(project.Index.Zero),
            Weights = WeightMethod.Parse(project.Index.Weights),
            WeightLevel = ParseEnum<WeightLevel>(project.Index.WeightLevel, "index.weight_level"),
            WeightScope = ParseEnum<WeightScope>(project.Index.WeightScope, "index.weight_scope"),
            Aggregation = ParseEnum<Aggregation>(project.Index.Aggregate, "index.aggregate"),
            Ideal = ParseEnum<IdealScope>(project.Index.Ideal, "index.ideal"),
        };
        progress?.Invoke($"index: {panel.Entities.Length} entities × {panel.Periods.Length} periods × {indexModel.Indicators.Count} indicators");
        var index = CompositeIndex.Compute(panel, indexModel, indexOptions);
        foreach (var a in indexOptions.Weights.AhpParts().DistinctBy(a => a.Path)) inputs.Add(RunRecord.Describe(a.Path));
        var indexRecord = IndexProvenance.Build(command + " (index step)", index, inputs, indexLoad.Fill, project.Data.Id, project.Data.Time, project.Data.Sheet, started);
        var indexDir = Path.Combine(outDir, "index");
        IndexOutput.Write(indexDir, index, indexRecord);
        files.Add("index/");
        warnings.AddRange(indexRecord.Warnings);
        spec["index"] = indexRecord.Specification;
        Step("index");

        var entities = BuildEntities(panel, project);
        var groups = BuildGroups(entities);
        var nodes = indexModel.Nodes.Select(g => new ReportNode(g.Id, new Label(g.NameZh, g.NameEn), g.Path, g.Path.Count(c => c == '/'))).ToList();
        var elementIdx = indexModel.Nodes.Select((g, k) => (g, k)).Where(p => !p.g.Path.Contains('/')).Select(p => p.k).ToArray();
        var scoreRows = new List<ScoreRow>(index.RowCount);
        for (var i = 0; i < index.RowCount; i++)
        {
            var subs = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var k = 0; k < indexModel.Nodes.Count; k++) subs[indexModel.Nodes[k].Id] = index.NodeScores[k][i];
            scoreRows.Add(new ScoreRow(index.Ids[i], index.Times![i], index.Scores[i], index.Ranks[i], subs));
        }
        var frameworkIndicators = framework.Indicators.ToDictionary(i => i.Column, StringComparer.Ordinal);
        var weightRows = indexModel.Indicators.Select((ind, j) => new WeightRow(
            ind.Column, new Label(ind.NameZh, ind.NameEn), ind.DirectionSymbol, index.Weights[j], ind.Node, ind.Path,
            index.Entropy?[j], index.Divergence?[j], frameworkIndicators.TryGetValue(ind.Column, out var fi) ? fi.Unit : null)).ToList();
        var indexSection = new IndexSection
        {
            Method = new Label(
                $"{WeightName(indexOptions).Zh}-{AggregationName(indexOptions.Aggregation).Zh}（{(indexOptions.Scope == NormalizationScope.Pooled ? "混合标准化" : "逐年标准化")}）",
                $"{WeightName(indexOptions).En}-{AggregationName(indexOptions.Aggregation).En} ({Kebab(indexOptions.Scope)})"),
            Nodes = nodes,
            Scores = scoreRows,
            Weights = weightRows,
        };
        methods.Add(new MethodNote("data", new Label("数据", "Data"),
            new Label($"{Path.GetFileName(dataPath)}：{panel.Entities.Length} 个单元，{indexYears.First()}–{indexYears.Last()} 年。{indexYearNote.Zh}",
                      $"{Path.GetFileName(dataPath)}: {panel.Entities.Length} units, {indexYears.First()}–{indexYears.Last()}. {indexYearNote.En}"),
            [
                .. RepairChoices(dataPath),
                new MethodChoice(new Label("数据文件", "Data file"), dataFile.Path, Label.Same("sha256 " + dataFile.Sha256)),
                new MethodChoice(new Label("缺失值处理", "Missing values"), Kebab(fill)),
                new MethodChoice(new Label("指标体系", "Framework"), $"{framework.Id} {framework.Version}",
                    new Label($"{framework.NameZh}；{(framework.Status == FrameworkStatus.Verified ? "已核实" : "未核实的文献模板")}", $"{framework.NameEn}; {framework.Status.ToString().ToLowerInvariant()}")),
            ]));
        methods.Add(new MethodNote("index", new Label("新质生产力综合指数", "NQPF composite index"),
            new Label("对指标标准化后赋权并集结；每个框架节点给出分指数；排名在每一年内计算。",
                      "Indicators are standardised, weighted and aggregated; every framework node gets a sub-score; ranks are within each year."),
            indexRecord.Specification.Where(kv => kv.Value is string or double or int or bool).Select(kv => new MethodChoice(Label.Same(kv.Key), Format(kv.Value))).ToList()));

        // ---- green TFP --------------------------------------------------------------------------------------
        TfpSection? tfp = null;
        if (project.Tfp.Enabled)
        {
            try
            {
                tfp = RunTfp(project, table, outDir, methods, spec, warnings, progress);
                files.Add("tfp/malmquist.csv");
                files.Add("tfp/efficiency.csv");
            }
            catch (XinzhiException e)
            {
                NotComputed("tfp", new Label("绿色全要素生产率", "Green TFP"), e);
            }
        }
        else unavailable.Add(new UnavailableSection("tfp", new Label("项目文件中未启用（tfp.enabled: false）", "disabled in the project file (tfp.enabled: false)")));
        Step("green TFP");

        // ---- analysis battery -------------------------------------------------------------------------------
        var years = index.Periods;
        var rowsByYear = years.ToDictionary(y => y, y => Enumerable.Range(0, index.RowCount).Where(i => index.Times![i] == y).ToArray());
        var groupOf = entities.ToDictionary(e => e.Id, e => e.Group, StringComparer.Ordinal);

        DagumSection? dagum = null;
        try
        {
            if (project.Analysis.Dagum)
            {
                var rows = new List<DagumRow>();
                var w = new CsvTableWriter(["time", "component", "value", "group", "group2"]);
                foreach (var y in years)
                {
                    var r = rowsByYear[y];
                    var values = r.Select(i => index.Scores[i]).ToArray();
                    var g = r.Select(i => groupOf[index.Ids[i]] ?? "").ToArray();
                    var d = DagumDecomposition.Compute(values, g, DagumMinGroupSize, $"{dataPath}, period {y}");
                    void Add(string component, double value, string? g1 = null, string? g2 = null)
                    {
                        rows.Add(new DagumRow(y, component, value, g1, g2));
                        w.AppendRow(y, component, value, g1, g2);
                    }
                    Add("G", d.Gini);
                    Add("Gw", d.Within);
                    Add("Gnb", d.NetBetween);
                    Add("Gt", d.Transvariation);
                    Add("Gw_share", d.WithinShare);
                    Add("Gnb_share", d.NetBetweenShare);
                    Add("Gt_share", d.TransvariationShare);
                    foreach (var gr in d.Groups) Add("Gjj", gr.Gini, gr.Group);
                    foreach (var p in d.Pairs) Add("Gjh", p.Gini, p.GroupJ, p.GroupH);
                }
                w.Save(Path.Combine(outDir, "analysis", "dagum.csv"));
                files.Add("analysis/dagum.csv");
                dagum = new DagumSection { Variable = new Label("综合指数", "Index score"), Rows = rows };
                methods.Add(new MethodNote("dagum", new Label("Dagum 基尼系数分解", "Dagum Gini decomposition"),
                    new Label("按区域分组，G = Gw + Gnb + Gt（Dagum 1997），逐年计算。", "By group, G = Gw + Gnb + Gt (Dagum 1997), per year."),
                    [
                        new MethodChoice(new Label("变量", "Variable"), "score"),
                        new MethodChoice(new Label("分组列", "Group column"), project.Data.Group ?? ""),
                        new MethodChoice(new Label("最小组规模", "Minimum group size"), DagumMinGroupSize.ToString(CultureInfo.InvariantCulture)),
                    ]));
                spec["dagum"] = new Dictionary<string, object?> { ["value"] = "score", ["group"] = project.Data.Group, ["min_group_size"] = DagumMinGroupSize };
            }
            else unavailable.Add(Disabled("dagum", "analysis.dagum"));
        }
        catch (XinzhiException e)
        {
            NotComputed("dagum", new Label("Dagum 基尼系数分解", "The Dagum decomposition"), e);
        }
        Step("Dagum");

        KdeSection? kde = null;
        try
        {
            if (project.Analysis.Kde)
            {
                var (rule, fixedH) = ParseBandwidth(project.Analysis.KdeBandwidth);
                var samples = years.Select(y => rowsByYear[y].Select(i => index.Scores[i]).ToArray()).ToList();
                var hs = samples.Select(x => fixedH ?? KernelDensity.Bandwidth(x, rule)).ToArray();
                var lo = index.Scores.Min() - KdeCut * hs.Max();
                var hi = index.Scores.Max() + KdeCut * hs.Max();
                var grid = KernelDensity.Grid(lo, hi, KdePoints);
                var curves = new List<KdeCurve>();
                var w = new CsvTableWriter(["time", "x", "density", "bandwidth", "n"]);
                for (var p = 0; p < years.Length; p++)
                {
                    var curve = KernelDensity.Estimate(samples[p], rule, fixedH, grid);
                    warnings.AddRange(curve.Warnings.Select(x => $"kde period {years[p]}: {x}"));
                    curves.Add(new KdeCurve(years[p], curve.Bandwidth, grid, curve.Density));
                    for (var k = 0; k < grid.Length; k++) w.AppendRow(years[p], grid[k], curve.Density[k], curve.Bandwidth, curve.Count);
                }
                w.Save(Path.Combine(outDir, "analysis", "kde.csv"));
                files.Add("analysis/kde.csv");
                kde = new KdeSection { Variable = new Label("综合指数", "Index score"), Curves = curves };
                methods.Add(new MethodNote("kde", new Label("核密度估计", "Kernel density estimation"),
                    new Label("高斯核，逐年带宽，所有年份共用一个网格。", "Gaussian kernel, bandwidth per year, one grid shared by all years."),
                    [
                        new MethodChoice(new Label("带宽", "Bandwidth"), project.Analysis.KdeBandwidth),
                        new MethodChoice(new Label("网格点数", "Grid points"), KdePoints.ToString(CultureInfo.InvariantCulture)),
                        new MethodChoice(new Label("网格延伸（带宽倍数）", "Grid extension (bandwidths)"), KdeCut.ToString(CultureInfo.InvariantCulture)),
                    ]));
                spec["kde"] = new Dictionary<string, object?> { ["value"] = "score", ["kernel"] = "gaussian", ["bandwidth"] = project.Analysis.KdeBandwidth, ["points"] = KdePoints, ["cut"] = KdeCut, ["grid"] = new[] { lo, hi } };
            }
            else unavailable.Add(Disabled("kde", "analysis.kde"));
        }
        catch (XinzhiException e)
        {
            NotComputed("kde", new Label("核密度估计", "The kernel densities"), e);
        }
        Step("KDE");

        CouplingSection? coupling = null;
        try
        {
            if (project.Analysis.Coupling)
            {
                if (elementIdx.Length < 2)
                {
                    unavailable.Add(new UnavailableSection("coupling", new Label("指标体系的顶层要素少于两个", "the framework has fewer than two top-level elements")));
                }
                else
                {
                    var formula = ParseEnum<CouplingFormula>(project.Analysis.CouplingFormula, "analysis.coupling_formula");
                    var alpha = CouplingCoordination.EqualWeights(elementIdx.Length);
                    var issues = new DataIssueCollector();
                    var rows = new List<CouplingRow>();
                    var w = new CsvTableWriter(["id", "time", "C", "T", "D", "level", "level_zh", "level_en"]);
                    var u = new double[elementIdx.Length];
                    for (var i = 0; i < index.RowCount; i++)
                    {
                        var allZero = true;
                        for (var s = 0; s < elementIdx.Length; s++)
                        {
                            u[s] = index.NodeScores[elementIdx[s]][i];
                            if (!(u[s] >= 0 && u[s] <= 1)) issues.Add(Path.Combine(indexDir, IndexOutput.Scores), i + 2, indexModel.Nodes[elementIdx[s]].Id, $"sub-score {u[s]} is outside [0, 1]; coupling needs standardised subsystem scores");
                            if (u[s] != 0) allZero = false;
                        }
                        if (allZero) issues.Add(Path.Combine(indexDir, IndexOutput.Scores), i + 2, null, "all element sub-scores are 0, so C = 0/0 is undefined");
                        if (issues.HasIssues) continue;
                        var r = CouplingCoordination.Compute(u, alpha, formula);
                        rows.Add(new CouplingRow(index.Ids[i], index.Times![i], r.C, r.T, r.D, r.Level.Level));
                        w.AppendRow(index.Ids[i], index.Times![i], r.C, r.T, r.D, r.Level.Level, r.Level.NameZh, r.Level.NameEn);
                    }
                    issues.ThrowIfAny();
                    w.Save(Path.Combine(outDir, "analysis", "coupling.csv"));
                    files.Add("analysis/coupling.csv");
                    coupling = new CouplingSection
                    {
                        Systems = elementIdx.Select(k => new Label(indexModel.Nodes[k].NameZh, indexModel.Nodes[k].NameEn)).ToList(),
                        Rows = rows,
                        Levels = CouplingCoordination.Levels.OrderBy(l => l.Level).Select(l => new Label(l.NameZh, l.NameEn)).ToList(),
                    };
                    methods.Add(new MethodNote("coupling", new Label("三大要素耦合协调度", "Coupling coordination of the three elements"),
                        new Label("以各要素分指数为子系统：C = n(ΠU)^(1/n)/ΣU，T = Σα·U，D = √(C·T)，十级分类（廖重斌 1999）。",
                                  "Element sub-scores as subsystems: C = n(ΠU)^(1/n)/ΣU, T = Σα·U, D = √(C·T), ten levels (Liao 1999)."),
                        [
                            new MethodChoice(new Label("子系统", "Subsystems"), string.Join(", ", elementIdx.Select(k => indexModel.Nodes[k].Id))),
                            new MethodChoice(new Label("权重 α", "Weights α"), string.Join(", ", alpha.Select(a => a.ToString("R", CultureInfo.InvariantCulture)))),
                            new MethodChoice(new Label("公式", "Formula"), Kebab(formula)),
                        ]));
                    spec["coupling"] = new Dictionary<string, object?> { ["systems"] = elementIdx.Select(k => indexModel.Nodes[k].Id).ToArray(), ["alpha"] = alpha, ["formula"] = Kebab(formula) };
                }
            }
            else unavailable.Add(Disabled("coupling", "analysis.coupling"));
        }
        catch (XinzhiException e)
        {
            NotComputed("coupling", new Label("耦合协调度", "The coupling coordination"), e);
        }
        Step("coupling");

        ObstacleSection? obstacles = null;
        try
        {
            if (project.Analysis.Obstacle)
            {
                var run = IndexRun.Read(indexDir);
                var result = ObstacleDegree.Compute(run);
                warnings.AddRange(result.Warnings.Select(x => "obstacle: " + x));
                var top = project.Analysis.ObstacleTop;
                var rows = new List<Model.ObstacleRow>();
                var nodeRows = new List<NodeObstacleRow>();
                var w = new CsvTableWriter(["id", "time", "kind", "rank", "item", "path", "name_zh", "name_en", "obstacle", "obstacle_pct"]);
                foreach (var row in result.Rows)
                {
                    var t = int.Parse(row.Time!, CultureInfo.InvariantCulture);
                    foreach (var x in row.Indicators.Where(x => x.Rank <= top).OrderBy(x => x.Rank))
                    {
                        rows.Add(new Model.ObstacleRow(row.Id, t, x.Rank, x.Item, new Label(x.NameZh, x.NameEn), x.Obstacle));
                        w.AppendRow(row.Id, row.Time, x.Kind, x.Rank, x.Item, x.Path, x.NameZh, x.NameEn, x.Obstacle, 100 * x.Obstacle);
                    }
                    foreach (var x in row.Nodes) nodeRows.Add(new NodeObstacleRow(row.Id, t, x.Item, x.Obstacle));
                    foreach (var x in row.Nodes.Where(x => x.Rank <= top).OrderBy(x => x.Rank))
                        w.AppendRow(row.Id, row.Time, x.Kind, x.Rank, x.Item, x.Path, x.NameZh, x.NameEn, x.Obstacle, 100 * x.Obstacle);
                }
                w.Save(Path.Combine(outDir, "analysis", "obstacle_top.csv"));
                files.Add("analysis/obstacle_top.csv");
                obstacles = new ObstacleSection { Top = top, Rows = rows, Nodes = nodeRows };
                methods.Add(new MethodNote("obstacle", new Label("障碍度模型", "Obstacle degree"),
                    new Label("因子贡献度 F = 指标最终权重，指标偏离度 I = 1 − 标准化值，障碍度 O = F·I / Σ F·I。",
                              "Factor contribution F = final indicator weight, deviation I = 1 − standardised value, obstacle O = F·I / Σ F·I."),
                    [new MethodChoice(new Label("列出前几位", "Top obstacles listed"), top.ToString(CultureInfo.InvariantCulture))]));
                spec["obstacle"] = new Dictionary<string, object?> { ["run_dir"] = "index/", ["top"] = top };
            }
            else unavailable.Add(Disabled("obstacles", "analysis.obstacle"));
        }
        catch (XinzhiException e)
        {
            NotComputed("obstacles", new Label("障碍度", "The obstacle degrees"), e);
        }
        Step("obstacle");

        ForecastSection? forecasts = null;
        try
        {
            if (project.Analysis.Forecast)
            {
                var h = project.Analysis.ForecastHorizon;
                var rows = new List<ForecastRow>();
                var fits = new List<ForecastFit>();
                var w = new CsvTableWriter(["id", "time", "value", "fitted", "forecast"]);
                var step = years.Length > 1 ? years[1] - years[0] : 1;
                var classRatioFailures = new List<string>();
                foreach (var e in panel.Entities)
                {
                    var r = Enumerable.Range(0, index.RowCount).Where(i => index.Ids[i] == e).OrderBy(i => index.Times![i]).ToArray();
                    var series = r.Select(i => index.Scores[i]).ToArray();
                    var times = r.Select(i => index.Times![i]).ToArray();
                    var fit = GreyModel.Fit(series, GreyBackground, $"{dataPath}, entity '{e}'");
                    var forecast = GreyModel.Forecast(fit, h);
                    if (!fit.ClassRatioPassesTextbook) classRatioFailures.Add(e);
                    for (var k = 0; k < series.Length; k++)
                    {
                        rows.Add(new ForecastRow(e, times[k], series[k], fit.Fitted[k], null));
                        w.AppendRow(e, times[k], series[k], fit.Fitted[k], null);
                    }
                    for (var k = 1; k <= h; k++)
                    {
                        rows.Add(new ForecastRow(e, times[^1] + k * step, null, null, forecast[k - 1]));
                        w.AppendRow(e, times[^1] + k * step, null, null, forecast[k - 1]);
                    }
                    fits.Add(new ForecastFit(e, fit.A, fit.B, fit.PosteriorVarianceRatio, fit.SmallErrorProbability, AccuracyName(fit.Accuracy)));
                }
                if (classRatioFailures.Count > 0)
                    warnings.Add($"forecast: the GM(1,1) class-ratio test (textbook bounds) fails for {classRatioFailures.Count} of {panel.Entities.Length} entities, " +
                                 $"so their forecasts are indicative only: {string.Join(", ", classRatioFailures)}");
                w.Save(Path.Combine(outDir, "analysis", "forecast.csv"));
                files.Add("analysis/forecast.csv");
                forecasts = new ForecastSection { Variable = new Label("综合指数", "Index score"), Horizon = h, Rows = rows, Fits = fits };
                methods.Add(new MethodNote("forecast", new Label("GM(1,1) 灰色预测", "GM(1,1) grey forecast"),
                    new Label("对每个单元的综合指数序列拟合 GM(1,1)（邓聚龙 1982），报告后验差比 C 与小误差概率 P。",
                              "GM(1,1) (Deng 1982) fitted to each unit's index series; posterior-error ratio C and small-error probability P reported."),
                    [
                        new MethodChoice(new Label("预测期数", "Horizon"), h.ToString(CultureInfo.InvariantCulture)),
                        new MethodChoice(new Label("背景值系数 λ", "Background coefficient λ"), GreyBackground.ToString(CultureInfo.InvariantCulture)),
                        new MethodChoice(new Label("滚动", "Rolling"), "false"),
                    ]));
                spec["forecast"] = new Dictionary<string, object?> { ["value"] = "score", ["model"] = "gm11", ["horizon"] = h, ["rolling"] = false, ["background_coefficient"] = GreyBackground };
            }
            else unavailable.Add(Disabled("forecasts", "analysis.forecast"));
        }
        catch (XinzhiException e)
        {
            NotComputed("forecasts", new Label("GM(1,1) 预测", "The GM(1,1) forecasts"), e);
        }
        Step("forecast");

        // ---- report -----------------------------------------------------------------------------------------
        string? diagram = null;
        try
        {
            diagram = FrameworkDiagram.Svg(framework);
        }
        catch (Exception e) when (e is XinzhiException or InvalidOperationException)
        {
            unavailable.Add(new UnavailableSection("diagram", new Label("逻辑关系图未能生成：" + e.Message, "the logic diagram could not be drawn: " + e.Message)));
        }

        spec["project"] = project.SourcePath;
        spec["data"] = new Dictionary<string, object?>
        {
            ["file"] = project.Data.File, ["resolved"] = dataPath, ["id"] = project.Data.Id, ["time"] = project.Data.Time, ["group"] = project.Data.Group,
            ["fill"] = Kebab(fill), ["index_years"] = indexYears, ["index_years_rule"] = indexYearNote.En,
            ["excluded_entities"] = excluded.ExcludedEntities.Order(StringComparer.Ordinal).ToArray(),
        };
        var model = new ReportModel
        {
            Metadata = new ReportMetadata
            {
                Title = new Label(project.TitleZh, project.TitleEn),
                Subtitle = new Label($"{indexSection.Method.Zh}", $"{indexSection.Method.En}"),
                Dataset = new Label(Path.GetFileName(Path.GetDirectoryName(dataPath)) + "/" + Path.GetFileName(dataPath), Path.GetFileName(Path.GetDirectoryName(dataPath)) + "/" + Path.GetFileName(dataPath)),
                FrameworkId = framework.Id,
                Framework = new Label(framework.NameZh, framework.NameEn),
                Years = years,
                GeneratedUtc = started,
                Highlights = Highlights(entities, scoreRows, tfp, dagum, coupling),
            },
            Entities = entities,
            Groups = groups,
            Index = indexSection,
            Tfp = tfp,
            Dagum = dagum,
            Kde = kde,
            Coupling = coupling,
            Obstacles = obstacles,
            Forecasts = forecasts,
            LogicDiagramSvg = diagram,
            Methods = methods,
            Sources = Citations.For(framework),
            Unavailable = unavailable,
            Provenance = new ReportProvenance { Inputs = inputs, Specification = spec, Warnings = warnings.Distinct().ToList(), Command = command },
        };

        var record = new RunRecord
        {
            Command = command,
            Method = "nqpf-study",
            StartedUtc = started,
            Inputs = inputs,
            Specification = spec,
            Warnings = warnings.Distinct().ToList(),
        };
        progress?.Invoke($"writing the report to {outDir}");
        var output = ReportWriter.Write(model, outDir, record, project.Output.Html, project.Output.Xlsx, project.Output.Figures);
        files.InsertRange(0, output.Files.Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/')));
        Step("report");
        return new StudyResult(model, outDir, files, output.Warnings, timings);
    }

    private static TfpSection RunTfp(ProjectFile project, RawTable table, string outDir, List<MethodNote> methods,
        Dictionary<string, object?> spec, List<string> warnings, Action<string>? progress)
    {
        var t = project.Tfp;
        var columns = t.Inputs.Concat(t.Outputs).Concat(t.Bad).ToArray();
        var options = new MalmquistOptions(
            Model: ParseEnum<DistanceModel>(t.Model, "tfp.model"),
            Scale: t.Rts.Trim().ToLowerInvariant() switch
            {
                "crs" or "constant" => ScaleAssumption.Constant,
                "vrs" or "variable" => ScaleAssumption.Variable,
                _ => throw new SpecificationException($"tfp.rts: '{t.Rts}' is not one of crs, vrs."),
            },
            Orientation: ParseEnum<DistanceOrientation>(t.Orientation, "tfp.orientation"),
            Technology: ParseEnum<TechnologyType>(t.Technology, "tfp.technology"),
            Unbalanced: ParseEnum<UnbalancedPanelPolicy>(t.Unbalanced, "tfp.unbalanced"));
        if (options.Model == DistanceModel.Ddf) options = options with { Orientation = DistanceOrientation.None };

        // The TFP span: the years in which every TFP column is observed for most units; a unit missing any of them in
        // that span is dropped (reported) when tfp.unbalanced is drop-incomplete-units, else the missing cell is an error.
        var (tfpTable, tfpYears, note) = SelectYears(table, project.Data.Time, columns, ParseRange(t.Years, "tfp.years"), FillMethod.None, majority: true);
        var dropped = new List<string>();
        if (options.Unbalanced == UnbalancedPanelPolicy.DropIncompleteUnits)
        {
            var ids = tfpTable.Column(project.Data.Id);
            var cols = columns.Select(tfpTable.Column).ToArray();
            var bad = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < tfpTable.RowCount; i++)
                if (cols.Any(c => RawTable.IsMissing(c[i]))) bad.Add(ids[i] ?? "");
            dropped = bad.Order(StringComparer.Ordinal).ToList();
            if (dropped.Count > 0) tfpTable = Filter(tfpTable, i => !bad.Contains(ids[i] ?? ""));
        }
        if (dropped.Count > 0) warnings.Add($"green TFP: {dropped.Count} unit(s) dropped for missing TFP data in {tfpYears.First()}–{tfpYears.Last()}: {string.Join(", ", dropped)}");
        var load = PanelBuilder.Build(tfpTable, new PanelSpec(project.Data.Id, project.Data.Time, columns, null, FillMethod.None));
        var data = ProductivityData.FromPanel(load.Panel, t.Inputs.ToArray(), t.Outputs.ToArray(), t.Bad.ToArray());
        data.Validate(options.Model);
        progress?.Invoke($"green TFP: {options.MethodName()} over {load.Panel.Entities.Length} units, {tfpYears.First()}–{tfpYears.Last()}");
        var result = MalmquistIndex.Compute(data, options, ProductivityDistances.Create(options));
        warnings.AddRange(result.Warnings.Select(w => "malmquist: " + w));

        var w = new CsvTableWriter(["id", "from", "to", "tfpch", "effch", "techch", "pech", "sech", "status", "cum_tfpch", "cum_effch", "cum_techch"]);
        var changes = new List<ProductivityRow>();
        var cumulative = new List<CumulativeRow>();
        var first = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in result.Rows.OrderBy(r => r.Entity, StringComparer.Ordinal).ThenBy(r => r.From))
        {
            w.AppendRow(r.Entity, r.From, r.To, r.Tfpch, r.Effch, r.Techch, r.Pech, r.Sech, Kebab(r.Status), r.CumulativeTfpch, r.CumulativeEffch, r.CumulativeTechch);
            changes.Add(new ProductivityRow(r.Entity, r.From, r.To, Finite(r.Tfpch), Finite(r.Effch), Finite(r.Techch),
                options.SplitsEfficiencyChange ? Finite(r.Pech) : null, options.SplitsEfficiencyChange ? Finite(r.Sech) : null));
            if (first.Add(r.Entity)) cumulative.Add(new CumulativeRow(r.Entity, r.From, 1.0));
            cumulative.Add(new CumulativeRow(r.Entity, r.To, Finite(r.CumulativeTfpch)));
        }
        w.Save(Path.Combine(outDir, "tfp", "malmquist.csv"));

        // Static green efficiency per year: the same SBM model (CO₂ as a bad output) against each year's frontier,
        // as `xinzhi dea --model sbm --bad ... --time year` computes it.
        var efficiency = new List<EfficiencyRow>();
        var deaOptions = new Xinzhi.Efficiency.DeaOptions
        {
            Model = options.Model switch
            {
                DistanceModel.Sbm => Xinzhi.Efficiency.DeaModelKind.Sbm,
                DistanceModel.Ddf => Xinzhi.Efficiency.DeaModelKind.Directional,
                _ => Xinzhi.Efficiency.DeaModelKind.Radial,
            },
            ReturnsToScale = options.Scale == ScaleAssumption.Constant ? Xinzhi.Efficiency.ReturnsToScale.Constant : Xinzhi.Efficiency.ReturnsToScale.Variable,
            Orientation = options.Orientation switch
            {
                DistanceOrientation.Input => Xinzhi.Efficiency.DeaOrientation.Input,
                DistanceOrientation.Output => Xinzhi.Efficiency.DeaOrientation.Output,
                _ => Xinzhi.Efficiency.DeaOrientation.NonOriented,
            },
        };
        if (deaOptions.Model == Xinzhi.Efficiency.DeaModelKind.Radial && deaOptions.Orientation == Xinzhi.Efficiency.DeaOrientation.NonOriented)
            deaOptions = deaOptions with { Orientation = Xinzhi.Efficiency.DeaOrientation.Input };
        var ew = new CsvTableWriter(["id", "time", "efficiency", "status"]);
        var tp = load.Panel;
        foreach (var period in tp.Periods)
        {
            var rows = tp.RowsInPeriod(period);
            double[,] Matrix(IReadOnlyList<string> cols)
            {
                var m = new double[rows.Length, cols.Count];
                for (var c = 0; c < cols.Count; c++)
                {
                    var v = tp.Variable(cols[c]);
                    for (var k = 0; k < rows.Length; k++) m[k, c] = v[rows[k]];
                }
                return m;
            }
            var dd = new Xinzhi.Efficiency.DeaData(rows.Select(r => tp.Ids[r]).ToArray(), Matrix(t.Inputs), Matrix(t.Outputs),
                t.Bad.Count > 0 ? Matrix(t.Bad) : null, t.Inputs, t.Outputs, t.Bad, tp.Source, rows.Select(r => tp.SourceRows[r]).ToArray());
            var dr = Xinzhi.Efficiency.Dea.Evaluate(dd, deaOptions);
            warnings.AddRange(dr.Warnings.Select(x => $"green efficiency {period}: {x}"));
            foreach (var u in dr.Units)
            {
                var ok = u.Status == Xinzhi.Efficiency.DeaStatus.Optimal;
                var status = Kebab(u.Status);
                efficiency.Add(new EfficiencyRow(dd.Ids[u.Unit], period, ok ? Finite(u.Efficiency) : null, status));
                ew.AppendRow(dd.Ids[u.Unit], period, ok ? u.Efficiency : null, status);
            }
        }
        ew.Save(Path.Combine(outDir, "tfp", "efficiency.csv"));
        var tfpSpec = new Dictionary<string, object?>
        {
            ["inputs"] = t.Inputs, ["outputs"] = t.Outputs, ["bad_outputs"] = t.Bad,
            ["model"] = Kebab(options.Model), ["rts"] = options.Scale == ScaleAssumption.Constant ? "crs" : "vrs",
            ["orientation"] = Kebab(options.Orientation), ["technology"] = Kebab(options.Technology),
            ["index"] = Kebab(options.Index), ["vrs_definition"] = Kebab(options.VrsDefinition),
            ["unbalanced"] = Kebab(options.Unbalanced), ["years"] = tfpYears, ["years_rule"] = note.En, ["dropped_units"] = dropped,
            ["direction_of_progress"] = "> 1 = progress", ["cumulative"] = "chain product from each unit's first period = 1",
            ["method"] = options.MethodName(), ["distance_programs"] = result.DistanceProgramCount,
            ["efficiency"] = $"{Kebab(deaOptions.Model)}, {Kebab(deaOptions.ReturnsToScale)}, {Kebab(deaOptions.Orientation)}, frontier per period, bad outputs {Kebab(deaOptions.BadOutputDisposability)}ly disposable",
        };
        spec["tfp"] = tfpSpec;
        methods.Add(new MethodNote("tfp", new Label("绿色全要素生产率", "Green total factor productivity"),
            new Label($"{options.MethodName()}；投入 {string.Join("、", t.Inputs)}，期望产出 {string.Join("、", t.Outputs)}，非期望产出 {string.Join("、", t.Bad)}；{tfpYears.First()}–{tfpYears.Last()} 年。{note.Zh}" + (dropped.Count > 0 ? $" 因数据缺失剔除：{string.Join("、", dropped)}。" : ""),
                      $"{options.MethodName()}; inputs {string.Join(", ", t.Inputs)}, good outputs {string.Join(", ", t.Outputs)}, bad outputs {string.Join(", ", t.Bad)}; {tfpYears.First()}–{tfpYears.Last()}. {note.En}" + (dropped.Count > 0 ? $" Dropped for missing data: {string.Join(", ", dropped)}." : "")),
            tfpSpec.Where(kv => kv.Value is string or int or double).Select(kv => new MethodChoice(Label.Same(kv.Key), Format(kv.Value))).ToList()));
        return new TfpSection
        {
            Method = new Label(options.MethodName(), options.MethodName()),
            Efficiency = efficiency,
            Changes = changes,
            Cumulative = cumulative,
        };
    }

    /// <summary>
    /// Keeps the rows of the chosen years. Explicit range: those years. Automatic: with fill none, the years in which
    /// every listed column is present in every row (with <paramref name="majority"/>, in more than half of the rows);
    /// with a fill method, every year.
    /// </summary>
    internal static (RawTable Table, int[] Years, Label Note) SelectYears(RawTable table, string timeColumn, IReadOnlyList<string> columns,
        (int From, int To)? range, FillMethod fill, bool majority = false)
    {
        var time = table.Column(timeColumn);
        var cols = columns.Select(table.Column).ToArray();
        var yearOf = new int?[table.RowCount];
        for (var i = 0; i < table.RowCount; i++) yearOf[i] = PanelBuilder.TryParsePeriod(time[i], out var y) ? y : null;
        var all = yearOf.OfType<int>().Distinct().Order().ToArray();
        int[] keep;
        Label note;
        if (range is { } r)
        {
            keep = all.Where(y => y >= r.From && y <= r.To).ToArray();
            note = new Label($"年份范围由项目文件指定：{r.From}–{r.To}。", $"Years set in the project file: {r.From}–{r.To}.");
        }
        else if (fill != FillMethod.None && !majority)
        {
            keep = all;
            note = new Label($"全部年份（缺失值按 {Kebab(fill)} 填补）。", $"All years (missing values filled by {Kebab(fill)}).");
        }
        else
        {
            keep = all.Where(y =>
            {
                int rows = 0, complete = 0;
                for (var i = 0; i < table.RowCount; i++)
                {
                    if (yearOf[i] != y) continue;
                    rows++;
                    if (cols.All(c => !RawTable.IsMissing(c[i]))) complete++;
                }
                return majority ? complete * 2 > rows : complete == rows;
            }).ToArray();
            var excluded = all.Except(keep).ToArray();
            note = excluded.Length == 0
                ? new Label("所有年份数据完整。", "Every year is complete.")
                : new Label($"自动选择{(majority ? "多数单元" : "所有单元")}数据完整的年份；排除 {Years(excluded)}。",
                            $"Automatically kept the years complete for {(majority ? "most units" : "every unit")}; excluded {Years(excluded)}.");
        }
        if (keep.Length == 0) throw new DataValidationException(new DataIssue(table.Source, null, timeColumn, $"no year has complete data for {string.Join(", ", columns)}"));
        var set = keep.ToHashSet();
        return (Filter(table, i => yearOf[i] is { } y && set.Contains(y)), keep, note);
    }

    private static string Years(int[] ys) => string.Join(", ", ys.Select(y => y.ToString(CultureInfo.InvariantCulture)));

    private static RawTable Filter(RawTable table, Func<int, bool> keep)
    {
        var rows = Enumerable.Range(0, table.RowCount).Where(keep).ToArray();
        var columns = new string?[table.ColumnNames.Count][];
        for (var c = 0; c < columns.Length; c++)
        {
            var src = table.Column(c);
            columns[c] = rows.Select(i => src[i]).ToArray();
        }
        return new RawTable(table.Source, table.ColumnNames, columns, rows.Select(i => table.SourceRows[i]).ToArray());
    }

    /// <summary>
    /// The repairs recorded beside a dataset (<c>repairs.csv</c>: code, province_en, year, column, action, value,
    /// note; written by the dataset build), summarised per column and action, so the report says what was repaired.
    /// </summary>
    private static IEnumerable<MethodChoice> RepairChoices(string dataPath)
    {
        var path = Path.Combine(Path.GetDirectoryName(dataPath)!, "repairs.csv");
        if (!File.Exists(path)) return [];
        var t = CsvTableReader.Read(path);
        if (!new[] { "code", "year", "column", "action" }.All(t.HasColumn)) return [];
        var col = t.Column("column");
        var act = t.Column("action");
        var year = t.Column("year");
        var code = t.Column("code");
        return Enumerable.Range(0, t.RowCount)
            .GroupBy(i => (Column: col[i] ?? "", Action: act[i] ?? ""))
            .Select(g => new MethodChoice(
                new Label($"数据修补：{g.Key.Column}", $"Repair: {g.Key.Column}"),
                g.Key.Action,
                Label.Same($"{g.Count()} cell(s): " + string.Join("; ", g.GroupBy(i => code[i]).Select(c => $"{c.Key} {string.Join(",", c.Select(i => year[i]))}").Take(8)) +
                           (g.Select(i => code[i]).Distinct().Count() > 8 ? "; …" : "") + " (repairs.csv)")))
            .ToList();
    }

    private static List<ReportEntity> BuildEntities(Panel panel, ProjectFile project)
    {
        string[]? Attr(string? name) => name is not null && panel.AttributeNames.Contains(name) ? panel.Attribute(name) : null;
        var zh = Attr(project.Data.NameZh);
        var en = Attr(project.Data.NameEn);
        var grp = Attr(project.Data.Group);
        var list = new List<ReportEntity>();
        foreach (var e in panel.Entities)
        {
            var i = Array.IndexOf(panel.Ids, e);
            ChinaProvinces.TryResolve(e, out var province);
            var nameZh = zh?[i] ?? province?.ShortZh ?? e;
            var nameEn = en?[i] ?? province?.NameEn ?? e;
            var group = grp?[i];
            var mapId = province is not null && province.Code != e ? province.Code : null;
            list.Add(new ReportEntity(e, new Label(nameZh, nameEn), string.IsNullOrWhiteSpace(group) ? null : group, mapId));
        }
        return list;
    }

    private static List<ReportGroup> BuildGroups(IReadOnlyList<ReportEntity> entities)
    {
        var keys = entities.Select(e => e.Group).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var regionOrder = new[] { Region.East, Region.Central, Region.West, Region.Northeast };
        var known = regionOrder.ToDictionary(r => r.Key(), r => r, StringComparer.OrdinalIgnoreCase);
        return keys
            .OrderBy(k => known.TryGetValue(k, out var r) ? Array.IndexOf(regionOrder, r) : int.MaxValue).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => known.TryGetValue(k, out var r) ? new ReportGroup(k, new Label(r.NameZh(), r.NameEn())) : new ReportGroup(k, Label.Same(k)))
            .ToList();
    }

    private static IReadOnlyList<Label> Highlights(IReadOnlyList<ReportEntity> entities, IReadOnlyList<ScoreRow> scores, TfpSection? tfp, DagumSection? dagum, CouplingSection? coupling)
    {
        var name = entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var list = new List<Label>();
        var first = scores.Min(s => s.Time);
        var last = scores.Max(s => s.Time);
        var top = scores.Where(s => s.Time == last).OrderBy(s => s.Rank).Take(3).ToArray();
        list.Add(new Label(
            $"{last} 年新质生产力指数前三位：{string.Join("、", top.Select(s => $"{name[s.Id].Zh}（{F(s.Score)}）"))}。",
            $"Top three in {last}: {string.Join(", ", top.Select(s => $"{name[s.Id].En} ({F(s.Score)})"))}."));
        var m0 = scores.Where(s => s.Time == first).Average(s => s.Score);
        var m1 = scores.Where(s => s.Time == last).Average(s => s.Score);
        list.Add(new Label($"全国平均指数由 {first} 年的 {F(m0)} 变为 {last} 年的 {F(m1)}。", $"The national mean index moved from {F(m0)} in {first} to {F(m1)} in {last}."));
        if (tfp is { Changes.Count: > 0 })
        {
            var logs = tfp.Changes.Where(c => c.Tfpch is > 0).Select(c => Math.Log(c.Tfpch!.Value)).ToArray();
            if (logs.Length > 0)
            {
                var g = Math.Exp(logs.Average());
                list.Add(new Label($"绿色全要素生产率年均变化（几何平均）：{F(g)}（{(g >= 1 ? "进步" : "退步")}）。",
                                   $"Green TFP change, geometric mean per year: {F(g)} ({(g >= 1 ? "progress" : "regress")})."));
            }
        }
        if (dagum is not null)
        {
            var g = dagum.Rows.Where(r => r.Component == "G").OrderBy(r => r.Time).ToArray();
            var share = dagum.Rows.Where(r => r.Component == "Gnb_share" && r.Time == g[^1].Time).Select(r => r.Value).FirstOrDefault();
            list.Add(new Label($"总体基尼系数由 {F(g[0].Value)}（{g[0].Time}）变为 {F(g[^1].Value)}（{g[^1].Time}），区域间净差异贡献 {share * 100:F1}%。",
                               $"Overall Gini moved from {F(g[0].Value)} ({g[0].Time}) to {F(g[^1].Value)} ({g[^1].Time}); net between-region share {share * 100:F1}%."));
        }
        if (coupling is not null)
        {
            var lastRows = coupling.Rows.Where(r => r.Time == coupling.Rows.Max(x => x.Time)).ToArray();
            var d = lastRows.Average(r => r.D);
            list.Add(new Label($"三大要素耦合协调度全国均值 {F(d)}。", $"Mean coupling coordination of the three elements: {F(d)}."));
        }
        return list;
    }

    /// <summary>"DropIncompleteUnits" → "drop-incomplete-units" (the CLI's spelling of option values).</summary>
    internal static string Kebab<T>(T value) where T : struct, Enum => Naming.Kebab(value);

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static UnavailableSection Disabled(string section, string key) =>
        new(section, new Label($"项目文件中未启用（{key}: false）", $"disabled in the project file ({key}: false)"));

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static (int From, int To)? ParseRange(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var probe = new ProjectFile { Years = text };
        try { return probe.YearRange(); }
        catch (SpecificationException) { throw new SpecificationException($"{key}: '{text}' is not a range like 2012-2019."); }
    }

    private static (BandwidthRule Rule, double? Fixed) ParseBandwidth(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
        {
            if (!(h > 0) || !double.IsFinite(h)) throw new SpecificationException($"analysis.kde_bandwidth: {text} must be positive.");
            return (BandwidthRule.Fixed, h);
        }
        var rule = ParseEnum<BandwidthRule>(text, "analysis.kde_bandwidth");
        if (rule == BandwidthRule.Fixed) throw new SpecificationException("analysis.kde_bandwidth: give the fixed bandwidth as a number.");
        return (rule, null);
    }

    /// <summary>Kebab-case option value → enum member, with the message the CLI gives.</summary>
    internal static T ParseEnum<T>(string value, string key) where T : struct, Enum
    {
        var k = value.Replace("-", "").Replace("_", "");
        if (Enum.TryParse<T>(k, ignoreCase: true, out var result) && Enum.IsDefined(result)) return result;
        throw new SpecificationException($"{key}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => Kebab(Enum.Parse<T>(n))))}.");
    }

    private static Label WeightName(IndexOptions o) => o.Weights.ToOptionText() switch
    {
        "entropy" => new Label("熵权", "Entropy"),
        "critic" => new Label("CRITIC", "CRITIC"),
        "cv" => new Label("变异系数", "CV"),
        "equal" => new Label("等权", "Equal-weight"),
        "pca" => new Label("主成分", "PCA"),
        var s => Label.Same(s),
    };

    private static Label AggregationName(Aggregation a) => a switch
    {
        Aggregation.Topsis => Label.Same("TOPSIS"),
        Aggregation.Gra => new Label("灰色关联", "GRA"),
        _ => new Label("线性加权", "linear"),
    };

    private static Label AccuracyName(GreyAccuracy a) => a switch
    {
        GreyAccuracy.Good => new Label("一级（好）", "Class 1 (good)"),
        GreyAccuracy.Qualified => new Label("二级（合格）", "Class 2 (qualified)"),
        GreyAccuracy.Barely => new Label("三级（勉强）", "Class 3 (barely)"),
        _ => new Label("四级（不合格）", "Class 4 (fail)"),
    };
}
