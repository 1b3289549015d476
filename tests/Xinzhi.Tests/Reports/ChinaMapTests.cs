using System.Text.Json;
using Xinzhi.Reports.Html;

namespace Xinzhi.Tests.Reports;

public sealed class ChinaMapTests
{
    private static IEnumerable<(string Id, JsonElement Feature)> Features()
    {
        var doc = JsonDocument.Parse(ChinaMap.GeoJson);
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            yield return (f.GetProperty("properties").GetProperty("id").GetString()!, f);
        }
    }

    private static IEnumerable<JsonElement> OuterRings(JsonElement feature)
    {
        var g = feature.GetProperty("geometry");
        var coords = g.GetProperty("coordinates");
        if (g.GetProperty("type").GetString() == "Polygon") yield return coords[0];
        else foreach (var p in coords.EnumerateArray()) yield return p[0];
    }

    /// <summary>Even-odd ray casting, written here independently of the renderer.</summary>
    private static bool Inside(JsonElement ring, double x, double y)
    {
        var pts = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToArray();
        var inside = false;
        for (int i = 0, j = pts.Length - 1; i < pts.Length; j = i++)
        {
            if ((pts[i].Y > y) != (pts[j].Y > y) && x < (pts[j].X - pts[i].X) * (y - pts[i].Y) / (pts[j].Y - pts[i].Y) + pts[i].X) inside = !inside;
        }
        return inside;
    }

    [Fact]
    public void Should_decode_every_province_to_plain_GeoJSON_within_China()
    {
        var features = Features().ToList();
        Assert.True(features.Count >= 34, $"{features.Count} features");
        foreach (var code in ReportModelFixture.Provinces.Select(p => p.Code)) Assert.Contains(features, f => f.Id == code);
        foreach (var (id, f) in features)
        {
            Assert.False(f.GetProperty("geometry").TryGetProperty("encodeOffsets", out _), id);
            foreach (var ring in OuterRings(f))
            {
                Assert.True(ring.GetArrayLength() >= 3, id);
                foreach (var p in ring.EnumerateArray())
                {
                    var lon = p[0].GetDouble();
                    var lat = p[1].GetDouble();
                    Assert.InRange(lon, 73, 136);
                    Assert.InRange(lat, 3, 54);
                }
            }
        }
    }

    [Theory]
    [InlineData("110000", 116.40, 39.90)] // Beijing, Tiananmen
    [InlineData("310000", 121.47, 31.23)] // Shanghai, People's Square
    [InlineData("650000", 87.62, 43.82)]  // Ürümqi
    [InlineData("440000", 113.26, 23.13)] // Guangzhou
    [InlineData("230000", 126.63, 45.75)] // Harbin
    public void Should_put_a_known_capital_inside_its_province(string code, double lon, double lat)
    {
        var feature = Features().Single(f => f.Id == code).Feature;
        Assert.Contains(OuterRings(feature), ring => Inside(ring, lon, lat));
        foreach (var (id, other) in Features().Where(f => f.Id != code))
        {
            Assert.DoesNotContain(OuterRings(other), ring => Inside(ring, lon, lat));
        }
    }

    [Fact]
    public void Should_decode_a_hand_encoded_ring()
    {
        // Offset (1024, 2048) = (1, 2) at scale 1024; deltas +2,-1 then -3,+4 zigzag-encoded as 4,1 and 5,8 (+64).
        var encoded = """{"UTF8Encoding":true,"features":[{"type":"Feature","id":"1","properties":{"id":"1"},"geometry":{"type":"Polygon","coordinates":["@@DAEH"],"encodeOffsets":[[1024,2048]]}}]}""";
        var decoded = JsonDocument.Parse(ChinaMap.Decode(encoded)).RootElement;
        var ring = decoded.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0];
        var pts = ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToArray();
        Assert.Equal([(1.0, 2.0), (1026 / 1024.0, 2047 / 1024.0), (1023 / 1024.0, 2051 / 1024.0)], pts);
    }
}
