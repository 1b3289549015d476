namespace Xinzhi.Data.Regions;

/// <summary>
/// The National Bureau of Statistics four-region division of mainland China (东部 / 中部 / 西部 / 东北), in use since
/// 2011: East = Beijing, Tianjin, Hebei, Shanghai, Jiangsu, Zhejiang, Fujian, Shandong, Guangdong, Hainan; Central =
/// Shanxi, Anhui, Jiangxi, Henan, Hubei, Hunan; West = Inner Mongolia, Guangxi, Chongqing, Sichuan, Guizhou, Yunnan,
/// Tibet, Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang; Northeast = Liaoning, Jilin, Heilongjiang.
/// </summary>
public enum Region
{
    /// <summary>东部地区.</summary>
    East,

    /// <summary>中部地区.</summary>
    Central,

    /// <summary>西部地区.</summary>
    West,

    /// <summary>东北地区.</summary>
    Northeast,
}

/// <summary>Names of the four regions as written in data files and reports.</summary>
public static class RegionNames
{
    /// <summary>Lower-case English key used in data files: east, central, west, northeast.</summary>
    public static string Key(this Region region) => region switch
    {
        Region.East => "east",
        Region.Central => "central",
        Region.West => "west",
        _ => "northeast",
    };

    public static string NameZh(this Region region) => region switch
    {
        Region.East => "东部",
        Region.Central => "中部",
        Region.West => "西部",
        _ => "东北",
    };

    public static string NameEn(this Region region) => region switch
    {
        Region.East => "East",
        Region.Central => "Central",
        Region.West => "West",
        _ => "Northeast",
    };
}
