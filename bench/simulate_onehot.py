"""Simulates a classification case on one-hot encoded nominal attributes, as Weka's nominal data
reaches l1path, and writes it as CSV (header a1_1..aA_L,y).

usage: simulate_onehot.py N ATTRIBUTES LEVELS K SEED OUT.csv

Each attribute takes one of LEVELS values per row, with probabilities drawn once per attribute
(Dirichlet(2, ..., 2)), and is written as LEVELS 0/1 columns, one per value, as l1path's Weka
package encodes a nominal attribute: the columns of one attribute sum to 1 on every row, so they
are collinear with the intercept, and the design is sparse (one non-zero in LEVELS per attribute).
Each class gets effects on min(10, ATTRIBUTES) attributes of its own: one value of each raises
its log-odds by a magnitude uniform in [0.5, 1.5]. Labels are drawn from the softmax; the label
is text, c1..cK zero-padded to one width, as in simulate_classes.py.
"""
import sys

import numpy as np

n, attributes, levels, k, seed = (int(a) for a in sys.argv[1:6])
out = sys.argv[6]
rng = np.random.default_rng(seed)
values = np.empty((n, attributes), dtype=int)
for a in range(attributes):
    values[:, a] = rng.choice(levels, size=n, p=rng.dirichlet(np.full(levels, 2.0)))
x = np.zeros((n, attributes * levels))
x[np.arange(n)[:, None], np.arange(attributes) * levels + values] = 1.0
eta = np.zeros((n, k))
for c in range(k):
    for a in rng.choice(attributes, size=min(10, attributes), replace=False):
        eta[:, c] += rng.uniform(0.5, 1.5) * (values[:, a] == rng.integers(levels))
prob = np.exp(eta - eta.max(axis=1, keepdims=True))
prob /= prob.sum(axis=1, keepdims=True)
cls = (prob.cumsum(axis=1) < rng.uniform(size=(n, 1))).sum(axis=1).clip(max=k - 1)
labels = np.array([f"c{c + 1:0{len(str(k))}d}" for c in range(k)])[cls]
with open(out, "w") as f:
    header = [f"a{a + 1}_{v + 1}" for a in range(attributes) for v in range(levels)]
    f.write(",".join(header) + ",y\n")
    for row, label in zip(x.astype(int), labels):
        f.write(",".join(map(str, row)) + "," + label + "\n")
print(f"{out}: {n} x {attributes} attributes of {levels} levels, class counts "
      f"{np.bincount(cls, minlength=k).tolist()}", file=sys.stderr)
