namespace Xinzhi;

/// <summary>What kind of failure an exception reports; the CLI maps it to an exit code.</summary>
public enum ErrorCategory
{
    /// <summary>The request itself is wrong (unknown option value, inconsistent specification). Exit code 1.</summary>
    Usage = 1,

    /// <summary>The data are malformed or violate a model's requirements. Exit code 2.</summary>
    Data = 2,

    /// <summary>A numerical procedure failed (non-convergence, singular matrix, infeasible program). Exit code 3.</summary>
    Numerical = 3,
}

/// <summary>Base of every error Xinzhi raises on purpose.</summary>
public class XinzhiException : Exception
{
    public XinzhiException(ErrorCategory category, string message, Exception? inner = null)
        : base(message, inner) => Category = category;

    public ErrorCategory Category { get; }
}

/// <summary>A specification or option error (exit code 1).</summary>
public sealed class SpecificationException(string message) : XinzhiException(ErrorCategory.Usage, message);

/// <summary>One problem found in input data, located by file, 1-based row (as a spreadsheet shows it) and column.</summary>
public sealed record DataIssue(string File, int? Row, string? Column, string Message)
{
    public override string ToString()
    {
        var where = File;
        if (Row is { } r) where += $", row {r}";
        if (Column is { } c) where += $", column '{c}'";
        return $"{where}: {Message}";
    }
}

/// <summary>Input data failed validation. Carries every problem found, not only the first (exit code 2).</summary>
public sealed class DataValidationException : XinzhiException
{
    /// <summary>Issues listed in the message before it is truncated with a count.</summary>
    public const int MaxIssuesInMessage = 50;

    public DataValidationException(IReadOnlyList<DataIssue> issues)
        : base(ErrorCategory.Data, Describe(issues))
    {
        ArgumentOutOfRangeException.ThrowIfZero(issues.Count);
        Issues = issues;
    }

    public DataValidationException(DataIssue issue) : this([issue]) { }

    public IReadOnlyList<DataIssue> Issues { get; }

    private static string Describe(IReadOnlyList<DataIssue> issues)
    {
        var lines = issues.Take(MaxIssuesInMessage).Select(i => "  " + i);
        var more = issues.Count > MaxIssuesInMessage ? $"\n  ... and {issues.Count - MaxIssuesInMessage} more" : "";
        return $"{issues.Count} data problem(s):\n{string.Join('\n', lines)}{more}";
    }
}

/// <summary>An iterative estimator did not converge (exit code 3).</summary>
public sealed class ConvergenceException(string message, int iterations)
    : XinzhiException(ErrorCategory.Numerical, message)
{
    public int Iterations { get; } = iterations;
}

/// <summary>A linear program that must be feasible is not, or is unbounded (exit code 3).</summary>
public sealed class InfeasibleProgramException(string message) : XinzhiException(ErrorCategory.Numerical, message);

/// <summary>A matrix that must be inverted or factorised is singular, e.g. perfectly collinear regressors (exit code 3).</summary>
public sealed class SingularMatrixException(string message) : XinzhiException(ErrorCategory.Numerical, message);
