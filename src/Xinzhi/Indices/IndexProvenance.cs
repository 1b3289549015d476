using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Indices;

/// <summary>Builds the run.json record of an index run: every option (defaults included), inputs, fill, AHP consistency.</summary>
public static class IndexProvenance
{
    public static RunRecord Build(string command, IndexResult result, IReadOnlyList<InputFile> inputs, FillReport fill,
        string idColumn, string? timeColumn, string? sheet, DateTimeOffset started)
    {
        var spec = new Dictionary<string, object?>
        {
            ["id_column"] = idColumn,
            ["time_column"] = timeColumn,
            ["sheet"] = sheet,
            ["rows"] = result.RowCount,
            ["entities"] = result.Ids.Distinct(StringComparer.Ordinal).Count(),
            ["periods"] = result.Periods,
            ["indicators"] = result.Model.Indicators.Select(i => new Dictionary<string, object?>
            {
                ["column"] = i.Column, ["direction"] = i.DirectionSymbol, ["node"] = i.Node, ["path"] = i.Path,
            }).ToList(),
        };
        if (result.Model.Framework is { } f)
            spec["framework"] = new Dictionary<string, object?>
            {
                ["id"] = f.Id, ["version"] = f.Version, ["origin"] = f.Origin, ["sha256"] = f.Sha256,
                ["status"] = f.Status.ToString().ToLowerInvariant(), ["source"] = f.Source,
            };
        else spec["framework"] = null;
        foreach (var (k, v) in result.Options.ToSpecification()) spec[k] = v;
        spec["entropy_n"] = result.Options.Weights.UsesEntropy ? result.EntropyRows : null;
        spec["fill"] = IndexOptions.Kebab(fill.Method);
        spec["fill_report"] = new Dictionary<string, object?> { ["method"] = IndexOptions.Kebab(fill.Method), ["filled_cells"] = fill.FilledCells, ["total"] = fill.Total };
        if (result.Ahp.Count > 0)
            spec["ahp_consistency"] = result.Ahp.Select(a => new Dictionary<string, object?>
            {
                ["group"] = a.Group, ["items"] = a.Items, ["lambda_max"] = a.LambdaMax, ["ci"] = a.ConsistencyIndex,
                ["ri"] = a.RandomIndex, ["cr"] = a.ConsistencyRatio, ["accepted"] = a.Accepted,
            }).ToList();
        var warnings = new List<string>(result.Warnings);
        if (result.Model.Framework is { } fw)
        {
            warnings.AddRange(fw.Warnings);
            if (fw.Status == Frameworks.FrameworkStatus.Unverified)
                warnings.Add($"framework '{fw.Id}' is an unverified literature template: its indicators were not checked against the paper's table");
        }
        foreach (var (col, count) in fill.FilledCells)
            if (count > 0) warnings.Add($"{count} missing value(s) of '{col}' filled by {IndexOptions.Kebab(fill.Method)}");
        return new RunRecord
        {
            Command = command,
            Method = "composite-index/" + result.Options.Weights.ToOptionText() + "/" + IndexOptions.Kebab(result.Options.Aggregation),
            StartedUtc = started,
            Inputs = inputs,
            Specification = spec,
            Warnings = warnings,
        };
    }
}
