using Xinzhi.Data;

namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// What to estimate: a firm panel (string ids, integer periods) with log output and log inputs, as R prodest's
/// arguments (Y, fX, sX, pX, idvar, timevar). All variables must already be in logs.
/// </summary>
/// <param name="Panel">Long-format panel; rows in any order; gaps allowed (lags are never taken across a gap).</param>
/// <param name="Output">Log output (value added or gross output, see <see cref="ProductionFunctionOptions.Output"/>).</param>
/// <param name="Free">Freely variable inputs (labour), one or more.</param>
/// <param name="State">State inputs (capital), one or more.</param>
/// <param name="Proxy">Proxy: investment (OP) or an intermediate input (LP, ACF, WRDG); unused by OLS/FE in value added.</param>
/// <param name="Exit">OP/LP: binary column, 1 in a firm's last year before it leaves the sample (prodest's <c>exit</c>).</param>
/// <param name="ExitFromPanel">OP/LP: derive the exit indicator as prodest's <c>exit = TRUE</c>: 1 in a firm's last observed
/// year when that year is before the last year of the panel.</param>
public sealed record ProductionFunctionSpec(
    Panel Panel,
    string Output,
    IReadOnlyList<string> Free,
    IReadOnlyList<string> State,
    string? Proxy = null,
    string? Exit = null,
    bool ExitFromPanel = false)
{
    /// <summary>Estimates the production function.</summary>
    public ProductionFunctionResult Fit(ProductionFunctionOptions? options = null) =>
        ProductionFunction.Fit(this, options ?? new ProductionFunctionOptions());
}
