using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Xinzhi.Frameworks;

/// <summary>
/// Loads indicator frameworks from YAML (contract A) with validation that names the file and line of every
/// problem, and resolves <c>builtin:NAME</c> to the embedded resource <c>frameworks/NAME.yaml</c>.
/// </summary>
public static class FrameworkLoader
{
    private const string ResourcePrefix = "frameworks/";
    private const string BuiltinPrefix = "builtin:";

    private static readonly HashSet<string> FrameworkKeys =
        ["id", "version", "name_zh", "name_en", "status", "source", "description_en", "description_zh", "nodes"];

    private static readonly HashSet<string> NodeKeys =
        ["id", "name_zh", "name_en", "children", "indicators", "note", "policy_measures", "task", "description_en", "description_zh"];

    private static readonly HashSet<string> IndicatorKeys =
        ["column", "name_zh", "name_en", "direction", "unit", "source", "note"];

    /// <summary>Names of the built-in frameworks (without the <c>builtin:</c> prefix), sorted.</summary>
    public static IReadOnlyList<string> BuiltinNames() =>
        typeof(FrameworkLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Loads <c>builtin:NAME</c> or a YAML file path.</summary>
    public static Framework Resolve(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        if (spec.StartsWith(BuiltinPrefix, StringComparison.OrdinalIgnoreCase)) return LoadBuiltin(spec[BuiltinPrefix.Length..]);
        if (!File.Exists(spec))
            throw new SpecificationException(
                $"framework file '{spec}' does not exist (built-ins: {string.Join(", ", BuiltinNames().Select(n => BuiltinPrefix + n))})");
        return Load(spec);
    }

    public static Framework LoadBuiltin(string name)
    {
        using var stream = typeof(FrameworkLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml")
            ?? throw new SpecificationException(
                $"no built-in framework '{name}'; available: {string.Join(", ", BuiltinNames())}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), BuiltinPrefix + name);
    }

    public static Framework Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>Parses and validates YAML text; every problem is reported at once with file and line.</summary>
    public static Framework Parse(string yaml, string source)
    {
        var issues = new List<DataIssue>();
        YamlStream stream = new();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new DataValidationException(new DataIssue(source, (int)e.Start.Line, null, "YAML syntax error: " + e.Message));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new DataValidationException(new DataIssue(source, 1, null, "the framework must be a YAML mapping with id, name_zh, name_en, nodes"));

        var ctx = new ParseContext(source, issues);
        ctx.CheckKeys(root, FrameworkKeys, "framework");
        var id = ctx.RequiredString(root, "id");
        var statusText = ctx.OptionalString(root, "status");
        if (statusText is null)
        {
            // Claiming "verified" by default would be dishonest for a file that does not say so.
            ctx.Warnings.Add($"{source}: no 'status' given; treated as unverified");
            statusText = "unverified";
        }
        var status = FrameworkStatus.Verified;
        if (statusText == "unverified") status = FrameworkStatus.Unverified;
        else if (statusText != "verified")
            ctx.Add(ctx.Child(root, "status") ?? root, "status", $"'{statusText}' is not one of verified, unverified");
        if (!string.IsNullOrEmpty(id) && !IsKebab(id)) ctx.Add(ctx.Child(root, "id")!, "id", $"'{id}' is not kebab-case (a-z, 0-9, '-')");

        var nodes = new List<FrameworkNode>();
        var nodesNode = ctx.Child(root, "nodes");
        if (nodesNode is YamlSequenceNode seq && seq.Children.Count > 0)
            foreach (var n in seq.Children) { var fn = ctx.ParseNode(n); if (fn is not null) nodes.Add(fn); }
        else ctx.Add(nodesNode ?? root, "nodes", "a non-empty list of nodes is required");

        var framework = new Framework
        {
            Id = id,
            Version = ctx.OptionalString(root, "version") ?? "",
            NameZh = ctx.RequiredString(root, "name_zh"),
            NameEn = ctx.RequiredString(root, "name_en"),
            Status = status,
            Source = ctx.OptionalString(root, "source") ?? "",
            DescriptionEn = ctx.OptionalString(root, "description_en"),
            DescriptionZh = ctx.OptionalString(root, "description_zh"),
            Nodes = nodes,
            Origin = source,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml))),
            Warnings = ctx.Warnings,
        };

        if (issues.Count == 0 && framework.Indicators.Count == 0)
            ctx.Add(root, "nodes", "the framework has no indicators");
        if (issues.Count > 0) throw new DataValidationException(issues);
        return framework;
    }

