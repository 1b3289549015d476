using System.Text;

namespace Xinzhi.Data;

/// <summary>Options for reading a data file.</summary>
/// <param name="Encoding">Text encoding of CSV files; null detects UTF-8 (with or without BOM) versus GB18030.</param>
/// <param name="Sheet">Worksheet name of an XLSX file; null takes the first sheet.</param>
public sealed record ReadOptions(Encoding? Encoding = null, string? Sheet = null)
{
    public static ReadOptions Default { get; } = new();
}

/// <summary>Reads any supported data file into a <see cref="RawTable"/>, choosing the reader by extension.</summary>
public static partial class TableReader
{
    /// <summary>Readers by lower-case extension (with the dot). Extended by format-specific readers.</summary>
    private static readonly Dictionary<string, Func<string, ReadOptions, RawTable>> Readers = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = (path, o) => CsvTableReader.Read(path, o.Encoding),
        [".tsv"] = (path, o) => CsvTableReader.Read(path, o.Encoding),
        [".txt"] = (path, o) => CsvTableReader.Read(path, o.Encoding),
    };

    /// <summary>Registers a reader for an extension (e.g. ".xlsx", ".dta").</summary>
    public static void Register(string extension, Func<string, ReadOptions, RawTable> reader) => Readers[extension] = reader;

    public static IReadOnlyCollection<string> SupportedExtensions => Readers.Keys;

    /// <exception cref="DataValidationException">The file is missing, unreadable or malformed.</exception>
    public static RawTable Read(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        EnsureBuiltInsRegistered();
        if (!File.Exists(path))
            throw new DataValidationException(new DataIssue(path, null, null, "file not found"));
        var ext = Path.GetExtension(path);
        if (!Readers.TryGetValue(ext, out var reader))
            throw new DataValidationException(new DataIssue(path, null, null,
                $"unsupported file type '{ext}'; supported: {string.Join(", ", Readers.Keys.Order())}"));
        return reader(path, options);
    }

    static partial void RegisterBuiltIns();

    private static bool _registered;

    private static void EnsureBuiltInsRegistered()
    {
        if (_registered) return;
        _registered = true;
        RegisterBuiltIns();
    }
}
