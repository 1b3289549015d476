using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>Outcome of a second-stage minimisation, kept in the result for provenance.</summary>
/// <param name="Optimizer">"MathNet BfgsMinimizer (central-difference gradient)" or "MathNet NelderMeadSimplex".</param>
/// <param name="Start">Start values used.</param>
/// <param name="Solution">Minimiser found.</param>
/// <param name="Objective">Criterion at the solution (unscaled).</param>
/// <param name="Iterations">Iterations reported by the optimiser.</param>
/// <param name="Converged">Whether the optimiser met its tolerance before its iteration limit.</param>
/// <param name="ExitReason">MathNet exit condition or the failure message.</param>
public sealed record OptimizationReport(
    string Optimizer,
    IReadOnlyList<double> Start,
    IReadOnlyList<double> Solution,
    double Objective,
    int Iterations,
    bool Converged,
    string ExitReason,
    double Tolerance,
    int MaxIterations)
{
    /// <summary>ACF: the start values tried when the first start ended at a local minimum (null when none were needed).</summary>
    public IReadOnlyList<string>? Restarts { get; init; }
}

/// <summary>
/// Minimises a second-stage criterion with MathNet. The criterion is divided by its value at the start so that the
/// gradient tolerance is relative (OP/LP sums of squares are O(n); ACF's GMM criterion is O(1/n)). Gradients are central
/// differences with step 1e-6·max(1, |θⱼ|). If BFGS fails (line search or iteration limit), Nelder-Mead restarts from
/// the best point found and the report says so.
/// </summary>
internal static class SecondStageMinimizer
{
    /// <summary>Minimises the objective's criterion from <paramref name="start"/> with the optimiser chosen in the options.</summary>
    public static OptimizationReport Minimize(SecondStageObjective objective, double[] start, ProductionFunctionOptions options)
    {
        if (options.Optimizer is SecondStageOptimizer.Auto or SecondStageOptimizer.LevenbergMarquardt)
            return LevenbergMarquardt(objective, start, options);
        return Minimize(t => objective.Value(t), start, options);
    }

    private const string LmName = "MathNet LevenbergMarquardtMinimizer (forward-difference Jacobian, accuracy order 1)";

    private static OptimizationReport LevenbergMarquardt(SecondStageObjective objective, double[] start, ProductionFunctionOptions options)
    {
        var count = objective.ResidualCount;
        var buffer = new double[count];
        if (!objective.Residuals(start, buffer) || buffer.Any(v => !double.IsFinite(v)))
            throw new ConvergenceException("the second-stage criterion is not finite at the start values", 0);
        var f0 = buffer.Sum(v => v * v);
        // Residuals are scaled so that the criterion is 1 at the start: the tolerances are then relative.
        var scale = f0 > 1e-300 ? 1 / Math.Sqrt(f0) : 1.0;
        Vector<double> Model(Vector<double> p, Vector<double> x)
        {
            var theta = p.ToArray();
            var r = new double[count];
            if (!objective.Residuals(theta, r)) Array.Fill(r, 1e150);
            var v = Vector<double>.Build.Dense(count);
            for (var i = 0; i < count; i++) v[i] = -r[i] * scale;
            return v;
        }
        var xs = Vector<double>.Build.Dense(count, i => i);
        var ys = Vector<double>.Build.Dense(count);
        var model = ObjectiveFunction.NonlinearModel(Model, xs, ys, accuracyOrder: 1);
        var lm = new LevenbergMarquardtMinimizer(1e-3, options.Tolerance * 1e-2, 1e-15, options.Tolerance * options.Tolerance,
            options.MaxIterations);
        try
        {
            var result = lm.FindMinimum(model, Vector<double>.Build.DenseOfArray(start));
            var x = result.MinimizingPoint.ToArray();
            var converged = result.ReasonForExit is ExitCondition.Converged or ExitCondition.RelativeGradient or
                ExitCondition.AbsoluteGradient or ExitCondition.RelativePoints or ExitCondition.StrongWolfeCriteria or
                ExitCondition.WeakWolfeCriteria or ExitCondition.BoundTolerance;
            return new OptimizationReport(LmName, start, x, objective.Value(x), result.Iterations, converged,
                result.ReasonForExit.ToString(), options.Tolerance, options.MaxIterations);
        }
        catch (MaximumIterationsException e)
        {
            return new OptimizationReport(LmName, start, start, f0, options.MaxIterations, false,
                "maximum iterations: " + e.Message, options.Tolerance, options.MaxIterations);
        }
    }

