using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Xinzhi.Reports.Pipeline;

/// <summary>
/// A study declared in one YAML file (<c>xinzhi run PROJECT.yaml</c>): the data, the framework, the methods with
/// every option, and the outputs. <c>xinzhi init</c> writes <see cref="ExampleYaml"/>, which is also exactly what
/// <c>xinzhi demo</c> runs. Keys are snake_case; unknown keys are errors (a typo must not silently fall back to a
/// default); relative paths are relative to the project file.
/// </summary>
public sealed class ProjectFile
{
    /// <summary>Reference to the dataset shipped with Xinzhi (data/china-provinces), usable as <c>data.file</c>.</summary>
    public const string BuiltinChinaProvinces = "builtin:china-provinces";

    public string TitleZh { get; set; } = "新质生产力测度报告";

    public string TitleEn { get; set; } = "New Quality Productive Forces report";

    public ProjectData Data { get; set; } = new();

    /// <summary>Indicator framework: <c>builtin:NAME</c> or a YAML file (contract A).</summary>
    public string Framework { get; set; } = "builtin:china-provinces";

    /// <summary>Periods of the index, "2012-2019"; empty: every period in which all indicators are present.</summary>
    public string? Years { get; set; }

    public ProjectIndex Index { get; set; } = new();

    public ProjectTfp Tfp { get; set; } = new();

    public ProjectAnalysis Analysis { get; set; } = new();

    public ProjectOutput Output { get; set; } = new();

    /// <summary>Folder the project file is in (paths are resolved against it); the working directory when parsed from text.</summary>
    [YamlIgnore]
    public string BaseDirectory { get; set; } = Directory.GetCurrentDirectory();

    [YamlIgnore]
    public string? SourcePath { get; set; }

    public static ProjectFile Load(string path)
    {
        if (!File.Exists(path)) throw new SpecificationException($"project file '{path}' does not exist (create one with 'xinzhi init {path}').");
        var project = Parse(File.ReadAllText(path), path);
        project.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        project.SourcePath = Path.GetFullPath(path);
        return project;
    }

    public static ProjectFile Parse(string yaml, string source = "project")
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        try
        {
            var project = deserializer.Deserialize<ProjectFile?>(yaml) ?? new ProjectFile();
            project.Validate(source);
            return project;
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message ?? e.Message;
            throw new SpecificationException($"{source}, line {e.Start.Line}, column {e.Start.Column}: {inner}");
        }
    }

    /// <summary>Resolves a path of the project (absolute, relative to the project file, or a builtin reference).</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>The years option as an inclusive range, or null for "automatic".</summary>
    public (int From, int To)? YearRange()
    {
        if (string.IsNullOrWhiteSpace(Years)) return null;
        var parts = Years.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var a)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var b) && a <= b)
        {
            return (a, b);
        }
        if (parts.Length == 1 && int.TryParse(parts[0], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var y)) return (y, y);
        throw new SpecificationException($"years: '{Years}' is not a range like 2012-2019.");
    }

    private void Validate(string source)
    {
        void Require(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new SpecificationException($"{source}: '{key}' is required.");
        }
        Require(Data.File, "data.file");
        Require(Data.Id, "data.id");
        Require(Data.Time, "data.time");
        Require(Framework, "framework");
        if (Tfp.Enabled)
        {
            if (Tfp.Inputs.Count == 0) throw new SpecificationException($"{source}: 'tfp.inputs' needs at least one column (or set tfp.enabled: false).");
            if (Tfp.Outputs.Count == 0) throw new SpecificationException($"{source}: 'tfp.outputs' needs at least one column (or set tfp.enabled: false).");
        }
        if (Analysis.Dagum && string.IsNullOrWhiteSpace(Data.Group))
            throw new SpecificationException($"{source}: analysis.dagum needs data.group (e.g. region), or set analysis.dagum: false.");
        if (Analysis.ForecastHorizon < 0) throw new SpecificationException($"{source}: analysis.forecast_horizon must be ≥ 0.");
        if (Analysis.ObstacleTop < 1) throw new SpecificationException($"{source}: analysis.obstacle_top must be ≥ 1.");
        _ = YearRange();
    }

    /// <summary>The example written by <c>xinzhi init</c> and run by <c>xinzhi demo</c>.</summary>
    public const string ExampleYaml = """
        # Xinzhi (新质) project file — one study, reproducible from this file.
        # Run it with:   xinzhi run THIS-FILE.yaml
        # Every option below is shown with its value; relative paths are relative to this file.

        title_zh: 中国省域新质生产力测度报告
        title_en: New Quality Productive Forces in China's provinces

        data:
          # CSV (UTF-8 or GB18030), XLSX (add sheet:) or Stata .dta, long format: one row per entity and year.
          # builtin:china-provinces is the dataset shipped with Xinzhi (31 provinces; see data/china-provinces/README.md).
          file: builtin:china-provinces
          # sheet: Sheet1            # XLSX only
          id: code                   # entity column (GB/T 2260 codes for provinces)
          time: year                 # period column
          group: region              # groups for the Dagum decomposition (east / central / west / northeast)
          name_zh: province_zh       # display names (optional)
          name_en: province_en
          fill: none                 # missing values: none (an error) | interpolate | locf
          exclude: []                # entity ids left out of the whole study, e.g. [540000] with builtin:china-provinces-green

        # Indicator framework: builtin:NAME (xinzhi framework list) or a YAML file of your own.
        framework: builtin:china-provinces

        # Years of the index, e.g. 2012-2019. Empty: every year in which all the framework's indicators are present.
        years:

        index:                       # composite NQPF index (xinzhi index)
          normalize: minmax          # minmax | zscore | ratio | vector
          scope: pooled              # pooled (years comparable) | period
          zero: none                 # none | shift:C | rescale:A:B | epsilon:E
          weights: entropy           # entropy | critic | cv | equal | pca | ahp:FILE | combine:...
          weight_level: leaves       # leaves | nodes
          weight_scope: pooled       # pooled | period
          aggregate: topsis          # linear | topsis | gra
          ideal: pooled              # TOPSIS ideal points: pooled | period

        tfp:                         # green total factor productivity (xinzhi malmquist)
          enabled: true
          inputs: [capital_stock, employment]
          outputs: [real_gdp]
          bad: [co2]                 # undesirable outputs
          model: sbm                 # radial | sbm | ddf
          rts: crs                   # crs | vrs
          orientation: none          # input | output | none (non-oriented SBM)
          technology: global         # contemporaneous | sequential | global (global + bad outputs = GML)
          unbalanced: drop-incomplete-units   # use-available | drop-incomplete-units | error
          # Years of the TFP panel; empty: every year in which all TFP columns are present.
          years:

        analysis:
          dagum: true                # Dagum Gini decomposition of the index by data.group (xinzhi inequality)
          kde: true                  # kernel densities of the index per year (xinzhi kde)
          kde_bandwidth: silverman   # silverman | scott | a number
          coupling: true             # coupling coordination of the framework's top-level elements (xinzhi coupling)
          coupling_formula: standard # standard | corrected
          obstacle: true             # obstacle degrees (xinzhi obstacle)
          obstacle_top: 5
          forecast: true             # GM(1,1) forecasts of the index per entity (xinzhi forecast)
          forecast_horizon: 3

        output:
          dir: xinzhi-report         # index.html, results.xlsx, figures/, run.json, and each step's own files
          html: true
          xlsx: true
          figures: true
        """;
}

