using System.CommandLine;
using Spectre.Console;
using Xinzhi.Reports.Pipeline;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi init [FILE]</c>: writes a commented example project file that runs on the shipped China data.</summary>
public sealed class InitCommand : ICliVerb
{
    public int Order => 2;

    public Command Create(CliContext context)
    {
        var cmd = new Command("init",
            "Write a commented example project file (项目文件) that runs the whole NQPF study on the shipped China data; " +
            "edit it for your own data, then 'xinzhi run FILE'.");
        var file = new Argument<string>("FILE")
        {
            Description = "Project file to create (default xinzhi-project.yaml).",
            DefaultValueFactory = _ => "xinzhi-project.yaml",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        cmd.Arguments.Add(file);
        cmd.Options.Add(force);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var path = parse.GetValue(file)!;
            if (File.Exists(path) && !parse.GetValue(force))
                throw new SpecificationException($"'{path}' already exists; use --force to overwrite it.");
            AtomicFile.WriteAllText(path, ProjectFile.ExampleYaml + "\n");
            context.Console.MarkupLine($"wrote [bold]{Markup.Escape(path)}[/] (a study of the shipped China provinces data).");
            context.Console.MarkupLine($"next: [bold]xinzhi run {Markup.Escape(path)}[/] — then open the report's index.html in a browser.");
            return 0;
        }));
        return cmd;
    }
}
