using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Reports;

/// <summary>Runs <c>xinzhi demo</c> once (in-process) into <c>artifacts/report/demo/</c>, kept for inspection.</summary>
public sealed class DemoReportFixture
{
    public DemoReportFixture()
    {
        Directory = Path.Combine(SharedPaths.RepoRoot, "artifacts", "report", "demo");
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Result = CliRunner.Run("demo", "--out", Directory);
        Seconds = sw.Elapsed.TotalSeconds;
    }

    public string Directory { get; }

    public CliRunner.Result Result { get; }

    public double Seconds { get; }

    public string File(string relative) => Path.Combine(Directory, relative);

    public void AssertSucceeded() =>
        Assert.True(Result.ExitCode == 0, $"xinzhi demo exited {Result.ExitCode}\nstdout:\n{Result.Out}\nstderr:\n{Result.Error}");
}

[CollectionDefinition(Name)]
public sealed class DemoReportCollection : ICollectionFixture<DemoReportFixture>
{
    public const string Name = "demo report";
}
