using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Xinzhi.Data.Regions;

/// <summary>A province-level division of China identified by its GB/T 2260 six-digit code.</summary>
/// <param name="Code">GB/T 2260 code, e.g. "110000" for Beijing.</param>
/// <param name="NameZh">Full official Chinese name, e.g. 北京市, 广西壮族自治区.</param>
/// <param name="ShortZh">Short Chinese name as statistical tables print it, e.g. 北京, 广西.</param>
/// <param name="NameEn">English name, e.g. Beijing, Inner Mongolia.</param>
/// <param name="NbsRegion">NBS four-region group; null for Hong Kong, Macao and Taiwan, which the division does not cover.</param>
public sealed record Province(string Code, string NameZh, string ShortZh, string NameEn, Region? NbsRegion)
{
    /// <summary>NBS four-region group of a mainland province (contract E).</summary>
    /// <exception cref="InvalidOperationException">Hong Kong, Macao or Taiwan: outside the division; check
    /// <see cref="IsMainland"/> or use <see cref="NbsRegion"/>.</exception>
    public Region Region => NbsRegion ?? throw new InvalidOperationException(
        $"{NameEn} ({Code}) is outside the NBS four-region division of mainland China; use NbsRegion.");

    /// <summary>True for the 31 mainland provinces, autonomous regions and municipalities.</summary>
    public bool IsMainland => NbsRegion is not null;

    public override string ToString() => $"{Code} {ShortZh} {NameEn}";
}

/// <summary>
/// The province table: resolves the many ways Chinese statistical files name a province — 北京, 北京市, Beijing,
/// Beijing Shi, 110000, 11, CN-BJ, pinyin (Shaanxi = 陕西 versus Shanxi = 山西, also the postal spellings Shensi/Shansi),
/// Inner Mongolia / 内蒙古自治区 / Nei Mongol, Guangxi Zhuang Autonomous Region, Tibet / Xizang, Hong Kong, Macao,
/// Taiwan — to one GB/T 2260 code.
/// </summary>
public static class ChinaProvinces
{
    // Declared before the table: static fields initialise in order and the lookup below uses them.
    // Longest first, so that 壮族自治区 is removed before 自治区.
    private static readonly string[] ZhSuffixes =
        ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"];

    private static readonly string[] EnSuffixes =
        ["specialadministrativeregion", "autonomousregion", "municipality", "province", "sheng", "shi", "sar", "zizhiqu"];

    private static readonly string[] EnQualifiers = ["zhuang", "hui", "uygur", "uyghur", "uighur"];

