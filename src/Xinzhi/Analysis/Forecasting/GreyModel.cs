using Xinzhi.Econometrics.Regression;

namespace Xinzhi.Analysis.Forecasting;

/// <summary>Accuracy class of a grey model from the posterior-variance ratio C and small-error probability P.</summary>
public enum GreyAccuracy
{
    /// <summary>C &lt; 0.35 and P &gt; 0.95 (一级, 好).</summary>
    Good = 1,

    /// <summary>C &lt; 0.5 and P &gt; 0.8 (二级, 合格).</summary>
    Qualified = 2,

    /// <summary>C &lt; 0.65 and P &gt; 0.7 (三级, 勉强).</summary>
    Barely = 3,

    /// <summary>Otherwise (四级, 不合格).</summary>
    Fail = 4,
}

/// <summary>A fitted GM(1,1) model.</summary>
/// <param name="A">Development coefficient a (−a is the growth rate of the whitened equation).</param>
/// <param name="B">Grey action quantity b.</param>
/// <param name="Fitted">x̂⁰(k) for the n observed points (x̂⁰(1) = x⁰(1)).</param>
/// <param name="PosteriorVarianceRatio">C = S₂/S₁ (residual sd over data sd, both with divisor = count).</param>
/// <param name="SmallErrorProbability">P = share of k = 2..n with |e(k) − ē| &lt; 0.6745 S₁.</param>
/// <param name="Mape">Mean absolute percentage error over k = 2..n, in percent.</param>
/// <param name="ClassRatioMin">min σ(k) = x⁰(k−1)/x⁰(k).</param>
/// <param name="ClassRatioPassesTextbook">All σ(k) in (e^(−2/(n+1)), e^(2/(n+2))).</param>
/// <param name="ClassRatioPassesSymmetric">All σ(k) in (e^(−2/(n+1)), e^(2/(n+1))).</param>
public sealed record GreyModelFit(double A, double B, double X1, int Count, double BackgroundCoefficient, double[] Fitted,
    double PosteriorVarianceRatio, double SmallErrorProbability, double Mape, GreyAccuracy Accuracy,
    double ClassRatioMin, double ClassRatioMax, double ClassRatioLower, double ClassRatioUpperTextbook,
    double ClassRatioUpperSymmetric, bool ClassRatioPassesTextbook, bool ClassRatioPassesSymmetric)
{
    /// <summary>x̂⁰(k) for any k ≥ 1 (1-based; k &gt; n forecasts).</summary>
    public double Predict(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k));
        if (k == 1) return X1;
        return Accumulated(k) - Accumulated(k - 1);
    }

    /// <summary>x̂¹(k) = (x⁰(1) − b/a) e^(−a(k−1)) + b/a; the a → 0 limit x⁰(1) + b(k−1) when a = 0.</summary>
    public double Accumulated(int k) =>
        A == 0 ? X1 + B * (k - 1) : (X1 - B / A) * Math.Exp(-A * (k - 1)) + B / A;
}

/// <summary>
/// The grey model GM(1,1) (Deng 1982; 刘思峰《灰色系统理论及其应用》):
/// <code>
/// x¹(k) = Σ_{i≤k} x⁰(i),  z¹(k) = λ x¹(k) + (1 − λ) x¹(k−1)  (λ = 0.5),
/// x⁰(k) + a z¹(k) = b,  [a, b]ᵀ = (BᵀB)⁻¹BᵀY,  B = [−z¹(2..n), 1],  Y = x⁰(2..n),
/// x̂¹(k+1) = (x⁰(1) − b/a) e^(−ak) + b/a,  x̂⁰(k+1) = x̂¹(k+1) − x̂¹(k).
/// </code>
/// Least squares go through <see cref="LinearRegression"/> (QR).
/// </summary>
public static class GreyModel
{
    /// <summary>Shortest series accepted: with 4 points there are 3 equations for the 2 parameters.</summary>
    public const int MinimumLength = 4;

