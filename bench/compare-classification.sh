#!/usr/bin/env bash
# Times l1path against glmnet on simulated classification data (binomial and multinomial lasso)
# in one run and prints one Markdown table: glmnet's default path against l1path on exactly
# glmnet's lambdas (l1path's alpha is glmnet's lambda: both minimize the negative mean
# log-likelihood + lambda * sum_j sd_j |b_j|), cv.glmnet against l1path's 10-fold CV on those
# lambdas, the cost of l1path's tight tolerance, and each tool's objective on the path.
#
# usage: bench/compare-classification.sh        (every case; the slow ones take long)
#        CASES="binomial multi3 tiny" REPEAT=3 TIMEOUT=60 bench/compare-classification.sh
#
# Environment: CASES (names in shape() below; the one-hot cases, Weka-like nominal designs, run
# only when named), REPEAT (timed fits per tool, default 5), WARMUP
# (seconds of untimed l1path fits before its timed ones, bench --warmup, default 10; at least one
# fit, so a slow case spends one fit more of its TIMEOUT; 0 times a cold JVM; 3 s left 10-fold CV
# of the 3000 x 20 binomial case at 6 warm-up fits, 0.17 to 0.27 s, where 10 s gave 0.15 to 0.18),
# TIMEOUT
# (seconds per tool per case and measurement, default 300), BUDGET (no new repeat after this many
# seconds of fitting; default TIMEOUT / 5, so a slow tool still finishes one fit), SEED (data and
# cv.glmnet's folds, default 1), WORK (directory for data and results; default a new temporary
# one), JAR (default lambda/target/l1path.jar, built if missing), JAVA_OPTS, OBJECTIVE (1, the
# default: also compare objectives, which costs two untimed l1path fits per case; 0 skips it).
# Output: a Markdown table on stdout; every raw JSON line in $WORK/results.jsonl.
#
# Folds: bench --folds 10 draws its own seeded random folds and cannot take fold ids, so l1path's
# folds are not cv.glmnet's (both are fixed across repeats; the rows are i.i.d., so timing is
# comparable). bench's CV also fits its folds on every processor; cv.glmnet uses one.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
CASES=${CASES:-"binomial multi3 multi10 multi30 wide tall tiny"}
REPEAT=${REPEAT:-5}
WARMUP=${WARMUP:-10}
TIMEOUT=${TIMEOUT:-300}
BUDGET=${BUDGET:-$((TIMEOUT / 5))}
SEED=${SEED:-1}
WORK=${WORK:-$(mktemp -d -t l1path-classify.XXXXXX)}
JAR=${JAR:-$root/lambda/target/l1path.jar}
JAVA_OPTS=${JAVA_OPTS:-}
OBJECTIVE=${OBJECTIVE:-1}
TIGHT=1e-13
PY=/usr/bin/python3   # Debian's python3, where python3-numpy installs
mkdir -p "$WORK"
results=$WORK/results.jsonl

# shape CASE: "n p classes"
shape() {
  case $1 in
    binomial) echo 3000 20 2 ;;
    multi3) echo 3000 20 3 ;;
    multi10) echo 3000 20 10 ;;
    multi30) echo 3000 20 30 ;;
    wide) echo 200 2000 2 ;;
    tall) echo 50000 50 2 ;;
    tiny) echo 150 4 3 ;;
    onehot2) echo 1000 80 2 ;;
    onehot4) echo 2000 120 4 ;;
    onehot6) echo 2000 120 6 ;;
    *) echo "unknown case '$1' (known: binomial multi3 multi10 multi30 wide tall tiny" \
         "onehot2 onehot4 onehot6)" >&2
       return 1 ;;
  esac
}

# simulate NAME N P K OUT: the onehot cases are nominal attributes of 4 levels, one-hot encoded
# (20 attributes for onehot2, 30 for the others); the rest correlated Gaussian features.
simulate() {
  case $1 in
    onehot*) "$PY" "$here/simulate_onehot.py" "$2" $(($3 / 4)) 4 "$4" "$SEED" "$5" ;;
    *) "$PY" "$here/simulate_classes.py" "$2" "$3" "$4" "$SEED" "$5" ;;
  esac
}