    internal static bool IsKebab(string s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s)
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.')) return false;
        return true;
    }

    private sealed class ParseContext(string source, List<DataIssue> issues)
    {
        private readonly Dictionary<string, int> _nodeIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

        public List<string> Warnings { get; } = [];

        public void Add(YamlNode at, string? key, string message) =>
            issues.Add(new DataIssue(source, (int)at.Start.Line, key, message));

        public YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

        public void CheckKeys(YamlMappingNode map, HashSet<string> known, string what)
        {
            foreach (var k in map.Children.Keys)
            {
                var key = (k as YamlScalarNode)?.Value ?? "";
                if (!known.Contains(key))
                    Warnings.Add($"{source}, line {k.Start.Line}: unknown {what} key '{key}' ignored (known: {string.Join(", ", known)})");
            }
        }

        public string RequiredString(YamlMappingNode map, string key)
        {
            var v = Child(map, key);
            if (v is YamlScalarNode { Value: { } s } && !string.IsNullOrWhiteSpace(s)) return s.Trim();
            Add(v ?? map, key, v is null ? $"required key '{key}' is missing" : $"'{key}' must be a non-empty text value");
            return "";
        }

        public string? OptionalString(YamlMappingNode map, string key)
        {
            var v = Child(map, key);
            if (v is null) return null;
            if (v is YamlScalarNode s) return string.IsNullOrWhiteSpace(s.Value) ? null : s.Value!.Trim();
            Add(v, key, $"'{key}' must be a text value");
            return null;
        }

        public FrameworkNode? ParseNode(YamlNode yaml)
        {
            if (yaml is not YamlMappingNode map)
            {
                Add(yaml, null, "a node must be a mapping with id, name_zh, name_en and children and/or indicators");
                return null;
            }
            CheckKeys(map, NodeKeys, "node");
            var id = RequiredString(map, "id");
            if (id.Length > 0)
            {
                if (!IsKebab(id)) Add(Child(map, "id")!, "id", $"node id '{id}' is not kebab-case (a-z, 0-9, '-')");
                if (_nodeIds.TryGetValue(id, out var line)) Add(Child(map, "id")!, "id", $"duplicate node id '{id}' (first at line {line})");
                else _nodeIds[id] = (int)map.Start.Line;
            }
            var children = new List<FrameworkNode>();
            var indicators = new List<FrameworkIndicator>();
            if (Child(map, "children") is { } ch)
            {
                if (ch is YamlSequenceNode cs) foreach (var c in cs.Children) { var n = ParseNode(c); if (n is not null) children.Add(n); }
                else Add(ch, "children", "'children' must be a list of nodes");
            }
            if (Child(map, "indicators") is { } inds)
            {
                if (inds is YamlSequenceNode s) foreach (var c in s.Children) { var i = ParseIndicator(c); if (i is not null) indicators.Add(i); }
                else Add(inds, "indicators", "'indicators' must be a list of indicators");
            }
            if (children.Count == 0 && indicators.Count == 0)
                Add(map, "children", $"node '{id}' has neither children nor indicators");
            var measures = new List<PolicyMeasure>();
            if (Child(map, "policy_measures") is { } pm)
            {
                if (pm is YamlSequenceNode ps) foreach (var p in ps.Children) { var m = ParseMeasure(p); if (m is not null) measures.Add(m); }
                else Add(pm, "policy_measures", "'policy_measures' must be a list of {name_zh, name_en}");
            }
            var task = Child(map, "task") is { } t ? ParseMeasure(t) : null;
            return new FrameworkNode
            {
                Id = id,
                NameZh = RequiredString(map, "name_zh"),
                NameEn = RequiredString(map, "name_en"),
                Children = children,
                Indicators = indicators,
                Note = OptionalString(map, "note"),
                PolicyMeasures = measures,
                Task = task,
            };
        }

        private PolicyMeasure? ParseMeasure(YamlNode yaml)
        {
            if (yaml is not YamlMappingNode map)
            {
                Add(yaml, null, "a policy measure must be a mapping with name_zh and name_en");
                return null;
            }
            return new PolicyMeasure(RequiredString(map, "name_zh"), RequiredString(map, "name_en"));
        }

        private FrameworkIndicator? ParseIndicator(YamlNode yaml)
        {
            if (yaml is not YamlMappingNode map)
            {
                Add(yaml, null, "an indicator must be a mapping with column, name_zh, name_en, direction");
                return null;
            }
            CheckKeys(map, IndicatorKeys, "indicator");
            var column = RequiredString(map, "column");
            if (column.Length > 0)
            {
                if (_columns.TryGetValue(column, out var line))
                    Add(Child(map, "column")!, "column", $"indicator column '{column}' appears twice (first at line {line})");
                else _columns[column] = (int)map.Start.Line;
            }
            var dirNode = Child(map, "direction");
            var dirText = (dirNode as YamlScalarNode)?.Value?.Trim();
            IndicatorDirection direction = IndicatorDirection.Benefit;
            switch (dirText)
            {
                case "+" or "+1" or "1" or "positive" or "benefit" or "正向": direction = IndicatorDirection.Benefit; break;
                case "-" or "-1" or "\u2212" or "negative" or "cost" or "负向": direction = IndicatorDirection.Cost; break;
                case null or "" when dirNode is not null and not YamlScalarNode:
                    Add(dirNode, "direction", $"indicator '{column}': direction must be the text \"+\" or \"-\" (quote it: direction: \"-\")");
                    break;
                case null or "":
                    Add(dirNode ?? map, "direction", $"indicator '{column}' has no direction (give \"+\" or \"-\")");
                    break;
                default:
                    Add(dirNode!, "direction", $"indicator '{column}': direction '{dirText}' is not \"+\" or \"-\"");
                    break;
            }
            return new FrameworkIndicator
            {
                Column = column,
                NameZh = RequiredString(map, "name_zh"),
                NameEn = RequiredString(map, "name_en"),
                Direction = direction,
                Unit = OptionalString(map, "unit"),
                Source = OptionalString(map, "source"),
                Note = OptionalString(map, "note"),
            };
        }
    }
}
