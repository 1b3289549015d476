using System.Globalization;
using System.Text.Json;
using ScottPlot;
using SkiaSharp;
using Xinzhi.Reports.Html;
using Xinzhi.Reports.Model;
using Label = Xinzhi.Reports.Model.Label;

namespace Xinzhi.Reports.Figures;

/// <summary>
/// Static figures for papers and slides (ScottPlot 5), each written as PNG and SVG. Titles and axis labels carry
/// Chinese and English; Chinese needs a CJK font (Debian: <c>fonts-wqy-microhei</c> or <c>fonts-noto-cjk</c>,
/// installed by <c>.ci/install</c>). Without one the figures fall back to English only and say so in the warnings,
/// rather than draw boxes. Ticks use the invariant culture (years print as 2012, not 2,012).
/// </summary>
public static class FigureRenderer
{
    private const int Width = 1000, Height = 620;

    private static readonly string[] Palette = ["#b3261e", "#23395d", "#2e7d5b", "#c98a12", "#6a4c93", "#1982c4", "#8f5d46", "#ff595e"];

    /// <summary>Writes the figures into <paramref name="directory"/>; returns the files written and warnings.</summary>
    public static FigureResult Write(ReportModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(directory);
        var font = CjkFontFamily();
        var warnings = new List<string>();
        if (font is null)
        {
            warnings.Add("No CJK font is installed (e.g. Debian fonts-wqy-microhei): figures are labelled in English only.");
        }
        var ctx = new Ctx(model, font, directory);
        ctx.Guard("index-map", IndexMap);
        ctx.Guard("index-ranking", Ranking);
        ctx.Guard("index-trend", IndexTrend);
        ctx.Guard("gtfp-trend", GtfpTrend);
        ctx.Guard("gtfp-decomposition", GtfpDecomposition);
        ctx.Guard("dagum", Dagum);
        ctx.Guard("kde", Kde);
        ctx.Guard("coupling", Coupling);
        ctx.Guard("obstacles", Obstacles);
        warnings.AddRange(ctx.Warnings);
        return new FigureResult(ctx.Files, warnings, font);
    }

    /// <summary>The family name of an installed font that has Chinese glyphs, or null.</summary>
    public static string? CjkFontFamily()
    {
        foreach (var name in new[] { "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei" })
        {
            using var tf = SKTypeface.FromFamilyName(name);
            if (tf is not null && string.Equals(tf.FamilyName, name, StringComparison.OrdinalIgnoreCase) && tf.ContainsGlyphs("新质生产力")) return tf.FamilyName;
        }
        using var match = SKFontManager.Default.MatchCharacter('新');
        return match is not null && match.ContainsGlyphs("新质生产力") ? match.FamilyName : null;
    }

    private sealed class Ctx(ReportModel model, string? font, string directory)
    {
        public ReportModel Model { get; } = model;
        public List<string> Files { get; } = [];
        public List<string> Warnings { get; } = [];

        public string Text(Label label) => font is null ? label.En : label.Both;

        public string Text(string zh, string en) => Text(new Label(zh, en));

        public Plot NewPlot(Label title)
        {
            var plot = new Plot();
            if (font is not null) plot.Font.Set(font);
            plot.Title(Text(title));
            plot.Axes.Title.Label.FontSize = 18;
            return plot;
        }

        public string EntityName(string id)
        {
            var e = Model.Entities.FirstOrDefault(x => x.Id == id);
            return e is null ? id : font is null ? e.Name.En : e.Name.Zh;
        }

        public void Save(Plot plot, string name, int width = Width, int height = Height)
        {
            var png = Path.Combine(directory, name + ".png");
            var svg = Path.Combine(directory, name + ".svg");
            plot.SavePng(png, width, height);
            plot.SaveSvg(svg, width, height);
            Files.Add(png);
            Files.Add(svg);
        }

        public void Guard(string name, Action<Ctx> draw)
        {
            try
            {
                draw(this);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Warnings.Add($"figure {name} was not drawn: {e.Message}");
            }
        }
    }

    public static void YearTicks(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Math.Abs(v - Math.Round(v)) < 1e-9 ? ((long)Math.Round(v)).ToString(CultureInfo.InvariantCulture) : "",
            IntegerTicksOnly = true,
        };

