using Spectre.Console;

namespace Xinzhi.Cli;

public static class Program
{
    public static int Main(string[] args) => XinzhiCli.Run(args, CliContext.FromConsole());
}
