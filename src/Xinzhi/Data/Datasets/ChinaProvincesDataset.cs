using System.Globalization;
using Xinzhi.Data.Regions;

namespace Xinzhi.Data.Datasets;

/// <summary>One cell the build changed or flagged, listed in <c>repairs.csv</c> and the dataset README.</summary>
public sealed record DatasetRepair(string Code, string Province, int Year, string Column, string Action, double? Value, string Note);

/// <summary>The files of a built dataset (name → content) plus the build's checks and repairs.</summary>
public sealed record DatasetBuild(IReadOnlyDictionary<string, string> Files, IReadOnlyList<DatasetRepair> Repairs, IReadOnlyList<string> Checks);

/// <summary>
/// Builds the shipped dataset <c>data/china-provinces/</c> reproducibly from the source files in
/// <c>../shared/data/nqpf</c>: the 31 mainland provinces, NQPF indicators over 2010–2023 (complete; whole-year gaps of
/// the yearbook dumps interpolated and listed), TFP inputs over their own coverage (employment, real GDP, CO₂:
/// 2010–2019; capital stock: 2010–2022), spatial weight matrices keyed by GB/T 2260 codes. Output is deterministic:
/// running it twice gives the same bytes. See data/china-provinces/README.md for every column.
/// </summary>
public static class ChinaProvincesDataset
{
    public const int FirstYear = 2010, LastYear = 2023, TfpLastYear = 2019;

    /// <summary>Framework indicators (complete over 2010–2023), in panel column order.</summary>
    public static readonly string[] IndicatorColumns =
    [
        "rd_personnel_fte", "researcher_share", "education_spending_share",
        "rd_intensity", "sci_tech_spending_share", "hitech_enterprises",
        "hitech_revenue", "tech_market_turnover", "invention_patents_granted",
    ];

    /// <summary>Further columns with partial coverage (not in the framework).</summary>
    public static readonly string[] ExtraColumns =
    [
        "gdp_nominal", "labor_productivity", "capital_per_worker", "carbon_intensity",
        "capital_stock", "employment", "real_gdp", "co2",
    ];

    private const string Techme = "techme_province_sci_tech_long_2000_2023.csv";
    private const string Nbs = "renjiyi_nbs_province_annual_integrated_2005_2024.csv";
    private const string Labor = "renjiyi_province_gdp_labor_capital_2008_2017.csv";
    private const string Capital = "chn_province_capital_stock_zhangjun_1952_2022.csv";
    private const string Ceads = "ceads_province_co2_by_fuel_1997_2019.csv";
    private const string WContiguity = "renjiyi_W_contiguity_rowstd_31prov.csv";
    private const string WEconomic = "renjiyi_W_economic_distance_31prov.csv";

    /// <summary>The source files the build reads, relative to the source folder.</summary>
    public static IReadOnlyList<string> SourceFiles { get; } = [Techme, Nbs, Labor, Capital, Ceads, WContiguity, WEconomic];

    /// <summary>Builds every generated file from <paramref name="sourceDir"/> (the nqpf folder).</summary>
    /// <exception cref="DataValidationException">A source file is missing or violates an assumption of the build.</exception>
    public static DatasetBuild Build(string sourceDir)
    {
        var repairs = new List<DatasetRepair>();
        var checks = new List<string>();
        var provinces = ChinaProvinces.Mainland;
        var years = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).ToArray();

        var techme = ReadTechme(Path.Combine(sourceDir, Techme));
        var nbs = ReadNbs(Path.Combine(sourceDir, Nbs));

        double? T(string dataset, string variable, Province p, int y) =>
            techme.TryGetValue((dataset, variable, p.Code, y), out var v) ? v : null;
        double? N(string column, Province p, int y) =>
            nbs.TryGetValue((p.Code, y), out var row) && row.TryGetValue(column, out var v) ? v : null;