    private static OptimizationReport Minimize(Func<double[], double> criterion, double[] start, ProductionFunctionOptions options)
    {
        var f0 = criterion(start);
        if (!double.IsFinite(f0))
            throw new ConvergenceException("the second-stage criterion is not finite at the start values " +
                $"({string.Join(", ", start.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))})", 0);
        var scale = f0 > 1e-300 ? 1 / f0 : 1.0;
        // The best point seen is kept so that an optimiser that stops on an exception still reports where it got to.
        var best = (double[])start.Clone();
        var bestValue = f0;
        var gate = new object();
        double Scaled(Vector<double> v)
        {
            var x = v.ToArray();
            var value = criterion(x);
            lock (gate)
                if (value < bestValue) { bestValue = value; best = x; }
            return value * scale;
        }

        if (options.Optimizer == SecondStageOptimizer.NelderMead) return NelderMead(criterion, Scaled, start, options, "MathNet NelderMeadSimplex");

        var objective = ObjectiveFunction.Gradient(Scaled, v => CentralGradient(Scaled, v));
        var bfgs = new BfgsMinimizer(options.Tolerance, 1e-14, 1e-15, options.MaxIterations);
        try
        {
            var result = bfgs.FindMinimum(objective, Vector<double>.Build.DenseOfArray(start));
            var x = result.MinimizingPoint.ToArray();
            return new OptimizationReport("MathNet BfgsMinimizer (central-difference gradient)", start, x, criterion(x),
                result.Iterations, true, result.ReasonForExit.ToString(), options.Tolerance, options.MaxIterations);
        }
        catch (MaximumIterationsException e)
        {
            return new OptimizationReport("MathNet BfgsMinimizer (central-difference gradient)", start, best, bestValue,
                options.MaxIterations, false, "maximum iterations: " + e.Message, options.Tolerance, options.MaxIterations);
        }
        catch (Exception e) when (e is OptimizationException or ArithmeticException or InvalidOperationException)
        {
            // The line search can fail near a flat optimum; a derivative-free polish from the start is more robust.
            return NelderMead(criterion, Scaled, (double[])best.Clone(), options,
                "MathNet NelderMeadSimplex (after BFGS failure: " + e.Message + ")");
        }
    }

    private static OptimizationReport NelderMead(Func<double[], double> criterion, Func<Vector<double>, double> scaled,
        double[] start, ProductionFunctionOptions options, string name)
    {
        var simplex = new NelderMeadSimplex(options.Tolerance, options.MaxIterations);
        var perturbation = Vector<double>.Build.Dense(start.Length, j => 0.05 * Math.Max(0.1, Math.Abs(start[j])));
        try
        {
            var result = simplex.FindMinimum(ObjectiveFunction.Value(scaled), Vector<double>.Build.DenseOfArray(start), perturbation);
            var x = result.MinimizingPoint.ToArray();
            return new OptimizationReport(name, start, x, criterion(x), result.Iterations, true, result.ReasonForExit.ToString(),
                options.Tolerance, options.MaxIterations);
        }
        catch (MaximumIterationsException e)
        {
            return new OptimizationReport(name, start, start, criterion(start), options.MaxIterations, false,
                "maximum iterations: " + e.Message, options.Tolerance, options.MaxIterations);
        }
    }

    private static Vector<double> CentralGradient(Func<Vector<double>, double> f, Vector<double> x)
    {
        var g = Vector<double>.Build.Dense(x.Count);
        var probe = x.Clone();
        for (var j = 0; j < x.Count; j++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            var xj = x[j];
            probe[j] = xj + h;
            var up = f(probe);
            probe[j] = xj - h;
            var down = f(probe);
            probe[j] = xj;
            g[j] = (up - down) / (2 * h);
        }
        return g;
    }
}
