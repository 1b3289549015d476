using System.CommandLine;
using Xinzhi.Reports.Pipeline;

namespace Xinzhi.Cli.Commands;

/// <summary><c>xinzhi run PROJECT.yaml</c>: the whole study declared in a project file (the same pipeline as demo).</summary>
public sealed class RunCommand : ICliVerb
{
    public int Order => 3;

    public Command Create(CliContext context)
    {
        var cmd = new Command("run",
            "Run a study declared in a project file (项目文件: data, framework, methods, options, outputs) and write its " +
            "report: index.html, results.xlsx, figures/, run.json. 'xinzhi init' writes an example.");
        var file = new Argument<string>("PROJECT") { Description = "Project file (YAML), e.g. from 'xinzhi init'." };
        var output = new Option<string?>("--out") { Description = "Output directory (default: output.dir of the project file)." };
        cmd.Arguments.Add(file);
        cmd.Options.Add(output);
        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var path = parse.GetValue(file)!;
            var project = ProjectFile.Load(path);
            var commandLine = "xinzhi " + string.Join(' ', parse.Tokens.Select(t => t.Value));
            var result = StudyPipeline.Run(project, parse.GetValue(output), commandLine, context.Progress);
            DemoCommand.PrintSummary(context, result);
            return 0;
        }));
        return cmd;
    }
}