        // --- Indicator series (per province, per year), before interpolation.
        var series = new Dictionary<string, Func<Province, int, double?>>
        {
            ["rd_personnel_fte"] = (p, y) => T("RDLaborHour", "v4_zh_qsdl_hj", p, y),
            ["researcher_share"] = (p, y) => Ratio(T("RDLaborHour", "v4_zh_qsdl_yjry", p, y), T("RDLaborHour", "v4_zh_qsdl_hj", p, y), 100),
            ["education_spending_share"] = (p, y) => Ratio(T("PublicBudget", "v6_cz_yszc_jy", p, y), T("PublicBudget", "v6_cz_yszc_hj", p, y), 100),
            // R&D expenditure (万元 → 亿元) over current-price GDP (亿元), in percent.
            ["rd_intensity"] = (p, y) => Ratio(T("RDActivity", "v4_zh_nbzc_hj", p, y), N("GDP_当年价_亿元", p, y), 100 / 1e4),
            ["sci_tech_spending_share"] = (p, y) => Ratio(T("PublicBudget", "v6_cz_yszc_kxjs", p, y), T("PublicBudget", "v6_cz_yszc_hj", p, y), 100),
            ["hitech_enterprises"] = (p, y) => T("IndustryOperation", "v4_cy_scjy_qys", p, y),
            ["hitech_revenue"] = (p, y) => T("IndustryOperation", "v4_cy_scjy_zyyw", p, y),
            ["tech_market_turnover"] = (p, y) => T("MarketPush", "v4_cg_jssc_je", p, y) / 1e4,
            ["invention_patents_granted"] = (p, y) => T("RDPatentAuthority", "v4_cg_zlsq2_fm", p, y),
        };
        var decimals = new Dictionary<string, int>
        {
            ["rd_personnel_fte"] = 0, ["researcher_share"] = 4, ["education_spending_share"] = 4, ["rd_intensity"] = 4,
            ["sci_tech_spending_share"] = 4, ["hitech_enterprises"] = 1, ["hitech_revenue"] = 4,
            ["tech_market_turnover"] = 4, ["invention_patents_granted"] = 0,
            ["gdp_nominal"] = 2, ["labor_productivity"] = 4, ["capital_per_worker"] = 4, ["carbon_intensity"] = 4,
            ["capital_stock"] = 4, ["employment"] = 2, ["real_gdp"] = 2, ["co2"] = 6,
        };

        var cells = new Dictionary<(string Column, string Code, int Year), double>();
        var issues = new DataIssueCollector();
        foreach (var (column, get) in series)
        {
            foreach (var p in provinces)
            {
                var v = years.Select(y => get(p, y)).ToArray();
                for (var k = 0; k < years.Length; k++)
                {
                    if (v[k] is { } x) { cells[(column, p.Code, years[k])] = x; continue; }
                    // Interior gap: linear interpolation between the nearest observed years, listed as a repair.
                    int lo = k - 1, hi = k + 1;
                    while (lo >= 0 && v[lo] is null) lo--;
                    while (hi < years.Length && v[hi] is null) hi++;
                    if (lo < 0 && column == "tech_market_turnover" && T("MarketPush", "v4_cg_jssc_ht", p, years[k]) is null)
                    {
                        // Before a province's first reported outflow contract both the amount and the contract count
                        // are blank (Tibet until 2017, when it reported 3 contracts): no registered outflow.
                        cells[(column, p.Code, years[k])] = 0;
                        repairs.Add(new DatasetRepair(p.Code, p.NameEn, years[k], column, "assumed-zero", 0,
                            "amount and contract count both blank before the first reported outflow contract; taken as no registered outflow"));
                        continue;
                    }
                    if (lo < 0 || hi >= years.Length)
                    {
                        issues.Add(column, null, p.Code, $"{p.NameEn} {years[k]}: missing at the edge of the span, cannot interpolate");
                        continue;
                    }
                    var w = (double)(k - lo) / (hi - lo);
                    var filled = Math.Round(v[lo]!.Value + w * (v[hi]!.Value - v[lo]!.Value), decimals[column]);
                    cells[(column, p.Code, years[k])] = filled;
                    repairs.Add(new DatasetRepair(p.Code, p.NameEn, years[k], column, "interpolated", filled,
                        $"source has no {years[k]} value; linear between {years[lo]} and {years[hi]}"));
                }
            }
        }
        issues.ThrowIfAny();

        // --- R&D intensity check against the yearbook's published intensity (2011–2023, 2 decimals).
        var maxDiff = 0.0;
        foreach (var p in provinces)
            foreach (var y in years)
                if (T("RDIntense", "v4_ztr_qd_RD", p, y) is { } published)
                    maxDiff = Math.Max(maxDiff, Math.Abs(published - cells[("rd_intensity", p.Code, y)]));
        checks.Add($"rd_intensity vs published R&D intensity (RDIntense v4_ztr_qd_RD, 2011-2023): max |diff| = {maxDiff.ToString("F4", CultureInfo.InvariantCulture)} percentage points");

        foreach (var p in provinces)
            foreach (var y in years)
                if (N("GDP_当年价_亿元", p, y) is { } g) cells[("gdp_nominal", p.Code, y)] = g;
                else throw new DataValidationException(new DataIssue(Nbs, null, "GDP_当年价_亿元", $"{p.NameEn} {y}: missing"));

