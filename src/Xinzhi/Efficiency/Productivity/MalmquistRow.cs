namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// The index of one unit between two adjacent periods <see cref="From"/> → <see cref="To"/>.
/// Ratio form: tfpch = effch × techch and effch = pech × sech, > 1 = progress. Luenberger form: the same identities
/// with + instead of ×, > 0 = progress. NaN = no value (see <see cref="Status"/>), never a guess.
/// </summary>
/// <param name="Entity">Unit id.</param>
/// <param name="From">Base period t.</param>
/// <param name="To">Comparison period t+1.</param>
/// <param name="Tfpch">Total factor productivity change (M, ML, GML or L).</param>
/// <param name="Effch">Efficiency change (catch-up).</param>
/// <param name="Techch">Technical change (frontier shift; best-practice gap change for the global index).</param>
/// <param name="Pech">Pure (VRS) efficiency change; NaN when not computed.</param>
/// <param name="Sech">Scale efficiency change; NaN when not computed.</param>
/// <param name="Status">Row status.</param>
/// <param name="CumulativeTfpch">Chain product (sum for Luenberger) of tfpch from the unit's first period (= 1, or 0).</param>
/// <param name="CumulativeEffch">Chain of effch.</param>
/// <param name="CumulativeTechch">Chain of techch.</param>
/// <param name="Distances">The distances (efficiency or inefficiency scale) the row was computed from.</param>
/// <param name="Obtech">Output-biased technical change (NaN unless requested).</param>
/// <param name="Ibtech">Input-biased technical change (NaN unless requested).</param>
/// <param name="Matech">Magnitude of technical change (NaN unless requested); techch = obtech × ibtech × matech.</param>
public sealed record MalmquistRow(
    string Entity,
    int From,
    int To,
    double Tfpch,
    double Effch,
    double Techch,
    double Pech,
    double Sech,
    MalmquistStatus Status,
    double CumulativeTfpch,
    double CumulativeEffch,
    double CumulativeTechch,
    MalmquistDistances Distances,
    double Obtech = double.NaN,
    double Ibtech = double.NaN,
    double Matech = double.NaN);

/// <summary>
/// Distances behind one row, on the scale the index uses (efficiency E for ratio indices, inefficiency D for
/// Luenberger; see <see cref="DistanceScale"/>). Superscript = technology period, argument = observation period.
/// </summary>
/// <param name="FromFrom">E^t(t).</param>
/// <param name="FromTo">E^t(t+1): the period-(t+1) observation against the period-t technology.</param>
/// <param name="ToFrom">E^{t+1}(t).</param>
/// <param name="ToTo">E^{t+1}(t+1).</param>
/// <param name="GlobalFrom">E^G(t) (global technology only).</param>
/// <param name="GlobalTo">E^G(t+1) (global technology only).</param>
/// <param name="VrsFrom">VRS E^t(t) (when effch is split).</param>
/// <param name="VrsTo">VRS E^{t+1}(t+1) (when effch is split).</param>
public sealed record MalmquistDistances(
    double FromFrom, double FromTo, double ToFrom, double ToTo,
    double GlobalFrom, double GlobalTo, double VrsFrom, double VrsTo)
{
    public static readonly MalmquistDistances Empty = new(double.NaN, double.NaN, double.NaN, double.NaN,
        double.NaN, double.NaN, double.NaN, double.NaN);
}
