namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// Converts raw distance values into the two scales the indices use, so that one formula serves every model.
/// <list type="bullet">
/// <item><b>Efficiency scale</b> E (ratio indices): 1 on the frontier, larger = closer to the frontier.
/// Radial input: E = θ (= 1/Shephard input distance); radial output: E = 1/φ (Shephard output distance D_o);
/// SBM: E = ρ; DDF: E = 1/(1 + β). With these the Malmquist formula
/// M = [E^t(t+1)/E^t(t) · E^{t+1}(t+1)/E^{t+1}(t)]^{1/2} is the FGNZ index in either orientation (> 1 = progress,
/// oracles.md C1) and the Malmquist-Luenberger index of Chung-Färe-Grosskopf (1997) for the DDF.</item>
/// <item><b>Inefficiency scale</b> D (Luenberger indicator): 0 on the frontier, larger = farther.
/// DDF: D = β; radial input: D = 1 − θ (the DDF with g = (x, 0)); radial output: D = φ − 1 (the DDF with g = (0, y)).
/// SBM has no directional counterpart here and is refused.</item>
/// </list>
/// </summary>
public static class DistanceScale
{
    /// <summary>Efficiency-scale value of a raw distance (NaN stays NaN).</summary>
    public static double ToEfficiency(DistanceModel model, DistanceOrientation orientation, double raw) => model switch
    {
        DistanceModel.Radial => orientation == DistanceOrientation.Output ? 1.0 / raw : raw,
        DistanceModel.Sbm => raw,
        DistanceModel.Ddf => 1.0 / (1.0 + raw),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    /// <summary>Inefficiency-scale value (directional distance) of a raw distance (NaN stays NaN).</summary>
    public static double ToInefficiency(DistanceModel model, DistanceOrientation orientation, double raw) => model switch
    {
        DistanceModel.Radial => orientation == DistanceOrientation.Output ? raw - 1.0 : 1.0 - raw,
        DistanceModel.Ddf => raw,
        _ => throw new SpecificationException(
            "The additive Luenberger indicator needs a directional measure: use --model ddf (or radial).")
    };
}
