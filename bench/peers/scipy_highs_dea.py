#!/usr/bin/env python3
"""Same-run peer for `dotnet run -c Release --project bench/Xinzhi.Bench -- dea-n5000`: VRS input-oriented DEA on
../shared/data/synthetic_dea_n5000.csv with scipy.optimize.linprog (HiGHS dual simplex), one LP per unit against
all units, as a typical Python user would write it. Prints wall time, CPU time and the max |diff| against the
Benchmarking reference. Usage: python3 bench/peers/scipy_highs_dea.py [--limit N]  (N units; default all)."""
import csv, os, sys, time
import numpy as np
from scipy.optimize import linprog

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = os.path.join(root, "..", "shared", "data", "synthetic_dea_n5000.csv")
ref = os.path.join(root, "..", "shared", "reference", "synthetic_dea_n5000_benchmarking_eff.csv")
limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None

with open(data) as f:
    rows = list(csv.DictReader(f))
X = np.array([[float(r[c]) for c in ("x1", "x2", "x3")] for r in rows])
Y = np.array([[float(r[c]) for c in ("y1", "y2")] for r in rows])
with open(ref) as f:
    expected = np.array([float(r["vrs_in"]) for r in csv.DictReader(f)])
n, m = X.shape
s = Y.shape[1]
count = n if limit is None else min(n, limit)

# Variables: theta, lambda_1..n. min theta s.t. X'λ - θ x_o <= 0, -Y'λ <= -y_o, Σλ = 1, λ >= 0.
c = np.zeros(n + 1); c[0] = 1.0
A_ub = np.zeros((m + s, n + 1))
A_ub[:m, 1:] = X.T
A_ub[m:, 1:] = -Y.T
A_eq = np.zeros((1, n + 1)); A_eq[0, 1:] = 1.0
bounds = [(None, None)] + [(0, None)] * n
eff = np.empty(count)
t0, c0 = time.perf_counter(), time.process_time()
for o in range(count):
    A_ub[:m, 0] = -X[o]
    b_ub = np.concatenate([np.zeros(m), -Y[o]])
    res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=[1.0], bounds=bounds, method="highs-ds")
    eff[o] = res.x[0]
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(f"scipy {__import__('scipy').__version__} linprog(method='highs-ds'), VRS input, {count} of {n} units: "
      f"wall {wall:.2f} s, cpu {cpu:.2f} s; per LP {1000 * wall / count:.2f} ms; "
      f"extrapolated to n={n}: {wall * n / count:.1f} s; max |eff - Benchmarking| = {np.max(np.abs(eff - expected[:count])):.2e}")
