using Spectre.Console;

namespace Xinzhi.Cli;

/// <summary>Where a verb writes: a Spectre console for humans and a plain writer for errors. Tests capture both.</summary>
public sealed class CliContext(IAnsiConsole console, TextWriter error, bool interactive)
{
    public IAnsiConsole Console { get; } = console;

    public TextWriter Error { get; } = error;

    /// <summary>True when stdout is a terminal: progress bars only draw there; otherwise plain progress lines.</summary>
    public bool Interactive { get; } = interactive;

    public static CliContext FromConsole()
    {
        var interactive = !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        if (!interactive) console.Profile.Width = 160;
        return new CliContext(console, System.Console.Error, interactive);
    }

    /// <summary>Reports progress of a long step: a plain line (safe in logs and pipes).</summary>
    public void Progress(string message)
    {
        if (Interactive) Console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
        else Error.WriteLine(message);
    }
}
