using System.Text;

namespace Xinzhi.Tests.Data;

/// <summary>
/// A minimal writer of Stata 117/118/119 files for tests, formulated independently from the reader: it lays the
/// file out section by section from the format description (help dta) and fills the map with the offsets it
/// records while writing. Columns are typed: byte, int, long, float, double, str# (fixed) or strL.
/// </summary>
internal sealed class StataTestWriter(int release, bool bigEndian)
{
    public enum Kind { Byte, Int, Long, Float, Double, Str, StrL }

    public sealed record Column(string Name, Kind Kind, object?[] Values, int StrWidth = 0, IReadOnlyDictionary<int, string>? Labels = null);

    private readonly List<byte> _out = [];

    public byte[] Write(IReadOnlyList<Column> columns)
    {
        var n = columns.Count == 0 ? 0 : columns[0].Values.Length;
        var map = new long[14];
        Tag("<stata_dta>");
        Tag("<header>");
        Tag("<release>"); Tag(release.ToString(System.Globalization.CultureInfo.InvariantCulture)); Tag("</release>");
        Tag("<byteorder>"); Tag(bigEndian ? "MSF" : "LSF"); Tag("</byteorder>");
        Tag("<K>"); if (release == 119) Int(columns.Count, 4); else Int(columns.Count, 2); Tag("</K>");
        Tag("<N>"); Int(n, release == 117 ? 4 : 8); Tag("</N>");
        var label = Encoding.UTF8.GetBytes("测试 data");
        Tag("<label>"); Int(label.Length, release == 117 ? 1 : 2); _out.AddRange(label); Tag("</label>");
        var stamp = Encoding.ASCII.GetBytes(" 1 Dec 2026 01:00");
        Tag("<timestamp>"); _out.Add((byte)stamp.Length); _out.AddRange(stamp); Tag("</timestamp>");
        Tag("</header>");

        map[1] = _out.Count;
        Tag("<map>");
        var mapAt = _out.Count;
        for (var i = 0; i < 14; i++) Int(0, 8); // patched below
        Tag("</map>");

        map[2] = _out.Count;
        Tag("<variable_types>");
        foreach (var c in columns)
            Int(c.Kind switch
            {
                Kind.Byte => 65530, Kind.Int => 65529, Kind.Long => 65528, Kind.Float => 65527, Kind.Double => 65526,
                Kind.StrL => 32768, _ => c.StrWidth,
            }, 2);
        Tag("</variable_types>");

        var nameWidth = release == 117 ? 33 : 129;
        map[3] = _out.Count;
        Tag("<varnames>");
        foreach (var c in columns) Fixed(c.Name, nameWidth);
        Tag("</varnames>");

        map[4] = _out.Count;
        Tag("<sortlist>");
        for (var i = 0; i <= columns.Count; i++) Int(0, release == 119 ? 4 : 2);
        Tag("</sortlist>");

        map[5] = _out.Count;
        Tag("<formats>");
        foreach (var _ in columns) Fixed("%9.0g", release == 117 ? 49 : 57);
        Tag("</formats>");

        map[6] = _out.Count;
        Tag("<value_label_names>");
        foreach (var c in columns) Fixed(c.Labels is null ? "" : c.Name + "_lbl", nameWidth);
        Tag("</value_label_names>");

        map[7] = _out.Count;
        Tag("<variable_labels>");
        foreach (var _ in columns) Fixed("", release == 117 ? 81 : 321);
        Tag("</variable_labels>");

        map[8] = _out.Count;
        Tag("<characteristics>");
        Tag("</characteristics>");

        map[9] = _out.Count;
        Tag("<data>");
        var strls = new List<(int V, long O, byte[] Bytes)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                var c = columns[j];
                var v = c.Values[i];
                switch (c.Kind)
                {
                    case Kind.Byte: _out.Add(unchecked((byte)(sbyte)(v is null ? 101 : Convert.ToInt32(v)))); break;
                    case Kind.Int: Int(v is null ? 32741 : Convert.ToInt32(v), 2); break;
                    case Kind.Long: Int(v is null ? 2147483621 : Convert.ToInt32(v), 4); break;
                    case Kind.Float:
                        Int(v is null ? 0x7f000000 : (long)BitConverter.SingleToUInt32Bits(Convert.ToSingle(v)), 4);
                        break;
                    case Kind.Double:
                        Int(v is null ? 0x7fe0000000000000 : BitConverter.DoubleToInt64Bits(Convert.ToDouble(v)), 8);
                        break;
                    case Kind.Str: Fixed((string?)v ?? "", c.StrWidth); break;
                    case Kind.StrL:
                    {
                        var s = (string?)v;
                        if (string.IsNullOrEmpty(s)) { Int(0, 8); break; }
                        var vv = j + 1;
                        long oo = i + 1;
                        // (v,o) occupies 8 bytes: 117 uses 4+4, 118 2+6, 119 3+5, each in the file's byte order.
                        var (vw, ow) = release switch { 117 => (4, 4), 118 => (2, 6), _ => (3, 5) };
                        Int(vv, vw);
                        Int(oo, ow);
                        strls.Add((vv, oo, Encoding.UTF8.GetBytes(s)));
                        break;
                    }
                }
            }
        }
        Tag("</data>");

        map[10] = _out.Count;
        Tag("<strls>");
        foreach (var (vv, oo, bytes) in strls)
        {
            Tag("GSO");
            Int(vv, 4);
            Int(oo, release == 117 ? 4 : 8);
            _out.Add(130);
            Int(bytes.Length + 1, 4);
            _out.AddRange(bytes);
            _out.Add(0);
        }
        Tag("</strls>");

        map[11] = _out.Count;
        Tag("<value_labels>");
        foreach (var c in columns.Where(c => c.Labels is not null))
        {
            // value_label_table: n, txtlen, off[n], val[n], txt — all 4-byte integers in the file's byte order.
            var txt = new List<byte>();
            var offs = new List<int>();
            foreach (var (_, text) in c.Labels!) { offs.Add(txt.Count); txt.AddRange(Encoding.UTF8.GetBytes(text)); txt.Add(0); }
            var table = new StataTestWriter(release, bigEndian);
            table.Int(c.Labels.Count, 4);
            table.Int(txt.Count, 4);
            foreach (var o in offs) table.Int(o, 4);
            foreach (var v in c.Labels.Keys) table.Int(v, 4);
            table._out.AddRange(txt);
            Tag("<lbl>");
            Int(table._out.Count, 4);
            Fixed(c.Name + "_lbl", nameWidth);
            _out.AddRange(new byte[3]);
            _out.AddRange(table._out);
            Tag("</lbl>");
        }
        Tag("</value_labels>");
        map[12] = _out.Count;
        Tag("</stata_data>");
        map[13] = _out.Count;

        var patch = new StataTestWriter(release, bigEndian);
        foreach (var m in map) patch.Int(m, 8);
        for (var i = 0; i < patch._out.Count; i++) _out[mapAt + i] = patch._out[i];
        return _out.ToArray();
    }

    private void Tag(string s) => _out.AddRange(Encoding.ASCII.GetBytes(s));

    private void Fixed(string s, int width)
    {
        var b = Encoding.UTF8.GetBytes(s);
        if (b.Length > width) throw new ArgumentException($"'{s}' is wider than {width} bytes");
        _out.AddRange(b);
        for (var k = b.Length; k < width; k++) _out.Add(0);
    }

    private void Int(long value, int width)
    {
        var bytes = new byte[width];
        for (var k = 0; k < width; k++) bytes[bigEndian ? width - 1 - k : k] = (byte)(value >> (8 * k));
        _out.AddRange(bytes);
    }
}
