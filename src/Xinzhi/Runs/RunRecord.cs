using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xinzhi.Runs;

/// <summary>An input file of a run, identified by its SHA-256.</summary>
public sealed record InputFile(string Path, string Sha256, long Bytes);

/// <summary>
/// Provenance of one run: program version, method, every variant choice, the inputs' SHA-256 hashes, and the
/// warnings raised. Written as <c>run.json</c> beside every result so that a study can be reproduced exactly.
/// </summary>
public sealed record RunRecord
{
    public required string Command { get; init; }

    public required string Method { get; init; }

    public string Program { get; init; } = "xinzhi";

    public string Version { get; init; } = ProgramVersion;

    public DateTimeOffset StartedUtc { get; init; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<InputFile> Inputs { get; init; } = [];

    /// <summary>Every option that influences the numbers, including defaults the user did not type.</summary>
    public IReadOnlyDictionary<string, object?> Specification { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>Informational version of the library assembly.</summary>
    public static string ProgramVersion { get; } =
        typeof(RunRecord).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunRecord).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Describes an input file with its SHA-256.</summary>
    public static InputFile Describe(string path)
    {
        using var stream = File.OpenRead(path);
        var hash = SHA256.HashData(stream);
        return new InputFile(path, Convert.ToHexStringLower(hash), stream.Length);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Writes the record atomically (temporary file, then rename).</summary>
    public void WriteTo(string path) => AtomicFile.WriteAllText(path, ToJson() + "\n");
}