install_missing() {
  local missing=0
  Rscript -e 'suppressPackageStartupMessages(library(glmnet))' >/dev/null 2>&1 || missing=1
  "$PY" -c 'import numpy' >/dev/null 2>&1 || missing=1
  if [ "$missing" = 1 ]; then
    echo "installing r-base-core r-cran-glmnet python3-numpy" >&2
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -q >&2
    $sudo apt-get install -y -q r-base-core r-cran-glmnet python3-numpy >&2
  fi
}

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# record MODE TOOL STATUS [JSON]: one line of results.jsonl for the current case
record() {
  "$PY" - "$name" "$n" "$p" "$k" "$@" >>"$results" <<'PYEOF'
import json, sys
case, n, p, k, mode, tool, status = sys.argv[1:8]
r = {"case": case, "n": int(n), "p": int(p), "classes": int(k), "mode": mode, "tool": tool,
     "status": status}
r.update({key: v for key, v in json.loads(sys.argv[8] if len(sys.argv) > 8 else "{}").items()
          if key not in r})
print(json.dumps(r))
PYEOF
}

# run_tool MODE TOOL COMMAND...: runs under the timeout; records ok (the command's last stdout
# line, JSON), timeout or error. Returns 0 either way, so one failure does not end the run.
run_tool() {
  local mode=$1 tool=$2 rc=0
  shift 2
  local out=$WORK/$name.$mode.$tool.out err=$WORK/$name.$mode.$tool.err
  timeout "$TIMEOUT" "$@" >"$out" 2>"$err" || rc=$?
  if [ "$rc" = 0 ]; then
    record "$mode" "$tool" ok "$(tail -n 1 "$out")"
    log "$name $mode $tool: $(tail -n 1 "$out")"
  elif [ "$rc" = 124 ]; then
    record "$mode" "$tool" timeout
    log "$name $mode $tool: timeout after ${TIMEOUT}s"
  else
    record "$mode" "$tool" error
    log "$name $mode $tool: error $rc (see $err)"
  fi
}

for c in $CASES; do shape "$c" >/dev/null; done   # a typo fails now, not hours in
install_missing
if [ ! -f "$JAR" ]; then
  (cd "$root" && mvn -q -pl lambda package -DskipTests)
fi
# shellcheck disable=SC2206 # JAVA_OPTS is a list of JVM flags, split on blanks
l1path=(java $JAVA_OPTS -jar "$JAR")

log "work directory $WORK; load: $(uptime)"
for name in $CASES; do
  read -r n p k <<<"$(shape "$name")"
  data=$WORK/$name.csv
  lambdas=$WORK/$name.lambdas
  simulate "$name" "$n" "$p" "$k" "$data"
  # glmnet's own path comes first: its lambdas are every later fit's grid.
  run_tool path glmnet Rscript "$here/glmnet_classify.R" "$data" path "$REPEAT" "$BUDGET" \
    "$lambdas" "$WORK/$name.glmnet.coef"
  if [ ! -s "$lambdas" ]; then
    log "$name: no glmnet lambdas, so nothing else to compare"
    continue
  fi
  bench=("${l1path[@]}" bench --input "$data" --alphas-file "$lambdas" --repeat "$REPEAT"
    --repeat-budget "$BUDGET" --warmup "$WARMUP")
  run_tool path l1path "${bench[@]}"
  run_tool tight l1path "${bench[@]}" --tol "$TIGHT"
  run_tool cv glmnet Rscript "$here/glmnet_classify.R" "$data" cv "$REPEAT" "$BUDGET" \
    "$lambdas" "$SEED"
  run_tool cv l1path "${bench[@]}" --folds 10
  if [ "$OBJECTIVE" = 1 ]; then
    # The objectives come from fit's model.json (the same solver and settings, untimed), at the
    # default and the tight tolerance.
    alphas=$(paste -sd, "$lambdas")
    for tol in 1e-6 "$TIGHT"; do
      timeout "$TIMEOUT" "${l1path[@]}" fit "$data" --alphas "$alphas" --folds 0 --tol "$tol" \
        --quiet --out "$WORK/$name.fit-$tol" >/dev/null 2>"$WORK/$name.fit-$tol.err" ||
        log "$name: fit --tol $tol failed or timed out (see $WORK/$name.fit-$tol.err)"
    done
    excess=$("$PY" "$here/classify_objective.py" "$data" "$lambdas" \
      "$WORK/$name.fit-$TIGHT/model.json" glmnet="$WORK/$name.glmnet.coef" \
      l1path="$WORK/$name.fit-1e-6/model.json") || excess="{}"
    log "$name objective excess over l1path at tol $TIGHT: $excess"
    record objective both ok "$excess"
  fi
  rm -rf "$data" "$WORK/$name".fit-*/ "$WORK/$name".*.coef
done
log "done; load: $(uptime)"
"$PY" "$here/classify_table.py" "$results" "$TIGHT"
