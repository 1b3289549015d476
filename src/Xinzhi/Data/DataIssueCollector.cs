namespace Xinzhi.Data;

/// <summary>Gathers every data problem found during a validation pass, then throws them together.</summary>
public sealed class DataIssueCollector
{
    private readonly List<DataIssue> _issues = [];

    public IReadOnlyList<DataIssue> Issues => _issues;

    public bool HasIssues => _issues.Count > 0;

    public void Add(string file, int? row, string? column, string message) =>
        _issues.Add(new DataIssue(file, row, column, message));

    public void Add(DataIssue issue) => _issues.Add(issue);

    /// <summary>Throws a <see cref="DataValidationException"/> listing every issue, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (_issues.Count > 0) throw new DataValidationException(_issues.ToArray());
    }
}
