"""Simulates one classification case and writes it as CSV (header x1..xP,y).

usage: simulate_classes.py N P K SEED OUT.csv

Features: x = sqrt(0.7) z + sqrt(0.3) u with z, u standard normal and u shared by a row, so
every pair of features has correlation 0.3. Each class gets min(10, P) non-zero coefficients on
its own randomly chosen features, magnitude uniform in [0.5, 1] with a random sign, and no
intercept (classes about equally frequent). For K = 2 only the second class has effects, which
is the logistic model with those 10 coefficients. Labels are drawn from the softmax (the sigmoid
for K = 2), so the classes are learnable but overlap. The label is text, c1..cK zero-padded to
one width (c01..c30), so l1path reads a class target and every tool sorts the classes alike.
"""
import sys

import numpy as np

n, p, k, seed = (int(a) for a in sys.argv[1:5])
out = sys.argv[5]
rng = np.random.default_rng(seed)
x = np.sqrt(0.7) * rng.standard_normal((n, p)) + np.sqrt(0.3) * rng.standard_normal((n, 1))
beta = np.zeros((p, k))
for c in range(1 if k == 2 else 0, k):
    j = rng.choice(p, size=min(10, p), replace=False)
    beta[j, c] = rng.uniform(0.5, 1.0, size=len(j)) * rng.choice([-1.0, 1.0], size=len(j))
eta = x @ beta
prob = np.exp(eta - eta.max(axis=1, keepdims=True))
prob /= prob.sum(axis=1, keepdims=True)
# One uniform per row against the cumulative probabilities: an exact draw from each row's softmax.
cls = (prob.cumsum(axis=1) < rng.uniform(size=(n, 1))).sum(axis=1).clip(max=k - 1)
labels = np.array([f"c{c + 1:0{len(str(k))}d}" for c in range(k)])[cls]
with open(out, "w") as f:
    f.write(",".join(f"x{j + 1}" for j in range(p)) + ",y\n")
    for row, label in zip(x, labels):
        f.write(",".join(f"{v:.10g}" for v in row) + "," + label + "\n")
print(f"{out}: {n} x {p}, class counts {np.bincount(cls, minlength=k).tolist()}", file=sys.stderr)
