using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Xinzhi.Data;

/// <summary>
/// Reads Stata datasets in the XML-tagged formats 117 (Stata 13), 118 (Stata 14–18) and 119 (Stata 15+ with more
/// than 32,767 variables), little- or big-endian, into a <see cref="RawTable"/>. Written from the published
/// format description (help dta): header, map, variable types, names, data and strLs. Numbers become invariant text
/// (round-trip), Stata missing values (., .a … .z) become missing, str# and strL become text. Row numbers are
/// observation numbers (1 = first observation). Value labels are not applied: labelled variables keep their codes.
/// </summary>
public static class StataTableReader
{
    private const ushort StrL = 32768, TDouble = 65526, TFloat = 65527, TLong = 65528, TInt = 65529, TByte = 65530;

    public static RawTable Read(string path)
    {
        var file = Path.GetFileName(path);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataValidationException(new DataIssue(file, null, null, $"cannot read the file: {e.Message}"));
        }
        return Parse(bytes, file);
    }

    /// <summary>Parses the bytes of a .dta file; <paramref name="source"/> names it in messages.</summary>
    public static RawTable Parse(byte[] bytes, string source)
    {
        try
        {
            return new Parser(bytes, source).Run();
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            throw new DataValidationException(new DataIssue(source, null, null, $"malformed Stata file: {e.Message}"));
        }
    }

    private sealed class Parser(byte[] b, string source)
    {
        private int _pos;
        private bool _big;
        private int _release;
        private Encoding _text = Encoding.UTF8;

        public RawTable Run()
        {
            if (!At("<stata_dta>"))
            {
                var hint = b.Length > 0 && b[0] is 113 or 114 or 115
                    ? $"format {b[0]} (Stata 8–12) is not supported; save it in Stata 13 or later (saveold ..., version(13))"
                    : "not a Stata 13+ dataset (no <stata_dta> tag)";
                throw Fail(hint);
            }
            Expect("<stata_dta>");
            Expect("<header>");
            Expect("<release>");
            _release = int.Parse(Encoding.ASCII.GetString(b, _pos, 3), CultureInfo.InvariantCulture);
            _pos += 3;
            if (_release is not (117 or 118 or 119)) throw Fail($"format {_release} is not supported (117, 118, 119 are)");
            Expect("</release>");
            Expect("<byteorder>");
            var order = Encoding.ASCII.GetString(b, _pos, 3);
            _pos += 3;
            _big = order switch
            {
                "MSF" => true,
                "LSF" => false,
                _ => throw Fail($"unknown byte order '{order}'"),
            };
            Expect("</byteorder>");
            // 117 stores text in Latin-1 (Windows code page in practice); 118 and 119 in UTF-8.
            _text = _release == 117 ? Encoding.Latin1 : new UTF8Encoding(false, false);
            Expect("<K>");
            var k = _release == 119 ? checked((int)U32()) : U16();
            Expect("</K>");
            Expect("<N>");
            var n = _release == 117 ? (long)U32() : checked((long)U64());
            Expect("</N>");
            if (n > int.MaxValue) throw Fail($"{n} observations are more than this reader holds");

            Expect("<label>");
            _pos += _release == 117 ? 1 + b[_pos] : 2 + (int)U16At(_pos);
            Expect("</label>");
            Expect("<timestamp>");
            _pos += 1 + b[_pos];
            Expect("</timestamp>");
            Expect("</header>");
            Expect("<map>");
            var map = new long[14];
            for (var i = 0; i < 14; i++) map[i] = checked((long)U64());

            _pos = checked((int)map[2]);
            Expect("<variable_types>");
            var types = new ushort[k];
            for (var j = 0; j < k; j++) types[j] = U16();

            _pos = checked((int)map[3]);
            Expect("<varnames>");
            var nameLen = _release == 117 ? 33 : 129;
            var names = new string[k];
            for (var j = 0; j < k; j++) { names[j] = CString(_pos, nameLen); _pos += nameLen; }

            var strls = ReadStrls(checked((int)map[10]));

            _pos = checked((int)map[9]);
            Expect("<data>");
            var rows = (int)n;
            var cols = new string?[k][];
            for (var j = 0; j < k; j++) cols[j] = new string?[rows];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    var t = types[j];
                    string? cell;
                    switch (t)
                    {
                        case TByte: { var v = (sbyte)b[_pos]; _pos += 1; cell = v > 100 ? null : Int(v); break; }
                        case TInt: { var v = (short)U16(); cell = v > 32740 ? null : Int(v); break; }
                        case TLong: { var v = (int)U32(); cell = v > 2147483620 ? null : Int(v); break; }
                        case TFloat:
                        {
                            var bits = U32();
                            var f = BitConverter.UInt32BitsToSingle(bits);
                            cell = MissingFloat(bits) ? null : ((double)f).ToString("R", CultureInfo.InvariantCulture);
                            break;
                        }
                        case TDouble:
                        {
                            var bits = U64();
                            cell = MissingDouble(bits) ? null : BitConverter.UInt64BitsToDouble(bits).ToString("R", CultureInfo.InvariantCulture);
                            break;
                        }
                        case StrL:
                        {
                            var (v, o) = StrlRef();
                            cell = v == 0 && o == 0 ? "" : strls.TryGetValue((v, o), out var s) ? s
                                : throw Fail($"observation {i + 1}, variable '{names[j]}': strL ({v},{o}) not found");
                            break;
                        }
                        case >= 1 and <= 2045:
                            cell = CString(_pos, t);
                            _pos += t;
                            break;
                        default:
                            throw Fail($"variable '{names[j]}' has unknown type code {t}");
                    }
                    cols[j][i] = cell;
                }
            }
            Expect("</data>");

            var observations = Enumerable.Range(1, rows).ToArray();
            return new RawTable(source, names, cols, observations);
        }

        private Dictionary<(ulong V, ulong O), string> ReadStrls(int offset)
        {
            var result = new Dictionary<(ulong, ulong), string>();
            _pos = offset;
            Expect("<strls>");
            while (At("GSO"))
            {
                _pos += 3;
                var v = (ulong)U32();
                var o = _release == 117 ? U32() : U64();
                var type = b[_pos++];
                var len = checked((int)U32());
                string s;
                if (type == 130)
                {
                    // ASCII/UTF-8 strLs include their terminating null in len.
                    var end = len > 0 && b[_pos + len - 1] == 0 ? len - 1 : len;
                    s = _text.GetString(b, _pos, end);
                }
                else s = _text.GetString(b, _pos, len); // binary strL: best effort as text
                _pos += len;
                result[(v, o)] = s;
            }
            Expect("</strls>");
            return result;
        }

        private (ulong V, ulong O) StrlRef()
        {
            // The 8 bytes hold v then o; their widths depend on the release (117: 4+4, 118: 2+6, 119: 3+5) and
            // each is stored in the file's byte order.
            var (vBytes, oBytes) = _release switch { 117 => (4, 4), 118 => (2, 6), _ => (3, 5) };
            var v = UInt(vBytes);
            var o = UInt(oBytes);
            return (v, o);
        }

        private ulong UInt(int width)
        {
            ulong r = 0;
            for (var i = 0; i < width; i++)
            {
                var by = _big ? b[_pos + i] : b[_pos + width - 1 - i];
                r = (r << 8) | by;
            }
            _pos += width;
            return r;
        }

        private static bool MissingFloat(uint bits)
        {
            // Non-missing floats lie in [-1.701e38, +1.701e38]; missing codes start at 2^127 (0x7f000000).
            var f = BitConverter.UInt32BitsToSingle(bits);
            return float.IsNaN(f) || f >= BitConverter.UInt32BitsToSingle(0x7f000000);
        }

        private static bool MissingDouble(ulong bits)
        {
            var d = BitConverter.UInt64BitsToDouble(bits);
            return double.IsNaN(d) || d >= BitConverter.UInt64BitsToDouble(0x7fe0000000000000);
        }

        private static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

        private ushort U16()
        {
            var s = b.AsSpan(_pos, 2);
            _pos += 2;
            return _big ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
        }

        private ushort U16At(int offset)
        {
            var s = b.AsSpan(offset, 2);
            return _big ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
        }

        private uint U32()
        {
            var s = b.AsSpan(_pos, 4);
            _pos += 4;
            return _big ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
        }

        private ulong U64()
        {
            var s = b.AsSpan(_pos, 8);
            _pos += 8;
            return _big ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
        }

        private string CString(int offset, int max)
        {
            var span = b.AsSpan(offset, max);
            var end = span.IndexOf((byte)0);
            return _text.GetString(span[..(end < 0 ? max : end)]);
        }

        private bool At(string tag) =>
            _pos + tag.Length <= b.Length && b.AsSpan(_pos, tag.Length).SequenceEqual(Encoding.ASCII.GetBytes(tag));

        private void Expect(string tag)
        {
            if (!At(tag)) throw Fail($"expected {tag} at byte {_pos}");
            _pos += tag.Length;
        }

        private DataValidationException Fail(string message) =>
            new(new DataIssue(source, null, null, $"malformed or unsupported Stata file: {message}"));
    }
}