    private static void InvariantLeftTicks(Plot plot) =>
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("0.###", CultureInfo.InvariantCulture),
        };

    private static Color Hex(int i) => Color.FromHex(Palette[i % Palette.Length]);

    /// <summary>Per group (and the national mean), the mean of a value per period.</summary>
    private static List<(Label Name, double[] X, double[] Y)> GroupMeans(ReportModel model, IEnumerable<(string Id, int Time, double? Value)> rows)
    {
        var list = rows.Where(r => r.Value is { } v && double.IsFinite(v)).ToList();
        var times = list.Select(r => r.Time).Distinct().Order().ToArray();
        var groupOf = model.Entities.ToDictionary(e => e.Id, e => e.Group, StringComparer.Ordinal);
        var result = new List<(Label, double[], double[])>();
        foreach (var g in model.Groups)
        {
            var ys = times.Select(t => list.Where(r => r.Time == t && groupOf.GetValueOrDefault(r.Id) == g.Key).Select(r => r.Value!.Value).DefaultIfEmpty(double.NaN).Average()).ToArray();
            result.Add((g.Name, times.Select(t => (double)t).ToArray(), ys));
        }
        result.Add((new Label("全国平均", "National mean"), times.Select(t => (double)t).ToArray(),
            times.Select(t => list.Where(r => r.Time == t).Average(r => r.Value!.Value)).ToArray()));
        return result;
    }

    private static void Lines(Ctx ctx, Plot plot, List<(Label Name, double[] X, double[] Y)> series)
    {
        for (var i = 0; i < series.Count; i++)
        {
            var (name, x, y) = series[i];
            var s = plot.Add.Scatter(x, y);
            s.LegendText = ctx.Text(name);
            s.LineWidth = 2;
            s.MarkerSize = 5;
            // The national mean is black and thicker; dashed lines are avoided because Skia's SVG backend cannot
            // write path effects (it prints "Unsupported path effect" for each).
            s.Color = i == series.Count - 1 ? Colors.Black : Hex(i);
            if (i == series.Count - 1) s.LineWidth = 3;
        }
        YearTicks(plot);
        InvariantLeftTicks(plot);
        plot.ShowLegend(Edge.Bottom);
    }

    private static void IndexTrend(Ctx ctx)
    {
        if (ctx.Model.Index is not { } index) return;
        var plot = ctx.NewPlot(new Label("各区域新质生产力指数均值", "Mean NQPF index by region"));
        Lines(ctx, plot, GroupMeans(ctx.Model, index.Scores.Select(s => (s.Id, s.Time, (double?)s.Score))));
        plot.YLabel(ctx.Text("综合指数", "Index"));
        ctx.Save(plot, "index-trend");
    }

    private static void GtfpTrend(Ctx ctx)
    {
        if (ctx.Model.Tfp is not { Cumulative.Count: > 0 } tfp) return;
        var plot = ctx.NewPlot(new Label("累计绿色全要素生产率（区域均值）", "Cumulative green TFP (regional means)"));
        Lines(ctx, plot, GroupMeans(ctx.Model, tfp.Cumulative.Select(c => (c.Id, c.Time, c.Value))));
        plot.YLabel(ctx.Text("累计GTFP", "Cumulative GTFP"));
        ctx.Save(plot, "gtfp-trend");
    }

    /// <summary>Geometric means over units of tfpch, effch and techch per pair of years (as the page shows them).</summary>
    private static void GtfpDecomposition(Ctx ctx)
    {
        if (ctx.Model.Tfp is not { Changes.Count: > 0 } tfp) return;
        var plot = ctx.NewPlot(new Label("绿色全要素生产率及其分解（几何平均）", "Green TFP change and its decomposition (geometric means)"));
        var pairs = tfp.Changes.GroupBy(c => c.To).OrderBy(g => g.Key).ToArray();
        var x = pairs.Select(g => (double)g.Key).ToArray();
        static double GeoMean(IEnumerable<double?> values)
        {
            var logs = values.Where(v => v is > 0).Select(v => Math.Log(v!.Value)).ToArray();
            return logs.Length == 0 ? double.NaN : Math.Exp(logs.Average());
        }
        var series = new (Label Name, Func<ProductivityRow, double?> Pick)[]
        {
            (new Label("GTFP 变化", "GTFP change"), c => c.Tfpch),
            (new Label("效率变化", "Efficiency change"), c => c.Effch),
            (new Label("技术变化", "Technical change"), c => c.Techch),
        };
        for (var i = 0; i < series.Length; i++)
        {
            var s = plot.Add.Scatter(x, pairs.Select(g => GeoMean(g.Select(series[i].Pick))).ToArray());
            s.LegendText = ctx.Text(series[i].Name);
            s.LineWidth = i == 0 ? 3 : 2;
            s.MarkerSize = 5;
            s.Color = Hex(i);
        }
        var one = plot.Add.HorizontalLine(1);
        one.Color = Colors.Gray;
        one.LineWidth = 1;
        YearTicks(plot);
        InvariantLeftTicks(plot);
        plot.ShowLegend(Edge.Bottom);
        plot.XLabel(ctx.Text("结束年份", "Year (end of the pair)"));
        ctx.Save(plot, "gtfp-decomposition");
    }

    private static void Ranking(Ctx ctx)
    {
        if (ctx.Model.Index is not { } index || index.Scores.Count == 0) return;
        var year = index.Scores.Max(s => s.Time);
        var rows = index.Scores.Where(s => s.Time == year).OrderByDescending(s => s.Rank).ToArray();
        var plot = ctx.NewPlot(new Label($"{year}年新质生产力指数排名", $"NQPF index ranking, {year}"));
        var groupIndex = ctx.Model.Groups.Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var groupOf = ctx.Model.Entities.ToDictionary(e => e.Id, e => e.Group, StringComparer.Ordinal);
        var bars = rows.Select((r, i) => new Bar
        {
            Position = i,
            Value = r.Score,
            FillColor = groupOf.GetValueOrDefault(r.Id) is { } g && groupIndex.TryGetValue(g, out var gi) ? Hex(gi) : Colors.Gray,
            Orientation = Orientation.Horizontal,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Left.SetTicks(rows.Select((_, i) => (double)i).ToArray(), rows.Select(r => ctx.EntityName(r.Id)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0.##", CultureInfo.InvariantCulture) };
        plot.Axes.Margins(left: 0, bottom: 0.01);
        plot.XLabel(ctx.Text("综合指数", "Index"));
        var items = ctx.Model.Groups.Select((g, i) => new LegendItem { LabelText = ctx.Text(g.Name), FillColor = Hex(i) }).ToList();
        if (items.Count > 0) plot.ShowLegend(items, Alignment.LowerRight);
        ctx.Save(plot, "index-ranking", Width, 900);
    }

    private static void Dagum(Ctx ctx)
    {
        if (ctx.Model.Dagum is not { } dagum) return;
        var plot = ctx.NewPlot(new Label("Dagum 基尼系数及其分解", "Dagum Gini coefficient and its decomposition"));
        var parts = new[] { ("G", new Label("总体", "Overall G")), ("Gw", new Label("区域内", "Within Gw")), ("Gnb", new Label("区域间净", "Net between Gnb")), ("Gt", new Label("超变密度", "Transvariation Gt")) };
        var i = 0;
        foreach (var (code, name) in parts)
        {
            var rows = dagum.Rows.Where(r => r.Component == code && r.Group is null).OrderBy(r => r.Time).ToArray();
            if (rows.Length == 0) continue;
            var s = plot.Add.Scatter(rows.Select(r => (double)r.Time).ToArray(), rows.Select(r => r.Value).ToArray());
            s.LegendText = ctx.Text(name);
            s.LineWidth = 2;
            s.MarkerSize = 5;
            s.Color = Hex(i++);
        }
        YearTicks(plot);
        InvariantLeftTicks(plot);
        plot.ShowLegend(Edge.Bottom);
        plot.YLabel(ctx.Text("基尼系数", "Gini"));
        ctx.Save(plot, "dagum");
    }

    private static void Kde(Ctx ctx)
    {
        if (ctx.Model.Kde is not { Curves.Count: > 0 } kde) return;
        var plot = ctx.NewPlot(new Label("综合指数核密度", "Kernel density of the index"));
        var n = kde.Curves.Count;
        var step = Math.Max(1, (n - 1) / 5);
        for (var k = 0; k < n; k++)
        {
            var c = kde.Curves[k];
            var s = plot.Add.ScatterLine(c.X.ToArray(), c.Density.ToArray());
            var f = n > 1 ? k / (double)(n - 1) : 1;
            s.Color = new Color((byte)(35 + f * 144), (byte)(57 - f * 19), (byte)(93 - f * 63));
            s.LineWidth = 1.5f;
            if (k % step == 0 || k == n - 1) s.LegendText = c.Time.ToString(CultureInfo.InvariantCulture);
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0.###", CultureInfo.InvariantCulture) };
        InvariantLeftTicks(plot);
        plot.ShowLegend(Alignment.UpperRight);
        plot.XLabel(ctx.Text(kde.Variable));
        plot.YLabel(ctx.Text("密度", "Density"));
        ctx.Save(plot, "kde");
    }

    private static void Coupling(Ctx ctx)
    {
        if (ctx.Model.Coupling is not { } coupling) return;
        var plot = ctx.NewPlot(new Label("三大要素耦合协调度（区域均值）", "Coupling coordination D of the three elements (regional means)"));
        Lines(ctx, plot, GroupMeans(ctx.Model, coupling.Rows.Select(r => (r.Id, r.Time, (double?)r.D))));
        plot.YLabel(ctx.Text("耦合协调度 D", "Coordination D"));
        ctx.Save(plot, "coupling");
    }

    private static void Obstacles(Ctx ctx)
    {
        if (ctx.Model.Obstacles is not { Rows.Count: > 0 } obstacles) return;
        var year = obstacles.Rows.Max(r => r.Time);
        // How often each indicator is among the top obstacles of a province in the latest year.
        var counts = obstacles.Rows.Where(r => r.Time == year)
            .GroupBy(r => r.Indicator)
            .Select(g => (Name: g.First().Name, Count: g.Count(), Mean: g.Average(r => r.Degree)))
            .OrderBy(x => x.Count).ThenBy(x => x.Mean).ToArray();
        var plot = ctx.NewPlot(new Label($"{year}年各省前{obstacles.Top}位障碍因子出现次数", $"Top-{obstacles.Top} obstacles across provinces, {year}"));
        var bars = counts.Select((c, i) => new Bar { Position = i, Value = c.Count, FillColor = Hex(3), Orientation = Orientation.Horizontal }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Left.SetTicks(counts.Select((_, i) => (double)i).ToArray(), counts.Select(c => ctx.Text(c.Name)).ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture), IntegerTicksOnly = true };
        plot.Axes.Margins(left: 0);
        plot.XLabel(ctx.Text("省份数", "Provinces"));
        ctx.Save(plot, "obstacles", 1100, Math.Max(500, 60 + 30 * counts.Length));
    }

    /// <summary>Static choropleth of the latest year's index from the decoded China map.</summary>
    private static void IndexMap(Ctx ctx)
    {
        if (ctx.Model.Index is not { Scores.Count: > 0 } index) return;
        var year = index.Scores.Max(s => s.Time);
        var mapIdOf = ctx.Model.Entities.ToDictionary(e => e.Id, e => e.MapId ?? e.Id, StringComparer.Ordinal);
        var score = index.Scores.Where(s => s.Time == year).ToDictionary(s => mapIdOf.GetValueOrDefault(s.Id, s.Id), s => s.Score, StringComparer.Ordinal);
        var min = score.Values.Min();
        var max = score.Values.Max();
        var plot = ctx.NewPlot(new Label($"{year}年新质生产力指数", $"NQPF index, {year}"));
        using var doc = JsonDocument.Parse(ChinaMap.GeoJson);
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var id = feature.GetProperty("properties").GetProperty("id").GetString() ?? "";
            var fill = score.TryGetValue(id, out var v) ? Ramp((v - min) / Math.Max(max - min, 1e-12)) : Color.FromHex("#e9ecef");
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToArray();
            foreach (var polygon in polygons)
            {
                var outer = polygon[0];
                var coords = outer.EnumerateArray().Select(p => new Coordinates(p[0].GetDouble(), p[1].GetDouble())).ToArray();
                if (coords.Length < 3) continue;
                var poly = plot.Add.Polygon(coords);
                poly.FillColor = fill;
                poly.LineColor = Colors.White;
                poly.LineWidth = 0.6f;
            }
        }
        plot.Axes.SquareUnits();
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Title(ctx.Text(new Label($"{year}年新质生产力指数", $"NQPF index, {year}"))); // Frameless() hides the title
        var legend = new List<LegendItem>();
        for (var k = 0; k <= 4; k++)
        {
            var value = min + (max - min) * k / 4.0;
            legend.Add(new LegendItem { LabelText = value.ToString("0.000", CultureInfo.InvariantCulture), FillColor = Ramp(k / 4.0) });
        }
        plot.ShowLegend(legend, Alignment.LowerLeft);
        ctx.Save(plot, "index-map", 1000, 820);
    }

    /// <summary>A light-to-dark red ramp (the same as the HTML map's).</summary>
    private static Color Ramp(double f)
    {
        string[] stops = ["#fdf1e6", "#f4b183", "#e0604a", "#b3261e", "#6d0f0a"];
        f = Math.Clamp(double.IsFinite(f) ? f : 0, 0, 1) * (stops.Length - 1);
        var i = Math.Min((int)f, stops.Length - 2);
        var t = f - i;
        var a = Color.FromHex(stops[i]);
        var b = Color.FromHex(stops[i + 1]);
        return new Color((byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));
    }
}

/// <summary>Figures written, warnings, and the CJK font used (null: English-only labels).</summary>
public sealed record FigureResult(IReadOnlyList<string> Files, IReadOnlyList<string> Warnings, string? Font);
