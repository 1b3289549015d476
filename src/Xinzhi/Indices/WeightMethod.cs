using System.Text;

namespace Xinzhi.Indices;

/// <summary>The objective and subjective weighting methods (domain.md §3.3, §3.5).</summary>
public enum WeightKind
{
    Entropy,
    Critic,
    Cv,
    Equal,
    Pca,

    /// <summary>纵横向拉开档次法 (vertical-horizontal scatter degree, 郭亚军): principal eigenvector of H = Σ_i x'_i x'_iᵀ.</summary>
    Scatter,
}

/// <summary>
/// A weighting scheme: a single method or a combination. Text form (the <c>--weights</c> option):
/// <c>entropy | critic | cv | equal | pca | scatter | ahp:FILE | combine:EXPR</c> where
/// <c>EXPR := FACTOR ('*' FACTOR)*</c> (multiplicative combination w = Πw_k/ΣΠw_k),
/// <c>FACTOR := game(EXPR, EXPR, ...) | mean(EXPR, EXPR, ...) | entropy | critic | cv | equal | pca | ahp:FILE</c>.
/// <c>game(...)</c> is the game-theory combination, <c>mean(...)</c> the arithmetic mean of the weight vectors.
/// A FILE path must not contain '*', ',' or ')'.
/// </summary>
public abstract record WeightMethod
{
    public static WeightMethod Entropy { get; } = new Single(WeightKind.Entropy);

    /// <summary>True when any part of the scheme is entropy (so e_j and d_j are reported).</summary>
    public abstract bool UsesEntropy { get; }

    /// <summary>Every AHP file the scheme reads.</summary>
    public abstract IEnumerable<AhpMethod> AhpParts();

    /// <summary>One of the basic objective methods.</summary>
    public sealed record Single(WeightKind Kind) : WeightMethod
    {
        public override bool UsesEntropy => Kind == WeightKind.Entropy;

        public override IEnumerable<AhpMethod> AhpParts() => [];

        public override string ToString() => IndexOptions.Kebab(Kind);
    }

    /// <summary>AHP from a pairwise-comparison file (see <see cref="AhpFile"/>).</summary>
    public sealed record AhpMethod(string Path, AhpFile File) : WeightMethod
    {
        public override bool UsesEntropy => false;

        public override IEnumerable<AhpMethod> AhpParts() => [this];

        public override string ToString() => "ahp:" + Path;
    }

    /// <summary>Multiplicative combination w_j = Π_k w_kj / Σ_j Π_k w_kj.</summary>
    public sealed record Product(IReadOnlyList<WeightMethod> Parts) : WeightMethod
    {
        public override bool UsesEntropy => Parts.Any(p => p.UsesEntropy);

        public override IEnumerable<AhpMethod> AhpParts() => Parts.SelectMany(p => p.AhpParts());

        public override string ToString() => string.Join("*", Parts.Select(p => p.Inner()));
    }

    /// <summary>
    /// Game-theory combination: α minimises ‖Σ_k α_k w_k − w_l‖ for every l, i.e. solves
    /// Σ_k α_k (w_l·w_k) = w_l·w_l; then α* = |α|/Σ|α| and w = Σ_k α*_k w_k.
    /// </summary>
    public sealed record Game(IReadOnlyList<WeightMethod> Parts) : WeightMethod
    {
        public override bool UsesEntropy => Parts.Any(p => p.UsesEntropy);

        public override IEnumerable<AhpMethod> AhpParts() => Parts.SelectMany(p => p.AhpParts());

        public override string ToString() => "game(" + string.Join(",", Parts.Select(p => p.Inner())) + ")";
    }

    /// <summary>Arithmetic mean of the weight vectors.</summary>
    public sealed record Mean(IReadOnlyList<WeightMethod> Parts) : WeightMethod
    {
        public override bool UsesEntropy => Parts.Any(p => p.UsesEntropy);

        public override IEnumerable<AhpMethod> AhpParts() => Parts.SelectMany(p => p.AhpParts());

