using System.Reflection;
using System.Text.Json;

namespace Xinzhi.Reports.Html;

/// <summary>
/// The China provinces map for the choropleth: <c>map/json/china.json</c> of the npm package <c>echarts@4.9.0</c>
/// (Apache-2.0), installed under the alias <c>echarts-map-china</c> beside ECharts 6, which ships no maps.
/// That file stores each ring as a delta- and zigzag-encoded string (<c>"UTF8Encoding": true</c>); ECharts 6 only
/// reads plain GeoJSON, so <see cref="GeoJson"/> decodes it once. Feature ids are GB/T 2260 codes (110000 = Beijing).
/// </summary>
public static class ChinaMap
{
    private const double DefaultScale = 1024;

    private static readonly Lazy<string> Decoded = new(() => Decode(ReadRaw()));

    /// <summary>The decoded map as a GeoJSON FeatureCollection; properties <c>id</c> (code), <c>name</c> (Chinese
    /// short name) and <c>cp</c> (label point, lon/lat).</summary>
    public static string GeoJson => Decoded.Value;

    internal static string ReadRaw()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Xinzhi.Reports.Assets.china.json")
            ?? throw new InvalidOperationException("The China map resource is missing: rebuild Xinzhi.Reports with npm available.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Decodes an ECharts 4 "UTF8Encoding" GeoJSON into plain GeoJSON (a plain file is returned unchanged
    /// in content, re-serialised).</summary>
    public static string Decode(string encodedJson)
    {
        using var doc = JsonDocument.Parse(encodedJson);
        var root = doc.RootElement;
        var encoded = root.TryGetProperty("UTF8Encoding", out var flag) && flag.ValueKind == JsonValueKind.True;
        var scale = root.TryGetProperty("UTF8Scale", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : DefaultScale;

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var feature in root.GetProperty("features").EnumerateArray())
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                if (feature.TryGetProperty("id", out var id)) { w.WritePropertyName("id"); id.WriteTo(w); }
                w.WritePropertyName("properties");
                feature.GetProperty("properties").WriteTo(w);
                var geometry = feature.GetProperty("geometry");
                var type = geometry.GetProperty("type").GetString();
                var coords = geometry.GetProperty("coordinates");
                w.WriteStartObject("geometry");
                w.WriteString("type", type);
                w.WritePropertyName("coordinates");
                if (!encoded)
                {
                    coords.WriteTo(w);
                }
                else
                {
                    var offsets = geometry.GetProperty("encodeOffsets");
                    switch (type)
                    {
                        case "Polygon":
                            WritePolygon(w, coords, offsets, scale);
                            break;
                        case "MultiPolygon":
                            w.WriteStartArray();
                            for (var p = 0; p < coords.GetArrayLength(); p++) WritePolygon(w, coords[p], offsets[p], scale);
                            w.WriteEndArray();
                            break;
                        case "LineString":
                            WriteRing(w, coords.GetString()!, offsets, scale);
                            break;
                        default:
                            throw new InvalidDataException($"china.json: geometry type '{type}' is not decoded.");
                    }
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePolygon(Utf8JsonWriter w, JsonElement rings, JsonElement offsets, double scale)
    {
        w.WriteStartArray();
        for (var r = 0; r < rings.GetArrayLength(); r++) WriteRing(w, rings[r].GetString()!, offsets[r], scale);
        w.WriteEndArray();
    }

    /// <summary>
    /// One ring: pairs of UTF-16 code units minus 64, zigzag-decoded, are deltas from the previous point (the first
    /// from the offset); coordinates are the integers divided by the scale (1024 by default).
    /// </summary>
    private static void WriteRing(Utf8JsonWriter w, string ring, JsonElement offset, double scale)
    {
        long prevX = offset[0].GetInt64(), prevY = offset[1].GetInt64();
        w.WriteStartArray();
        for (var i = 0; i + 1 < ring.Length; i += 2)
        {
            long x = ring[i] - 64, y = ring[i + 1] - 64;
            x = (x >> 1) ^ -(x & 1);
            y = (y >> 1) ^ -(y & 1);
            x += prevX;
            y += prevY;
            prevX = x;
            prevY = y;
            w.WriteStartArray();
            w.WriteNumberValue(x / scale);
            w.WriteNumberValue(y / scale);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