    /// <exception cref="DataValidationException">Fewer than <see cref="MinimumLength"/> points, or a value ≤ 0.</exception>
    public static GreyModelFit Fit(IReadOnlyList<double> x0, double backgroundCoefficient = 0.5, string source = "gm11")
    {
        var n = x0.Count;
        if (n < MinimumLength)
            throw new DataValidationException(new DataIssue(source, null, null,
                $"the series has {n} point(s); GM(1,1) needs at least {MinimumLength}"));
        for (var k = 0; k < n; k++)
            if (!(x0[k] > 0) || !double.IsFinite(x0[k]))
                throw new DataValidationException(new DataIssue(source, null, null,
                    $"point {k + 1} is {x0[k]}; GM(1,1) needs a positive series (shift it by a constant first)"));
        if (!(backgroundCoefficient > 0 && backgroundCoefficient < 1))
            throw new ArgumentOutOfRangeException(nameof(backgroundCoefficient), "must lie in (0, 1)");

        var x1 = new double[n];
        x1[0] = x0[0];
        for (var k = 1; k < n; k++) x1[k] = x1[k - 1] + x0[k];
        var minusZ = new double[n - 1];
        var one = new double[n - 1];
        var y = new double[n - 1];
        for (var k = 1; k < n; k++)
        {
            minusZ[k - 1] = -(backgroundCoefficient * x1[k] + (1 - backgroundCoefficient) * x1[k - 1]);
            one[k - 1] = 1;
            y[k - 1] = x0[k];
        }
        RegressionResult ls;
        try
        {
            ls = LinearRegression.Fit(y, [minusZ, one], ["a", "b"]);
        }
        catch (SingularMatrixException)
        {
            throw new SingularMatrixException($"{source}: the background values are collinear with the constant; GM(1,1) cannot be fitted");
        }
        var a = ls.Coefficients[0];
        var b = ls.Coefficients[1];

        var fit = new GreyModelFit(a, b, x0[0], n, backgroundCoefficient, [], 0, 0, 0, GreyAccuracy.Fail, 0, 0, 0, 0, 0, false, false);
        var fitted = new double[n];
        for (var k = 1; k <= n; k++) fitted[k - 1] = fit.Predict(k);

        // Residual tests over k = 2..n (k = 1 is reproduced by construction).
        var m = n - 1;
        var e = new double[m];
        double eMean = 0, ape = 0;
        for (var k = 1; k < n; k++)
        {
            e[k - 1] = x0[k] - fitted[k];
            eMean += e[k - 1];
            ape += Math.Abs(e[k - 1] / x0[k]);
        }
        eMean /= m;
        double xMean = 0;
        for (var k = 0; k < n; k++) xMean += x0[k];
        xMean /= n;
        double s1 = 0, s2 = 0;
        for (var k = 0; k < n; k++) s1 += (x0[k] - xMean) * (x0[k] - xMean);
        for (var k = 0; k < m; k++) s2 += (e[k] - eMean) * (e[k] - eMean);
        s1 = Math.Sqrt(s1 / n);
        s2 = Math.Sqrt(s2 / m);
        var c = s1 > 0 ? s2 / s1 : (s2 == 0 ? 0 : double.PositiveInfinity);
        var within = 0;
        for (var k = 0; k < m; k++) if (Math.Abs(e[k] - eMean) < 0.6745 * s1) within++;
        var p = (double)within / m;

        double rMin = double.PositiveInfinity, rMax = double.NegativeInfinity;
        for (var k = 1; k < n; k++)
        {
            var r = x0[k - 1] / x0[k];
            rMin = Math.Min(rMin, r);
            rMax = Math.Max(rMax, r);
        }
        var lower = Math.Exp(-2.0 / (n + 1));
        var upperTextbook = Math.Exp(2.0 / (n + 2));
        var upperSymmetric = Math.Exp(2.0 / (n + 1));

        return fit with
        {
            Fitted = fitted,
            PosteriorVarianceRatio = c,
            SmallErrorProbability = p,
            Mape = 100 * ape / m,
            Accuracy = Classify(c, p),
            ClassRatioMin = rMin,
            ClassRatioMax = rMax,
            ClassRatioLower = lower,
            ClassRatioUpperTextbook = upperTextbook,
            ClassRatioUpperSymmetric = upperSymmetric,
            ClassRatioPassesTextbook = rMin > lower && rMax < upperTextbook,
            ClassRatioPassesSymmetric = rMin > lower && rMax < upperSymmetric,
        };
    }

    /// <summary>The worse of the C-class and the P-class.</summary>
    public static GreyAccuracy Classify(double c, double p)
    {
        var byC = c < 0.35 ? GreyAccuracy.Good : c < 0.5 ? GreyAccuracy.Qualified : c < 0.65 ? GreyAccuracy.Barely : GreyAccuracy.Fail;
        var byP = p > 0.95 ? GreyAccuracy.Good : p > 0.8 ? GreyAccuracy.Qualified : p > 0.7 ? GreyAccuracy.Barely : GreyAccuracy.Fail;
        return (GreyAccuracy)Math.Max((int)byC, (int)byP);
    }

    /// <summary>Forecasts x̂⁰(n+1..n+h) from one model fitted on the whole series.</summary>
    public static double[] Forecast(GreyModelFit fit, int horizon)
    {
        var f = new double[horizon];
        for (var h = 1; h <= horizon; h++) f[h - 1] = fit.Predict(fit.Count + h);
        return f;
    }

    /// <summary>
    /// Metabolic (rolling, 新陈代谢) GM(1,1): fit on the last <paramref name="window"/> points, forecast one step,
    /// append the forecast and drop the oldest point, refit; repeat <paramref name="horizon"/> times.
    /// </summary>
    public static double[] ForecastRolling(IReadOnlyList<double> x0, int horizon, int? window = null, double backgroundCoefficient = 0.5, string source = "gm11")
    {
        var w = window ?? x0.Count;
        if (w < MinimumLength || w > x0.Count)
            throw new DataValidationException(new DataIssue(source, null, null, $"rolling window {w} must lie in [{MinimumLength}, {x0.Count}]"));
        var series = x0.Skip(x0.Count - w).ToList();
        var f = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var fit = Fit(series, backgroundCoefficient, source);
            f[h] = fit.Predict(series.Count + 1);
            series.RemoveAt(0);
            series.Add(f[h]);
        }
        return f;
    }
}
