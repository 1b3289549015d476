using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xinzhi.Data.Regions;

namespace Xinzhi.Tests.Data;

public sealed class ChinaProvincesPropertyTests
{
    private static readonly string[] ZhSuffix = ["", "省", "市", "自治区"];
    private static readonly string[] EnSuffix = ["", " Province", " province", " Shi", " Sheng", " Municipality", " Autonomous Region"];

    /// <summary>Decorating a name the way files do (case, spaces, administrative suffix) never changes the code.</summary>
    [Property(MaxTest = 300)]
    public Property Should_resolve_decorated_names_to_the_same_code() =>
        Prop.ForAll(
            Gen.Choose(0, ChinaProvinces.All.Count - 1).ToArbitrary(),
            Gen.Choose(0, 1_000_000).ToArbitrary(),
            (k, salt) =>
            {
                var p = ChinaProvinces.All[k];
                var rng = new Random(salt);
                var english = rng.Next(2) == 0;
                var name = english ? p.NameEn + EnSuffix[rng.Next(EnSuffix.Length)] : p.ShortZh + ZhSuffix[rng.Next(ZhSuffix.Length)];
                var chars = name.Select(c => rng.Next(3) == 0 ? char.ToUpperInvariant(c) : rng.Next(3) == 0 ? char.ToLowerInvariant(c) : c);
                var decorated = new string(chars.SelectMany(c => rng.Next(6) == 0 ? new[] { c, ' ' } : [c]).ToArray());
                decorated = new string(' ', rng.Next(3)) + decorated + new string(' ', rng.Next(3));
                return (ChinaProvinces.TryResolve(decorated, out var q) && q.Code == p.Code)
                    .Label($"'{decorated}' should resolve to {p.Code} (salt {salt})");
            });

    /// <summary>Every code, in six-digit, spreadsheet-float and two-digit form, resolves to itself.</summary>
    [Property(MaxTest = 100)]
    public Property Should_resolve_codes_in_every_numeric_form() =>
        Prop.ForAll(Gen.Choose(0, ChinaProvinces.All.Count - 1).ToArbitrary(), k =>
        {
            var p = ChinaProvinces.All[k];
            return new[] { p.Code, p.Code + ".0", p.Code[..2], "CN-" + p.Code[..2] }
                .All(s => ChinaProvinces.TryResolve(s, out var q) && q.Code == p.Code);
        });
}
