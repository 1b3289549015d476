using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Tests.Efficiency;

public sealed class SimplexSolverTests
{
    [Fact]
    public void Should_solve_textbook_lp_with_duals()
    {
        // max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 (Hillier-Lieberman Wyndor): x = 2, y = 6, z = 36, y* = (0, 1.5, 1).
        var lp = new LinearProgram(ObjectiveSense.Maximize);
        lp.AddVariable(3);
        lp.AddVariable(5);
        lp.AddConstraint([1, 0], ConstraintSense.LessOrEqual, 4);
        lp.AddConstraint([0, 2], ConstraintSense.LessOrEqual, 12);
        lp.AddConstraint([3, 2], ConstraintSense.LessOrEqual, 18);
        var sol = SimplexSolver.Solve(lp);
        Assert.Equal(LpStatus.Optimal, sol.Status);
        Assert.Equal(36, sol.Objective, 12);
        Assert.Equal(2, sol.X[0], 12);
        Assert.Equal(6, sol.X[1], 12);
        Assert.Equal(0, sol.Duals[0], 12);
        Assert.Equal(1.5, sol.Duals[1], 12);
        Assert.Equal(1, sol.Duals[2], 12);
    }

    [Fact]
    public void Should_report_infeasible_and_unbounded()
    {
        var infeasible = new LinearProgram();
        infeasible.AddVariable(1);
        infeasible.AddConstraint([1], ConstraintSense.GreaterOrEqual, 2);
        infeasible.AddConstraint([1], ConstraintSense.LessOrEqual, 1);
        var a = SimplexSolver.Solve(infeasible);
        Assert.Equal(LpStatus.Infeasible, a.Status);
        Assert.True(double.IsNaN(a.Objective));

        var unbounded = new LinearProgram(ObjectiveSense.Maximize);
        unbounded.AddFreeVariable(1);
        unbounded.AddVariable(0);
        unbounded.AddConstraint([1, -1], ConstraintSense.LessOrEqual, 1);
        Assert.Equal(LpStatus.Unbounded, SimplexSolver.Solve(unbounded).Status);
    }

    [Fact]
    public void Should_handle_degenerate_cycling_example()
    {
        // Beale (1955): cycles under Dantzig's rule with naive tie-breaking; optimum −0.05 at x = (0.04, 0, 1, 0).
        var lp = new LinearProgram();
        lp.AddVariable(-0.75); lp.AddVariable(150); lp.AddVariable(-0.02); lp.AddVariable(6);
        lp.AddConstraint([0.25, -60, -0.04, 9], ConstraintSense.LessOrEqual, 0);
        lp.AddConstraint([0.5, -90, -0.02, 3], ConstraintSense.LessOrEqual, 0);
        lp.AddConstraint([0, 0, 1, 0], ConstraintSense.LessOrEqual, 1);
        var sol = SimplexSolver.Solve(lp);
        Assert.Equal(LpStatus.Optimal, sol.Status);
        Assert.Equal(-0.05, sol.Objective, 10);
    }

    [Fact]
    public void Should_agree_with_glop_on_random_programs()
    {
        const int seed = 20261201;
        var rng = new Random(seed);
        var counts = new Dictionary<LpStatus, int>();
        for (var trial = 0; trial < 300; trial++)
        {
            var lp = RandomProgram(rng, out _);
            var ours = SimplexSolver.Solve(lp);
            var glop = GlopAdapter.Solve(lp);
            var msg = $"seed {seed}, trial {trial}";
            if (ours.Status == LpStatus.Unbounded && glop.Status == LpStatus.Infeasible)
            {
                // MPSolver/GLOP may report an unbounded program as INFEASIBLE (primal-or-dual infeasible):
                // decide with GLOP on the feasibility problem (zero objective).
                Assert.Equal(LpStatus.Optimal, GlopAdapter.Solve(lp, zeroObjective: true).Status);
                glop = glop with { Status = LpStatus.Unbounded };
            }
            Assert.True(glop.Status == ours.Status, $"{msg}: GLOP {glop.Status}, ours {ours.Status}");
            counts[ours.Status] = counts.GetValueOrDefault(ours.Status) + 1;
            if (ours.Status != LpStatus.Optimal) continue;
            Assert.True(Math.Abs(ours.Objective - glop.Objective) <= 1e-8 * Math.Max(1, Math.Abs(glop.Objective)),
                $"{msg}: objective {ours.Objective:R} vs GLOP {glop.Objective:R}");
            AssertPrimalFeasible(lp, ours.X, msg);
            AssertStrongDuality(lp, ours, msg);
        }
        Assert.True(counts.GetValueOrDefault(LpStatus.Optimal) > 150, $"seed {seed}: too few optimal instances");
        Assert.True(counts.GetValueOrDefault(LpStatus.Infeasible) > 5, $"seed {seed}: no infeasible instances");
    }

