using System.Globalization;
using System.Text;

namespace Xinzhi.Frameworks;

/// <summary>Labels of the logic diagram.</summary>
public enum DiagramLanguage
{
    Zh,
    En,
    Both,
}

/// <summary>Options of <see cref="FrameworkDiagram"/>.</summary>
/// <param name="Indicators">Draw the indicator column (false stops at the sub-dimensions).</param>
public sealed record DiagramOptions(DiagramLanguage Language = DiagramLanguage.Both, bool Indicators = true);

/// <summary>
/// The NQPF logic diagram (新质生产力逻辑关系图) of the March 2024 policy digest, drawn from a framework:
/// NQPF → its three drivers (技术革命性突破, 生产要素创新性配置, 产业深度转型升级) → the framework's top-level elements →
/// sub-dimensions → indicators, with the policy task and national policy measures of each element alongside and
/// TFP (全要素生产率大幅提升) as the core marker. SVG is laid out by hand in layered columns (left to right), each
/// element in its own coloured band; Mermaid is emitted as a <c>flowchart LR</c>.
/// </summary>
public static class FrameworkDiagram
{
    /// <summary>The three drivers that "give rise to" NQPF, from the definition.</summary>
    public static readonly IReadOnlyList<PolicyMeasure> Drivers =
    [
        new("技术革命性突破", "Revolutionary technological breakthroughs"),
        new("生产要素创新性配置", "Innovative allocation of production factors"),
        new("产业深度转型升级", "Deep industrial transformation and upgrading"),
    ];

    public static readonly PolicyMeasure Root = new("新质生产力", "New quality productive forces (NQPF)");

    public static readonly PolicyMeasure CoreMarker = new("核心标志：全要素生产率大幅提升", "Core marker: a substantial rise in total factor productivity (TFP)");

    public static readonly PolicyMeasure BasicContent = new("基本内涵：劳动者、劳动资料、劳动对象及其优化组合的跃升",
        "Basic content: the leap of laborers, means of labor, objects of labor and their optimal combination");

    private const string FontFamily = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Heiti SC',sans-serif";

    private static readonly string[] BandColors = ["#e8f1fb", "#eaf6ec", "#fdf1e4", "#f3ecf8", "#fbeaea", "#eef3f3"];
    private static readonly string[] StrokeColors = ["#2f6db5", "#2e8b48", "#c46a12", "#7b4fa6", "#b23b3b", "#3d7f7f"];

    /// <summary>The policy task and measures of a top-level node: its own annotations, or those of the matching element of builtin:nqpf-policy.</summary>
    public static (PolicyMeasure? Task, IReadOnlyList<PolicyMeasure> Measures) PolicyOf(FrameworkNode node)
    {
        if (node.Task is not null || node.PolicyMeasures.Count > 0) return (node.Task, node.PolicyMeasures);
        var key = ElementKey(node);
        if (key is null) return (null, []);
        var policy = FrameworkLoader.LoadBuiltin("nqpf-policy");
        var match = policy.Nodes.FirstOrDefault(n => n.Id == key);
        return match is null ? (null, []) : (match.Task, match.PolicyMeasures);
    }

    private static string? ElementKey(FrameworkNode node)
    {
        var s = node.Id + " " + node.NameZh + " " + node.NameEn.ToLowerInvariant();
        if (s.Contains("劳动者") || s.Contains("laborer") || s.Contains("labourer")) return "laborers";
        if (s.Contains("劳动资料") || s.Contains("生产资料") || s.Contains("means of lab") || s.Contains("means of production")) return "means-of-labor";
        if (s.Contains("劳动对象") || s.Contains("objects of lab")) return "objects-of-labor";
        return null;
    }

    private sealed record Box(string Zh, string En, string? Sub, double X, double Y, double W, double H, string Fill, string Stroke, bool Bold, string? Title = null)
    {
        public double Cy => Y + H / 2;
    }

