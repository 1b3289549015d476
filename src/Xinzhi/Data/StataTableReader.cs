using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Xinzhi.Data;

/// <summary>
/// Reads Stata datasets in the XML-tagged formats 117 (Stata 13), 118 (Stata 14–18) and 119 (Stata 15+ with more
/// than 32,767 variables), little- or big-endian, into a <see cref="RawTable"/>. Written from the published
/// format description (help dta): header, map, variable types, names, data and strLs. Numbers become invariant text
/// (round-trip), Stata missing values (., .a … .z) become missing, str# and strL become text. Row numbers are
/// observation numbers (1 = first observation). A labelled numeric variable whose every value has a label (such as a
/// province id made by <c>encode</c>) reads as its labels; otherwise it keeps its codes.
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

    private static readonly Encoding Legacy117 = new Utf8OrGb18030();

    /// <summary>Decodes strictly valid UTF-8 as UTF-8 and anything else as GB18030.</summary>
    private sealed class Utf8OrGb18030 : Encoding
    {
        private static readonly UTF8Encoding Strict = new(false, true);

        public override int GetByteCount(char[] chars, int index, int count) => Strict.GetByteCount(chars, index, count);

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
            Strict.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

        public override int GetCharCount(byte[] bytes, int index, int count) => Pick(bytes, index, count).GetCharCount(bytes, index, count);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            Pick(bytes, byteIndex, byteCount).GetChars(bytes, byteIndex, byteCount, chars, charIndex);

        public override int GetMaxByteCount(int charCount) => Strict.GetMaxByteCount(charCount);

        public override int GetMaxCharCount(int byteCount) => byteCount;

        private static Encoding Pick(byte[] bytes, int index, int count) =>
            System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(index, count)) ? Strict : CsvTableReader.Gb18030;
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
            // 118 and 119 store UTF-8. 117 has no declared encoding: Stata 13 wrote the Windows code page (GBK on
            // Chinese systems) and R/ReadStat write UTF-8, so each 117 string is read as UTF-8 when it is valid UTF-8
            // and as GB18030 otherwise.
            _text = _release == 117 ? Legacy117 : new UTF8Encoding(false, false);
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

            _pos = checked((int)map[6]);
            Expect("<value_label_names>");
            var labelNames = new string[k];
            for (var j = 0; j < k; j++) { labelNames[j] = CString(_pos, nameLen); _pos += nameLen; }
            var labelSets = ReadValueLabels(checked((int)map[11]), nameLen);

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
                            var raw = b.AsSpan(_pos, 8);
                            _pos += 8;
                            cell = raw.IndexOfAnyExcept((byte)0) < 0 ? "" : FindStrl(raw, strls)
                                ?? throw Fail($"observation {i + 1}, variable '{names[j]}': strL reference not found in <strls>");
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

            // Labelled numeric variables (e.g. a province id made by `encode`) read as their labels when every
            // non-missing value has one; a partly labelled variable (labels only for special codes) keeps its numbers.
            for (var j = 0; j < k; j++)
            {
                if (types[j] < TDouble || labelNames[j].Length == 0 || !labelSets.TryGetValue(labelNames[j], out var set)) continue;
                var texts = new string?[rows];
                var complete = true;
                for (var i = 0; i < rows && complete; i++)
                {
                    if (cols[j][i] is not { } code) continue;
                    if (int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && set.TryGetValue(v, out var text)) texts[i] = text;
                    else complete = false;
                }
                if (complete) cols[j] = texts;
            }

            var observations = Enumerable.Range(1, rows).ToArray();
            return new RawTable(source, names, cols, observations);
        }

        /// <summary>Reads the value-label tables: name → (value → label).</summary>
        private Dictionary<string, Dictionary<int, string>> ReadValueLabels(int offset, int nameLen)
        {
            var result = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
            _pos = offset;
            Expect("<value_labels>");
            while (At("<lbl>"))
            {
                _pos += 5;
                var len = checked((int)U32());
                var name = CString(_pos, nameLen);
                _pos += nameLen + 3; // name, then 3 bytes of padding
                var start = _pos;
                var n = checked((int)U32());
                var txtLen = checked((int)U32());
                var offsets = new int[n];
                var values = new int[n];
                for (var i = 0; i < n; i++) offsets[i] = checked((int)U32());
                for (var i = 0; i < n; i++) values[i] = (int)U32();
                var txt = _pos;
                var set = new Dictionary<int, string>();
                for (var i = 0; i < n; i++)
                    if (offsets[i] < txtLen) set[values[i]] = CString(txt + offsets[i], txtLen - offsets[i]);
                result[name] = set;
                _pos = start + len;
                Expect("</lbl>");
            }
            Expect("</value_labels>");
            return result;
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

        /// <summary>
        /// Looks up the strL that an 8-byte (v,o) reference points to. The format splits the 8 bytes as v+o = 4+4
        /// (117), 2+6 (118) and 3+5 (119); ReadStat (R haven) writes 119 files with the 118 split, so the other
        /// splits are tried when the documented one finds nothing. The GSO blocks carry v and o explicitly, so a
        /// match is unambiguous.
        /// </summary>
        private string? FindStrl(ReadOnlySpan<byte> raw, Dictionary<(ulong V, ulong O), string> strls)
        {
            var first = _release switch { 117 => 4, 118 => 2, _ => 3 };
            foreach (var vWidth in (ReadOnlySpan<int>)[first, 2, 3, 4])
            {
                var v = UIntAt(raw, 0, vWidth);
                var o = UIntAt(raw, vWidth, 8 - vWidth);
                if (strls.TryGetValue((v, o), out var s)) return s;
            }
            return null;
        }

        private ulong UIntAt(ReadOnlySpan<byte> raw, int offset, int width)
        {
            ulong r = 0;
            for (var i = 0; i < width; i++)
            {
                var by = _big ? raw[offset + i] : raw[offset + width - 1 - i];
                r = (r << 8) | by;
            }
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
