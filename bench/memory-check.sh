#!/usr/bin/env bash
# Issue 6, target 6: the fit completes with -Xmx set to 1.5 x the design matrix's bytes, plus the
# Gram block (p x p doubles) when covariance updates are used (n > p), plus 64 MiB. Runs a path
# and a 10-fold cross-validation of simulated data under that heap and prints pass or FAIL.
#
# usage: CASES="1000x100 50000x200" FOLDS="0 10" bench/memory-check.sh   (environment: JAR, CASES,
# FOLDS: 0 for the path, 10 for cross-validation; both by default)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
JAR=${JAR:-$root/lambda/target/l1path.jar}
CASES=${CASES:-"1000x100 5000x100 100x1000 100x5000 100x20000 100x50000 10000x1000 50000x200"}
for c in $CASES; do
  n=${c%x*}
  p=${c#*x}
  gram=0
  [ "$n" -gt "$p" ] && gram=$((p * p * 8))
  xmx=$(((n * p * 8 * 3 / 2 + gram) / 1048576 + 64))
  for folds in ${FOLDS:-0 10}; do
    if out=$(java -Xmx${xmx}m -jar "$JAR" bench --simulate "$n" "$p" 0 --seed 1 --repeat 1 \
      --folds "$folds" 2>&1); then
      echo "$c folds=$folds -Xmx${xmx}m: pass $(echo "$out" | tail -n 1)"
    else
      echo "$c folds=$folds -Xmx${xmx}m: FAIL $(echo "$out" | grep -m1 -i 'error\|exception')"
    fi
  done
done