    private static readonly (string Code, string Zh, string Short, string En, Region? Region, string Iso, string[] Aliases)[] Table =
    [
        ("110000", "北京市", "北京", "Beijing", Region.East, "BJ", ["peking", "jing", "京"]),
        ("120000", "天津市", "天津", "Tianjin", Region.East, "TJ", ["tientsin", "津"]),
        ("130000", "河北省", "河北", "Hebei", Region.East, "HE", ["hopeh", "hopei", "冀"]),
        ("140000", "山西省", "山西", "Shanxi", Region.Central, "SX", ["shansi", "晋"]),
        ("150000", "内蒙古自治区", "内蒙古", "Inner Mongolia", Region.West, "NM", ["neimongol", "neimenggu", "neimonggol", "innermongolia", "内蒙", "蒙"]),
        ("210000", "辽宁省", "辽宁", "Liaoning", Region.Northeast, "LN", ["辽"]),
        ("220000", "吉林省", "吉林", "Jilin", Region.Northeast, "JL", ["kirin", "吉"]),
        ("230000", "黑龙江省", "黑龙江", "Heilongjiang", Region.Northeast, "HL", ["heilungkiang", "黑"]),
        ("310000", "上海市", "上海", "Shanghai", Region.East, "SH", ["沪"]),
        ("320000", "江苏省", "江苏", "Jiangsu", Region.East, "JS", ["kiangsu", "苏"]),
        ("330000", "浙江省", "浙江", "Zhejiang", Region.East, "ZJ", ["chekiang", "浙"]),
        ("340000", "安徽省", "安徽", "Anhui", Region.Central, "AH", ["anhwei", "皖"]),
        ("350000", "福建省", "福建", "Fujian", Region.East, "FJ", ["fukien", "闽"]),
        ("360000", "江西省", "江西", "Jiangxi", Region.Central, "JX", ["kiangsi", "赣"]),
        ("370000", "山东省", "山东", "Shandong", Region.East, "SD", ["shantung", "鲁"]),
        ("410000", "河南省", "河南", "Henan", Region.Central, "HA", ["honan", "豫"]),
        ("420000", "湖北省", "湖北", "Hubei", Region.Central, "HB", ["hupeh", "hupei", "鄂"]),
        ("430000", "湖南省", "湖南", "Hunan", Region.Central, "HN", ["湘"]),
        ("440000", "广东省", "广东", "Guangdong", Region.East, "GD", ["kwangtung", "粤"]),
        ("450000", "广西壮族自治区", "广西", "Guangxi", Region.West, "GX", ["kwangsi", "guangxizhuang", "桂"]),
        ("460000", "海南省", "海南", "Hainan", Region.East, "HI", ["琼"]),
        ("500000", "重庆市", "重庆", "Chongqing", Region.West, "CQ", ["chungking", "渝"]),
        ("510000", "四川省", "四川", "Sichuan", Region.West, "SC", ["szechwan", "szechuan", "川"]),
        ("520000", "贵州省", "贵州", "Guizhou", Region.West, "GZ", ["kweichow", "黔"]),
        ("530000", "云南省", "云南", "Yunnan", Region.West, "YN", ["滇"]),
        ("540000", "西藏自治区", "西藏", "Tibet", Region.West, "XZ", ["xizang", "tibetautonomousregion", "藏"]),
        ("610000", "陕西省", "陕西", "Shaanxi", Region.West, "SN", ["shensi", "陕"]),
        ("620000", "甘肃省", "甘肃", "Gansu", Region.West, "GS", ["kansu", "甘"]),
        ("630000", "青海省", "青海", "Qinghai", Region.West, "QH", ["tsinghai", "青"]),
        ("640000", "宁夏回族自治区", "宁夏", "Ningxia", Region.West, "NX", ["ningxiahui", "宁"]),
        ("650000", "新疆维吾尔自治区", "新疆", "Xinjiang", Region.West, "XJ", ["sinkiang", "xinjianguygur", "xinjianguyghur", "xinjianguighur", "新"]),
        ("710000", "台湾省", "台湾", "Taiwan", null, "TW", ["臺灣", "台灣", "台"]),
        ("810000", "香港特别行政区", "香港", "Hong Kong", null, "HK", ["xianggang", "hongkongsar", "hksar", "hk", "港"]),
        ("820000", "澳门特别行政区", "澳门", "Macao", null, "MO", ["macau", "aomen", "macaosar", "macausar", "澳門", "澳"]),
    ];

    private static readonly Province[] AllProvinces =
        Table.Select(t => new Province(t.Code, t.Zh, t.Short, t.En, t.Region)).ToArray();

    private static readonly Dictionary<string, Province> Lookup = BuildLookup();

    /// <summary>All 34 province-level divisions in GB/T 2260 code order (31 mainland, then Taiwan, Hong Kong, Macao).</summary>
    public static IReadOnlyList<Province> All => AllProvinces;

    /// <summary>The 31 mainland provinces in GB/T 2260 code order (the order of NBS tables).</summary>
    public static IReadOnlyList<Province> Mainland { get; } = AllProvinces.Where(p => p.IsMainland).ToArray();

    /// <summary>Resolves a province name or code in any common form.</summary>
    /// <exception cref="DataValidationException">The name is not a province (the message names it).</exception>
    public static Province Resolve(string name) =>
        TryResolve(name, out var p)
            ? p
            : throw new DataValidationException(new DataIssue("(input)", null, null, UnknownMessage(name)));

