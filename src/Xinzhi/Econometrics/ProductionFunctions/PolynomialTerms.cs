using System.Runtime.CompilerServices;

namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// Monomials of total degree 1..d in a set of variables, ordered as R's <c>model.matrix(~ .^2 - 1)</c> followed by the
/// squares (prodest's order): all linear terms, then the products of distinct variables, then the pure powers; for
/// higher degrees, terms are grouped by degree. Each term is a list of variable indices with repetition.
/// </summary>
public static class PolynomialTerms
{
    /// <summary>The monomials of degree 1..<paramref name="degree"/> in <paramref name="variables"/> variables.</summary>
    public static IReadOnlyList<int[]> Monomials(int variables, int degree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variables);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        var result = new List<int[]>();
        for (var d = 1; d <= degree; d++)
        {
            var ofDegree = new List<int[]>();
            Enumerate(variables, d, 0, new List<int>(), ofDegree);
            // Within a degree: products of distinct variables first (R's interaction order), then those with repeats.
            result.AddRange(ofDegree.Where(t => t.Distinct().Count() == t.Length));
            result.AddRange(ofDegree.Where(t => t.Distinct().Count() != t.Length));
        }
        return result;
    }

    private static void Enumerate(int variables, int remaining, int from, List<int> current, List<int[]> output)
    {
        if (remaining == 0)
        {
            output.Add(current.ToArray());
            return;
        }
        for (var v = from; v < variables; v++)
        {
            current.Add(v);
            Enumerate(variables, remaining - 1, v, current, output);
            current.RemoveAt(current.Count - 1);
        }
    }

    /// <summary>Name of a monomial: <c>a</c>, <c>a:b</c>, <c>a^2</c>, <c>a^2:b</c>.</summary>
    public static string Name(int[] term, IReadOnlyList<string> names)
    {
        var parts = term.GroupBy(v => v).OrderBy(g => g.Key)
            .Select(g => g.Count() == 1 ? names[g.Key] : $"{names[g.Key]}^{g.Count()}");
        return string.Join(":", parts);
    }

    /// <summary>Evaluates a monomial on one observation.</summary>
    public static double Evaluate(int[] term, IReadOnlyList<double[]> columns, int row)
    {
        var v = 1.0;
        foreach (var j in term) v *= columns[j][row];
        return v;
    }

    /// <summary>Builds the columns of the given monomials.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[][] Columns(IReadOnlyList<int[]> terms, IReadOnlyList<double[]> columns)
    {
        var n = columns.Count == 0 ? 0 : columns[0].Length;
        var result = new double[terms.Count][];
        for (var t = 0; t < terms.Count; t++)
        {
            var c = new double[n];
            for (var i = 0; i < n; i++) c[i] = Evaluate(terms[t], columns, i);
            result[t] = c;
        }
        return result;
    }
}
