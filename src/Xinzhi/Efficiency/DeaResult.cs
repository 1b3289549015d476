namespace Xinzhi.Efficiency;

/// <summary>Results of a DEA run over all units, with diagnostics.</summary>
/// <param name="FrontierSize">Units in the screened frame the LPs used (= unit count when not screened).</param>
public sealed record DeaResult(
    DeaOptions Options,
    IReadOnlyList<DeaUnitResult> Units,
    IReadOnlyList<DeaWarning> Warnings,
    int FrontierSize,
    long TotalIterations)
{
    public int InfeasibleCount
    {
        get
        {
            var c = 0;
            foreach (var u in Units) if (u.Status == DeaStatus.Infeasible) c++;
            return c;
        }
    }
}
