"""Prepares one case for every tool: the CSV they all read and glmnet's 100-alpha grid.

usage: prepare.py DATA.csv L1_RATIO OUT.csv ALPHAS.txt

For l1_ratio < 1 the response is standardized (mean 0, population sd 1) in OUT.csv, because
glmnet scales its ridge term by 1/sd(y); otherwise OUT.csv is DATA.csv unchanged. The grid is the
reference README's: alpha_max = max_j |x~_j . (y - ybar)| / (n max(l1_ratio, 1e-3)) with x~ the
centred, population-sd-scaled design, down to eps * alpha_max, eps = 1e-4 if n > p else 1e-2.
"""
import shutil
import sys

import numpy as np

src, l1, out, alphas_file = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
data = np.loadtxt(src, delimiter=",", skiprows=1, ndmin=2)
x, y = data[:, :-1], data[:, -1]
n, p = x.shape
if l1 < 1:
    y = (y - y.mean()) / y.std()
    with open(src) as f:
        header = f.readline().rstrip("\n")
    data[:, -1] = y
    np.savetxt(out, data, delimiter=",", header=header, comments="", fmt="%.17g")
elif src != out:
    shutil.copyfile(src, out)
sd = x.std(axis=0)
sd[sd == 0] = 1.0
xt = (x - x.mean(axis=0)) / sd
alpha_max = np.max(np.abs(xt.T @ (y - y.mean()))) / (n * max(l1, 1e-3))
eps = 1e-4 if n > p else 1e-2
alphas = alpha_max * eps ** (np.arange(100) / 99.0)
alphas[0], alphas[-1] = alpha_max, alpha_max * eps
np.savetxt(alphas_file, alphas, fmt="%.17g")
