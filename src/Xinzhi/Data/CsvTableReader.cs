using System.Text;
using nietras.SeparatedValues;

namespace Xinzhi.Data;

/// <summary>Reads delimited text (CSV/TSV) into a <see cref="RawTable"/>, detecting UTF-8 versus GB18030.</summary>
public static class CsvTableReader
{
    static CsvTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, a superset of GBK and GB2312: the encoding Chinese Excel and statistical exports use.</summary>
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>Resolves an encoding name given by the user (utf-8, gbk, gb2312, gb18030, ...).</summary>
    public static Encoding ResolveEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var n = name.Trim().ToLowerInvariant();
        return n switch
        {
            "utf8" or "utf-8" or "utf-8-sig" => new UTF8Encoding(false, true),
            "gbk" or "gb2312" or "gb18030" or "cp936" => Gb18030,
            _ => TryGet(name) ?? throw new SpecificationException(
                $"Unknown encoding '{name}'. Use utf-8, gbk, gb18030 or a .NET encoding name."),
        };

        static Encoding? TryGet(string name)
        {
            try { return Encoding.GetEncoding(name); }
            catch (ArgumentException) { return null; }
        }
    }

    /// <summary>
    /// Detects the encoding of raw bytes: a UTF-8 (or UTF-16) byte-order mark wins; otherwise strictly valid UTF-8 is
    /// UTF-8, and anything else is taken as GB18030.
    /// </summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(true, true);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new UTF8Encoding(false, true);
        return Gb18030;
    }

    /// <summary>Reads a delimited file. The delimiter is inferred from the header (comma, semicolon, tab).</summary>
    public static RawTable Read(string path, Encoding? encoding = null)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataValidationException(new DataIssue(path, null, null, $"cannot read the file: {e.Message}"));
        }
        return Parse(bytes, Path.GetFileName(path), encoding);
    }

    /// <summary>Parses delimited bytes; <paramref name="source"/> names the data in error messages.</summary>
    public static RawTable Parse(byte[] bytes, string source, Encoding? encoding = null)
    {
        encoding ??= DetectEncoding(bytes);
        string text;
        try
        {
            var preamble = encoding.GetPreamble();
            var offset = preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
            text = encoding.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException e)
        {
            throw new DataValidationException(new DataIssue(source, null, null,
                $"the file is not valid {encoding.WebName}: {e.Message}"));
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return ParseText(text, source);
    }

    /// <summary>Parses delimited text whose first line is the header.</summary>
    public static RawTable ParseText(string text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new DataValidationException(new DataIssue(source, null, null, "the file is empty"));

        // NBS exports (data.stats.gov.cn) start with title lines such as 数据库：分省年度数据 / 指标：… / 时间：… above
        // the header: set them aside as notes (with their line numbers) and keep counting lines from the file's start.
        var notes = new List<DataIssue>();
        var lineOffset = 0;
        var hasDelimiter = text.AsSpan().IndexOfAny(",;\t") >= 0; // a one-column file has no title lines to set aside
        while (hasDelimiter)
        {
            var end = text.IndexOf('\n');
            if (end < 0) break;
            var line = text[..end].TrimEnd('\r');
            if (line.IndexOfAny([',', ';', '\t']) >= 0 || !RawTable.IsTitleText(line)) break;
            notes.Add(new DataIssue(source, lineOffset + 1, null, $"title line set aside: {line.Trim()}"));
            text = text[(end + 1)..];
            lineOffset++;
        }

        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var k and >= 0 ? k : text.Length));
        var separator = InferSeparator(firstLine);

        using var reader = Sep.Reader(o => o with
        {
            Sep = new Sep(separator),
            Unescape = true,
            DisableColCountCheck = true,
            DisableQuotesParsing = false,
        }).FromText(text);

        var names = reader.Header.ColNames.Select(n => n.Trim()).ToArray();
        var issues = new DataIssueCollector();
        for (var j = 0; j < names.Length; j++)
            if (names[j].Length == 0) issues.Add(source, lineOffset + 1, $"#{j + 1}", "empty column name in the header");
        issues.ThrowIfAny();

        var cols = new List<string?>[names.Length];
        for (var j = 0; j < names.Length; j++) cols[j] = [];
        var rows = new List<int>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom + lineOffset;
            if (row.ColCount == 1 && row[0].Span.Trim().Length == 0) continue; // blank line
            if (row.ColCount == 1 && RawTable.IsFootnoteText(row[0].ToString()))
            {
                notes.Add(new DataIssue(source, line, null, $"footnote set aside: {row[0].ToString().Trim()}"));
                continue;
            }
            if (row.ColCount != names.Length)
            {
                issues.Add(source, line, null, $"expected {names.Length} fields, found {row.ColCount}");
                continue;
            }
            for (var j = 0; j < names.Length; j++) cols[j].Add(row[j].ToString());
            rows.Add(line);
        }
        issues.ThrowIfAny();
        return new RawTable(source, names, cols.Select(c => c.ToArray()).ToArray(), rows.ToArray(), notes);
    }

    private static char InferSeparator(ReadOnlySpan<char> header)
    {
        int comma = header.Count(','), semi = header.Count(';'), tab = header.Count('\t');
        if (tab > comma && tab >= semi) return '\t';
        if (semi > comma) return ';';
        return ',';
    }
}
