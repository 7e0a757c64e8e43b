#!/usr/bin/env bash
# Issue 21: `fit` as a whole process (JVM start, reading, 10-fold CV, writing) next to Rscript
# running cv.glmnet and python3 running scikit-learn's LassoCV, each with its users' defaults, on
# the bundled diabetes data and on a simulated 5000 x 100 file. Wall time of the whole process,
# median of RUNS, every tool in the same run, by farm-bench (../.library tools; alternate runs,
# A/B paired).
#
# usage: RUNS=5 bench/whole-process.sh      (needs r-cran-glmnet and python3-sklearn; installs them)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
RUNS=${RUNS:-5}
PY=/usr/bin/python3
WORK=${WORK:-$(mktemp -d -t l1path-whole.XXXXXX)}
if ! Rscript -e 'library(glmnet)' >/dev/null 2>&1 || ! "$PY" -c 'import sklearn' >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q >&2
  $sudo apt-get install -y -q r-base-core r-cran-glmnet python3-sklearn >&2
fi
[ -f "$root/lambda/target/l1path.jar" ] || (cd "$root" && mvn -q -DskipTests package)
"$PY" - "$WORK/sim5000x100.csv" <<'PYEOF'
import sys
import numpy as np
rng = np.random.default_rng(1)
x = rng.standard_normal((5000, 100))
y = x[:, :10] @ np.where(np.arange(10) % 2 == 0, 1.0, -1.0) + rng.standard_normal(5000)
np.savetxt(sys.argv[1], np.column_stack([x, y]), delimiter=",", fmt="%.6f",
           header=",".join([f"x{j + 1}" for j in range(100)] + ["y"]), comments="")
PYEOF
cat >"$WORK/cv_glmnet.R" <<'REOF'
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
x <- as.matrix(d[, -ncol(d)])
y <- d[, ncol(d)]
suppressPackageStartupMessages(library(glmnet))
set.seed(1)
fit <- cv.glmnet(x, y)
write.csv(as.matrix(coef(fit, s = "lambda.min")), args[2])
REOF
cat >"$WORK/lasso_cv.py" <<'PYEOF'
import sys
import numpy as np
from sklearn.linear_model import LassoCV
d = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
fit = LassoCV(cv=10).fit(d[:, :-1], d[:, -1])
np.savetxt(sys.argv[2], np.append(fit.intercept_, fit.coef_), delimiter=",")
PYEOF
for data in "$root/examples/diabetes.csv" "$WORK/sim5000x100.csv"; do
  name=$(basename "$data" .csv)
  echo "== $name: fit against Rscript cv.glmnet"
  farm-bench -n "$RUNS" --timeout 900 --vs "Rscript $WORK/cv_glmnet.R $data $WORK/r.csv" -- \
    java -jar "$root/lambda/target/l1path.jar" fit "$data" --quiet --out "$WORK/out-$name"
  echo "== $name: fit against python3 LassoCV"
  farm-bench -n "$RUNS" --timeout 900 --vs "$PY $WORK/lasso_cv.py $data $WORK/py.csv" -- \
    java -jar "$root/lambda/target/l1path.jar" fit "$data" --quiet --out "$WORK/out-$name"
done