    internal static LinearProgram RandomProgram(Random rng, out double[] x0)
    {
        var n = rng.Next(2, 12);
        var m = rng.Next(1, 10);
        var lp = new LinearProgram(rng.Next(2) == 0 ? ObjectiveSense.Minimize : ObjectiveSense.Maximize);
        x0 = new double[n];
        for (var j = 0; j < n; j++)
        {
            var kind = rng.Next(6);
            double lo = 0, up = double.PositiveInfinity;
            if (kind == 1) { lo = double.NegativeInfinity; }
            else if (kind == 2) { lo = -rng.Next(1, 5); up = rng.Next(1, 5); }
            else if (kind == 3) { lo = double.NegativeInfinity; up = rng.Next(-3, 5); }
            else if (kind == 4) { up = rng.Next(1, 6); }
            // Costs chosen so that most programs are bounded: the objective pushes against the bounded directions.
            var cost = Math.Round(rng.NextDouble() * 10 - 5, 3);
            lp.AddVariable(cost, lo, up);
            x0[j] = double.IsFinite(lo) ? (double.IsFinite(up) ? (lo + up) / 2 : lo + rng.NextDouble() * 3) : (double.IsFinite(up) ? up - rng.NextDouble() * 3 : rng.NextDouble() * 4 - 2);
        }
        var infeasible = rng.Next(10) == 0;
        for (var i = 0; i < m; i++)
        {
            var a = new double[n];
            for (var j = 0; j < n; j++) a[j] = rng.Next(3) == 0 ? 0 : Math.Round(rng.NextDouble() * 20 - 10, 2);
            var ax = 0.0;
            for (var j = 0; j < n; j++) ax += a[j] * x0[j];
            var sense = (ConstraintSense)rng.Next(3);
            var rhs = sense switch
            {
                ConstraintSense.LessOrEqual => ax + rng.NextDouble() * 5,
                ConstraintSense.GreaterOrEqual => ax - rng.NextDouble() * 5,
                _ => ax,
            };
            // Equality right-hand sides are not rounded, so that x0 stays feasible to rounding error.
            lp.AddConstraint(a, sense, sense == ConstraintSense.Equal ? rhs : Math.Round(rhs, 6));
        }
        if (infeasible)
        {
            var a = new double[n];
            a[0] = 1;
            lp.AddConstraint(a, ConstraintSense.GreaterOrEqual, 1e6);
            lp.AddConstraint(a, ConstraintSense.LessOrEqual, 1e6 - 1);
        }
        else
        {
            // A bounding box row makes unboundedness rare but possible only through free directions.
            var box = new double[n];
            for (var j = 0; j < n; j++) box[j] = 1;
            lp.AddConstraint(box, ConstraintSense.LessOrEqual, 1000);
            lp.AddConstraint(box, ConstraintSense.GreaterOrEqual, -1000);
        }
        return lp;
    }

    internal static void AssertPrimalFeasible(LinearProgram lp, double[] x, string msg)
    {
        for (var j = 0; j < lp.VariableCount; j++)
        {
            Assert.True(x[j] >= lp.Lower(j) - 1e-8 && x[j] <= lp.Upper(j) + 1e-8, $"{msg}: x{j} = {x[j]} outside bounds");
        }
        for (var i = 0; i < lp.ConstraintCount; i++)
        {
            var ax = 0.0;
            for (var j = 0; j < lp.VariableCount; j++) ax += lp.Coefficient(i, j) * x[j];
            var tol = 1e-7 * Math.Max(1, Math.Abs(lp.Rhs(i)));
            var ok = lp.RowSense(i) switch
            {
                ConstraintSense.LessOrEqual => ax <= lp.Rhs(i) + tol,
                ConstraintSense.GreaterOrEqual => ax >= lp.Rhs(i) - tol,
                _ => Math.Abs(ax - lp.Rhs(i)) <= tol,
            };
            Assert.True(ok, $"{msg}: row {i} violated ({ax} {lp.RowSense(i)} {lp.Rhs(i)})");
        }
    }

    /// <summary>c·x = y·b + d·x with d = c − Aᵀy, dual signs right, complementary slackness (independent check of
    /// the duals: primal objective equals the dual objective).</summary>
    internal static void AssertStrongDuality(LinearProgram lp, LpSolution sol, string msg)
    {
        var sgn = lp.Sense == ObjectiveSense.Minimize ? 1.0 : -1.0;
        var dualObj = 0.0;
        for (var i = 0; i < lp.ConstraintCount; i++)
        {
            var y = sol.Duals[i] * sgn; // minimisation-form dual
            var ok = lp.RowSense(i) switch
            {
                ConstraintSense.LessOrEqual => y <= 1e-8,
                ConstraintSense.GreaterOrEqual => y >= -1e-8,
                _ => true,
            };
            Assert.True(ok, $"{msg}: dual {i} has the wrong sign ({y})");
            dualObj += y * lp.Rhs(i);
        }
        var primal = 0.0;
        for (var j = 0; j < lp.VariableCount; j++)
        {
            var d = lp.Cost(j) * sgn;
            for (var i = 0; i < lp.ConstraintCount; i++) d -= sol.Duals[i] * sgn * lp.Coefficient(i, j);
            // d_j ≥ 0 at the lower bound, ≤ 0 at the upper, 0 in between.
            var atLower = double.IsFinite(lp.Lower(j)) && Math.Abs(sol.X[j] - lp.Lower(j)) < 1e-7;
            var atUpper = double.IsFinite(lp.Upper(j)) && Math.Abs(sol.X[j] - lp.Upper(j)) < 1e-7;
            if (!atLower) Assert.True(d <= 1e-7 * Math.Max(1, Math.Abs(lp.Cost(j))), $"{msg}: reduced cost {d} of x{j} (not at lower)");
            if (!atUpper) Assert.True(d >= -1e-7 * Math.Max(1, Math.Abs(lp.Cost(j))), $"{msg}: reduced cost {d} of x{j} (not at upper)");
            dualObj += d * sol.X[j];
            primal += lp.Cost(j) * sgn * sol.X[j];
            Assert.True(Math.Abs(d - sol.ReducedCosts[j] * sgn) < 1e-7, $"{msg}: reported reduced cost of x{j}");
        }
        Assert.True(Math.Abs(primal - dualObj) <= 1e-8 * Math.Max(1, Math.Abs(primal)), $"{msg}: primal {primal:R} vs dual {dualObj:R}");
    }
}
