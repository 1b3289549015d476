namespace Xinzhi.Efficiency.Productivity;

/// <summary>Creates the LP-backed distance function for a set of options.</summary>
public static class ProductivityDistances
{
    /// <summary>The distance function the options ask for (model, orientation, DDF direction).</summary>
    public static IDistanceFunction Create(MalmquistOptions options) =>
        throw new NotSupportedException("The DEA linear-programming engine is not available in this build.");
}
