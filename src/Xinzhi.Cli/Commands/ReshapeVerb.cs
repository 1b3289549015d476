using Spectre.Console;
using System.CommandLine;
using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi reshape DATA... --layout wide [--indicator NAME,...] [--all-sheets] [--resolve-provinces] --out long.csv</c>:
/// turns wide yearbook tables (rows = regions, columns = years; one file or sheet per indicator) into one long panel.
/// </summary>
public sealed class ReshapeVerb : ICliVerb
{
    public int Order => 901;

    public Command Create(CliContext context)
    {
        var cmd = new Command("reshape",
            "Turn wide yearbook tables (rows = regions, columns = years; one file or XLSX sheet per indicator) into one long panel CSV.");
        var data = new Argument<string[]>("DATA") { Description = "One or more CSV/XLSX/DTA files, one indicator each.", Arity = ArgumentArity.OneOrMore };
        var layout = new Option<string>("--layout")
        {
            Description = "Input layout: wide (rows = regions, columns = years) or wide-by-year (rows = years, columns = regions).",
            DefaultValueFactory = _ => "wide",
        };
        var indicator = new Option<string[]>("--indicator")
        {
            Description = "Indicator name per input table, in order (comma-separated or repeated). Default: the file stem, or the sheet name with --all-sheets.",
        };
        var sheet = new Option<string?>("--sheet") { Description = "Worksheet of the XLSX inputs (default: the first)." };
        var allSheets = new Option<bool>("--all-sheets") { Description = "Read every sheet of each XLSX input, one indicator per sheet named by the sheet." };
        var encoding = new Option<string?>("--encoding") { Description = "Text encoding of CSV inputs: utf-8, gbk, gb18030 (default: detect)." };
        var region = new Option<string?>("--region-column") { Description = "Column holding the region names (default: the first column); with wide-by-year, the column holding the years." };
        var resolve = new Option<bool>("--resolve-provinces")
        {
            Description = "Resolve region names (北京, 北京市, Beijing, 110000 ...) to GB/T 2260 codes and add province_zh, province_en, region.",
        };
        var idName = new Option<string?>("--id-name") { Description = "Name of the entity column in the output (default id, or code with --resolve-provinces)." };
        var timeName = new Option<string>("--time-name") { Description = "Name of the period column in the output.", DefaultValueFactory = _ => "year" };
        var output = new Option<string>("--out") { Description = "Output CSV (long format); <out>.run.json is written beside it.", Required = true };
        cmd.Arguments.Add(data);
        foreach (var o in new Option[] { layout, indicator, sheet, allSheets, encoding, region, resolve, idName, timeName, output }) cmd.Options.Add(o);

        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var files = parse.GetValue(data)!;
            var orientation = (parse.GetValue(layout) ?? "wide").Trim().ToLowerInvariant() switch
            {
                "wide" => WideOrientation.RegionsByYears,
                "wide-by-year" => WideOrientation.YearsByRegions,
                var other => throw new SpecificationException($"--layout: '{other}' is not one of wide, wide-by-year."),
            };
            var names = (parse.GetValue(indicator) ?? []).SelectMany(CliParse.List).ToArray();
            var enc = parse.GetValue(encoding);
            var readOptions = new ReadOptions(enc is null ? null : CsvTableReader.ResolveEncoding(enc), parse.GetValue(sheet));

            var tables = new List<WideTable>();
            foreach (var f in files)
            {
                if (parse.GetValue(allSheets) && Path.GetExtension(f).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var s in XlsxTableReader.SheetNames(f))
                        tables.Add(new WideTable(s, XlsxTableReader.Read(f, s)));
                }
                else tables.Add(new WideTable(Path.GetFileNameWithoutExtension(f), TableReader.Read(f, readOptions)));
            }
            if (names.Length > 0)
            {
                if (names.Length != tables.Count)
                    throw new SpecificationException(
                        $"--indicator gives {names.Length} name(s) but the inputs hold {tables.Count} table(s): {string.Join(", ", tables.Select(t => t.Table.Source))}.");
                tables = tables.Select((t, k) => t with { Indicator = names[k] }).ToList();
            }

            var options = new WideOptions(parse.GetValue(region), orientation, parse.GetValue(resolve), parse.GetValue(idName), parse.GetValue(timeName) ?? "year");
            var result = WideLayout.ToLong(tables, options);
            var outPath = parse.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            AtomicFile.WriteAllText(outPath, WideLayout.ToCsv(result.Long));

            var warnings = result.SkippedFootnotes.Select(f => f.ToString()).ToArray();
            foreach (var w in warnings) context.Error.WriteLine("note: " + w);
            new RunRecord
            {
                Command = "reshape",
                Method = "wide-to-long",
                Inputs = files.Select(RunRecord.Describe).ToArray(),
                Specification = new Dictionary<string, object?>
                {
                    ["layout"] = parse.GetValue(layout),
                    ["indicators"] = tables.Select(t => t.Indicator).ToArray(),
                    ["sheet"] = parse.GetValue(sheet),
                    ["all_sheets"] = parse.GetValue(allSheets),
                    ["region_column"] = parse.GetValue(region),
                    ["resolve_provinces"] = parse.GetValue(resolve),
                    ["id_name"] = result.Long.ColumnNames[0],
                    ["time_name"] = options.TimeName,
                },
                Outputs = [outPath],
                Warnings = warnings,
            }.WriteTo(outPath + ".run.json");

            var entities = result.Long.Column(0).Distinct().Count();
            context.Console.WriteLine(
                $"wrote {outPath}: {result.Long.RowCount} rows = {entities} entities x {result.Long.RowCount / Math.Max(1, entities)} periods, " +
                $"indicators: {string.Join(", ", tables.Select(t => t.Indicator))}");
            return 0;
        }));
        return cmd;
    }
}
