namespace Xinzhi.Reports.Pipeline;

/// <summary>
/// Finds the dataset shipped with Xinzhi (<c>data/china-provinces/</c>). The build copies it beside the program
/// (see Xinzhi.Reports.csproj), so <c>xinzhi demo</c> works from any directory; a source checkout is searched as a
/// fallback (the repository root above the working directory or the program).
/// </summary>
public static class ShippedData
{
    public const string ChinaProvincesFolder = "data/china-provinces";

    public static string ChinaProvincesPanel()
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, ChinaProvincesFolder, "panel.csv") };
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                candidates.Add(Path.Combine(dir.FullName, ChinaProvincesFolder, "panel.csv"));
            }
        }
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new SpecificationException(
                "the shipped dataset data/china-provinces/panel.csv was not found beside the program or in a Xinzhi checkout; " +
                "rebuild Xinzhi, or point data.file in the project to your own CSV.");
    }
}