        // --- Employment: urban-unit + private/individual employment (万人), the definition of the source's DEA file.
        var laborFile = ReadLabor(Path.Combine(sourceDir, Labor));
        var maxLaborDiff = 0.0;
        foreach (var p in provinces)
            for (var y = FirstYear; y <= TfpLastYear; y++)
            {
                if (N("城镇单位就业人员_万人", p, y) is not { } urban || N("私营个体就业人员_万人", p, y) is not { } priv)
                    throw new DataValidationException(new DataIssue(Nbs, null, "城镇单位就业人员_万人/私营个体就业人员_万人", $"{p.NameEn} {y}: missing"));
                cells[("employment", p.Code, y)] = urban + priv;
                if (laborFile.TryGetValue((p.Code, y), out var l)) maxLaborDiff = Math.Max(maxLaborDiff, Math.Abs(l - (urban + priv)));
            }
        if (maxLaborDiff > 0.01)
            throw new DataValidationException(new DataIssue(Labor, null, "labor",
                $"labor differs from urban-unit + private employment by up to {maxLaborDiff}; the build's employment definition no longer holds"));
        checks.Add($"employment (urban-unit + private/individual) equals the 'labor' column of {Labor} for 2010-2017: max |diff| = {maxLaborDiff.ToString("F4", CultureInfo.InvariantCulture)} 万人");

        // --- Real GDP at 2010 prices, chained from the previous-year index.
        foreach (var p in provinces)
        {
            var real = N("GDP_当年价_亿元", p, FirstYear)!.Value;
            cells[("real_gdp", p.Code, FirstYear)] = real;
            for (var y = FirstYear + 1; y <= TfpLastYear; y++)
            {
                var idx = N("GDP指数_上年=100", p, y);
                if (idx is null)
                {
                    // Interpolate the growth index between the nearest published years of this province.
                    int lo = y - 1, hi = y + 1;
                    while (lo > 2005 && N("GDP指数_上年=100", p, lo) is null) lo--;
                    while (hi < 2024 && N("GDP指数_上年=100", p, hi) is null) hi++;
                    var a = N("GDP指数_上年=100", p, lo) ?? throw new DataValidationException(new DataIssue(Nbs, null, "GDP指数_上年=100", $"{p.NameEn}: no index before {y}"));
                    var b = N("GDP指数_上年=100", p, hi) ?? throw new DataValidationException(new DataIssue(Nbs, null, "GDP指数_上年=100", $"{p.NameEn}: no index after {y}"));
                    idx = Math.Round(a + (double)(y - lo) / (hi - lo) * (b - a), 4);
                    repairs.Add(new DatasetRepair(p.Code, p.NameEn, y, "real_gdp", "interpolated-input", idx,
                        $"GDP index (previous year = 100) missing in the source; linear between {lo} ({a.ToString(CultureInfo.InvariantCulture)}) and {hi} ({b.ToString(CultureInfo.InvariantCulture)})"));
                }
                real *= idx.Value / 100;
                cells[("real_gdp", p.Code, y)] = real;
            }
        }

        // --- Capital stock (Zhang Jun PIM, 2000 prices), 2010-2022.
        foreach (var (key, k) in ReadCapital(Path.Combine(sourceDir, Capital)))
            if (key.Year >= FirstYear && key.Year <= LastYear) cells[("capital_stock", key.Code, key.Year)] = k;

        // --- CO2 (CEADs scope 1); flag collapsed totals (missing energy balances) instead of using them.
        var co2 = ReadCeads(Path.Combine(sourceDir, Ceads));
        foreach (var p in provinces)
        {
            var ys = co2.Keys.Where(k => k.Code == p.Code).Select(k => k.Year).Order().ToArray();
            foreach (var y in ys)
            {
                var v = co2[(p.Code, y)];
                var neighbours = ys.Where(o => o != y && Math.Abs(o - y) <= 4).Select(o => co2[(p.Code, o)]).Order().ToArray();
                var median = neighbours.Length == 0 ? v : neighbours[neighbours.Length / 2];
                var flagged = v < 0.25 * median;
                if (flagged)
                {
                    var inSpan = y >= FirstYear && y <= TfpLastYear;
                    repairs.Add(new DatasetRepair(p.Code, p.NameEn, y, "co2", inSpan ? "flagged-empty" : "flagged-outside-span", v,
                        $"CEADs total {v.ToString("R", CultureInfo.InvariantCulture)} Mt is under a quarter of the median of neighbouring years ({median.ToString("F1", CultureInfo.InvariantCulture)} Mt): energy balance missing; not used"));
                    continue;
                }
                if (y >= FirstYear && y <= TfpLastYear) cells[("co2", p.Code, y)] = v;
            }
        }

