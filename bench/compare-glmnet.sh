#!/usr/bin/env bash
# Times glmnet, scikit-learn and l1path on glmnet's simulated benchmark designs, on the same CSV
# files and the same 100 alphas, and compares their objectives with a tight l1path solve.
#
# usage: bench/compare-glmnet.sh            (all cases; hours)
#        CASES="1000x100 100x1000" RHOS="0 0.5" MODES="path enet cv" bench/compare-glmnet.sh
#
# Environment: CASES (n x p list), RHOS, MODES (path = lasso path, enet = l1 ratio 0.5 path,
# cv = 10-fold lasso CV), REPEAT (timed fits per tool, default 3), WARMUP (seconds of untimed
# l1path fits before its timed ones, bench --warmup, default 3; at least one fit, so a slow case
# spends one fit more of its TIMEOUT; 0 times a cold JVM; the data-writing and the untimed
# reference runs take none), BUDGET (no new repeat after this many seconds of fitting, default
# 60), TIMEOUT (seconds per tool per case, default 300), SEED (default 1), WORK (directory for
# data and results; default a new temporary one),
# JAR (default lambda/target/l1path.jar, built if missing), JAVA_OPTS (default
# "--add-modules jdk.incubator.vector": the Gram kernel's vector form), TOOLS (which of glmnet,
# sklearn and l1path to time; default all three: after a solver change, TOOLS=l1path re-times
# l1path alone on the same data).
# Output: a Markdown table on stdout; every tool's raw result in $WORK/results.jsonl.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
CASES=${CASES:-"1000x100 5000x100 100x1000 100x5000 100x20000 100x50000 10000x1000 50000x200"}
RHOS=${RHOS:-"0 0.5 0.95"}
MODES=${MODES:-"path enet cv"}
REPEAT=${REPEAT:-3}
WARMUP=${WARMUP:-3}
BUDGET=${BUDGET:-60}
TIMEOUT=${TIMEOUT:-300}
SEED=${SEED:-1}
WORK=${WORK:-$(mktemp -d -t l1path-bench.XXXXXX)}
JAR=${JAR:-$root/lambda/target/l1path.jar}
JAVA_OPTS=${JAVA_OPTS:---add-modules jdk.incubator.vector}
TOOLS=${TOOLS:-"glmnet sklearn l1path"}
PY=/usr/bin/python3   # Debian's python3, where python3-sklearn installs
mkdir -p "$WORK"
results=$WORK/results.jsonl

install_missing() {
  local missing=0
  Rscript -e 'suppressPackageStartupMessages(library(glmnet))' >/dev/null 2>&1 || missing=1
  "$PY" -c 'import sklearn, numpy' >/dev/null 2>&1 || missing=1
  # scikit-learn as its users run it: pip's numpy brings OpenBLAS; Debian's links the reference
  # BLAS (40 times slower on X'X) unless OpenBLAS is installed beside it.
  compgen -G "/usr/lib/*/openblas-pthread/libblas.so.3" >/dev/null || missing=1
  if [ "$missing" = 1 ]; then
    echo "installing r-base-core r-cran-glmnet python3-sklearn libopenblas0-pthread" >&2
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -q >&2
    $sudo apt-get install -y -q r-base-core r-cran-glmnet python3-sklearn libopenblas0-pthread >&2
  fi
}

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# record TOOL STATUS [JSON fields...]: one line of results.jsonl
record() {
  local tool=$1 status=$2 json=${3:-"{}"}
  "$PY" - "$case" "$rho" "$mode" "$tool" "$status" "$json" >>"$results" <<'PYEOF'
import json, sys
case, rho, mode, tool, status, fields = sys.argv[1:7]
r = {"case": case, "rho": float(rho), "mode": mode, "tool": tool, "status": status}
r.update({k: v for k, v in json.loads(fields).items() if k not in r})
print(json.dumps(r))
PYEOF
}

# run_tool TOOL COMMAND...: runs under the timeout; records ok (the command's last stdout line,
# JSON), timeout or error.
run_tool() {
  local tool=$1
  shift
  case " $TOOLS reference " in *" $tool "*) ;; *) return 0 ;; esac
  local out=$WORK/$tag.$tool.out rc=0
  timeout "$TIMEOUT" "$@" >"$out" 2>"$WORK/$tag.$tool.err" || rc=$?
  if [ "$rc" = 0 ]; then
    record "$tool" ok "$(tail -n 1 "$out")"
    log "$tag $tool: $(tail -n 1 "$out")"
  elif [ "$rc" = 124 ]; then
    record "$tool" timeout
    log "$tag $tool: timeout after ${TIMEOUT}s"
  else
    record "$tool" error
    log "$tag $tool: error $rc (see $WORK/$tag.$tool.err)"
  fi
}

