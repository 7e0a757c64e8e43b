"""Times scikit-learn on one svmlight file (a CSR/CSC sparse matrix) and prints one JSON line.

usage: sklearn_sparse.py DATA.svm FAMILY REPEAT BUDGET_S LAMBDAS

gaussian: sklearn.linear_model.lasso_path on the CSC matrix with the alphas in LAMBDAS (glmnet's
  lambdas; scikit-learn does not standardize, so its problem is the raw-scale lasso at those
  alphas), every other option at its default.
binomial: LogisticRegression(penalty="l1", solver="liblinear"), the usual choice for sparse text,
  fitted once per lambda with C = 1 / (n lambda) on the CSR matrix, defaults otherwise.
Only the fits are timed.
"""
import json
import statistics
import sys
import time
import warnings

import numpy as np
from sklearn.datasets import load_svmlight_file
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression, lasso_path


def main():
    src, family = sys.argv[1], sys.argv[2]
    repeats, budget, lambdas_file = int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    x, y = load_svmlight_file(src)
    lambdas = np.loadtxt(lambdas_file)
    n = x.shape[0]
    warnings.simplefilter("ignore", ConvergenceWarning)
    if family == "gaussian":
        xc = x.tocsc()

        def fit():
            lasso_path(xc, y, alphas=lambdas)
    else:
        def fit():
            for lam in lambdas:
                LogisticRegression(penalty="l1", solver="liblinear", C=1 / (n * lam)).fit(x, y)
    seconds = []
    while len(seconds) < repeats and (not seconds or sum(seconds) < budget):
        start = time.perf_counter()
        fit()
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"family": family, "first_s": seconds[0],
                      "median_s": statistics.median(seconds), "repeats": len(seconds)}))


if __name__ == "__main__":
    main()
