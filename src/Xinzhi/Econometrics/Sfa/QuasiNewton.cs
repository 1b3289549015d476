namespace Xinzhi.Econometrics.Sfa;

/// <summary>Outcome of a minimisation.</summary>
internal sealed record MinimizationResult(double[] Point, double Value, int Iterations, bool Converged, string Reason);

/// <summary>
/// BFGS quasi-Newton minimiser with an Armijo backtracking line search, for the full-convergence
/// (<see cref="SfaOptimizer.Newton"/>) path; FRONTIER 4.1's DFP procedure is <see cref="Frontier41Optimizer"/>.
/// Gradients are analytic.
/// </summary>
internal static class QuasiNewton
{
    /// <summary>Function value and gradient at x; returns +∞ outside the domain.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public static MinimizationResult Minimize(Objective f, double[] start, int maxIterations, double gradientTolerance,
        double valueTolerance)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var fx = f(x, g);
        if (!double.IsFinite(fx)) return new MinimizationResult(x, fx, 0, false, "objective not finite at the start");
        var h = Identity(n, 1.0 / Math.Max(1, Norm(g)));
        var xNew = new double[n];
        var gNew = new double[n];
        var dir = new double[n];
        var s = new double[n];
        var y = new double[n];
        var hy = new double[n];
        var smallSteps = 0;
        for (var iter = 1; iter <= maxIterations; iter++)
        {
            // d = −H g
            for (var i = 0; i < n; i++)
            {
                var acc = 0.0;
                for (var j = 0; j < n; j++) acc -= h[i, j] * g[j];
                dir[i] = acc;
            }
            var slope = Dot(dir, g);
            if (slope >= 0)
            {
                // Not a descent direction: restart from steepest descent.
                h = Identity(n, 1.0 / Math.Max(1, Norm(g)));
                for (var i = 0; i < n; i++) dir[i] = -h[i, i] * g[i];
                slope = Dot(dir, g);
            }
            var step = 1.0;
            double fNew = double.PositiveInfinity;
            var accepted = false;
            for (var ls = 0; ls < 60; ls++)
            {
                for (var i = 0; i < n; i++) xNew[i] = x[i] + step * dir[i];
                fNew = f(xNew, gNew);
                if (double.IsFinite(fNew) && fNew <= fx + 1e-4 * step * slope) { accepted = true; break; }
                step *= double.IsFinite(fNew) ? 0.5 : 0.1;
            }
            if (!accepted)
                return new MinimizationResult(x, fx, iter, GradientSmall(g, x, fx, gradientTolerance * 1e3), "line search failed");
            for (var i = 0; i < n; i++)
            {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            var change = fx - fNew;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            if (GradientSmall(g, x, fx, gradientTolerance))
                return new MinimizationResult(x, fx, iter, true, "gradient below tolerance");
            smallSteps = change <= valueTolerance * (1 + Math.Abs(fx)) ? smallSteps + 1 : 0;
            if (smallSteps >= 3)
                return new MinimizationResult(x, fx, iter, true, "relative change in the objective below tolerance");
            var sy = Dot(s, y);
            if (sy <= 1e-12 * Norm(s) * Norm(y)) continue; // keep H positive definite
            if (iter == 1)
            {
                // Shanno-Phua scaling of the initial inverse Hessian.
                var scale = sy / Dot(y, y);
                h = Identity(n, scale);
            }
            for (var i = 0; i < n; i++)
            {
                var acc = 0.0;
                for (var j = 0; j < n; j++) acc += h[i, j] * y[j];
                hy[i] = acc;
            }
            var yhy = Dot(y, hy);
            var rho = 1 / sy;
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    h[i, j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
        }
        return new MinimizationResult(x, fx, maxIterations, false, "iteration limit reached");
    }

    private static bool GradientSmall(double[] g, double[] x, double fx, double tol)
    {
        var scale = Math.Max(1, Math.Abs(fx));
        for (var i = 0; i < g.Length; i++)
            if (Math.Abs(g[i]) * Math.Max(1, Math.Abs(x[i])) > tol * scale) return false;
        return true;
    }

    private static double[,] Identity(int n, double value)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++) m[i, i] = value;
        return m;
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
}
