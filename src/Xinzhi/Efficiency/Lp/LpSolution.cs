namespace Xinzhi.Efficiency.Lp;

/// <summary>
/// Result of <see cref="SimplexSolver.Solve"/>. When <see cref="Status"/> is not <see cref="LpStatus.Optimal"/>,
/// <see cref="Objective"/> is NaN and the vectors are empty: an unsolved program never yields a number.
/// </summary>
/// <param name="X">Primal values of the program's variables, in the order they were added.</param>
/// <param name="Duals">Dual value of each constraint, in the order added: ∂objective/∂rhs (sign follows the
/// objective sense, so for a maximisation a binding ≤ row has a non-negative dual).</param>
/// <param name="ReducedCosts">Reduced cost of each variable (∂objective/∂x_j at the optimal basis).</param>
/// <param name="Iterations">Simplex pivots over both phases.</param>
public sealed record LpSolution(
    LpStatus Status,
    double Objective,
    double[] X,
    double[] Duals,
    double[] ReducedCosts,
    int Iterations)
{
    public bool IsOptimal => Status == LpStatus.Optimal;
}