        // --- Derived TFP-side ratios where both parts exist.
        foreach (var p in provinces)
            foreach (var y in years)
            {
                bool Has(string c, out double v) => cells.TryGetValue((c, p.Code, y), out v);
                if (Has("real_gdp", out var rg) && Has("employment", out var em)) cells[("labor_productivity", p.Code, y)] = rg / em;
                if (Has("capital_stock", out var ks) && Has("employment", out var em2)) cells[("capital_per_worker", p.Code, y)] = ks / em2;
                if (Has("co2", out var c) && Has("real_gdp", out var rg2)) cells[("carbon_intensity", p.Code, y)] = c / rg2 * 100;
            }

        // --- panel.csv
        var header = new List<string> { "code", "province_zh", "province_en", "region", "year" };
        header.AddRange(IndicatorColumns);
        header.AddRange(ExtraColumns);
        var panel = new CsvTableWriter(header);
        foreach (var p in provinces)
            foreach (var y in years)
            {
                var row = new List<object?> { p.Code, p.ShortZh, p.NameEn, p.Region.Key(), y };
                foreach (var c in IndicatorColumns.Concat(ExtraColumns))
                    row.Add(cells.TryGetValue((c, p.Code, y), out var v) ? Math.Round(v, decimals[c]) : null);
                panel.AppendRow(row.ToArray());
            }

