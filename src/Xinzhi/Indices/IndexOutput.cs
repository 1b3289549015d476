using System.Buffers;
using System.Globalization;
using System.Text;
using Xinzhi.Data;
using Xinzhi.Runs;

namespace Xinzhi.Indices;

/// <summary>
/// Writes an index run directory (contract B): <c>scores.csv</c>, <c>weights.csv</c>, <c>normalized.csv</c>,
/// <c>run.json</c>, plus <c>weights_by_period.csv</c> when weights are computed per period.
/// CSV: UTF-8 without BOM, invariant culture, round-trip doubles, empty field = no value.
/// </summary>
public static class IndexOutput
{
    public const string Scores = "scores.csv", Weights = "weights.csv", Normalized = "normalized.csv", RunJson = "run.json",
        WeightsByPeriod = "weights_by_period.csv";

    /// <summary>Writes every file; returns the file names written (run.json last).</summary>
    public static IReadOnlyList<string> Write(string directory, IndexResult result, RunRecord record)
    {
        if (File.Exists(directory)) throw new SpecificationException($"--out: '{directory}' is a file; give a directory");
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var model = result.Model;
        var n = result.RowCount;
        var m = model.Indicators.Count;

        // Tables are written in parallel: they are independent and formatting doubles dominates the run time.
        var tasks = new List<Action>
        {
            () => WriteTable(Path.Combine(directory, Scores), ScoresHeader(result), n, (i, w) =>
            {
                w.Text(result.Ids[i]);
                w.Int(result.Times?[i]);
                w.Num(result.Scores[i]);
                w.Int(result.Ranks[i]);
                foreach (var node in result.NodeScores) w.Num(node[i]);
            }),
            () => WriteTable(Path.Combine(directory, Normalized), ["id", "time", .. model.Columns], n, (i, w) =>
            {
                w.Text(result.Ids[i]);
                w.Int(result.Times?[i]);
                for (var j = 0; j < m; j++) w.Num(result.Normalized[j][i]);
            }),
        };
        System.Threading.Tasks.Parallel.Invoke(tasks.ToArray());
        written.Add(Scores);
        written.Add(Normalized);

        var hasEntropy = result.Entropy is not null;
        string[] wHeader = hasEntropy
            ? ["indicator", "direction", "weight", "entropy", "divergence", "node", "path", "name_zh", "name_en"]
            : ["indicator", "direction", "weight", "node", "path", "name_zh", "name_en"];
        WriteTable(Path.Combine(directory, Weights), wHeader, m, (j, w) =>
        {
            var ind = model.Indicators[j];
            w.Text(ind.Column);
            w.Text(ind.DirectionSymbol);
            w.Num(result.Weights[j]);
            if (hasEntropy)
            {
                w.Num(result.Entropy![j]);
                w.Num(result.Divergence![j]);
            }
            w.Text(ind.Node);
            w.Text(ind.Path);
            w.Text(ind.NameZh);
            w.Text(ind.NameEn);
        });
        written.Add(Weights);

        if (result.WeightsByPeriod is { } byPeriod)
        {
            var periods = result.Periods.Length == 0 ? [0] : result.Periods;
            WriteTable(Path.Combine(directory, WeightsByPeriod), ["time", .. model.Columns], byPeriod.Length, (k, w) =>
            {
                w.Int(result.Periods.Length == 0 ? null : periods[k]);
                for (var j = 0; j < m; j++) w.Num(byPeriod[k][j]);
            });
            written.Add(WeightsByPeriod);
        }
        else if (File.Exists(Path.Combine(directory, WeightsByPeriod)))
            File.Delete(Path.Combine(directory, WeightsByPeriod)); // stale from an earlier run into the same directory
        written.Add(RunJson);
        (record with { Outputs = written }).WriteTo(Path.Combine(directory, RunJson));
        return written;
    }

    private static string[] ScoresHeader(IndexResult result) =>
        ["id", "time", "score", "rank", .. result.Model.Nodes.Select(g => g.Id)];

    /// <summary>Rows formatted per parallel work item.</summary>
    private const int ChunkRows = 2048;

    /// <summary>
    /// Writes a CSV table: chunks of rows are formatted in parallel straight to UTF-8 bytes (formatting doubles
    /// dominates the run time) and written in order, a bounded batch at a time so memory stays small.
    /// </summary>
    private static void WriteTable(string path, string[] header, int rows, Action<int, RowWriter> row) =>
        AtomicFile.Write(path, tmp =>
        {
            using var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var head = new RowWriter(new ArrayBufferWriter<byte>(256));
            foreach (var h in header) head.Text(h);
            head.EndRow();
            stream.Write(head.Buffer.WrittenSpan);
            var chunks = (rows + ChunkRows - 1) / ChunkRows;
            var batch = Math.Max(2, Environment.ProcessorCount * 2);
            var buffers = new ArrayBufferWriter<byte>[batch];
            for (var start = 0; start < chunks; start += batch)
            {
                var count = Math.Min(batch, chunks - start);
                System.Threading.Tasks.Parallel.For(0, count, b =>
                {
                    var buffer = buffers[b] ??= new ArrayBufferWriter<byte>(ChunkRows * 128);
                    buffer.ResetWrittenCount();
                    var chunkWriter = new RowWriter(buffer);
                    var first = (start + b) * ChunkRows;
                    var last = Math.Min(rows, first + ChunkRows);
                    for (var i = first; i < last; i++)
                    {
                        row(i, chunkWriter);
                        chunkWriter.EndRow();
                    }
                });
                for (var b = 0; b < count; b++) stream.Write(buffers[b].WrittenSpan);
            }
        });

    /// <summary>Formats cells as UTF-8 straight into a buffer, without boxing or intermediate strings.</summary>
    private sealed class RowWriter(ArrayBufferWriter<byte> buffer)
    {
        private bool _first = true;

        public ArrayBufferWriter<byte> Buffer => buffer;

        private void Sep()
        {
            if (!_first) Byte((byte)',');
            _first = false;
        }

        private void Byte(byte b)
        {
            buffer.GetSpan(1)[0] = b;
            buffer.Advance(1);
        }

        public void Text(string s)
        {
            Sep();
            if (s.AsSpan().IndexOfAny(",\"\r\n") >= 0) s = "\"" + s.Replace("\"", "\"\"") + "\"";
            var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(s.Length));
            buffer.Advance(Encoding.UTF8.GetBytes(s, span));
        }

        public void Num(double d)
        {
            Sep();
            if (!double.IsFinite(d)) return;
            var span = buffer.GetSpan(32);
            if (!d.TryFormat(span, out var len, "R", CultureInfo.InvariantCulture)) throw new InvalidOperationException("number does not fit in 32 bytes");
            buffer.Advance(len);
        }

        public void Int(int? v)
        {
            Sep();
            if (v is not { } x) return;
            var span = buffer.GetSpan(16);
            x.TryFormat(span, out var len, default, CultureInfo.InvariantCulture);
            buffer.Advance(len);
        }

        public void EndRow()
        {
            Byte((byte)'\n');
            _first = true;
        }
    }
}
