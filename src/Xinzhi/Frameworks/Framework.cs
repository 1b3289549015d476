namespace Xinzhi.Frameworks;

/// <summary>
/// An indicator framework (指标体系): a tree of dimensions whose leaves are indicators, loaded from YAML
/// (contract A). Immutable; node ids and indicator columns are unique within a framework.
/// </summary>
public sealed record Framework
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    /// <summary>verified | unverified (a literature template not checked against the paper's table).</summary>
    public required FrameworkStatus Status { get; init; }

    public required string Source { get; init; }

    public string? DescriptionEn { get; init; }

    public string? DescriptionZh { get; init; }

    /// <summary>Top-level nodes (dimensions).</summary>
    public required IReadOnlyList<FrameworkNode> Nodes { get; init; }

    /// <summary>Where the framework was loaded from (file path or <c>builtin:NAME</c>).</summary>
    public string Origin { get; init; } = "";

    /// <summary>SHA-256 of the YAML text, for provenance.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>Non-fatal remarks from loading (e.g. unknown keys that were ignored).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Every indicator in depth-first order (a node's own indicators before its children's).</summary>
    public IReadOnlyList<FrameworkIndicator> Indicators => _indicators ??= Collect();

    /// <summary>Every node in pre-order (parents before children).</summary>
    public IReadOnlyList<FrameworkNode> AllNodes => _allNodes ??= CollectNodes();

    private IReadOnlyList<FrameworkIndicator>? _indicators;
    private IReadOnlyList<FrameworkNode>? _allNodes;

    /// <summary>The node path ("laborers/laborer-skill") of the node that directly holds an indicator column.</summary>
    public (FrameworkNode Node, string Path) ParentOf(string column)
    {
        foreach (var (node, path) in WalkWithPath())
            foreach (var ind in node.Indicators)
                if (ind.Column == column) return (node, path);
        throw new KeyNotFoundException($"indicator column '{column}' is not in framework '{Id}'");
    }

    /// <summary>Nodes in pre-order with their '/'-joined id paths from the top.</summary>
    public IEnumerable<(FrameworkNode Node, string Path)> WalkWithPath()
    {
        var stack = new Stack<(FrameworkNode, string)>();
        for (var k = Nodes.Count - 1; k >= 0; k--) stack.Push((Nodes[k], Nodes[k].Id));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            yield return (node, path);
            for (var k = node.Children.Count - 1; k >= 0; k--)
                stack.Push((node.Children[k], path + "/" + node.Children[k].Id));
        }
    }

    private List<FrameworkIndicator> Collect()
    {
        var list = new List<FrameworkIndicator>();
        foreach (var (node, _) in WalkWithPath()) list.AddRange(node.Indicators);
        return list;
    }

    private List<FrameworkNode> CollectNodes() => WalkWithPath().Select(p => p.Node).ToList();
}

/// <summary>Whether a framework's indicator table was checked against its source.</summary>
public enum FrameworkStatus
{
    Verified,
    Unverified,
}

/// <summary>A dimension or sub-dimension: has child nodes, indicators, or both.</summary>
public sealed record FrameworkNode
{
    public required string Id { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    public IReadOnlyList<FrameworkNode> Children { get; init; } = [];

    public IReadOnlyList<FrameworkIndicator> Indicators { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>Optional: the national policy measures (政策举措) this node maps to, for the logic diagram.</summary>
    public IReadOnlyList<PolicyMeasure> PolicyMeasures { get; init; } = [];

    /// <summary>Optional: the policy task (把握三个点) this element stands for, e.g. 打造新型劳动者队伍.</summary>
    public PolicyMeasure? Task { get; init; }

    /// <summary>All indicators in this node's subtree.</summary>
    public IEnumerable<FrameworkIndicator> SubtreeIndicators()
    {
        foreach (var i in Indicators) yield return i;
        foreach (var c in Children)
            foreach (var i in c.SubtreeIndicators()) yield return i;
    }
}

/// <summary>A bilingual label used by the policy annotations of a framework.</summary>
public sealed record PolicyMeasure(string NameZh, string NameEn);

/// <summary>Direction of an indicator: larger is better (+, 正向) or smaller is better (−, 负向).</summary>
public enum IndicatorDirection
{
    Benefit,
    Cost,
}

/// <summary>A leaf indicator: a data column with its direction, unit and source.</summary>
public sealed record FrameworkIndicator
{
    public required string Column { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    public required IndicatorDirection Direction { get; init; }

    public string? Unit { get; init; }

    public string? Source { get; init; }

    public string? Note { get; init; }

    /// <summary>"+" or "-".</summary>
    public string DirectionSymbol => Direction == IndicatorDirection.Benefit ? "+" : "-";
}
