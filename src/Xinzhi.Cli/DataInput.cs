using System.CommandLine;
using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Cli;

/// <summary>
/// The options every data-reading verb shares: the DATA argument, <c>--sheet</c>, <c>--encoding</c> and
/// <c>--fill</c>. Add it to a command, then call <see cref="ReadTable"/> / <see cref="LoadPanel"/> in the action.
/// </summary>
public sealed class DataInput
{
    public Argument<string> Data { get; } = new("DATA")
    {
        Description = "Data file: CSV/TSV (UTF-8 or GB18030/GBK, detected), XLSX (--sheet) or Stata .dta.",
    };

    public Option<string?> Sheet { get; } = new("--sheet") { Description = "Worksheet of an XLSX file (default: the first)." };

    public Option<string?> Encoding { get; } = new("--encoding")
    {
        Description = "Text encoding of a CSV file: utf-8, gbk, gb18030 (default: detect).",
    };

    public Option<string> Fill { get; } = new("--fill")
    {
        Description = "Missing values: none (an error, default), interpolate (linear within entity), locf.",
        DefaultValueFactory = _ => "none",
    };

    /// <summary>Adds the argument and options to a command.</summary>
    public DataInput AddTo(Command command, bool withFill = true)
    {
        command.Arguments.Add(Data);
        command.Options.Add(Sheet);
        command.Options.Add(Encoding);
        if (withFill) command.Options.Add(Fill);
        return this;
    }

    public ReadOptions Options(ParseResult parse)
    {
        var enc = parse.GetValue(Encoding);
        return new ReadOptions(enc is null ? null : CsvTableReader.ResolveEncoding(enc), parse.GetValue(Sheet));
    }

    public string Path(ParseResult parse) => parse.GetValue(Data)!;

    public RawTable ReadTable(ParseResult parse) => TableReader.Read(Path(parse), Options(parse));

    public FillMethod FillMethod(ParseResult parse) => CliParse.Enum<FillMethod>(parse.GetValue(Fill) ?? "none", "--fill");

    /// <summary>Reads and validates a panel with the given columns, applying <c>--fill</c>.</summary>
    public PanelLoad LoadPanel(ParseResult parse, string idColumn, string? timeColumn, IReadOnlyList<string> variables,
        IReadOnlyList<string>? attributes = null) =>
        PanelBuilder.Build(ReadTable(parse), new PanelSpec(idColumn, timeColumn, variables, attributes, FillMethod(parse)));

    public InputFile Describe(ParseResult parse) => RunRecord.Describe(Path(parse));
}
