namespace Xinzhi.Efficiency;

/// <summary>
/// Solution of one DEA program for one evaluated point. <see cref="Value"/> is NaN unless
/// <see cref="Status"/> is <see cref="DeaStatus.Optimal"/>: an infeasible program never yields a number.
/// </summary>
/// <param name="Value">The model's score: θ (radial input), φ (radial output, ≥ 1 on its own frontier),
/// β (directional distance), ρ (SBM), δ (super-SBM), the raw slack sum (additive) or the minimum cost (cost model).</param>
/// <param name="Peers">Indices, into the reference set, of units with λ &gt; 0 (ascending).</param>
/// <param name="PeerLambdas">λ of each peer, aligned with <see cref="Peers"/>.</param>
/// <param name="InputSlacks">Input slacks s⁻ in the data's units (empty when not optimal).</param>
/// <param name="OutputSlacks">Output slacks s⁺ in the data's units.</param>
/// <param name="BadOutputSlacks">Bad-output slacks in the data's units (empty without bad outputs).</param>
/// <param name="InputWeights">Multiplier-form input weights v (duals of the input rows, data units, ≥ 0).</param>
/// <param name="OutputWeights">Multiplier-form output weights u (duals of the output rows, data units, ≥ 0).</param>
/// <param name="BadOutputWeights">Duals of the bad-output rows (data units; sign free under weak disposability).</param>
/// <param name="ScaleWeight">Dual of the returns-to-scale row (u₀ / v₀); 0 under CRS.</param>
/// <param name="Iterations">Simplex pivots, all phases.</param>
public sealed record DeaPointResult(
    DeaStatus Status,
    double Value,
    int[] Peers,
    double[] PeerLambdas,
    double[] InputSlacks,
    double[] OutputSlacks,
    double[] BadOutputSlacks,
    double[] InputWeights,
    double[] OutputWeights,
    double[] BadOutputWeights,
    double ScaleWeight,
    int Iterations)
{
    public bool IsOptimal => Status == DeaStatus.Optimal;

    /// <summary>Σλ (used to classify returns to scale; not unique under CRS).</summary>
    public double LambdaSum
    {
        get
        {
            var s = 0.0;
            foreach (var l in PeerLambdas) s += l;
            return s;
        }
    }

    internal static DeaPointResult Failed(DeaStatus status, int iterations) =>
        new(status, double.NaN, [], [], [], [], [], [], [], [], double.NaN, iterations);
}