        var repairCsv = new CsvTableWriter(["code", "province_en", "year", "column", "action", "value", "note"]);
        foreach (var r in repairs.OrderBy(r => r.Column, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Year))
            repairCsv.AppendRow(r.Code, r.Province, r.Year, r.Column, r.Action, r.Value, r.Note);

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["panel.csv"] = panel.ToString(),
            ["repairs.csv"] = repairCsv.ToString(),
            ["w_contiguity.csv"] = ConvertW(Path.Combine(sourceDir, WContiguity)),
            ["w_economic_distance.csv"] = ConvertW(Path.Combine(sourceDir, WEconomic)),
        };
        checks.Add($"{repairs.Count} repaired or flagged cells (see repairs.csv)");
        return new DatasetBuild(files, repairs, checks);
    }

    /// <summary>Builds and writes the generated files into <paramref name="outDir"/> (created if needed).</summary>
    public static DatasetBuild Write(string sourceDir, string outDir)
    {
        var build = Build(sourceDir);
        Directory.CreateDirectory(outDir);
        foreach (var (name, content) in build.Files) Runs.AtomicFile.WriteAllText(Path.Combine(outDir, name), content);
        return build;
    }

    private static double? Ratio(double? a, double? b, double scale) => a is { } x && b is { } y && y != 0 ? x / y * scale : null;

    private static Dictionary<(string Dataset, string Variable, string Code, int Year), double> ReadTechme(string path)
    {
        var t = CsvTableReader.Read(path);
        var ds = t.Column("dataset");
        var prov = t.Column("province");
        var year = t.Column("year");
        var variable = t.Column("variable");
        var value = t.Column("value");
        var result = new Dictionary<(string, string, string, int), double>();
        var issues = new DataIssueCollector();
        for (var i = 0; i < t.RowCount; i++)
        {
            var name = prov[i]?.Trim() ?? "";
            if (name is "全国" or "东部地区" or "中部地区" or "西部地区" or "东北地区") continue; // aggregates, not provinces
            if (!ChinaProvinces.TryResolve(name, out var p))
            {
                issues.Add(t.Source, t.SourceRows[i], "province", ChinaProvinces.UnknownMessage(name));
                continue;
            }
            if (RawTable.IsMissing(value[i])) continue;
            if (!RawTable.TryParseNumber(value[i]!, out var v) || !PanelBuilder.TryParsePeriod(year[i], out var y))
            {
                issues.Add(t.Source, t.SourceRows[i], "value", $"'{value[i]}' is not a number");
                continue;
            }
            var key = (ds[i]!, variable[i]!, p.Code, y);
            if (result.TryGetValue(key, out var existing) && Math.Abs(existing - v) > 0.5)
                issues.Add(t.Source, t.SourceRows[i], "value", $"conflicting duplicate {key}: {existing} vs {v}");
            result.TryAdd(key, v); // exact duplicates (the source repeats some tables) keep the first value
        }
        issues.ThrowIfAny();
        return result;
    }

    private static Dictionary<(string Code, int Year), Dictionary<string, double>> ReadNbs(string path)
    {
        var t = CsvTableReader.Read(path);
        var region = t.Column("地区");
        var year = t.Column("年份");
        var result = new Dictionary<(string, int), Dictionary<string, double>>();
        for (var i = 0; i < t.RowCount; i++)
        {
            var p = ChinaProvinces.TryResolve(region[i], out var pp) ? pp
                : throw new DataValidationException(new DataIssue(t.Source, t.SourceRows[i], "地区", ChinaProvinces.UnknownMessage(region[i])));
            if (!PanelBuilder.TryParsePeriod(year[i], out var y)) continue;
            var row = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var j = 2; j < t.ColumnNames.Count; j++)
            {
                var c = t.Column(j)[i];
                if (!RawTable.IsMissing(c) && RawTable.TryParseNumber(c!, out var v)) row[t.ColumnNames[j]] = v;
            }
            result[(p.Code, y)] = row;
        }
        return result;
    }

    private static Dictionary<(string Code, int Year), double> ReadLabor(string path)
    {
        var t = CsvTableReader.Read(path);
        var result = new Dictionary<(string, int), double>();
        for (var i = 0; i < t.RowCount; i++)
        {
            var p = ChinaProvinces.FromNbsOrder(int.Parse(t.Column("province_id")[i]!, CultureInfo.InvariantCulture));
            result[(p.Code, int.Parse(t.Column("year")[i]!, CultureInfo.InvariantCulture))] =
                double.Parse(t.Column("labor")[i]!, CultureInfo.InvariantCulture);
        }
        return result;
    }

    private static IEnumerable<((string Code, int Year) Key, double K)> ReadCapital(string path)
    {
        var t = CsvTableReader.Read(path);
        for (var i = 0; i < t.RowCount; i++)
        {
            var name = t.Column("prv")[i];
            if (!ChinaProvinces.TryResolve(name, out var p))
                throw new DataValidationException(new DataIssue(t.Source, t.SourceRows[i], "prv", ChinaProvinces.UnknownMessage(name)));
            if (RawTable.IsMissing(t.Column("K_2000price_100m_yuan")[i])) continue;
            yield return ((p.Code, int.Parse(t.Column("year")[i]!, CultureInfo.InvariantCulture)),
                double.Parse(t.Column("K_2000price_100m_yuan")[i]!, CultureInfo.InvariantCulture));
        }
    }

    private static Dictionary<(string Code, int Year), double> ReadCeads(string path)
    {
        var t = CsvTableReader.Read(path);
        var result = new Dictionary<(string, int), double>();
        for (var i = 0; i < t.RowCount; i++)
        {
            var name = t.Column("province")[i];
            if (!ChinaProvinces.TryResolve(name, out var p))
                throw new DataValidationException(new DataIssue(t.Source, t.SourceRows[i], "province", ChinaProvinces.UnknownMessage(name)));
            result[(p.Code, int.Parse(t.Column("year")[i]!, CultureInfo.InvariantCulture))] =
                double.Parse(t.Column("Scope_1_Total_MtCO2")[i]!, CultureInfo.InvariantCulture);
        }
        return result;
    }

    /// <summary>Re-keys a 31×31 matrix in NBS province order (ids 1…31, columns v1…v31) by GB/T 2260 codes (format C).</summary>
    private static string ConvertW(string path)
    {
        var t = CsvTableReader.Read(path);
        if (t.RowCount != 31 || t.ColumnNames.Count != 32)
            throw new DataValidationException(new DataIssue(t.Source, null, null, $"expected a 31×31 matrix with an id column, got {t.RowCount}×{t.ColumnNames.Count - 1}"));
        var header = new List<string> { "id" };
        for (var k = 1; k <= 31; k++)
        {
            if (t.ColumnNames[k] != $"v{k}") throw new DataValidationException(new DataIssue(t.Source, 1, t.ColumnNames[k], $"expected column v{k}"));
            header.Add(ChinaProvinces.FromNbsOrder(k).Code);
        }
        var w = new CsvTableWriter(header);
        for (var i = 0; i < 31; i++)
        {
            var id = int.Parse(t.Column(0)[i]!, CultureInfo.InvariantCulture);
            if (id != i + 1) throw new DataValidationException(new DataIssue(t.Source, t.SourceRows[i], "id", $"expected id {i + 1}"));
            var row = new object?[32];
            row[0] = ChinaProvinces.FromNbsOrder(id).Code;
            for (var k = 1; k <= 31; k++) row[k] = double.Parse(t.Column(k)[i]!, CultureInfo.InvariantCulture);
            w.AppendRow(row);
        }
        return w.ToString();
    }
}
