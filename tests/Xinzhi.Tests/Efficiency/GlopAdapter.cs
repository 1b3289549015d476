using Google.OrTools.LinearSolver;
using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Tests.Efficiency;

/// <summary>Independent cross-check: the same LP solved by OR-Tools GLOP (test-only dependency).</summary>
internal static class GlopAdapter
{
    public sealed record Result(LpStatus Status, double Objective, double[] X, double[] Duals);

    public static Result Solve(LinearProgram lp, bool zeroObjective = false)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP unavailable");
        var vars = new Variable[lp.VariableCount];
        for (var j = 0; j < vars.Length; j++)
        {
            var lo = double.IsNegativeInfinity(lp.Lower(j)) ? double.NegativeInfinity : lp.Lower(j);
            var up = double.IsPositiveInfinity(lp.Upper(j)) ? double.PositiveInfinity : lp.Upper(j);
            vars[j] = solver.MakeNumVar(lo, up, "x" + j);
        }
        var cons = new Constraint[lp.ConstraintCount];
        for (var i = 0; i < cons.Length; i++)
        {
            var (lo, up) = lp.RowSense(i) switch
            {
                ConstraintSense.LessOrEqual => (double.NegativeInfinity, lp.Rhs(i)),
                ConstraintSense.GreaterOrEqual => (lp.Rhs(i), double.PositiveInfinity),
                _ => (lp.Rhs(i), lp.Rhs(i)),
            };
            cons[i] = solver.MakeConstraint(lo, up);
            for (var j = 0; j < vars.Length; j++) cons[i].SetCoefficient(vars[j], lp.Coefficient(i, j));
        }
        var obj = solver.Objective();
        for (var j = 0; j < vars.Length; j++) obj.SetCoefficient(vars[j], zeroObjective ? 0.0 : lp.Cost(j));
        if (lp.Sense == ObjectiveSense.Maximize) obj.SetMaximization(); else obj.SetMinimization();
        var status = solver.Solve();
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => new Result(LpStatus.Optimal, obj.Value(),
                vars.Select(v => v.SolutionValue()).ToArray(), cons.Select(c => c.DualValue()).ToArray()),
            Solver.ResultStatus.INFEASIBLE => new Result(LpStatus.Infeasible, double.NaN, [], []),
            Solver.ResultStatus.UNBOUNDED => new Result(LpStatus.Unbounded, double.NaN, [], []),
            _ => new Result(LpStatus.IterationLimit, double.NaN, [], []),
        };
    }
}
