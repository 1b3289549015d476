namespace Xinzhi.Efficiency;

/// <summary>
/// Result for one evaluated unit. <see cref="Efficiency"/> is θ (radial input), 1/φ (radial output), ρ (SBM),
/// δ (super-SBM), (1 − β)/(1 + β) (DDF) or the additive efficiency indicator (1 efficient, 0 not); NaN exactly
/// when <see cref="Status"/> is not <see cref="DeaStatus.Optimal"/>.
/// </summary>
/// <param name="Phi">Farrell output φ (radial/FDH output orientation), else NaN.</param>
/// <param name="Beta">Directional distance β (DDF), else NaN.</param>
/// <param name="SlackSum">Σs⁻ + Σs⁺ (+ Σsᵇ) in data units (additive objective; radial with slacks; SBM).</param>
/// <param name="Peers">Indices of the reference units with λ &gt; 0.</param>
public sealed record DeaUnitResult(
    int Unit,
    DeaStatus Status,
    double Efficiency,
    double Phi,
    double Beta,
    double[] InputSlacks,
    double[] OutputSlacks,
    double[] BadOutputSlacks,
    double SlackSum,
    int[] Peers,
    double[] PeerLambdas,
    double LambdaSum,
    int Iterations);
