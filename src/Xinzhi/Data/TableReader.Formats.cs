namespace Xinzhi.Data;

public static partial class TableReader
{
    /// <summary>Registers the readers beyond delimited text: Excel workbooks and Stata datasets.</summary>
    static partial void RegisterBuiltIns()
    {
        Register(".xlsx", (path, o) => XlsxTableReader.Read(path, o.Sheet));
        Register(".xlsm", (path, o) => XlsxTableReader.Read(path, o.Sheet));
        Register(".dta", (path, _) => StataTableReader.Read(path));
    }
}
