namespace Xinzhi.Efficiency;

/// <summary>Options of the Simar-Wilson (1998) smoothed bootstrap (domain.md T20: B and seed recorded).</summary>
/// <param name="Replications">B, the number of bootstrap replications.</param>
/// <param name="Seed">Seed of the random stream; the same seed gives the same results on any thread count.</param>
/// <param name="Alpha">1 − confidence level of the intervals.</param>
/// <param name="Bandwidth">Kernel bandwidth h; null = R's <c>bw.ucv</c> on the reflected distances &gt; 1, rescaled
/// (Daraio and Wilson 2007, eq. 3.26); see docs/dea.md.</param>
public sealed record DeaBootstrapOptions(int Replications = 2000, int Seed = 20240601, double Alpha = 0.05, double? Bandwidth = null);

/// <summary>Bootstrap result for one unit (Farrell scale, as the plain score).</summary>
/// <param name="BiasCorrected">θ̂ − bias, computed on the Shephard distance δ = 1/θ and converted back.</param>
/// <param name="Bias">Efficiency − BiasCorrected (Farrell scale).</param>
/// <param name="Variance">Variance of the bootstrap Farrell scores.</param>
public sealed record DeaBootstrapUnit(double Efficiency, double BiasCorrected, double Bias, double Variance, double LowerBound, double UpperBound);

/// <summary>Result of <see cref="DeaBootstrap.Run"/>.</summary>
public sealed record DeaBootstrapResult(IReadOnlyList<DeaBootstrapUnit> Units, double Bandwidth, DeaBootstrapOptions Options);