        public override string ToString() => "mean(" + string.Join(",", Parts.Select(p => p.Inner())) + ")";
    }

    private string Inner() => ToString();

    /// <summary>Text form as given to <c>--weights</c>; combinations are prefixed with <c>combine:</c>.</summary>
    public string ToOptionText() => this is Single or AhpMethod ? ToString() : "combine:" + ToString();

    /// <summary>Parses the <c>--weights</c> text; AHP files are read with <paramref name="loadAhp"/> (default: from disk).</summary>
    public static WeightMethod Parse(string text, Func<string, AhpFile>? loadAhp = null)
    {
        loadAhp ??= AhpFile.Load;
        var t = text.Trim();
        if (t.StartsWith("combine:", StringComparison.OrdinalIgnoreCase))
        {
            var p = new Parser(t["combine:".Length..], loadAhp, text);
            var e = p.Expr();
            p.End();
            return e;
        }
        var parser = new Parser(t, loadAhp, text);
        var m = parser.Factor(allowCombinators: false);
        parser.End();
        return m;
    }

    private sealed class Parser(string s, Func<string, AhpFile> loadAhp, string original)
    {
        private int _pos;

        private SpecificationException Error(string what) => new(
            $"--weights: {what} in '{original}' (expected entropy, critic, cv, equal, pca, scatter, ahp:FILE, " +
            "or combine:EXPR with EXPR like entropy*ahp:FILE or game(entropy,critic) or mean(entropy,cv))");

        public WeightMethod Expr()
        {
            var parts = new List<WeightMethod> { Factor(true) };
            while (Peek() == '*') { _pos++; parts.Add(Factor(true)); }
            return parts.Count == 1 ? parts[0] : new Product(parts);
        }

        public void End()
        {
            SkipSpace();
            if (_pos < s.Length) throw Error($"unexpected '{s[_pos..]}'");
        }

        private char Peek()
        {
            SkipSpace();
            return _pos < s.Length ? s[_pos] : '\0';
        }

        private void SkipSpace()
        {
            while (_pos < s.Length && char.IsWhiteSpace(s[_pos])) _pos++;
        }

        private string Word()
        {
            SkipSpace();
            var start = _pos;
            while (_pos < s.Length && char.IsLetter(s[_pos])) _pos++;
            return s[start.._pos].ToLowerInvariant();
        }

        public WeightMethod Factor(bool allowCombinators)
        {
            var word = Word();
            switch (word)
            {
                case "entropy": return new Single(WeightKind.Entropy);
                case "critic": return new Single(WeightKind.Critic);
                case "cv": return new Single(WeightKind.Cv);
                case "equal": return new Single(WeightKind.Equal);
                case "pca": return new Single(WeightKind.Pca);
                case "scatter": return new Single(WeightKind.Scatter);
                case "ahp":
                    if (Peek() != ':') throw Error("'ahp' needs a file: ahp:FILE");
                    _pos++;
                    var sb = new StringBuilder();
                    while (_pos < s.Length && (!allowCombinators || s[_pos] is not ('*' or ',' or ')'))) sb.Append(s[_pos++]);
                    var path = sb.ToString().Trim();
                    if (path.Length == 0) throw Error("'ahp:' needs a file path");
                    return new AhpMethod(path, loadAhp(path));
                case "game" or "mean" when allowCombinators:
                    if (Peek() != '(') throw Error($"'{word}' needs a list: {word}(a,b)");
                    _pos++;
                    var parts = new List<WeightMethod> { Expr() };
                    while (Peek() == ',') { _pos++; parts.Add(Expr()); }
                    if (Peek() != ')') throw Error($"missing ')' after {word}(");
                    _pos++;
                    if (parts.Count < 2) throw Error($"{word}(...) needs at least two weightings");
                    return word == "game" ? new Game(parts) : new Mean(parts);
                default:
                    throw Error(word.Length == 0 ? "a weighting name is missing" : $"unknown weighting '{word}'");
            }
        }
    }
}
