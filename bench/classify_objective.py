"""Each tool's objective excess over a tight l1path solve, per lambda, for a class target.

usage: classify_objective.py DATA.csv LAMBDAS.txt REF_model.json [NAME=FILE ...]

FILE is an l1path model.json (its "path") or glmnet_classify.R's coefficients (CSV
alpha,class,feature,value). Evaluates the reference README objective on the original scale,
  -(1/n) sum_i log P(y_i) + lambda sum_rows sum_j s_j |b_j|,
s_j the population sd of column j, classes sorted by code point: binomial has one row, the
log-odds of the second class; multinomial one row and one intercept per class (softmax).
Prints one JSON object: for each NAME the largest (objective - reference) / reference over the
lambdas (null when the file is missing or does not have every lambda).
"""
import json
import os
import sys

import numpy as np

src, lambdas_file, ref_file = sys.argv[1:4]
with open(src) as f:
    p = len(f.readline().split(",")) - 1
x = np.loadtxt(src, delimiter=",", skiprows=1, usecols=range(p), ndmin=2)
labels = np.loadtxt(src, delimiter=",", skiprows=1, usecols=[p], dtype=str, ndmin=1)
classes = sorted(set(labels))
y = np.searchsorted(classes, labels)
lambdas = np.loadtxt(lambdas_file, ndmin=1)
s = x.std(axis=0)
s[s == 0] = 1.0
rows = 1 if len(classes) == 2 else len(classes)


def load(path):
    """(intercepts [lambda, row], coefficients [lambda, row, feature]) or None."""
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    if path.endswith(".json"):
        m = json.load(open(path))["path"]
        a, b = np.array(m["intercepts"], dtype=float), np.array(m["coefficients"], dtype=float)
        if len(a) != len(lambdas):
            return None
        return a.reshape(len(a), rows), b.reshape(len(a), rows, p)
    t = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    if t.size == 0 or t[:, 0].max() != len(lambdas):
        return None
    coef = np.zeros((len(lambdas), rows, p + 1))
    coef[t[:, 0].astype(int) - 1, t[:, 1].astype(int) - 1, t[:, 2].astype(int)] = t[:, 3]
    return coef[:, :, 0], coef[:, :, 1:]


def objectives(path):
    fit = load(path)
    if fit is None:
        return None
    a, b = fit
    out = np.empty(len(lambdas))
    for k, lam in enumerate(lambdas):
        eta = a[k][None, :] + x @ b[k].T
        if rows == 1:
            eta = np.hstack([np.zeros((len(y), 1)), eta])
        top = eta.max(axis=1)
        lse = top + np.log(np.exp(eta - top[:, None]).sum(axis=1))
        nll = np.mean(lse - eta[np.arange(len(y)), y])
        out[k] = nll + lam * np.abs(b[k] * s).sum()
    return out


ref = objectives(ref_file)
out = {}
for arg in sys.argv[4:]:
    name, path = arg.split("=", 1)
    obj = objectives(path)
    out[name] = None if obj is None or ref is None else float(np.max((obj - ref) / ref))
print(json.dumps(out))