    /// <summary>Resolves a name or code; false when it is not recognised.</summary>
    public static bool TryResolve(string? name, [NotNullWhen(true)] out Province? province)
    {
        province = null;
        if (string.IsNullOrWhiteSpace(name)) return false;
        return Lookup.TryGetValue(Normalize(name), out province);
    }

    /// <summary>
    /// The province with 1-based position <paramref name="order"/> in the NBS table order (1 = Beijing … 31 = Xinjiang),
    /// the numbering some panels use as a province id.
    /// </summary>
    public static Province FromNbsOrder(int order) =>
        order is >= 1 and <= 31
            ? AllProvinces[order - 1]
            : throw new ArgumentOutOfRangeException(nameof(order), order, "NBS province order runs from 1 (Beijing) to 31 (Xinjiang).");

    /// <summary>Message for a name that does not resolve.</summary>
    public static string UnknownMessage(string? name) =>
        $"'{name}' is not a recognised province name or GB/T 2260 code (e.g. 北京, 北京市, Beijing, 110000)";

    /// <summary>
    /// Canonical lookup key: full-width forms folded, spaces, punctuation and administrative suffixes removed
    /// (省, 市, 自治区 and its ethnic qualifiers, 特别行政区, province, municipality, autonomous region, SAR),
    /// lower-case.
    /// </summary>
    internal static string Normalize(string name)
    {
        var s = name.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        s = sb.ToString();

        // A numeric code: GB/T 2260 six digits (a spreadsheet may give 110000.0) or the two-digit prefix.
        if (double.TryParse(name.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (number != Math.Floor(number) || number < 0 || number > 999999) return "#" + s;
            var code = ((long)number).ToString(CultureInfo.InvariantCulture);
            return code.Length == 2 ? code + "0000" : code;
        }
        if (s.StartsWith("cn", StringComparison.Ordinal) && name.TrimStart().StartsWith("CN-", StringComparison.OrdinalIgnoreCase))
        {
            var rest = s[2..];
            return rest.All(char.IsAsciiDigit) && rest.Length == 2 ? rest + "0000" : "iso:" + rest;
        }

        foreach (var suffix in ZhSuffixes)
            if (s.Length > suffix.Length + 1 && s.EndsWith(suffix, StringComparison.Ordinal)) { s = s[..^suffix.Length]; break; }
        foreach (var suffix in EnSuffixes)
            if (s.Length > suffix.Length + 2 && s.EndsWith(suffix, StringComparison.Ordinal)) { s = s[..^suffix.Length]; break; }
        foreach (var qualifier in EnQualifiers)
            if (s.Length > qualifier.Length + 2 && s.EndsWith(qualifier, StringComparison.Ordinal)) { s = s[..^qualifier.Length]; break; }
        return s;
    }

    private static Dictionary<string, Province> BuildLookup()
    {
        var map = new Dictionary<string, Province>(StringComparer.Ordinal);
        for (var i = 0; i < Table.Length; i++)
        {
            var t = Table[i];
            var p = AllProvinces[i];
            void Add(string key)
            {
                if (map.TryGetValue(key, out var existing) && !ReferenceEquals(existing, p))
                    throw new InvalidOperationException($"Province alias '{key}' is ambiguous ({existing.Code}, {p.Code}).");
                map[key] = p;
            }
            Add(t.Code);
            Add("iso:" + t.Iso.ToLowerInvariant());
            Add(Normalize(t.Zh));
            Add(Normalize(t.Short));
            Add(t.Short);
            Add(Normalize(t.En));
            foreach (var a in t.Aliases) Add(Normalize(a));
        }
        return map;
    }

    /// <summary>Formats a code for files: six digits, invariant culture.</summary>
    public static string FormatCode(int code) => code.ToString("D6", CultureInfo.InvariantCulture);
}