/// <summary>
/// Simar and Wilson (1998) smoothed homogeneous bootstrap of radial DEA scores, with reflection at the boundary
/// δ = 1 and the variance correction: for b = 1..B, draw δ* from the estimated Shephard distances with replacement,
/// add h·ε (ε ~ N(0, 1)), reflect values below 1, rescale around the mean by 1/√(1 + h²/σ̂²), build pseudo-data
/// x*ⱼ = xⱼ δ*ⱼ / δ̂ⱼ (input) or y*ⱼ = yⱼ δ̂ⱼ / δ*ⱼ (output), and re-evaluate each original unit against the pseudo
/// technology. bias = mean(δ*) − δ̂, δ_bc = δ̂ − bias; basic-bootstrap intervals [2δ̂ − q₁₋α/₂, 2δ̂ − q_α/₂] for δ.
/// Everything is converted back to the Farrell scale (θ = 1/δ for input; 1/φ for output).
/// </summary>
public static class DeaBootstrap
{
    public static DeaBootstrapResult Run(DeaData data, ReturnsToScale rts, DeaOrientation orientation, DeaBootstrapOptions options, bool parallel = true)
    {
        if (options.Replications < 10) throw new SpecificationException($"--bootstrap needs at least 10 replications, got {options.Replications}.");
        if (orientation is DeaOrientation.NonOriented or DeaOrientation.Graph) throw new SpecificationException("The bootstrap needs --orientation input or output.");
        if (data.BadOutputCount > 0) throw new SpecificationException("The bootstrap does not take bad outputs.");
        var input = orientation == DeaOrientation.Input;
        var n = data.UnitCount;
        int m = data.InputCount, s = data.OutputCount;
        var set = new DeaReferenceSet(data.Inputs, data.Outputs);
        // Shephard distance δ ≥ 1: 1/θ (input) or φ (output).
        var delta = new double[n];
        for (var j = 0; j < n; j++)
        {
            var r = set.Radial(set.Inputs(j), set.Outputs(j), rts, orientation);
            if (!r.IsOptimal) throw new InfeasibleProgramException($"DEA program of unit {data.Ids[j]} is {r.Status}; cannot bootstrap.");
            delta[j] = input ? 1.0 / r.Value : r.Value;
            if (delta[j] < 1.0) delta[j] = 1.0;
        }
        var h = options.Bandwidth ?? Bandwidth(delta);
        var mean = 0.0;
        foreach (var d in delta) mean += d;
        mean /= n;
        var variance = 0.0;
        foreach (var d in delta) variance += (d - mean) * (d - mean);
        variance /= n - 1;
        var shrink = 1.0 / Math.Sqrt(1.0 + h * h / variance);

        var b = options.Replications;
        var boot = new double[b * n]; // δ*_b(j), replicate-major
        void Replicate(int rep)
        {
            var rng = new Random(unchecked(options.Seed * 1_000_003 + rep * 7919 + 17));
            var draw = new double[n];
            var drawMean = 0.0;
            for (var j = 0; j < n; j++)
            {
                draw[j] = delta[rng.Next(n)];
                drawMean += draw[j];
            }
            drawMean /= n;
            var px = new double[n, m];
            var py = new double[n, s];
            for (var j = 0; j < n; j++)
            {
                var e = Normal(rng);
                var t = draw[j] + h * e;
                if (t < 1.0) t = 2.0 - t;
                var star = drawMean + (t - drawMean) * shrink;
                if (star < 1.0) star = 1.0;
                for (var i = 0; i < m; i++) px[j, i] = input ? data.Inputs[j, i] * star / delta[j] : data.Inputs[j, i];
                for (var r = 0; r < s; r++) py[j, r] = input ? data.Outputs[j, r] : data.Outputs[j, r] * delta[j] / star;
            }
            var pseudo = new DeaReferenceSet(px, py);
            for (var j = 0; j < n; j++)
            {
                var res = pseudo.Radial(set.Inputs(j), set.Outputs(j), rts, orientation);
                boot[rep * n + j] = res.IsOptimal ? (input ? 1.0 / res.Value : res.Value) : double.NaN;
            }
        }
        if (parallel) Parallel.For(0, b, Replicate);
        else for (var rep = 0; rep < b; rep++) Replicate(rep);

        var units = new DeaBootstrapUnit[n];
        var sample = new double[b];
        for (var j = 0; j < n; j++)
        {
            var count = 0;
            var sum = 0.0;
            for (var rep = 0; rep < b; rep++)
            {
                var v = boot[rep * n + j];
                if (double.IsNaN(v)) continue;
                sample[count++] = v;
                sum += v;
            }
            var eff = 1.0 / delta[j];
            if (count == 0)
            {
                units[j] = new DeaBootstrapUnit(eff, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
                continue;
            }
            var meanStar = sum / count;
            var bc = 2.0 * delta[j] - meanStar;
            Array.Sort(sample, 0, count);
            var qLow = Quantile(sample, count, options.Alpha / 2);
            var qHigh = Quantile(sample, count, 1 - options.Alpha / 2);
            var farrellVar = 0.0;
            var farrellMean = 0.0;
            for (var k = 0; k < count; k++) farrellMean += 1.0 / sample[k];
            farrellMean /= count;
            for (var k = 0; k < count; k++) farrellVar += (1.0 / sample[k] - farrellMean) * (1.0 / sample[k] - farrellMean);
            farrellVar /= Math.Max(1, count - 1);
            var effBc = 1.0 / bc;
            units[j] = new DeaBootstrapUnit(eff, effBc, eff - effBc, farrellVar, 1.0 / (2.0 * delta[j] - qLow), 1.0 / (2.0 * delta[j] - qHigh));
        }
        return new DeaBootstrapResult(units, h, options);
    }

    /// <summary>R's type-7 quantile of a sorted sample.</summary>
    private static double Quantile(double[] sorted, int count, double p)
    {
        var pos = (count - 1) * p;
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(count - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double Normal(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// Bandwidth: R's <c>bw.ucv</c> (binned unbiased cross-validation, 1000 bins, minimised on
    /// [0.1·h_max, h_max]) on the reflected distances {δ &gt; 1} ∪ {2 − δ}, rescaled by
    /// 2^{1/5} (n_m/n)^{1/5} σ(δ)/σ(reflected) (Daraio and Wilson 2007, eq. 3.26).
    /// </summary>
    public static double Bandwidth(IReadOnlyList<double> delta)
    {
        var above = delta.Where(d => d > 1.0 + 1e-9).ToArray();
        if (above.Length < 2) return 0.05;
        var reflected = above.Concat(above.Select(d => 2.0 - d)).ToArray();
        var h = BandwidthUcv(reflected);
        return h * Math.Pow(2.0, 0.2) * Math.Pow((double)above.Length / delta.Count, 0.2) * StdDev(delta) / StdDev(reflected);
    }

    private static double StdDev(IReadOnlyList<double> v)
    {
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
    }

    /// <summary>Unbiased cross-validation bandwidth (the algorithm of R's <c>bw.ucv</c>, nb = 1000).</summary>
    public static double BandwidthUcv(double[] x)
    {
        const int nb = 1000;
        var n = x.Length;
        var min = x.Min();
        var max = x.Max();
        var dd = (max - min) * 1.01 / nb;
        var counts = new double[nb];
        for (var i = 1; i < n; i++)
        {
            var ii = (int)(x[i] / dd);
            for (var j = 0; j < i; j++)
            {
                var jj = (int)(x[j] / dd);
                counts[Math.Abs(ii - jj)] += 1.0;
            }
        }
        double Ucv(double h)
        {
            var sum = 0.0;
            for (var i = 0; i < nb; i++)
            {
                var delta = i * dd / h;
                delta *= delta;
                if (delta >= 1000) break;
                sum += (Math.Exp(-delta / 4.0) - Math.Sqrt(8.0) * Math.Exp(-delta / 2.0)) * counts[i];
            }
            return (0.5 + sum / n) / (n * h * Math.Sqrt(Math.PI));
        }
        var mean = x.Average();
        var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var upper = 1.144 * sd * Math.Pow(n, -0.2);
        var lower = 0.1 * upper;
        return BrentMinimize(Ucv, lower, upper, 0.1 * lower);
    }

    /// <summary>Brent's golden-section/parabolic minimiser on [a, b] (the method of R's <c>optimize</c>).</summary>
    private static double BrentMinimize(Func<double, double> f, double a, double b, double tol)
    {
        var c = (3.0 - Math.Sqrt(5.0)) * 0.5;
        var eps = Math.Sqrt(2.220446e-16);
        double v = a + c * (b - a), w = v, x = v, d = 0.0, e = 0.0;
        double fx = f(x), fv = fx, fw = fx;
        var tol3 = tol / 3.0;
        while (true)
        {
            var xm = (a + b) * 0.5;
            var tol1 = eps * Math.Abs(x) + tol3;
            var t2 = tol1 * 2.0;
            if (Math.Abs(x - xm) <= t2 - (b - a) * 0.5) break;
            double p = 0, q = 0, r = 0;
            if (Math.Abs(e) > tol1)
            {
                r = (x - w) * (fx - fv);
                q = (x - v) * (fx - fw);
                p = (x - v) * q - (x - w) * r;
                q = (q - r) * 2.0;
                if (q > 0.0) p = -p; else q = -q;
                r = e;
                e = d;
            }
            double u;
            if (Math.Abs(p) >= Math.Abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x))
            {
                e = x < xm ? b - x : a - x;
                d = c * e;
            }
            else
            {
                d = p / q;
                u = x + d;
                if (u - a < t2 || b - u < t2) { d = tol1; if (x >= xm) d = -d; }
            }
            if (Math.Abs(d) >= tol1) u = x + d;
            else if (d > 0.0) u = x + tol1;
            else u = x - tol1;
            var fu = f(u);
            if (fu <= fx)
            {
                if (u < x) b = x; else a = x;
                v = w; w = x; x = u;
                fv = fw; fw = fx; fx = fu;
            }
            else
            {
                if (u < x) a = u; else b = u;
                if (fu <= fw || w == x) { v = w; fv = fw; w = u; fw = fu; }
                else if (!(fu > fv || v == x || v == w)) { v = u; fv = fu; }
            }
        }
        return x;
    }
}
