using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Efficiency;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Efficiency;

/// <summary>The DEA datasets of oracles.md §1 and the reference CSVs of §2.2, read for the tests.</summary>
internal static class DeaTestData
{
    public sealed record Dataset(string Key, string[] Ids, double[,] X, double[,] Y, double[,]? B, double[,]? Prices)
    {
        public int N => Ids.Length;

        public DeaReferenceSet Reference() => new(X, Y, B);

        public double[] Xo(int j) => Row(X, j);

        public double[] Yo(int j) => Row(Y, j);

        public double[] Bo(int j) => B is null ? [] : Row(B, j);

        public double Magnitude
        {
            get
            {
                var mx = 0.0;
                foreach (var v in X) mx = Math.Max(mx, Math.Abs(v));
                foreach (var v in Y) mx = Math.Max(mx, Math.Abs(v));
                return mx;
            }
        }
    }

    private static readonly Dictionary<string, (string File, string Id, string[] X, string[] Y, string[] B)> Specs = new()
    {
        ["charnes1981"] = ("benchmarking_charnes1981.csv", "firm", ["x1", "x2", "x3", "x4", "x5"], ["y1", "y2", "y3"], []),
        ["milkProd"] = ("benchmarking_milkProd.csv", "farmNo", ["energy", "vet", "cows"], ["milk"], []),
        ["pigdata"] = ("benchmarking_pigdata.csv", "firm", ["x1", "x2", "x3", "x4", "x5", "x6"], ["y2", "y4"], []),
        ["Fortune500"] = ("deaR_Fortune500.csv", "Company", ["Assets", "Equity", "Employees"], ["Revenue", "Profit"], []),
        ["Coelli_1998"] = ("deaR_Coelli_1998.csv", "dmus", ["input1", "input2"], ["output"], []),
        ["Electric_plants"] = ("deaR_Electric_plants.csv", "Plant", ["Labor", "Fuel", "Capital"], ["Output"], []),
        ["Golany_Roll_1989"] = ("deaR_Golany_Roll_1989.csv", "DMU", ["X1", "X2", "X3"], ["Y1", "Y2"], []),
        ["Tone2001"] = ("deaR_Tone2001.csv", "DMU", ["Input1", "Input2"], ["Output1", "Output2"], []),
        ["Power_plants"] = ("deaR_Power_plants.csv", "DMU", ["X1", "X2", "X3", "X4"], ["Y1", "Y2"], []),
        ["Tone2003"] = ("deaR_Tone2003.csv", "DMU", ["x"], ["yg"], ["yb"]),
        ["Hua_Bian_2007"] = ("deaR_Hua_Bian_2007.csv", "DMUS", ["D-Input1", "D-Input2"], ["D-Output1", "D-Output2"], ["UD-Output1"]),
        ["synthetic_dea_n500"] = ("synthetic_dea_n500.csv", "dmu", ["x1", "x2", "x3"], ["y1", "y2"], []),
        ["synthetic_dea_n2000"] = ("synthetic_dea_n2000.csv", "dmu", ["x1", "x2", "x3"], ["y1", "y2"], []),
        ["synthetic_dea_n5000"] = ("synthetic_dea_n5000.csv", "dmu", ["x1", "x2", "x3"], ["y1", "y2"], []),
    };

    private static readonly Dictionary<string, Dataset> Cache = new();

    public static string DataFile(string key) => SharedPaths.Data(Specs[key].File);

    /// <summary>Id, input and output column names of a dataset (for CLI tests).</summary>
    public static (string Id, string Inputs, string Outputs) Columns(string key) =>
        (Specs[key].Id, string.Join(',', Specs[key].X), string.Join(',', Specs[key].Y));

    public static Dataset Load(string key)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(key, out var d)) return d;
            var spec = Specs[key];
            var table = CsvTableReader.Read(SharedPaths.Data(spec.File));
            var ids = table.Column(spec.Id).Select(v => v ?? "").ToArray();
            var prices = key == "Coelli_1998" ? Matrix(table, ["price_input1", "price_input2"]) : null;
            d = new Dataset(key, ids, Matrix(table, spec.X), Matrix(table, spec.Y), spec.B.Length > 0 ? Matrix(table, spec.B) : null, prices);
            Cache[key] = d;
            return d;
        }
    }

    private static double[,] Matrix(RawTable t, string[] columns)
    {
        var m = new double[t.RowCount, columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            var col = t.Column(columns[c]);
            for (var j = 0; j < t.RowCount; j++) m[j, c] = double.Parse(col[j]!, CultureInfo.InvariantCulture);
        }
        return m;
    }

    /// <summary>Reads a reference CSV into rows of column → text (empty = NA).</summary>
    public static List<Dictionary<string, string>> Reference(string file)
    {
        var table = CsvTableReader.Read(SharedPaths.Reference(file));
        var rows = new List<Dictionary<string, string>>();
        for (var j = 0; j < table.RowCount; j++)
        {
            var row = new Dictionary<string, string>();
            for (var c = 0; c < table.ColumnNames.Count; c++) row[table.ColumnNames[c]] = table.Column(c)[j] ?? "";
            rows.Add(row);
        }
        return rows;
    }

    public static double Num(string s) => s switch
    {
        "" or "NA" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(s, CultureInfo.InvariantCulture),
    };

    public static ReturnsToScale Rts(string peer) => peer switch
    {
        "crs" => ReturnsToScale.Constant,
        "vrs" => ReturnsToScale.Variable,
        "drs" or "nirs" => ReturnsToScale.NonIncreasing,
        "irs" or "ndrs" => ReturnsToScale.NonDecreasing,
        _ => throw new ArgumentException(peer),
    };

    public static DeaOrientation Orientation(string peer) => peer switch
    {
        "in" or "io" => DeaOrientation.Input,
        "out" or "oo" => DeaOrientation.Output,
        _ => DeaOrientation.NonOriented,
    };

    private static double[] Row(double[,] m, int j)
    {
        var r = new double[m.GetLength(1)];
        for (var c = 0; c < r.Length; c++) r[c] = m[j, c];
        return r;
    }
}
