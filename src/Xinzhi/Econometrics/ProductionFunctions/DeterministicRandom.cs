namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// A small, fully specified pseudo-random generator (xoshiro256** seeded through SplitMix64; Blackman &amp; Vigna 2018).
/// Xinzhi uses it instead of <see cref="System.Random"/> so that a seed reproduces the same bootstrap draws on every
/// platform and every .NET version. Each bootstrap replication gets its own stream, derived from (seed, replication),
/// so results do not depend on thread scheduling.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DeterministicRandom(long seed, long stream = 0)
    {
        // SplitMix64 expands (seed, stream) into the 256-bit state; mixing the stream in makes streams independent.
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)stream + 0x632BE59BD9B4E019UL) * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = unchecked(x += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, n) without modulo bias (Lemire's method with rejection).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var bound = (ulong)n;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            var product = Math.BigMul(r, bound, out var low);
            if (low >= threshold) return (int)product;
        }
    }

    /// <summary>Standard normal draw (Box-Muller; the second value is discarded to keep the stream simple).</summary>
    public double NextNormal()
    {
        double u1;
        do u1 = NextDouble(); while (u1 <= 0);
        var u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
