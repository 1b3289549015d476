namespace Xinzhi.Tests.Support;

/// <summary>Locates the repository root and the ../shared folder (reference data) from the test binaries.</summary>
public static class SharedPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder beside the repository (CI lays it there).</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Data(string relative) => Path.Combine(Shared, "data", relative);

    public static string Reference(string relative) => Path.Combine(Shared, "reference", relative);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Xinzhi.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Xinzhi.slnx).");
    }
}
