using Xinzhi.Frameworks;
using Xinzhi.Reports.Model;

namespace Xinzhi.Reports.Pipeline;

/// <summary>The literature behind each method of the study, and the data sources named by the framework.</summary>
public static class Citations
{
    public static readonly IReadOnlyList<Citation> Methods =
    [
        new("Shannon, C. E. (1948). A mathematical theory of communication. Bell System Technical Journal 27, 379–423.", new Label("熵权法", "entropy weights")),
        new("Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications. Springer.", new Label("TOPSIS", "TOPSIS")),
        new("Tone, K. (2001). A slacks-based measure of efficiency in data envelopment analysis. European Journal of Operational Research 130, 498–509.", new Label("SBM 模型", "SBM model")),
        new("Oh, D. (2010). A global Malmquist-Luenberger productivity index. Journal of Productivity Analysis 34, 183–197.", new Label("GML 指数", "GML index")),
        new("Pastor, J. T. & Lovell, C. A. K. (2005). A global Malmquist productivity index. Economics Letters 88, 266–271.", new Label("全局 Malmquist", "global Malmquist")),
        new("Färe, R., Grosskopf, S., Norris, M. & Zhang, Z. (1994). Productivity growth, technical progress, and efficiency change in industrialized countries. American Economic Review 84, 66–83.", new Label("Malmquist 分解", "Malmquist decomposition")),
        new("Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality ratio. Empirical Economics 22, 515–531.", new Label("Dagum 基尼系数", "Dagum Gini")),
        new("Silverman, B. W. (1986). Density Estimation for Statistics and Data Analysis. Chapman & Hall.", new Label("核密度估计", "kernel density")),
        new("廖重斌 (1999). 环境与经济协调发展的定量评判及其分类体系. 热带地理 19(2), 171–177.", new Label("耦合协调度", "coupling coordination")),
        new("邓聚龙 (Deng, J.) (1982). Control problems of grey systems. Systems & Control Letters 1, 288–294.", new Label("GM(1,1)", "GM(1,1)")),
        new("中共中央政治局第十一次集体学习 (2024-01-31). 加快发展新质生产力，扎实推进高质量发展.", new Label("新质生产力定义", "NQPF definition")),
    ];

    /// <summary>The sources and licences of data/china-provinces, as its README states them.</summary>
    public static readonly IReadOnlyList<Citation> ChinaData =
    [
        new("国家统计局、科学技术部《中国科技统计年鉴》; 国家统计局《中国统计年鉴》; 《中国高技术产业统计年鉴》. Compiled in the R package techme (Hu Huaping, MIT).", new Label("科技与统计指标", "science, technology and statistical indicators")),
        new("National Bureau of Statistics of China, data.stats.gov.cn; compiled in RenJiyi163/panel_data_analysis_for_thesis (MIT).", new Label("国家统计局分省数据", "NBS provincial data")),
        new("张军, 吴桂英, 张吉鹏 (2004). 中国省际物质资本存量估算: 1952—2000. 经济研究 (10), 35–44; 陈普, 万科 (2021). 统计与决策 37(9), 37–40. Via CHNCapitalStock v0.1.1 (Chen Pu, GPL-2).", new Label("资本存量", "capital stock")),
        new("Shan, Y. et al. (2016) Applied Energy 184; Shan, Y. et al. (2018) Scientific Data 5, 170201; Shan, Y. et al. (2020) Scientific Data 7, 54; Guan, Y. et al. (2021) Earth's Future 9. CEADs via OpenClimate (Apache-2.0).", new Label("二氧化碳排放（CEADs）", "CO₂ emissions (CEADs)")),
        new("Definitions, units, coverage and every repair: data/china-provinces/README.md (shipped with Xinzhi).", new Label("数据说明", "data notes")),
    ];

    /// <summary>Methods, then the framework's own citation and its indicators' sources, then the China data sources.</summary>
    public static IReadOnlyList<Citation> For(Framework framework)
    {
        var list = new List<Citation>(Methods);
        if (!string.IsNullOrWhiteSpace(framework.Source)) list.Add(new Citation(framework.Source, new Label("指标体系", "indicator framework")));
        foreach (var s in framework.Indicators.Select(i => i.Source).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal))
        {
            list.Add(new Citation(s, new Label("指标来源", "indicator source")));
        }
        if (framework.Id.Contains("china-provinces", StringComparison.OrdinalIgnoreCase)) list.AddRange(ChinaData);
        return list;
    }
}
