namespace Xinzhi.Efficiency.Productivity;

/// <summary>Creates the LP-backed distance function for a set of options.</summary>
public static class ProductivityDistances
{
    /// <summary>The distance function the options ask for (model, orientation, DDF direction), on the DEA engine.</summary>
    public static IDistanceFunction Create(MalmquistOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DeaDistanceFunction(options.Model, options.Orientation, options.Direction) { SbmCrossPeriod = options.SbmCrossPeriod };
    }
}
