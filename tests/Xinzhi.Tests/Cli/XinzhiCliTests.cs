using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Cli;

public sealed class XinzhiCliTests
{
    [Fact]
    public void Should_exit_with_1_on_unknown_verb()
    {
        var r = CliRunner.Run("no-such-verb");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error", r.Error);
    }

    [Fact]
    public void Should_print_help()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Xinzhi", r.Out);
    }
}
