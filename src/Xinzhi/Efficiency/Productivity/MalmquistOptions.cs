namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// Every variant choice of a Malmquist-family index, with the literature defaults (domain.md §4.9, T08–T11):
/// radial input distances, CRS index, contemporaneous technology, ratio form with > 1 = progress, FGNZ split of
/// effch into pech × sech when <see cref="Scale"/> is VRS.
/// </summary>
/// <param name="Model">Distance function: radial (Malmquist), SBM, or DDF (Malmquist-Luenberger, GML, Luenberger).</param>
/// <param name="Scale">
/// CRS: the index on CRS distances, pech and sech not computed. VRS: see <paramref name="VrsDefinition"/>.
/// </param>
/// <param name="Orientation">Orientation of radial/SBM distances (ignored for the DDF, whose direction is <paramref name="Direction"/>).</param>
/// <param name="Technology">Contemporaneous, sequential or global (Pastor-Lovell 2005 / Oh 2010) technology.</param>
/// <param name="Index">Ratio (Malmquist, Malmquist-Luenberger, GML) or additive Luenberger indicator.</param>
/// <param name="VrsDefinition">Meaning of "VRS Malmquist" (oracles.md C2); FGNZ by default.</param>
/// <param name="Direction">DDF direction; g = (0, y, −b) by default (Chung-Färe-Grosskopf 1997).</param>
/// <param name="Unbalanced">Handling of units missing in some periods.</param>
/// <param name="BiasedTechnicalChange">
/// Also split techch = obtech × ibtech × matech (Färe, Grifell-Tatjé, Grosskopf &amp; Lovell 1997, as deaR "bias");
/// ratio form with a contemporaneous or sequential technology only.
/// </param>
/// <param name="Convention">Output-orientation direction convention (oracles.md C1); FGNZ by default.</param>
/// <param name="MaxDegreeOfParallelism">Batches evaluated concurrently (−1 = all cores).</param>
/// <param name="SbmCrossPeriod">SBM only: super-SBM δ (default, with or without bad outputs) or "infeasible" for a
/// point outside the other period's technology (docs/malmquist.md).</param>
public sealed record MalmquistOptions(
    DistanceModel Model = DistanceModel.Radial,
    ScaleAssumption Scale = ScaleAssumption.Constant,
    DistanceOrientation Orientation = DistanceOrientation.Input,
    TechnologyType Technology = TechnologyType.Contemporaneous,
    ProductivityIndexKind Index = ProductivityIndexKind.Malmquist,
    VrsDefinition VrsDefinition = VrsDefinition.Fgnz,
    DdfDirection Direction = DdfDirection.Outputs,
    UnbalancedPanelPolicy Unbalanced = UnbalancedPanelPolicy.UseAvailable,
    bool BiasedTechnicalChange = false,
    IndexConvention Convention = IndexConvention.Fgnz,
    int MaxDegreeOfParallelism = -1,
    SbmCrossPeriod SbmCrossPeriod = SbmCrossPeriod.Super)
{
    /// <summary>Returns to scale of the distances that make up tfpch and techch.</summary>
    public ScaleAssumption IndexScale =>
        Scale == ScaleAssumption.Variable && VrsDefinition == VrsDefinition.VrsTechnology
            ? ScaleAssumption.Variable
            : ScaleAssumption.Constant;

    /// <summary>True when effch is split into pech × sech (pech + sech for Luenberger) with VRS distances.</summary>
    public bool SplitsEfficiencyChange => Scale == ScaleAssumption.Variable && VrsDefinition != VrsDefinition.VrsTechnology;

    /// <summary>True for the Ray-Desli and generalised decompositions (techch from VRS distances).</summary>
    public bool UsesVrsTechnicalChange => Scale == ScaleAssumption.Variable && VrsDefinition is VrsDefinition.RayDesli or VrsDefinition.Generalized;

    /// <summary>True when the ratio components are reported as reciprocals (Benchmarking parity, output orientation).</summary>
    public bool ReportsReciprocals =>
        Convention == IndexConvention.Benchmarking && Index == ProductivityIndexKind.Malmquist &&
        Model != DistanceModel.Ddf && Orientation == DistanceOrientation.Output;

    /// <summary>A short method label for provenance, e.g. "Malmquist-Luenberger (global, DDF)".</summary>
    public string MethodName()
    {
        var name = (Index, Model, Technology) switch
        {
            (ProductivityIndexKind.Luenberger, _, _) => "Luenberger productivity indicator",
            (_, DistanceModel.Ddf, TechnologyType.Global) => "Global Malmquist-Luenberger (GML, Oh 2010)",
            (_, DistanceModel.Ddf, _) => "Malmquist-Luenberger (Chung-Färe-Grosskopf 1997)",
            (_, _, TechnologyType.Global) => "Global Malmquist (Pastor-Lovell 2005)",
            (_, DistanceModel.Sbm, _) => "SBM Malmquist",
            _ => "Malmquist (Färe-Grosskopf-Norris-Zhang 1994)",
        };
        return $"{name}; {Technology.ToString().ToLowerInvariant()} technology; {Model.ToString().ToLowerInvariant()} distances";
    }
}