public sealed class ProjectData
{
    public string File { get; set; } = "";

    public string? Sheet { get; set; }

    public string? Encoding { get; set; }

    public string Id { get; set; } = "";

    public string Time { get; set; } = "";

    public string? Group { get; set; }

    public string? NameZh { get; set; }

    public string? NameEn { get; set; }

    public string Fill { get; set; } = "none";

    /// <summary>Entity ids left out of the whole study (e.g. 540000 for Tibet with CO₂-based indicators); recorded.</summary>
    public List<string> Exclude { get; set; } = [];
}

public sealed class ProjectIndex
{
    public string Normalize { get; set; } = "minmax";

    public string Scope { get; set; } = "pooled";

    public string Zero { get; set; } = "none";

    public string Weights { get; set; } = "entropy";

    public string WeightLevel { get; set; } = "leaves";

    public string WeightScope { get; set; } = "pooled";

    public string Aggregate { get; set; } = "topsis";

    public string Ideal { get; set; } = "pooled";
}

public sealed class ProjectTfp
{
    public bool Enabled { get; set; } = true;

    public List<string> Inputs { get; set; } = [];

    public List<string> Outputs { get; set; } = [];

    public List<string> Bad { get; set; } = [];

    public string Model { get; set; } = "sbm";

    public string Rts { get; set; } = "crs";

    public string Orientation { get; set; } = "none";

    public string Technology { get; set; } = "global";

    public string Unbalanced { get; set; } = "drop-incomplete-units";

    public string? Years { get; set; }
}

public sealed class ProjectAnalysis
{
    public bool Dagum { get; set; } = true;

    public bool Kde { get; set; } = true;

    public string KdeBandwidth { get; set; } = "silverman";

    public bool Coupling { get; set; } = true;

    public string CouplingFormula { get; set; } = "standard";

    public bool Obstacle { get; set; } = true;

    public int ObstacleTop { get; set; } = 5;

    public bool Forecast { get; set; } = true;

    public int ForecastHorizon { get; set; } = 3;
}

public sealed class ProjectOutput
{
    public string Dir { get; set; } = "xinzhi-report";

    public bool Html { get; set; } = true;

    public bool Xlsx { get; set; } = true;

    public bool Figures { get; set; } = true;
}
