using Xinzhi.Frameworks;

namespace Xinzhi.Indices;

/// <summary>One indicator of an index run: its data column, direction and place in the framework.</summary>
/// <param name="Node">Id of the framework node that holds it ("" without a framework).</param>
/// <param name="Path">'/'-joined node ids from the top ("" without a framework).</param>
public sealed record IndexIndicator(string Column, IndicatorDirection Direction, string NameZh, string NameEn, string Node, string Path)
{
    public string DirectionSymbol => Direction == IndicatorDirection.Benefit ? "+" : "-";
}

/// <summary>A node of the index hierarchy: its own indicators (indices into <see cref="IndexModel.Indicators"/>) and child nodes.</summary>
public sealed class IndexGroup
{
    public required string Id { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    public required string Path { get; init; }

    public required int[] Indicators { get; init; }

    public required IndexGroup[] Children { get; init; }

    /// <summary>Indices of every indicator in the subtree, ascending.</summary>
    public int[] SubtreeIndicators => _subtree ??= Collect();

    private int[]? _subtree;

    private int[] Collect()
    {
        var list = new List<int>(Indicators);
        foreach (var c in Children) list.AddRange(c.SubtreeIndicators);
        list.Sort();
        return list.ToArray();
    }
}

/// <summary>What an index aggregates: the indicators and their hierarchy (a framework, or a flat list).</summary>
public sealed class IndexModel
{
    private IndexModel(IReadOnlyList<IndexIndicator> indicators, IndexGroup root, Framework? framework)
    {
        Indicators = indicators;
        Root = root;
        Framework = framework;
        var nodes = new List<IndexGroup>();
        void Walk(IndexGroup g) { foreach (var c in g.Children) { nodes.Add(c); Walk(c); } }
        Walk(root);
        Nodes = nodes;
    }

    public IReadOnlyList<IndexIndicator> Indicators { get; }

    /// <summary>Synthetic root whose children are the framework's top-level nodes (or whose indicators are the flat list).</summary>
    public IndexGroup Root { get; }

    /// <summary>The framework's nodes in pre-order (no root); empty for a flat indicator list.</summary>
    public IReadOnlyList<IndexGroup> Nodes { get; }

    public Framework? Framework { get; }

    public string[] Columns => Indicators.Select(i => i.Column).ToArray();

    public static IndexModel FromFramework(Framework framework)
    {
        var indicators = new List<IndexIndicator>();
        IndexGroup Build(FrameworkNode node, string path)
        {
            var own = new List<int>();
            foreach (var ind in node.Indicators)
            {
                own.Add(indicators.Count);
                indicators.Add(new IndexIndicator(ind.Column, ind.Direction, ind.NameZh, ind.NameEn, node.Id, path));
            }
            var children = node.Children.Select(c => Build(c, path + "/" + c.Id)).ToArray();
            return new IndexGroup { Id = node.Id, NameZh = node.NameZh, NameEn = node.NameEn, Path = path, Indicators = own.ToArray(), Children = children };
        }
        var top = framework.Nodes.Select(n => Build(n, n.Id)).ToArray();
        var root = new IndexGroup { Id = framework.Id, NameZh = framework.NameZh, NameEn = framework.NameEn, Path = "", Indicators = [], Children = top };
        return new IndexModel(indicators, root, framework);
    }

    /// <summary>Parses <c>"+a,+b,-c"</c>: every item needs a sign (+ benefit, − cost).</summary>
    public static IndexModel FromIndicatorList(string text)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0) throw new SpecificationException("--indicators: give a list like \"+a,+b,-c\"");
        var list = new List<IndexIndicator>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var sign = item[0];
            var name = item[1..].Trim();
            IndicatorDirection dir = sign switch
            {
                '+' => IndicatorDirection.Benefit,
                '-' or '\u2212' => IndicatorDirection.Cost,
                _ => throw new SpecificationException($"--indicators: '{item}' needs a direction sign: +{item} (larger is better) or -{item} (smaller is better)"),
            };
            if (name.Length == 0) throw new SpecificationException($"--indicators: '{item}' has no column name");
            if (!seen.Add(name)) throw new SpecificationException($"--indicators: column '{name}' is listed twice");
            list.Add(new IndexIndicator(name, dir, name, name, "", ""));
        }
        var root = new IndexGroup { Id = "index", NameZh = "指数", NameEn = "Index", Path = "", Indicators = Enumerable.Range(0, list.Count).ToArray(), Children = [] };
        return new IndexModel(list, root, null);
    }
}
