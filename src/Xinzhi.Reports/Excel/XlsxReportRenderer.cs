using System.Globalization;
using MiniExcelLibs;
using Xinzhi.Reports.Model;

namespace Xinzhi.Reports.Excel;

/// <summary>
/// Writes every table of a <see cref="ReportModel"/> to one XLSX workbook (MiniExcel), one sheet per table, headers
/// in Chinese and English ("得分 Score"), numbers as numeric cells at full precision, missing values as empty cells.
/// Sheet names are "中文 English" too, shortened to Excel's 31-character limit.
/// </summary>
public static class XlsxReportRenderer
{
    public static void Write(ReportModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, rows) in Tables(model))
        {
            sheets[name] = rows;
        }
        Xinzhi.Runs.AtomicFile.Write(path, tmp =>
        {
            // MiniExcel chooses the format from the extension, so give the temporary file one.
            var xlsxTmp = tmp + ".xlsx";
            try
            {
                MiniExcel.SaveAs(xlsxTmp, sheets, printHeader: true, excelType: ExcelType.XLSX, overwriteFile: true);
                File.Move(xlsxTmp, tmp, overwrite: true);
            }
            finally
            {
                if (File.Exists(xlsxTmp)) File.Delete(xlsxTmp);
            }
        });
    }

    /// <summary>The workbook's tables in order: (sheet name, rows). Each row maps a bilingual header to a value.</summary>
    public static IReadOnlyList<(string Sheet, List<Dictionary<string, object?>> Rows)> Tables(ReportModel model)
    {
        var tables = new List<(string, List<Dictionary<string, object?>>)>();
        var entity = model.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var group = model.Groups.ToDictionary(g => g.Key, StringComparer.Ordinal);

        void AddEntity(Dictionary<string, object?> row, string id)
        {
            row[H("代码", "id")] = id;
            entity.TryGetValue(id, out var e);
            row[H("名称", "name_zh")] = e?.Name.Zh;
            row[H("Name", "name_en")] = e?.Name.En;
            row[H("区域", "group")] = e?.Group is { } g && group.TryGetValue(g, out var gg) ? gg.Name.Both : e?.Group;
        }

        // About: metadata, provenance, unavailable sections.
        var about = new List<Dictionary<string, object?>>();
        void Kv(string zh, string en, object? value) =>
            about.Add(new() { [H("项目", "item")] = $"{zh} {en}", [H("内容", "value")] = value });
        Kv("标题", "Title", model.Metadata.Title.Both);
        Kv("数据", "Dataset", model.Metadata.Dataset.Both);
        if (model.Metadata.Framework is { } fw) Kv("指标体系", "Framework", $"{fw.Both} ({model.Metadata.FrameworkId})");
        if (model.Metadata.Years.Count > 0) Kv("年份", "Years", $"{model.Metadata.Years[0]}–{model.Metadata.Years[^1]}");
        Kv("生成时间", "Generated (UTC)", model.Metadata.GeneratedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Kv("程序版本", "Program version", model.Metadata.ProgramVersion);
        if (model.Provenance.Command.Length > 0) Kv("命令", "Command", model.Provenance.Command);
        foreach (var input in model.Provenance.Inputs) Kv("输入文件", "Input file", $"{input.Path}  sha256={input.Sha256}  bytes={input.Bytes}");
        foreach (var w in model.Provenance.Warnings) Kv("警告", "Warning", w);
        foreach (var u in model.Unavailable) Kv("不可用", "Not available", $"{u.Section}: {u.Reason.Both}");
        foreach (var h in model.Metadata.Highlights) Kv("要点", "Highlight", h.Both);
        tables.Add((Sheet("说明", "About"), about));

        var methods = new List<Dictionary<string, object?>>();
        foreach (var m in model.Methods)
        {
            methods.Add(new() { [H("方法", "method")] = m.Title.Both, [H("选项", "option")] = null, [H("取值", "value")] = null, [H("说明", "note")] = m.Text.Both });
            foreach (var c in m.Choices)
            {
                methods.Add(new() { [H("方法", "method")] = m.Title.Both, [H("选项", "option")] = c.Name.Both, [H("取值", "value")] = c.Value, [H("说明", "note")] = c.Note?.Both });
            }
        }
        tables.Add((Sheet("方法", "Methods"), methods));

        if (model.Index is { } index)
        {
            var nodes = index.Nodes;
            var scores = new List<Dictionary<string, object?>>(index.Scores.Count);
            foreach (var s in index.Scores)
            {
                var row = new Dictionary<string, object?>();
                AddEntity(row, s.Id);
                row[H("年份", "time")] = s.Time;
                row[H("综合指数", "score")] = s.Score;
                row[H("排名", "rank")] = s.Rank;
                foreach (var n in nodes)
                {
                    row[$"{n.Name.Zh} {n.Name.En} ({n.Id})"] = s.SubScores.TryGetValue(n.Id, out var v) ? Num(v) : null;
                }
                scores.Add(row);
            }
            tables.Add((Sheet("得分", "Scores"), scores));

            var nodeNames = nodes.ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
            tables.Add((Sheet("权重", "Weights"), index.Weights.Select(w => new Dictionary<string, object?>
            {
                [H("指标列", "indicator")] = w.Indicator,
                [H("指标", "name_zh")] = w.Name.Zh,
                [H("Indicator", "name_en")] = w.Name.En,
                [H("方向", "direction")] = w.Direction,
                [H("单位", "unit")] = w.Unit,
                [H("权重", "weight")] = w.Weight,
                [H("信息熵", "entropy")] = Num(w.Entropy),
                [H("差异系数", "divergence")] = Num(w.Divergence),
                [H("所属维度", "node")] = nodeNames.TryGetValue(w.Node, out var nn) ? $"{nn.Both} ({w.Node})" : w.Node,
                [H("路径", "path")] = w.Path,
            }).ToList()));
        }

        if (model.Tfp is { } tfp)
        {
            if (tfp.Efficiency.Count > 0)
            {
                tables.Add((Sheet("绿色效率", "Green efficiency"), tfp.Efficiency.Select(r =>
                {
                    var row = new Dictionary<string, object?>();
                    AddEntity(row, r.Id);
                    row[H("年份", "time")] = r.Time;
                    row[H("效率", "efficiency")] = Num(r.Efficiency);
                    row[H("求解状态", "status")] = r.Status;
                    return row;
                }).ToList()));
            }
            tables.Add((Sheet("GTFP指数", "GTFP index"), tfp.Changes.Select(r =>
            {
                var row = new Dictionary<string, object?>();
                AddEntity(row, r.Id);
                row[H("起始年", "from")] = r.From;
                row[H("结束年", "to")] = r.To;
                row[H("GTFP变化", "tfpch")] = Num(r.Tfpch);
                row[H("效率变化", "effch")] = Num(r.Effch);
                row[H("技术变化", "techch")] = Num(r.Techch);
                row[H("纯效率变化", "pech")] = Num(r.Pech);
                row[H("规模效率变化", "sech")] = Num(r.Sech);
                return row;
            }).ToList()));
            if (tfp.Cumulative.Count > 0)
            {
                tables.Add((Sheet("累计GTFP", "Cumulative GTFP"), tfp.Cumulative.Select(r =>
                {
                    var row = new Dictionary<string, object?>();
                    AddEntity(row, r.Id);
                    row[H("年份", "time")] = r.Time;
                    row[H("累计GTFP", "cumulative_gtfp")] = Num(r.Value);
                    return row;
                }).ToList()));
            }
        }

        if (model.Dagum is { } dagum)
        {
            string? GroupName(string? key) => key is null ? null : group.TryGetValue(key, out var g) ? $"{g.Name.Both} ({key})" : key;
            tables.Add((Sheet("Dagum基尼", "Dagum Gini"), dagum.Rows.Select(r => new Dictionary<string, object?>
            {
                [H("年份", "time")] = r.Time,
                [H("成分", "component")] = r.Component,
                [H("含义", "meaning")] = DagumComponent(r.Component).Both,
                [H("数值", "value")] = Num(r.Value),
                [H("组", "group")] = GroupName(r.Group),
                [H("组2", "group2")] = GroupName(r.Group2),
            }).ToList()));
        }

        if (model.Kde is { } kde)
        {
            var rows = new List<Dictionary<string, object?>>();
            foreach (var c in kde.Curves)
            {
                for (var i = 0; i < c.X.Count; i++)
                {
                    rows.Add(new() { [H("年份", "time")] = c.Time, [H("带宽", "bandwidth")] = c.Bandwidth, [H("取值", "x")] = c.X[i], [H("密度", "density")] = c.Density[i] });
                }
            }
            tables.Add((Sheet("核密度", "Kernel density"), rows));
        }

        if (model.Coupling is { } coupling)
        {
            tables.Add((Sheet("耦合协调", "Coupling"), coupling.Rows.Select(r =>
            {
                var row = new Dictionary<string, object?>();
                AddEntity(row, r.Id);
                row[H("年份", "time")] = r.Time;
                row[H("耦合度", "C")] = Num(r.C);
                row[H("综合协调指数", "T")] = Num(r.T);
                row[H("耦合协调度", "D")] = Num(r.D);
                row[H("等级", "level")] = r.Level;
                row[H("协调类型", "level_name")] = r.Level >= 1 && r.Level <= coupling.Levels.Count ? coupling.Levels[r.Level - 1].Both : null;
                return row;
            }).ToList()));
        }

        if (model.Obstacles is { } obstacles)
        {
            tables.Add((Sheet("障碍度", "Obstacles"), obstacles.Rows.Select(r =>
            {
                var row = new Dictionary<string, object?>();
                AddEntity(row, r.Id);
                row[H("年份", "time")] = r.Time;
                row[H("位次", "rank")] = r.Rank;
                row[H("指标列", "indicator")] = r.Indicator;
                row[H("指标", "name_zh")] = r.Name.Zh;
                row[H("Indicator", "name_en")] = r.Name.En;
                row[H("障碍度", "degree")] = Num(r.Degree);
                return row;
            }).ToList()));
            if (obstacles.Nodes.Count > 0)
            {
                tables.Add((Sheet("维度障碍度", "Node obstacles"), obstacles.Nodes.Select(r =>
                {
                    var row = new Dictionary<string, object?>();
                    AddEntity(row, r.Id);
                    row[H("年份", "time")] = r.Time;
                    row[H("维度", "node")] = r.Node;
                    row[H("障碍度", "degree")] = Num(r.Degree);
                    return row;
                }).ToList()));
            }
        }

        if (model.Forecasts is { } forecasts)
        {
            tables.Add((Sheet("预测", "Forecasts"), forecasts.Rows.Select(r =>
            {
                var row = new Dictionary<string, object?>();
                AddEntity(row, r.Id);
                row[H("年份", "time")] = r.Time;
                row[H("实际值", "value")] = Num(r.Value);
                row[H("拟合值", "fitted")] = Num(r.Fitted);
                row[H("预测值", "forecast")] = Num(r.Forecast);
                return row;
            }).ToList()));
            if (forecasts.Fits.Count > 0)
            {
                tables.Add((Sheet("预测精度", "Forecast accuracy"), forecasts.Fits.Select(f =>
                {
                    var row = new Dictionary<string, object?>();
                    AddEntity(row, f.Id);
                    row[H("发展系数a", "a")] = Num(f.A);
                    row[H("灰作用量b", "b")] = Num(f.B);
                    row[H("后验差比C", "posterior_error_ratio")] = Num(f.PosteriorErrorRatio);
                    row[H("小误差概率P", "small_error_probability")] = Num(f.SmallErrorProbability);
                    row[H("精度等级", "accuracy")] = f.Accuracy.Both;
                    return row;
                }).ToList()));
            }
        }
        return tables;
    }

    /// <summary>Meaning of a Dagum component code (the codes of <see cref="DagumRow"/>).</summary>
    public static Label DagumComponent(string component) => component switch
    {
        "G" => new("总体基尼系数", "overall Gini"),
        "Gw" => new("区域内差异贡献", "within-group contribution"),
        "Gnb" => new("区域间净差异贡献", "net between-group contribution"),
        "Gt" => new("超变密度贡献", "transvariation contribution"),
        "Gw_share" => new("区域内差异贡献率", "within-group share"),
        "Gnb_share" => new("区域间净差异贡献率", "net between-group share"),
        "Gt_share" => new("超变密度贡献率", "transvariation share"),
        "Gjj" => new("区域内基尼系数", "within-group Gini of a group"),
        "Gjh" => new("区域间基尼系数", "between-group Gini of a pair"),
        _ => Label.Same(component),
    };

    private static string H(string zh, string en) => $"{zh} {en}";

    /// <summary>Excel has no NaN: a missing or non-finite value is an empty cell.</summary>
    private static object? Num(double? v) => v is { } d && double.IsFinite(d) ? d : null;

    private static string Sheet(string zh, string en)
    {
        var name = $"{zh} {en}";
        return name.Length <= 31 ? name : name[..31];
    }
}
