using System.CommandLine;

namespace Xinzhi.Cli;

/// <summary>
/// One top-level verb of <c>xinzhi</c>. Implementations are discovered by reflection, so adding a verb is adding a
/// class in <c>Commands/</c>; nothing else needs editing.
/// </summary>
public interface ICliVerb
{
    /// <summary>Order in <c>xinzhi --help</c> (lower first).</summary>
    int Order => 100;

    Command Create(CliContext context);
}
