"""Times scikit-learn on one prepared case and prints one JSON line.

usage: sklearn_fit.py DATA.csv ALPHAS.txt L1_RATIO MODE REPEAT BUDGET_S [COEF_OUT]

MODE path: enet_path on the standardized (population sd), centred design and the centred
response (enet_path fits no intercept, so centring both is the intercept model).
MODE cv: ElasticNetCV(cv=10) on the standardized design, intercept fitted, default n_jobs.
Only the scikit-learn call is timed. Coefficients are mapped back to the original scale and
written as alpha,feature,value triplets (feature 0 is the intercept).
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNetCV, enet_path

src, alphas_file, l1, mode = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
repeat, budget = int(sys.argv[5]), float(sys.argv[6])
coef_out = sys.argv[7] if len(sys.argv) > 7 else None
data = np.loadtxt(src, delimiter=",", skiprows=1, ndmin=2)
x, y = data[:, :-1], data[:, -1]
alphas = np.loadtxt(alphas_file, ndmin=1)
mean, sd = x.mean(axis=0), x.std(axis=0)
sd[sd == 0] = 1.0
xs = np.asfortranarray((x - mean) / sd)
ybar = y.mean()
yc = y - ybar

warned = []


def fit():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        if mode == "cv":
            result = ElasticNetCV(l1_ratio=l1, alphas=alphas, cv=10).fit(xs, y)
        else:
            result = enet_path(xs, yc, l1_ratio=l1, alphas=alphas)
    warned.append(sum(issubclass(w.category, ConvergenceWarning) for w in caught))
    return result


seconds = []
while len(seconds) < repeat and (not seconds or sum(seconds) < budget):
    start = time.perf_counter()
    result = fit()
    seconds.append(time.perf_counter() - start)

if coef_out and mode != "cv":
    _, coefs, _ = result
    b = coefs / sd[:, None]
    b0 = ybar - mean @ b
    with open(coef_out, "w") as f:
        f.write("alpha,feature,value\n")
        for k in range(b.shape[1]):
            f.write(f"{k + 1},0,{b0[k]!r}\n")
            for j in np.flatnonzero(b[:, k]):
                f.write(f"{k + 1},{j + 1},{b[j, k]!r}\n")

print(json.dumps({"first_s": seconds[0], "median_s": float(np.median(seconds)),
                  "repeats": len(seconds), "convergence_warnings": warned[0]}))
