using Spectre.Console;
using Xinzhi.Cli;

namespace Xinzhi.Tests.Support;

/// <summary>Runs the CLI in-process and captures exit code, standard output and standard error.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var outWriter = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(outWriter),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var err = new StringWriter();
        var code = XinzhiCli.Run(args, new CliContext(console, err, interactive: false));
        return new Result(code, outWriter.ToString(), err.ToString());
    }
}
