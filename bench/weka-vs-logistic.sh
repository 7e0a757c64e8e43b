#!/usr/bin/env bash
# Lasso against Weka's own Logistic, as a Weka user runs them: the whole command
#   java -cp WEKA_CP weka.Run weka.classifiers.functions.{Lasso,Logistic} -t FILE.arff
# (default options, so 10-fold cross-validation), timed on the wall clock JVM start included,
# with the l1path package installed into a temporary Weka home. Targets: Lasso takes at most
# 2x Logistic's median time, and its cross-validated accuracy is within 2 points of Logistic's.
#
# usage: bench/weka-vs-logistic.sh
#        REPEAT=1 TIMEOUT=120 DATASETS="iris german_credit" bench/weka-vs-logistic.sh
#
# Environment: ZIP (package to install; default the build's weka-plugin/target/l1path-0.1.0.zip),
# DATASETS (any of iris segment soybean german_credit glass; default all), REPEAT (timed runs per
# command, default 3), TIMEOUT (seconds per command, default 600; a timed-out command is not
# repeated), SEED (data generator seed, default 1), WORK (data, Weka home and every run's output;
# default a new temporary directory), WEKA_CP (Weka's class path; default resolved offline by
# Maven from the local repository), JAVA_OPTS (extra JVM options for the timed runs).
# Output: a Markdown table on stdout; progress on stderr; each run's output in $WORK/logs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
ZIP=${ZIP:-$root/weka-plugin/target/l1path-0.1.0.zip}
DATASETS=${DATASETS:-"iris segment soybean german_credit glass"}
REPEAT=${REPEAT:-3}
TIMEOUT=${TIMEOUT:-600}
SEED=${SEED:-1}
WORK=${WORK:-$(mktemp -d -t l1path-weka.XXXXXX)}
JAVA_OPTS=${JAVA_OPTS:-}
mkdir -p "$WORK"/{data,logs,wekahome,cwd}
WORK=$(cd "$WORK" && pwd)
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
[ -f "$ZIP" ] || { echo "no package zip at $ZIP (build it, or set ZIP)" >&2; exit 1; }

# shellcheck source=bench/weka-env.sh
. "$here/weka-env.sh"

# Data: iris is the repository's own copy; the rest are seeded look-alikes made here (no
# network to fetch the originals, and generated data stays out of git).
cp "$root/weka-plugin/src/test/resources/weka/iris.arff" "$WORK/data/iris.arff"
python3 "$here/weka_data.py" "$WORK/data" "$SEED"

# timed CLASSIFIER ARFF LOG: one run; prints its wall seconds, "timeout" or "failed".
timed() {
  local start end rc=0
  start=$(date +%s.%N)
  timeout -k 10 "$TIMEOUT" "${jvm[@]}" weka.Run "weka.classifiers.functions.$1" -t "$2" \
    >"$3" 2>&1 || rc=$?
  end=$(date +%s.%N)
  case $rc in
    0) awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }' ;;
    124 | 137) echo timeout ;;
    *) echo failed ;;
  esac
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Percentage correct in the cross-validation section (the training-set section comes first).
accuracy() {
  sed -n '/=== Stratified cross-validation ===/,$p' "$1" \
    | awk '/^Correctly Classified Instances/ { print $(NF - 1); exit }'
}

echo "| data set | n x attributes | Logistic s | Lasso s | Lasso / Logistic (target <= 2) | Logistic % | Lasso % | Lasso - Logistic points (target >= -2) |"
echo "|---|---|---|---|---|---|---|---|"
declare -A med acc
for d in $DATASETS; do
  arff=$WORK/data/$d.arff
  shape=$(awk '/^@[aA][tT][tT]/ { p++ } f && NF && !/^%/ { n++ } /^@[dD][aA][tT][aA]/ { f = 1 }
               END { print n " x " p - 1 }' "$arff")
  med=() acc=()
  for c in Logistic Lasso; do
    times=() status=ok
    # A timed-out command is not run again: REPEAT x TIMEOUT would only tell the same.
    for ((i = 1; i <= REPEAT; i++)); do
      t=$(timed "$c" "$arff" "$WORK/logs/$d-$c-$i.log")
      log "$d $c run $i: $t"
      if [[ $t =~ ^[0-9] ]]; then times+=("$t"); else status=$t; break; fi
    done
    if [ "$status" = ok ]; then
      med[$c]=$(printf '%s\n' "${times[@]}" | median)
      acc[$c]=$(accuracy "$WORK/logs/$d-$c-1.log")
    else
      med[$c]="$status ($([ "$status" = timeout ] && echo ">${TIMEOUT}" || echo "see log"))"
      acc[$c]="-"
    fi
  done
  ratio=$(awk -v a="${med[Lasso]}" -v b="${med[Logistic]}" -v t="$TIMEOUT" 'BEGIN {
    if (a ~ /^[0-9]/ && b ~ /^[0-9]/) r = sprintf("%.2f", a / b)
    else if (a ~ /^timeout/ && b ~ /^[0-9]/) r = sprintf("> %.0f", t / b)   # a lower bound
    else { print "-"; exit }
    print r ((a ~ /^[0-9]/ && a / b <= 2) ? " pass" : " FAIL") }')
  diff=$(awk -v a="${acc[Lasso]}" -v b="${acc[Logistic]}" 'BEGIN {
    if (a == "-" || b == "-" || a == "" || b == "") { print "-"; exit }
    printf "%+.1f %s\n", a - b, (a - b >= -2 ? "pass" : "FAIL") }')
  echo "| $d | $shape | ${med[Logistic]} | ${med[Lasso]} | $ratio | ${acc[Logistic]:--} | ${acc[Lasso]:--} | $diff |"
done
log "runs' output in $WORK/logs"
