using Spectre.Console;
using System.CommandLine;
using Xinzhi.Data.Datasets;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi dataset build-china-provinces --from DIR --out DIR</c>: rebuilds the shipped dataset
/// data/china-provinces/ from the source files (../shared/data/nqpf), byte for byte.
/// </summary>
public sealed class DatasetVerb : ICliVerb
{
    public int Order => 902;

    public Command Create(CliContext context)
    {
        var cmd = new Command("dataset", "Build the datasets shipped with Xinzhi from their sources.");
        var build = new Command("build-china-provinces",
            "Rebuild data/china-provinces/ (panel.csv, repairs.csv, w_*.csv) from the NQPF source files.");
        var from = new Option<string>("--from") { Description = "Folder with the source files (../shared/data/nqpf).", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder (e.g. data/china-provinces).", Required = true };
        build.Options.Add(from);
        build.Options.Add(output);
        build.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var src = parse.GetValue(from)!;
            var dir = parse.GetValue(output)!;
            var result = ChinaProvincesDataset.Write(src, dir);
            foreach (var c in result.Checks) context.Console.WriteLine("check: " + c);
            foreach (var name in result.Files.Keys) context.Console.WriteLine("wrote " + Path.Combine(dir, name));
            // DIR/run.json records the sources' SHA-256; the byte-for-byte check covers the data files, not run.json.
            var inputs = ChinaProvincesDataset.SourceFiles.Select(f => RunRecord.Describe(Path.Combine(src, f))).ToArray();
            new RunRecord
            {
                Command = "dataset build-china-provinces",
                Method = "china-provinces dataset build",
                Inputs = inputs,
                Specification = new Dictionary<string, object?> { ["from"] = src, ["out"] = dir },
                Outputs = result.Files.Keys.Select(k => Path.Combine(dir, k)).ToArray(),
                Warnings = result.Checks.ToArray(),
            }.WriteTo(Path.Combine(dir, "run.json"));
            return 0;
        }));
        cmd.Subcommands.Add(build);
        return cmd;
    }
}
