using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Xinzhi.Reports.Pipeline;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi demo [--out DIR]</c>: the whole NQPF study on the shipped China provinces data — the project that
/// <c>xinzhi init</c> writes, run by the same pipeline as <c>xinzhi run</c>.
/// </summary>
public sealed class DemoCommand : ICliVerb
{
    public int Order => 1;

    public Command Create(CliContext context)
    {
        var cmd = new Command("demo",
            "The whole job on the shipped data (演示): NQPF index of China's provinces (entropy-TOPSIS) with its three elements, " +
            "green TFP (SBM, CO₂ as bad output, GML), Dagum, kernel densities, coupling coordination, obstacles, GM(1,1) " +
            "forecasts; writes index.html, results.xlsx, figures/, run.json.");
        var output = new Option<string>("--out")
        {
            Description = "Output directory (default xinzhi-report).",
            DefaultValueFactory = _ => "xinzhi-report",
        };
        cmd.Options.Add(output);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var project = ProjectFile.Parse(ProjectFile.ExampleYaml, "built-in demo project");
            var commandLine = "xinzhi " + string.Join(' ', parse.Tokens.Select(t => t.Value));
            var result = StudyPipeline.Run(project, parse.GetValue(output), string.IsNullOrWhiteSpace(commandLine.Trim()) ? "xinzhi demo" : commandLine, context.Progress);
            PrintSummary(context, result);
            return 0;
        }));
        return cmd;
    }

    /// <summary>The console summary of a study: highlights, top ten, files, unavailable sections, timings.</summary>
    public static void PrintSummary(CliContext context, StudyResult result)
    {
        var model = result.Model;
        var console = context.Console;
        console.MarkupLine($"[bold]{Markup.Escape(model.Metadata.Title.Zh)} · {Markup.Escape(model.Metadata.Title.En)}[/]");
        foreach (var h in model.Metadata.Highlights) console.MarkupLine($"  • {Markup.Escape(h.En)}");
        if (model.Index is { } index)
        {
            var last = index.Scores.Max(s => s.Time);
            var names = model.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
            var elements = index.Nodes.Where(n => n.Depth == 0).ToArray();
            var table = new Table().Title(Markup.Escape($"NQPF index {last}: top 10 ({index.Method.En})"));
            table.AddColumn("rank");
            table.AddColumn("province");
            table.AddColumn(new TableColumn("score").RightAligned());
            foreach (var n in elements) table.AddColumn(new TableColumn(Markup.Escape($"{n.Name.Zh} {n.Name.En}")).RightAligned());
            foreach (var s in index.Scores.Where(s => s.Time == last).OrderBy(s => s.Rank).Take(10))
            {
                var cells = new List<string>
                {
                    s.Rank.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(names.TryGetValue(s.Id, out var n) ? $"{n.Zh} {n.En}" : s.Id),
                    s.Score.ToString("F4", CultureInfo.InvariantCulture),
                };
                cells.AddRange(elements.Select(e => s.SubScores.TryGetValue(e.Id, out var v) ? v.ToString("F4", CultureInfo.InvariantCulture) : ""));
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
        }
        foreach (var u in model.Unavailable) console.MarkupLine($"[yellow]not available:[/] {Markup.Escape(u.Section)} — {Markup.Escape(u.Reason.En)}");
        foreach (var w in result.Warnings) context.Error.WriteLine("warning: " + w);
        var total = result.Timings.Sum(t => t.Seconds);
        console.MarkupLine($"timings: {Markup.Escape(string.Join(", ", result.Timings.Select(t => $"{t.Step} {t.Seconds.ToString("F2", CultureInfo.InvariantCulture)} s")))}; total {total.ToString("F1", CultureInfo.InvariantCulture)} s");
        console.MarkupLine($"wrote [bold]{Markup.Escape(result.OutputDirectory)}[/]: {Markup.Escape(string.Join(", ", result.Files.Select(f => f.StartsWith("figures/", StringComparison.Ordinal) ? null : f).OfType<string>()))}, figures/");
        console.MarkupLine($"open [bold]{Markup.Escape(Path.Combine(result.OutputDirectory, "index.html"))}[/] in a browser (works offline).");
    }
}
