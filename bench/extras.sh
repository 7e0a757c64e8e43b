#!/usr/bin/env bash
# The smaller measurements of docs/benchmarks.md (its "CSV reading speed" and "Scaling against n"
# sections), one JSON line each from l1path bench:
# a 100-alpha lasso path on diabetes and on a simulated 1000 x 100 set, CSV reading speed on
# large numeric files, and fit time against n at fixed p (scaling).
#
# usage: bench/extras.sh   (environment: JAR, WORK, REPEAT default 5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
JAR=${JAR:-$root/lambda/target/l1path.jar}
WORK=${WORK:-$(mktemp -d -t l1path-extras.XXXXXX)}
REPEAT=${REPEAT:-5}
mkdir -p "$WORK"
bench() { java -jar "$JAR" bench "$@"; }

echo "# diabetes (442 x 10), 100-alpha lasso path"
bench --input "$root/examples/diabetes.csv" --repeat "$REPEAT"
echo "# simulated 1000 x 100, rho 0, 100-alpha lasso path"
bench --simulate 1000 100 0 --seed 1 --repeat "$REPEAT"

echo "# CSV reading speed (fresh JVM, one read; the fit is a single short path)"
for c in 50000x200 10000x1000 100x50000; do
  csv=$WORK/read-$c.csv
  bench --simulate "${c%x*}" "${c#*x}" 0 --seed 1 --repeat 0 --write-csv "$csv"
  echo "# $c: $(du -m "$csv" | cut -f1) MB"
  bench --input "$csv" --repeat 1 --alphas-file <(echo 0.1)
  rm -f "$csv"
done

echo "# scaling: lasso path (100 alphas) against n at p = 100, rho 0"
for n in 1000 2000 4000 8000 16000 32000 64000 128000; do
  bench --simulate "$n" 100 0 --seed 1 --repeat "$REPEAT"
done
echo "# scaling: lasso path (100 alphas) against n at p = 1000, rho 0"
for n in 2000 4000 8000 16000; do
  bench --simulate "$n" 1000 0 --seed 1 --repeat 3
done
