#!/usr/bin/env bash
# Times l1path against glmnet (a dgCMatrix) and scikit-learn (CSR / CSC) on simulated text-like
# sparse data, all in one run, and prints one Markdown table: the lasso path on glmnet's own
# lambda sequence (l1path's alpha is glmnet's lambda), Gaussian and binomial.
#
# usage: bench/compare-sparse.sh
#        SHAPE="20000 50000 100" FAMILIES="gaussian binomial" REPEAT=3 bench/compare-sparse.sh
#
# Environment: SHAPE ("documents words words-per-document", default "20000 50000 100"), FAMILIES,
# REPEAT (timed fits per tool, default 3), WARMUP (seconds of untimed l1path fits first, default
# 3), BUDGET (no new repeat after this many seconds, default 60), SEED, WORK (directory for data
# and results), JAR (default lambda/target/l1path.jar, built if missing), JAVA_OPTS.
# scikit-learn does not standardize: its lasso_path solves the raw-scale lasso at glmnet's
# lambdas, and its binomial peer is LogisticRegression(penalty="l1", solver="liblinear") fitted
# once per lambda (bench/sklearn_sparse.py). Output: the table on stdout, raw JSON lines in
# $WORK/results.jsonl.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
read -r DOCS WORDS PER_DOC <<<"${SHAPE:-20000 50000 100}"
FAMILIES=${FAMILIES:-"gaussian binomial"}
REPEAT=${REPEAT:-3}
WARMUP=${WARMUP:-3}
BUDGET=${BUDGET:-60}
SEED=${SEED:-1}
WORK=${WORK:-$(mktemp -d -t l1path-sparse.XXXXXX)}
JAR=${JAR:-$root/lambda/target/l1path.jar}
JAVA_OPTS=${JAVA_OPTS:-}
PY=/usr/bin/python3   # Debian's python3, where python3-sklearn installs
mkdir -p "$WORK"
results=$WORK/results.jsonl

install_missing() {
  local missing=0
  Rscript -e 'suppressPackageStartupMessages({library(glmnet); library(Matrix)})' \
    >/dev/null 2>&1 || missing=1
  "$PY" -c 'import sklearn, numpy, scipy' >/dev/null 2>&1 || missing=1
  if [ "$missing" = 1 ]; then
    echo "installing r-base-core r-cran-glmnet python3-sklearn libopenblas0-pthread" >&2
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -q >&2
    $sudo apt-get install -y -q r-base-core r-cran-glmnet python3-sklearn \
      libopenblas0-pthread >&2
  fi
}

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# run_tool FAMILY TOOL COMMAND...: records the command's last stdout line (JSON) or an error.
run_tool() {
  local family=$1 tool=$2 rc=0
  shift 2
  local out=$WORK/$family.$tool.out
  "$@" >"$out" 2>"$WORK/$family.$tool.err" || rc=$?
  local line="{}"
  [ "$rc" = 0 ] && line=$(tail -n 1 "$out")
  "$PY" -c 'import json,sys; r=json.loads(sys.argv[3]); r.update(family=sys.argv[1], tool=sys.argv[2], ok=sys.argv[4]=="0"); print(json.dumps(r))' \
    "$family" "$tool" "$line" "$rc" >>"$results"
  log "$family $tool: rc $rc $line"
}

install_missing
if [ ! -f "$JAR" ]; then
  (cd "$root" && mvn -q -pl shared-solver,lambda -am package -DskipTests)
fi
# shellcheck disable=SC2206 # JAVA_OPTS is a list of JVM flags, split on blanks
l1path=(java $JAVA_OPTS -jar "$JAR")
log "work directory $WORK; load: $(uptime)"
for family in $FAMILIES; do
  data=$WORK/text-$family.svm
  lambdas=$WORK/$family.lambdas
  "$PY" "$here/simulate_text.py" "$DOCS" "$WORDS" "$PER_DOC" "$family" "$SEED" "$data"
  run_tool "$family" glmnet Rscript "$here/glmnet_sparse.R" "$data" "$family" path "$REPEAT" \
    "$BUDGET" "$lambdas"
  run_tool "$family" l1path "${l1path[@]}" bench --input "$data" --family "$family" \
    --alphas-file "$lambdas" --repeat "$REPEAT" --repeat-budget "$BUDGET" --warmup "$WARMUP"
  run_tool "$family" sklearn "$PY" "$here/sklearn_sparse.py" "$data" "$family" "$REPEAT" \
    "$BUDGET" "$lambdas"
done
log "done; load: $(uptime)"
"$PY" - "$results" <<'PYEOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
by = {(r["family"], r["tool"]): r for r in rows}
print("| family | n x p | non-zeros | glmnet s | scikit-learn s | l1path s | l1path / glmnet (<= 1.0) | l1path first s | l1path max gap |")
print("|---|---|---|---|---|---|---|---|---|")
for family in dict.fromkeys(r["family"] for r in rows):
    g, s, l = (by.get((family, t), {}) for t in ("glmnet", "sklearn", "l1path"))
    def cell(r, key="median_s"):
        return "%.3g" % r[key] if r.get("ok") and key in r else "-"
    ratio = "-"
    if g.get("ok") and l.get("ok"):
        value = l["median_s"] / g["median_s"]
        ratio = "%.2f %s" % (value, "met" if value <= 1.0 else "missed")
    shape = "%s x %s" % (g.get("n", "?"), g.get("p", "?"))
    print("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
        family, shape, g.get("nonzeros", "?"), cell(g), cell(s), cell(l), ratio,
        cell(l, "first_s"), "%.1e" % l["max_rel_gap"] if l.get("ok") else "-"))
PYEOF
