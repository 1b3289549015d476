namespace Xinzhi.Econometrics.Sfa;

/// <summary>Typed warning codes an SFA fit can raise.</summary>
public enum SfaWarningCode
{
    /// <summary>OLS residuals are skewed the wrong way (positive for production, negative for cost): γ → 0.</summary>
    WrongSkew,

    /// <summary>γ ended within 1e-4 of 0 or 1: the model degenerates to OLS or to a deterministic frontier.</summary>
    GammaAtBoundary,

    /// <summary>The optimiser stopped without meeting the convergence criteria.</summary>
    NotConverged,

    /// <summary>The truncated-normal mean μ ended on its bound ±MuBound·σ_u (as R frontier's muBound does).</summary>
    MuAtBound,

    /// <summary>The Hessian at the optimum is not negative definite: standard errors are not available.</summary>
    SingularHessian,
}

/// <summary>A warning with its code and a message for humans.</summary>
public sealed record SfaWarning(SfaWarningCode Code, string Message)
{
    public override string ToString() => $"{CliName}: {Message}";

    /// <summary>Kebab-case code, as written to summary.json.</summary>
    public string CliName => Code switch
    {
        SfaWarningCode.WrongSkew => "wrong-skew",
        SfaWarningCode.GammaAtBoundary => "gamma-at-boundary",
        SfaWarningCode.NotConverged => "not-converged",
        SfaWarningCode.MuAtBound => "mu-at-bound",
        _ => "singular-hessian",
    };
}