    /// <summary>Renders the diagram as a standalone SVG document.</summary>
    public static string Svg(Framework framework, DiagramOptions? options = null)
    {
        options ??= new DiagramOptions();
        var lang = options.Language;
        var two = lang == DiagramLanguage.Both;
        const double fs = 13, fsSmall = 10.5, pad = 8, gap = 36, rowGap = 6, top = 70, left = 20;
        var rowH = two ? 38.0 : 26.0;

        string Main(string zh, string en) => lang == DiagramLanguage.En ? en : zh;
        string? Second(string zh, string en) => two ? en : null;
        double TextWidth(string? s, double size)
        {
            if (s is null) return 0;
            var w = 0.0;
            foreach (var c in s) w += c >= 0x2E80 ? size : c is 'i' or 'l' or '.' or ',' or ' ' or '(' or ')' ? size * 0.33 : size * 0.52;
            return w;
        }
        double Width(string zh, string en, string? extra = null) =>
            Math.Max(TextWidth(Main(zh, en) + (extra ?? ""), fs), TextWidth(Second(zh, en), fsSmall)) + 2 * pad;

        // Rows per top-level element: one row per indicator (or per sub-dimension without indicators), at least one
        // per policy line.
        var elements = framework.Nodes;
        var policies = elements.Select(PolicyOf).ToArray();
        var hasPolicy = policies.Any(p => p.Task is not null || p.Measures.Count > 0);
        var subRows = new List<(FrameworkNode Sub, List<FrameworkIndicator> Inds)>[elements.Count];
        var bandRows = new int[elements.Count];
        for (var e = 0; e < elements.Count; e++)
        {
            var list = new List<(FrameworkNode, List<FrameworkIndicator>)>();
            if (elements[e].Indicators.Count > 0) list.Add((elements[e], elements[e].Indicators.ToList()));
            foreach (var c in elements[e].Children) list.Add((c, c.SubtreeIndicators().ToList()));
            subRows[e] = list;
            var rows = options.Indicators ? list.Sum(s => Math.Max(1, s.Item2.Count)) : list.Count;
            var policyRows = (policies[e].Task is null ? 0 : 1) + policies[e].Measures.Count;
            bandRows[e] = Math.Max(Math.Max(rows, policyRows), 1);
        }

        // Column widths.
        var wRoot = Math.Max(Width(Root.NameZh, Root.NameEn), Math.Min(260, Width(CoreMarker.NameZh, CoreMarker.NameEn)));
        var wDriver = Drivers.Max(d => Width(d.NameZh, d.NameEn));
        var wElem = elements.Max(n => Width(n.NameZh, n.NameEn));
        double HeaderWidth(string zh, string en) => TextWidth(two ? zh + " " + en : Main(zh, en), 11) + 12;
        var hasSub = subRows.Select((list, e) => list.Any(x => !ReferenceEquals(x.Sub, elements[e]))).Any(b => b);
        var wSub = hasSub
            ? Math.Max(HeaderWidth("二级维度", "Sub-dimensions"), subRows.SelectMany(s => s).Select(s => Width(s.Sub.NameZh, s.Sub.NameEn)).DefaultIfEmpty(80).Max())
            : -gap;
        var wInd = options.Indicators
            ? Math.Max(HeaderWidth("指标", "Indicators"), framework.Indicators.Select(i => Width(i.NameZh, i.NameEn, " (+)")).DefaultIfEmpty(80).Max())
            : 0;
        wElem = Math.Max(wElem, HeaderWidth("维度", "Dimensions"));
        var wPol = hasPolicy
            ? policies.SelectMany(p => (p.Task is null ? [] : new[] { p.Task }).Concat(p.Measures)).Select(m => Width(m.NameZh, m.NameEn, "把握：")).DefaultIfEmpty(80).Max()
            : 0;
        var xRoot = left;
        var xDriver = xRoot + wRoot + gap;
        var xElem = xDriver + wDriver + gap;
        var xSub = xElem + wElem + gap;
        var xInd = xSub + wSub + gap;
        var xPol = (options.Indicators ? xInd + wInd : xSub + wSub) + gap;
        var width = (hasPolicy ? xPol + wPol : xPol - gap) + left;

        var boxes = new List<Box>();
        var edges = new List<(Box From, Box To, string Stroke, bool Dashed)>();
        var bands = new List<(double Y, double H, int Color)>();

        var y = top;
        var elementBoxes = new List<Box>();
        for (var e = 0; e < elements.Count; e++)
        {
            var color = e % BandColors.Length;
            var bandH = bandRows[e] * (rowH + rowGap) + rowGap;
            bands.Add((y, bandH, color));
            var rowY = y + rowGap;
            var subBoxes = new List<Box>();
            foreach (var (sub, inds) in subRows[e])
            {
                var n = options.Indicators ? Math.Max(1, inds.Count) : 1;
                var blockTop = rowY;
                if (options.Indicators)
                    foreach (var ind in inds)
                    {
                        var sign = ind.Direction == IndicatorDirection.Benefit ? " (+)" : " (−)";
                        var ib = new Box(Main(ind.NameZh, ind.NameEn) + sign, "", Second(ind.NameZh, ind.NameEn), xInd, rowY, wInd, rowH, "#ffffff", StrokeColors[color], false,
                            $"{ind.Column}: {ind.NameZh} / {ind.NameEn}" + (ind.Unit is null ? "" : $" [{ind.Unit}]"));
                        boxes.Add(ib);
                        rowY += rowH + rowGap;
                        subBoxes.Add(ib);
                    }
                else rowY += rowH + rowGap;
                var sy = blockTop + (n * (rowH + rowGap) - rowGap) / 2 - rowH / 2;
                var sb = new Box(Main(sub.NameZh, sub.NameEn), "", Second(sub.NameZh, sub.NameEn), xSub, sy, wSub, rowH, "#ffffff", StrokeColors[color], false, sub.Id);
                if (!ReferenceEquals(sub, elements[e])) boxes.Add(sb);
                if (options.Indicators)
                    foreach (var ib in subBoxes) edges.Add((ReferenceEquals(sub, elements[e]) ? null! : sb, ib, StrokeColors[color], false));
                subBoxes.Clear();
                if (!ReferenceEquals(sub, elements[e])) subBoxes.Add(sb);
                foreach (var b in subBoxes) edges.Add((null!, b, StrokeColors[color], false));
                subBoxes.Clear();
            }
            var ey = y + bandH / 2 - rowH / 2;
            var eb = new Box(Main(elements[e].NameZh, elements[e].NameEn), "", Second(elements[e].NameZh, elements[e].NameEn), xElem, ey, wElem, rowH, BandColors[color], StrokeColors[color], true, elements[e].Id);
            boxes.Add(eb);
            elementBoxes.Add(eb);
            // Connect element → its sub-dimensions (and directly held indicators).
            for (var k = 0; k < edges.Count; k++)
                if (edges[k].From is null) edges[k] = (eb, edges[k].To, edges[k].Stroke, false);
            if (hasPolicy)
            {
                var (task, measures) = policies[e];
                var items = new List<(PolicyMeasure M, bool IsTask)>();
                if (task is not null) items.Add((task, true));
                items.AddRange(measures.Select(mm => (mm, false)));
                var py = y + bandH / 2 - (items.Count * (rowH + rowGap) - rowGap) / 2;
                foreach (var (mm, isTask) in items)
                {
                    var prefixZh = isTask ? "把握：" : "";
                    var prefixEn = isTask ? "Task: " : "";
                    boxes.Add(new Box(Main(prefixZh + mm.NameZh, prefixEn + mm.NameEn), "", Second(prefixZh + mm.NameZh, prefixEn + mm.NameEn), xPol, py, wPol, rowH,
                        isTask ? BandColors[color] : "#ffffff", StrokeColors[color], isTask, isTask ? "policy task (把握三个点)" : "national policy measure (国家层面政策举措)"));
                    py += rowH + rowGap;
                }
            }
            y += bandH + 14;
        }
        var contentBottom = y;
        var mid = (top + contentBottom - 14) / 2;

        // Drivers, NQPF and the TFP core marker.
        var driverBoxes = new List<Box>();
        var dy = mid - (Drivers.Count * (rowH + 16) - 16) / 2;
        foreach (var d in Drivers)
        {
            var db = new Box(Main(d.NameZh, d.NameEn), "", Second(d.NameZh, d.NameEn), xDriver, dy, wDriver, rowH, "#fff8dc", "#a67c00", false, "driver (催生)");
            boxes.Add(db);
            driverBoxes.Add(db);
            dy += rowH + 16;
        }
        var rootBox = new Box(Main(Root.NameZh, Root.NameEn), "", Second(Root.NameZh, Root.NameEn), xRoot, mid - rowH / 2 - 10, wRoot, rowH + 20, "#b22222", "#7f1010", true, "NQPF");
        boxes.Add(rootBox);
        var markerLines = Wrap(Main(CoreMarker.NameZh, CoreMarker.NameEn), wRoot - 2 * pad, fs, TextWidth);
        var markerEn = two ? Wrap(CoreMarker.NameEn, wRoot - 2 * pad, fsSmall, TextWidth) : [];
        var markerH = markerLines.Count * (fs + 4) + markerEn.Count * (fsSmall + 3) + 2 * pad;
        var marker = new Box(string.Join("\n", markerLines), "", markerEn.Count == 0 ? null : string.Join("\n", markerEn), xRoot, rootBox.Y + rootBox.H + 30, wRoot, markerH, "#fff0f0", "#b22222", true, "TFP core marker");
        boxes.Add(marker);
        foreach (var db in driverBoxes)
        {
            edges.Add((rootBox, db, "#a67c00", false));
            foreach (var eb in elementBoxes) edges.Add((db, eb, "#c9b37a", false));
        }
        var height = Math.Max(contentBottom, marker.Y + marker.H + 20) + 40;

        var sb2 = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        string F(double v) => v.ToString("0.#", inv);
        sb2.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" font-family=\"{Esc(FontFamily)}\" role=\"img\">\n");
        sb2.Append($"  <title>{Esc(Main("新质生产力逻辑关系图", "NQPF logic diagram"))}: {Esc(Main(framework.NameZh, framework.NameEn))}</title>\n");
        sb2.Append("  <rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        sb2.Append($"  <text x=\"{F(left)}\" y=\"26\" font-size=\"17\" font-weight=\"bold\" fill=\"#222\">{Esc(Main("新质生产力逻辑关系图", "NQPF logic diagram") + (two ? " · NQPF logic diagram" : ""))}</text>\n");
        sb2.Append($"  <text x=\"{F(left)}\" y=\"44\" font-size=\"11\" fill=\"#555\">{Esc(Main(BasicContent.NameZh, BasicContent.NameEn))} — {Esc(Main(framework.NameZh, framework.NameEn))}</text>\n");
        // Column headers.
        void Header(double x, string zh, string en) =>
            sb2.Append($"  <text x=\"{F(x)}\" y=\"{F(top - 10)}\" font-size=\"11\" fill=\"#666\">{Esc(two ? zh + " " + en : Main(zh, en))}</text>\n");
        Header(xDriver, "催生动力", "Drivers");
        Header(xElem, framework.Id == "nqpf-policy" ? "三要素" : "维度", framework.Id == "nqpf-policy" ? "Elements" : "Dimensions");
        if (hasSub) Header(xSub, "二级维度", "Sub-dimensions");
        if (options.Indicators) Header(xInd, "指标", "Indicators");
        if (hasPolicy) Header(xPol, "政策举措", "Policy measures");
        foreach (var (by, bh, c) in bands)
            sb2.Append($"  <rect x=\"{F(xElem - 10)}\" y=\"{F(by)}\" width=\"{F(width - xElem - left + 20 - 10)}\" height=\"{F(bh)}\" rx=\"8\" fill=\"{BandColors[c]}\" fill-opacity=\"0.55\"/>\n");
        sb2.Append("  <g fill=\"none\" stroke-width=\"1.2\">\n");
        foreach (var (from, to, stroke, dashed) in edges)
        {
            if (from is null) continue;
            var x1 = from.X + from.W;
            var x2 = to.X;
            var dx = (x2 - x1) / 2;
            sb2.Append($"    <path d=\"M{F(x1)},{F(from.Cy)} C{F(x1 + dx)},{F(from.Cy)} {F(x2 - dx)},{F(to.Cy)} {F(x2)},{F(to.Cy)}\" stroke=\"{stroke}\"{(dashed ? " stroke-dasharray=\"4 3\"" : "")}/>\n");
        }
        sb2.Append($"    <path d=\"M{F(rootBox.X + rootBox.W / 2)},{F(rootBox.Y + rootBox.H)} L{F(marker.X + marker.W / 2)},{F(marker.Y)}\" stroke=\"#b22222\" stroke-dasharray=\"4 3\"/>\n");
        sb2.Append("  </g>\n");
        foreach (var b in boxes)
        {
            var isRoot = ReferenceEquals(b, rootBox);
            sb2.Append("  <g>");
            if (b.Title is not null) sb2.Append($"<title>{Esc(b.Title)}</title>");
            sb2.Append($"<rect x=\"{F(b.X)}\" y=\"{F(b.Y)}\" width=\"{F(b.W)}\" height=\"{F(b.H)}\" rx=\"{(isRoot ? 10 : 5)}\" fill=\"{b.Fill}\" stroke=\"{b.Stroke}\"/>");
            var mainLines = b.Zh.Split('\n');
            var subLines = b.Sub?.Split('\n') ?? [];
            var total = mainLines.Length * (fs + 4) + subLines.Length * (fsSmall + 3);
            var ty = b.Y + (b.H - total) / 2 + fs;
            var color = isRoot ? "#ffffff" : "#1a1a1a";
            var subColor = isRoot ? "#ffe9e9" : "#555555";
            foreach (var line in mainLines)
            {
                sb2.Append($"<text x=\"{F(b.X + pad)}\" y=\"{F(ty)}\" font-size=\"{F(fs)}\"{(b.Bold ? " font-weight=\"bold\"" : "")} fill=\"{color}\">{Esc(line)}</text>");
                ty += fs + 4;
            }
            ty += fsSmall - fs + 1;
            foreach (var line in subLines)
            {
                sb2.Append($"<text x=\"{F(b.X + pad)}\" y=\"{F(ty)}\" font-size=\"{F(fsSmall)}\" fill=\"{subColor}\">{Esc(line)}</text>");
                ty += fsSmall + 3;
            }
            sb2.Append("</g>\n");
        }
        sb2.Append($"  <text x=\"{F(left)}\" y=\"{F(height - 14)}\" font-size=\"10\" fill=\"#888\">{Esc("Source: definition of NQPF (CPC Politburo, 2024-01-31) and national policy measures as in the March 2024 digest; framework " + framework.Id + " v" + framework.Version + ". Drawn by Xinzhi.")}</text>\n");
        sb2.Append("</svg>\n");
        return sb2.ToString();
    }

    private static List<string> Wrap(string text, double maxWidth, double size, Func<string?, double, double> measure)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var token in Tokens(text))
        {
            if (current.Length > 0 && measure(current + token, size) > maxWidth)
            {
                lines.Add(current.ToString().TrimEnd());
                current.Clear();
                if (token == " ") continue;
            }
            current.Append(token);
        }
        if (current.Length > 0) lines.Add(current.ToString().TrimEnd());
        return lines;
    }

    /// <summary>Splits into words (Latin) and single characters (CJK) so wrapping breaks at either.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (c >= 0x2E80 || c == ' ')
            {
                if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
                yield return c.ToString();
            }
            else word.Append(c);
        }
        if (word.Length > 0) yield return word.ToString();
    }

    /// <summary>Renders the diagram as Mermaid <c>flowchart LR</c> text.</summary>
    public static string Mermaid(Framework framework, DiagramOptions? options = null)
    {
        options ??= new DiagramOptions();
        string Label(string zh, string en) => options.Language switch
        {
            DiagramLanguage.Zh => zh,
            DiagramLanguage.En => en,
            _ => zh + "<br/>" + en,
        };
        string Q(string s) => "\"" + s.Replace("\"", "#quot;") + "\"";
        var sb = new StringBuilder();
        sb.Append("%% ").Append(options.Language == DiagramLanguage.En ? "NQPF logic diagram" : "新质生产力逻辑关系图 NQPF logic diagram")
          .Append(" — ").Append(framework.Id).Append(" v").Append(framework.Version).Append('\n');
        sb.Append("flowchart LR\n");
        sb.Append("  nqpf[").Append(Q(Label(Root.NameZh, Root.NameEn))).Append("]\n");
        sb.Append("  tfp([").Append(Q(Label(CoreMarker.NameZh, CoreMarker.NameEn))).Append("])\n");
        sb.Append("  nqpf -.- tfp\n");
        for (var d = 0; d < Drivers.Count; d++)
        {
            sb.Append($"  driver{d + 1}[").Append(Q(Label(Drivers[d].NameZh, Drivers[d].NameEn))).Append("]\n");
            sb.Append($"  nqpf --> driver{d + 1}\n");
        }
        var e = 0;
        foreach (var element in framework.Nodes)
        {
            var eid = "e_" + Id(element.Id);
            sb.Append($"  subgraph band{e}[\" \"]\n");
            sb.Append($"    {eid}[").Append(Q(Label(element.NameZh, element.NameEn))).Append("]\n");
            void Walk(FrameworkNode node, string parentId)
            {
                foreach (var ind in node.Indicators)
                {
                    if (!options.Indicators) continue;
                    var iid = "i_" + Id(ind.Column);
                    var sign = ind.Direction == IndicatorDirection.Benefit ? " (+)" : " (−)";
                    sb.Append($"    {iid}[").Append(Q(Label(ind.NameZh + sign, ind.NameEn))).Append("]\n");
                    sb.Append($"    {parentId} --> {iid}\n");
                }
                foreach (var c in node.Children)
                {
                    var cid = "n_" + Id(c.Id);
                    sb.Append($"    {cid}[").Append(Q(Label(c.NameZh, c.NameEn))).Append("]\n");
                    sb.Append($"    {parentId} --> {cid}\n");
                    Walk(c, cid);
                }
            }
            Walk(element, eid);
            var (task, measures) = PolicyOf(element);
            var k = 0;
            if (task is not null)
            {
                sb.Append($"    {eid}_task{{{{").Append(Q(Label("把握：" + task.NameZh, "Task: " + task.NameEn))).Append("}}\n");
                sb.Append($"    {eid} -.- {eid}_task\n");
            }
            foreach (var mm in measures)
            {
                sb.Append($"    {eid}_p{++k}>").Append(Q(Label(mm.NameZh, mm.NameEn))).Append("]\n");
                sb.Append($"    {eid} -.- {eid}_p{k}\n");
            }
            sb.Append("  end\n");
            for (var d = 0; d < Drivers.Count; d++) sb.Append($"  driver{d + 1} --> {eid}\n");
            e++;
        }
        sb.Append("  style nqpf fill:#b22222,color:#ffffff,stroke:#7f1010\n");
        sb.Append("  style tfp fill:#fff0f0,stroke:#b22222\n");
        return sb.ToString();
    }

    private static string Id(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s) sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return sb.ToString();
    }

    private static string Esc(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&apos;");
}
