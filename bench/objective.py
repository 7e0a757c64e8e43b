"""Each tool's objective excess over the reference (tight) solve, per alpha.

usage: objective.py DATA.csv ALPHAS.txt L1_RATIO REF.coef [NAME=FILE.coef ...]

Evaluates the reference README objective on the original scale,
  1/(2n) sum_i (y_i - b0 - x_i.b)^2 + alpha (l1 sum_j s_j |b_j| + (1 - l1)/2 sum_j (s_j b_j)^2),
s_j the population sd of column j, for every tool's coefficients with the same code, and prints
one JSON object: for each NAME the largest (objective - reference) / reference over the alphas
(null when the file is missing or incomplete).
"""
import json
import os
import sys

import numpy as np

src, alphas_file, l1, ref_file = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
data = np.loadtxt(src, delimiter=",", skiprows=1, ndmin=2)
x, y = data[:, :-1], data[:, -1]
n, p = x.shape
alphas = np.loadtxt(alphas_file, ndmin=1)
s = x.std(axis=0)
s[s == 0] = 1.0


def objectives(coef_file):
    if not os.path.exists(coef_file) or os.path.getsize(coef_file) == 0:
        return None
    t = np.loadtxt(coef_file, delimiter=",", skiprows=1, ndmin=2)
    if t.size == 0:
        return None
    k = t[:, 0].astype(int) - 1
    j = t[:, 1].astype(int)
    if k.max() + 1 != len(alphas):
        return None
    b = np.zeros((len(alphas), p + 1))
    b[k, j] = t[:, 2]
    r = y[:, None] - b[:, 0][None, :] - x @ b[:, 1:].T
    sb = b[:, 1:] * s
    pen = l1 * np.abs(sb).sum(axis=1) + (1 - l1) / 2 * (sb ** 2).sum(axis=1)
    return (r ** 2).sum(axis=0) / (2 * n) + alphas * pen


ref = objectives(ref_file)
out = {}
for arg in sys.argv[5:]:
    name, path = arg.split("=", 1)
    obj = objectives(path)
    out[name] = None if obj is None or ref is None else float(np.max((obj - ref) / ref))
print(json.dumps(out))
