using Xinzhi.Data;

namespace Xinzhi.Analysis.Obstacle;

/// <summary>Obstacle of one item (indicator or framework node) for one entity-period.</summary>
/// <param name="Kind">"indicator" or "node".</param>
/// <param name="Contribution">Factor contribution F_j (indicators; Σ F_j over the node for nodes).</param>
/// <param name="Deviation">Indicator deviation I_ij = 1 − x'_ij (indicators only; NaN for nodes).</param>
/// <param name="Obstacle">O_ij as a share (Σ over indicators = 1), or U_iD for a node.</param>
/// <param name="Rank">1 = largest obstacle among the items of the same kind for this entity-period.</param>
public sealed record ObstacleItem(string Kind, string Item, string Path, string NameZh, string NameEn,
    double Contribution, double Deviation, double Obstacle, int Rank);

/// <summary>Obstacles of one entity-period.</summary>
public sealed record ObstacleRow(string Id, string? Time, IReadOnlyList<ObstacleItem> Indicators, IReadOnlyList<ObstacleItem> Nodes);

public sealed record ObstacleResult(IReadOnlyList<ObstacleRow> Rows, IReadOnlyList<AnalysisWarning> Warnings);

/// <summary>
/// Obstacle degree model (障碍度模型):
/// <code>
/// F_j = w_j (final global weight of the index run), I_ij = 1 − x'_ij, O_ij = F_j I_ij / Σ_j F_j I_ij,
/// U_iD = Σ_{j ∈ D} O_ij for every framework node D on the indicator's path.
/// </code>
/// The weights of contract B are already global (Σ w = 1, a node's weight multiplied in), so F_j = w_j equals the
/// hierarchical w_j × W_D of domain.md §3.7. x' must lie in [0, 1].
/// </summary>
public static class ObstacleDegree
{
    public static ObstacleResult Compute(IndexRun run)
    {
        var m = run.Indicators.Count;
        var n = run.Ids.Length;
        var issues = new DataIssueCollector();
        for (var j = 0; j < m; j++)
            for (var i = 0; i < n; i++)
            {
                var x = run.Normalized[j][i];
                if (!(x >= -1e-12 && x <= 1 + 1e-12))
                    issues.Add(run.NormalizedFile, run.SourceRows[i], run.Indicators[j].Column,
                        $"standardised value {x} is outside [0, 1]; the deviation 1 − x' needs min-max standardised data");
            }
        issues.ThrowIfAny();

        var warnings = new List<AnalysisWarning>();
        var wsum = run.Indicators.Sum(x => x.Weight);
        if (Math.Abs(wsum - 1) > 1e-6)
            warnings.Add(new AnalysisWarning("weights-not-normalised", $"weights sum to {wsum}, not 1; obstacle shares are unaffected (they are relative)"));

        // Nodes in first-appearance order with their indicator members.
        var nodeOrder = new List<string>();
        var nodePath = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j < m; j++)
        {
            var anc = run.Indicators[j].Ancestors;
            for (var a = 0; a < anc.Length; a++)
            {
                if (!members.TryGetValue(anc[a], out var list))
                {
                    list = [];
                    members.Add(anc[a], list);
                    nodeOrder.Add(anc[a]);
                    nodePath[anc[a]] = string.Join('/', anc.Take(a + 1));
                }
                list.Add(j);
            }
        }

        var rows = new List<ObstacleRow>(n);
        var fi = new double[m];
        for (var i = 0; i < n; i++)
        {
            var total = 0.0;
            for (var j = 0; j < m; j++)
            {
                fi[j] = run.Indicators[j].Weight * (1 - run.Normalized[j][i]);
                total += fi[j];
            }
            if (total <= 0)
                warnings.Add(new AnalysisWarning("no-deviation",
                    $"entity '{run.Ids[i]}' period '{run.Times[i]}' is at the best value of every weighted indicator; all obstacles are 0"));
            var share = new double[m];
            for (var j = 0; j < m; j++) share[j] = total > 0 ? fi[j] / total : 0;
            var indRanks = Ranks(share);
            var inds = new ObstacleItem[m];
            for (var j = 0; j < m; j++)
            {
                var x = run.Indicators[j];
                inds[j] = new ObstacleItem("indicator", x.Column, x.Path, x.NameZh, x.NameEn, x.Weight, 1 - run.Normalized[j][i], share[j], indRanks[j]);
            }
            var nodeValues = new double[nodeOrder.Count];
            var nodeWeights = new double[nodeOrder.Count];
            for (var d = 0; d < nodeOrder.Count; d++)
                foreach (var j in members[nodeOrder[d]])
                {
                    nodeValues[d] += share[j];
                    nodeWeights[d] += run.Indicators[j].Weight;
                }
            var nodeRanks = Ranks(nodeValues);
            var nodes = new ObstacleItem[nodeOrder.Count];
            for (var d = 0; d < nodeOrder.Count; d++)
                nodes[d] = new ObstacleItem("node", nodeOrder[d], nodePath[nodeOrder[d]], "", "", nodeWeights[d], double.NaN, nodeValues[d], nodeRanks[d]);
            rows.Add(new ObstacleRow(run.Ids[i], run.Times[i], inds, nodes));
        }
        return new ObstacleResult(rows, warnings);
    }

    /// <summary>Ordinal 1-based ranks by descending value; ties are ranked in input order (deterministic).</summary>
    private static int[] Ranks(double[] v)
    {
        var idx = Enumerable.Range(0, v.Length).OrderByDescending(j => v[j]).ThenBy(j => j).ToArray();
        var r = new int[v.Length];
        for (var k = 0; k < idx.Length; k++) r[idx[k]] = k + 1;
        return r;
    }
}