# add_excess TOOL EXCESS: appends the objective excess to the tool's last record
add_excess() {
  "$PY" - "$results" "$case" "$rho" "$mode" "$1" "$2" <<'PYEOF'
import json, sys
path, case, rho, mode, tool, excess = sys.argv[1:7]
lines = [json.loads(l) for l in open(path)]
for r in reversed(lines):
    if (r["case"], r["rho"], r["mode"], r["tool"]) == (case, float(rho), mode, tool):
        r["excess"] = json.loads(excess)
        break
with open(path, "w") as f:
    f.writelines(json.dumps(r) + "\n" for r in lines)
PYEOF
}

install_missing
if [ ! -f "$JAR" ]; then
  (cd "$root" && mvn -q -pl lambda package -DskipTests)
fi
# shellcheck disable=SC2206 # JAVA_OPTS is a list of JVM flags, split on blanks
l1path=(java $JAVA_OPTS -jar "$JAR")

log "work directory $WORK; load: $(uptime)"
for c in $CASES; do
  n=${c%x*}
  p=${c#*x}
  for rho in $RHOS; do
    data=$WORK/sim-$c-rho$rho.csv
    "${l1path[@]}" bench --simulate "$n" "$p" "$rho" --seed "$SEED" --repeat 0 --write-csv "$data"
    for mode in $MODES; do
      case=$c
      l1=1
      [ "$mode" = enet ] && l1=0.5
      tag=$c-rho$rho-$mode
      input=$WORK/$tag.csv
      alphas=$WORK/$tag.alphas
      "$PY" "$here/prepare.py" "$data" "$l1" "$input" "$alphas"
      if [ "$mode" = cv ]; then
        run_tool glmnet Rscript "$here/glmnet_fit.R" "$input" "$alphas" "$l1" cv "$REPEAT" "$BUDGET"
        run_tool sklearn "$PY" "$here/sklearn_fit.py" "$input" "$alphas" "$l1" cv "$REPEAT" "$BUDGET"
        run_tool l1path "${l1path[@]}" bench --input "$input" --alphas-file "$alphas" \
          --l1-ratio "$l1" --folds 10 --repeat "$REPEAT" --repeat-budget "$BUDGET" \
          --warmup "$WARMUP"
      else
        run_tool reference "${l1path[@]}" bench --input "$input" --alphas-file "$alphas" \
          --l1-ratio "$l1" --tol 1e-12 --repeat 1 --coefficients-out "$WORK/$tag.reference.coef"
        run_tool glmnet Rscript "$here/glmnet_fit.R" "$input" "$alphas" "$l1" path "$REPEAT" \
          "$BUDGET" "$WORK/$tag.glmnet.coef"
        run_tool sklearn "$PY" "$here/sklearn_fit.py" "$input" "$alphas" "$l1" path "$REPEAT" \
          "$BUDGET" "$WORK/$tag.sklearn.coef"
        run_tool l1path "${l1path[@]}" bench --input "$input" --alphas-file "$alphas" \
          --l1-ratio "$l1" --repeat "$REPEAT" --repeat-budget "$BUDGET" --warmup "$WARMUP" \
          --coefficients-out "$WORK/$tag.l1path.coef"
        excess=$("$PY" "$here/objective.py" "$input" "$alphas" "$l1" "$WORK/$tag.reference.coef" \
          glmnet="$WORK/$tag.glmnet.coef" sklearn="$WORK/$tag.sklearn.coef" \
          l1path="$WORK/$tag.l1path.coef")
        log "$tag objective excess: $excess"
        for tool in $TOOLS; do
          add_excess "$tool" "$("$PY" -c 'import json,sys; print(json.dumps(json.loads(sys.argv[1])[sys.argv[2]]))' "$excess" "$tool")"
        done
        rm -f "$WORK"/$tag.*.coef
      fi
      [ "$input" = "$data" ] || rm -f "$input"
    done
    rm -f "$data"
  done
done
log "done; load: $(uptime)"
"$PY" "$here/table.py" "$results"
