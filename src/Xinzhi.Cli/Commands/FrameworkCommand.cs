using System.CommandLine;
using Spectre.Console;
using Xinzhi.Data;
using Xinzhi.Frameworks;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi framework list|show|validate|diagram</c>: indicator frameworks (指标体系).</summary>
public sealed class FrameworkCommand : ICliVerb
{
    public int Order => 11;

    public Command Create(CliContext context)
    {
        var cmd = new Command("framework", "Indicator frameworks (指标体系): list the built-ins, show a tree, validate against data, draw the NQPF logic diagram.");
        cmd.Subcommands.Add(List(context));
        cmd.Subcommands.Add(Show(context));
        cmd.Subcommands.Add(Validate(context));
        cmd.Subcommands.Add(Diagram(context));
        return cmd;
    }

    private static Command List(CliContext context)
    {
        var cmd = new Command("list", "List the built-in frameworks.");
        cmd.SetAction(_ => XinzhiCli.Guard(context, () =>
        {
            var table = new Table();
            foreach (var c in new[] { "name", "status", "indicators", "name_zh", "name_en" }) table.AddColumn(c);
            foreach (var name in FrameworkLoader.BuiltinNames())
            {
                var f = FrameworkLoader.LoadBuiltin(name);
                table.AddRow(Markup.Escape("builtin:" + name), f.Status.ToString().ToLowerInvariant(), f.Indicators.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(f.NameZh), Markup.Escape(f.NameEn));
            }
            context.Console.Write(table);
            return 0;
        }));
        return cmd;
    }

