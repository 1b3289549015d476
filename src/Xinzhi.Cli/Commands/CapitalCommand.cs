using System.CommandLine;
using Spectre.Console;
using Xinzhi.Data;
using Xinzhi.Econometrics.Growth;
using Xinzhi.Runs;

namespace Xinzhi.Cli.Commands;

/// <summary>
/// <c>xinzhi capital</c>: perpetual-inventory capital stock (永续盘存法, Zhang, Wu and Zhang 2004).
/// Writes FILE (id,time,investment,deflator,real_investment,capital) and FILE.run.json.
/// </summary>
public sealed class CapitalCommand : ICliVerb
{
    public int Order => 51;

    public Command Create(CliContext context)
    {
        var cmd = new Command("capital", "Capital stock by perpetual inventory (永续盘存法): K_t = (1−δ)K_{t−1} + I_t/P_t (张军等 2004).");
        var input = new DataInput().AddTo(cmd);
        var id = new Option<string>("--id") { Description = "Entity id column.", Required = true };
        var time = new Option<string>("--time") { Description = "Year column (every year needed within an entity).", Required = true };
        var inv = new Option<string>("--investment") { Description = "Investment column at current prices (e.g. gross fixed capital formation).", Required = true };
        var defl = new Option<string?>("--deflator") { Description = "Investment price index column (omit if investment is already real)." };
        var delta = new Option<double>("--delta") { Description = "Depreciation rate δ (张军 2004: 0.096; 单豪杰 2008: 0.1096).", DefaultValueFactory = _ => 0.096 };
        var initial = new Option<string>("--initial") { Description = "Initial stock: ten-percent (K₀ = I₀/0.1, Zhang 2004) or growth (K₀ = I₀/(g+δ)).", DefaultValueFactory = _ => "ten-percent" };
        var growthYears = new Option<int>("--growth-years") { Description = "Years of real-investment growth averaged for g (--initial growth).", DefaultValueFactory = _ => 10 };
        var priceBase = new Option<int?>("--price-base-year") { Description = "Rebase the deflator to 1 in this year (capital in that year's prices)." };
        var outFile = new Option<string>("--out") { Description = "Output CSV file.", Required = true };
        foreach (var o in new Option[] { id, time, inv, defl, delta, initial, growthYears, priceBase, outFile }) cmd.Options.Add(o);

        cmd.SetAction(parse => XinzhiCli.Guard(context, () =>
        {
            var invCol = parse.GetValue(inv)!;
            var deflCol = parse.GetValue(defl);
            var vars = deflCol is null ? new[] { invCol } : [invCol, deflCol];
            var load = input.LoadPanel(parse, parse.GetValue(id)!, parse.GetValue(time)!, vars);
            var panel = load.Panel;
            var options = new PerpetualInventoryOptions
            {
                Delta = parse.GetValue(delta),
                Initial = CliParse.Enum<InitialStockRule>(parse.GetValue(initial)!, "--initial"),
                GrowthYears = parse.GetValue(growthYears),
                PriceBaseYear = parse.GetValue(priceBase),
            };
            var (rows, warnings) = PerpetualInventory.Compute(panel.Ids, panel.Times!, panel.Variable(invCol),
                deflCol is null ? null : panel.Variable(deflCol), options, panel.Source, panel.SourceRows, invCol, deflCol ?? "deflator");
            var file = parse.GetValue(outFile)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (dir is not null) Directory.CreateDirectory(dir);
            var w = new CsvTableWriter(["id", "time", "investment", "deflator", "real_investment", "capital"]);
            foreach (var r in rows) w.AppendRow(r.Id, r.Time, r.Investment, r.Deflator, r.RealInvestment, r.Capital);
            w.Save(file);
            new RunRecord
            {
                Command = "capital",
                Method = "perpetual inventory (Zhang, Wu and Zhang 2004)",
                Inputs = [input.Describe(parse)],
                Specification = new Dictionary<string, object?>
                {
                    ["id"] = parse.GetValue(id), ["time"] = parse.GetValue(time), ["investment"] = invCol, ["deflator"] = deflCol,
                    ["delta"] = options.Delta, ["initial"] = CliParse.Kebab(options.Initial.ToString()),
                    ["growth_years"] = options.Initial == InitialStockRule.Growth ? options.GrowthYears : null,
                    ["price_base_year"] = options.PriceBaseYear,
                    ["rule"] = "K_t = (1 - delta) K_{t-1} + I_t / P_t; K_first = I_first/0.1 (ten-percent) or I_first/(g + delta) (growth, g = geometric mean growth of real investment)",
                    ["fill"] = CliParse.Kebab(load.Fill.Method.ToString()), ["filled_cells"] = load.Fill.Total,
                },
                Warnings = warnings,
                Outputs = [file],
            }.WriteTo(file + ".run.json");
            foreach (var wn in warnings) context.Error.WriteLine($"warning: {wn}");
            context.Console.WriteLine($"capital stock: {rows.Count} rows, {panel.Entities.Length} entities, δ = {options.Delta}; wrote {file}");
            return 0;
        }));
        return cmd;
    }
}
