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

    public Option<string?> Years { get; } = new("--years")
    {
        Description = "Periods used: a span such as 2010-2019 (or 2015, 2010-); records outside it are not read. Recorded in run.json.",
    };

    public Option<string?> Exclude { get; } = new("--exclude")
    {
        Description = "Entity ids left out, comma-separated (e.g. 540000 for Tibet when CO2 data lack it). Recorded in run.json.",
    };

    private bool _selection;

    /// <summary>Adds <c>--years</c> and <c>--exclude</c>: an explicit, recorded choice of records.</summary>
    public DataInput AddSelectionTo(Command command)
    {
        command.Options.Add(Years);
        command.Options.Add(Exclude);
        _selection = true;
        return this;
    }

    /// <summary>The record selection given on the command line (everything when the options were not added).</summary>
    public RowSelection Selection(ParseResult parse) =>
        _selection ? RowSelection.Parse(parse.GetValue(Years), parse.GetValue(Exclude)) : RowSelection.All;

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
        IReadOnlyList<string>? attributes = null)
    {
        var table = ReadTable(parse);
        var selected = Selection(parse).Apply(table, idColumn, timeColumn);
        var load = PanelBuilder.Build(selected, new PanelSpec(idColumn, timeColumn, variables, attributes, FillMethod(parse)));
        return load with { RecordsLeftOut = table.RowCount - selected.RowCount };
    }

    public InputFile Describe(ParseResult parse) => RunRecord.Describe(Path(parse));
}