    private static Command Show(CliContext context)
    {
        var cmd = new Command("show", "Print a framework as a tree (Chinese and English names, directions, units).");
        var spec = new Argument<string>("FRAMEWORK") { Description = "builtin:NAME or a YAML file." };
        cmd.Arguments.Add(spec);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var f = FrameworkLoader.Resolve(parse.GetValue(spec)!);
            var tree = new Tree(Markup.Escape($"{f.NameZh} {f.NameEn}") + $" [grey]({Markup.Escape(f.Id)} v{Markup.Escape(f.Version)}, {f.Status.ToString().ToLowerInvariant()})[/]");
            void Add(IHasTreeNodes parent, FrameworkNode node)
            {
                var t = parent.AddNode($"[bold]{Markup.Escape(node.NameZh)}[/] {Markup.Escape(node.NameEn)} [grey][[{Markup.Escape(node.Id)}]][/]");
                foreach (var ind in node.Indicators)
                    t.AddNode($"{(ind.Direction == IndicatorDirection.Benefit ? "[green]+[/]" : "[red]-[/]")} {Markup.Escape(ind.Column)} — {Markup.Escape(ind.NameZh)} / {Markup.Escape(ind.NameEn)}" +
                              (ind.Unit is null ? "" : $" [grey]({Markup.Escape(ind.Unit)})[/]"));
                foreach (var c in node.Children) Add(t, c);
                if (node.Task is { } task) t.AddNode($"[grey]把握 Task: {Markup.Escape(task.NameZh)} / {Markup.Escape(task.NameEn)}[/]");
                foreach (var m in node.PolicyMeasures) t.AddNode($"[grey]政策举措 Policy: {Markup.Escape(m.NameZh)} / {Markup.Escape(m.NameEn)}[/]");
            }
            foreach (var n in f.Nodes) Add(tree, n);
            context.Console.Write(tree);
            context.Console.MarkupLine($"[grey]source: {Markup.Escape(f.Source)}[/]");
            if (f.Status == FrameworkStatus.Unverified)
                context.Console.MarkupLine("[yellow]unverified template: indicators not checked against the paper's table[/]");
            foreach (var w in f.Warnings) context.Error.WriteLine("warning: " + w);
            return 0;
        }));
        return cmd;
    }

    private static Command Validate(CliContext context)
    {
        var cmd = new Command("validate", "Check a framework (structure, unique ids, directions) and optionally that a dataset has every indicator column, numeric and complete.");
        var spec = new Argument<string>("FRAMEWORK") { Description = "builtin:NAME or a YAML file." };
        var data = new Option<string?>("--data") { Description = "Data file to check against (CSV, XLSX, DTA)." };
        var id = new Option<string?>("--id") { Description = "Entity id column (with --data: also checks numbers, duplicates and missing values)." };
        var time = new Option<string?>("--time") { Description = "Period column." };
        var sheet = new Option<string?>("--sheet") { Description = "Worksheet of an XLSX file." };
        var encoding = new Option<string?>("--encoding") { Description = "Text encoding of a CSV file (default: detect)." };
        var fill = new Option<string>("--fill") { Description = "Missing values: none (an error, default), interpolate, locf.", DefaultValueFactory = _ => "none" };
        cmd.Arguments.Add(spec);
        foreach (var o in new Option[] { data, id, time, sheet, encoding, fill }) cmd.Options.Add(o);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var f = FrameworkLoader.Resolve(parse.GetValue(spec)!);
            foreach (var w in f.Warnings) context.Error.WriteLine("warning: " + w);
            context.Console.MarkupLine($"framework [bold]{Markup.Escape(f.Id)}[/]: {f.AllNodes.Count} nodes, {f.Indicators.Count} indicators, every direction given" +
                                       (f.Status == FrameworkStatus.Unverified ? " [yellow](unverified template)[/]" : ""));
            if (parse.GetValue(data) is not { } path) return 0;
            var enc = parse.GetValue(encoding);
            var table = TableReader.Read(path, new ReadOptions(enc is null ? null : CsvTableReader.ResolveEncoding(enc), parse.GetValue(sheet)));
            var missing = f.Indicators.Where(i => !table.HasColumn(i.Column))
                .Select(i => new DataIssue(table.Source, 1, i.Column, $"indicator column missing ({i.NameZh} / {i.NameEn}); the header has: {string.Join(", ", table.ColumnNames)}"))
                .ToList();
            if (missing.Count > 0) throw new DataValidationException(missing);
            if (parse.GetValue(id) is { } idCol)
            {
                var load = PanelBuilder.Build(table, new PanelSpec(idCol, parse.GetValue(time), f.Indicators.Select(i => i.Column).ToArray(),
                    Fill: CliParse.Enum<FillMethod>(parse.GetValue(fill)!, "--fill")));
                foreach (var ind in f.Indicators)
                {
                    var v = load.Panel.Variable(ind.Column);
                    var min = double.PositiveInfinity; var max = double.NegativeInfinity;
                    foreach (var x in v) { if (x < min) min = x; if (x > max) max = x; }
                    if (min == max) context.Error.WriteLine($"warning: {table.Source}, column '{ind.Column}': constant ({min}); min-max standardisation cannot use it");
                    else if (min <= 0) context.Error.WriteLine($"warning: {table.Source}, column '{ind.Column}': has values ≤ 0; ratio standardisation needs positive values");
                }
                if (load.Fill.Total > 0) context.Error.WriteLine($"warning: {load.Fill.Total} missing value(s) would be filled by {CliParse.Kebab(load.Fill.Method.ToString())}");
                context.Console.MarkupLine($"data [bold]{Markup.Escape(path)}[/]: {load.Panel.RowCount} rows, {load.Panel.Entities.Length} entities, every indicator column present and numeric");
            }
            else context.Console.MarkupLine($"data [bold]{Markup.Escape(path)}[/]: every indicator column present");
            return 0;
        }));
        return cmd;
    }

    private static Command Diagram(CliContext context)
    {
        var cmd = new Command("diagram", "Draw the NQPF logic diagram (新质生产力逻辑关系图) from a framework: drivers → three elements → sub-dimensions → indicators, with policy measures and TFP as the core marker.");
        var spec = new Argument<string>("FRAMEWORK") { Description = "builtin:NAME or a YAML file (default builtin:nqpf-policy).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "builtin:nqpf-policy" };
        var format = new Option<string>("--format") { Description = "svg (default), mermaid, png.", DefaultValueFactory = _ => "svg" };
        var output = new Option<string?>("--out") { Description = "Output file (default: standard output for svg and mermaid)." };
        var lang = new Option<string>("--lang") { Description = "Labels: zh, en or both (default).", DefaultValueFactory = _ => "both" };
        var noIndicators = new Option<bool>("--no-indicators") { Description = "Stop at the sub-dimensions (for large frameworks)." };
        cmd.Arguments.Add(spec);
        foreach (var o in new Option[] { format, output, lang, noIndicators }) cmd.Options.Add(o);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var fwSpec = parse.GetValue(spec)!;
            var f = FrameworkLoader.Resolve(fwSpec);
            var language = CliParse.Enum<DiagramLanguage>(parse.GetValue(lang)!, "--lang");
            var options = new DiagramOptions(language, !parse.GetValue(noIndicators));
            var fmt = parse.GetValue(format)!.ToLowerInvariant();
            var text = fmt switch
            {
                "svg" => FrameworkDiagram.Svg(f, options),
                "mermaid" => FrameworkDiagram.Mermaid(f, options),
                "png" => throw new SpecificationException(
                    "--format png: no raster renderer is bundled with Xinzhi yet; write --format svg and convert it (e.g. 'rsvg-convert -o diagram.png diagram.svg' or a browser)"),
                _ => throw new SpecificationException($"--format: '{fmt}' is not one of svg, mermaid, png"),
            };
            if (parse.GetValue(output) is { } outPath)
            {
                AtomicFile.WriteAllText(outPath, text);
                var inputs = File.Exists(fwSpec) ? new List<InputFile> { RunRecord.Describe(fwSpec) } : [];
                new RunRecord
                {
                    Command = "xinzhi " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
                    Method = "framework-diagram/" + fmt,
                    Inputs = inputs,
                    Specification = new Dictionary<string, object?>
                    {
                        ["framework"] = f.Id, ["framework_version"] = f.Version, ["framework_sha256"] = f.Sha256, ["origin"] = f.Origin,
                        ["format"] = fmt, ["lang"] = CliParse.Kebab(language.ToString()), ["indicators"] = options.Indicators,
                    },
                    Outputs = [outPath],
                }.WriteTo(outPath + ".run.json");
                context.Console.MarkupLine($"wrote [bold]{Markup.Escape(outPath)}[/]");
            }
            else context.Console.Profile.Out.Writer.Write(text);
            return 0;
        }));
        return cmd;
    }
}
