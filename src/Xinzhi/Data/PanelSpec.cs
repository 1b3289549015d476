namespace Xinzhi.Data;

/// <summary>How to build a <see cref="Panel"/> from a <see cref="RawTable"/>.</summary>
/// <param name="IdColumn">Entity key column (text).</param>
/// <param name="TimeColumn">Period column (integers such as years), or null for a cross-section.</param>
/// <param name="Variables">Numeric columns to load.</param>
/// <param name="Attributes">Text columns to carry along (e.g. a region group).</param>
/// <param name="Fill">Treatment of missing numeric cells; <see cref="FillMethod.None"/> makes them an error.</param>
/// <param name="ResolveProvinces">
/// When true, the id column holds Chinese province names in any common form (北京, 北京市, Beijing, 110000); each is
/// resolved through <see cref="Regions.ChinaProvinces"/> to its GB/T 2260 code, which becomes the entity id, and the
/// attributes <c>province_zh</c>, <c>province_en</c> and <c>region</c> (east/central/west/northeast) are added.
/// An unknown name is a data error naming file, row and column.
/// </param>
public sealed record PanelSpec(
    string IdColumn,
    string? TimeColumn,
    IReadOnlyList<string> Variables,
    IReadOnlyList<string>? Attributes = null,
    FillMethod Fill = FillMethod.None,
    bool ResolveProvinces = false);

/// <summary>Missing-value treatment, recorded in every run.</summary>
public enum FillMethod
{
    /// <summary>No filling: a missing value is a data error.</summary>
    None,

    /// <summary>
    /// Linear interpolation over time within each entity (the literature's norm); values before the first or after
    /// the last observation take the nearest observed value.
    /// </summary>
    Interpolate,

    /// <summary>Last observation carried forward within each entity; leading gaps take the first observation.</summary>
    Locf,
}
