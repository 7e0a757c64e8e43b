#!/usr/bin/env bash
# Times l1path's Gram kernel (X'VX of an n x p block: ColumnProducts, every processor) next to
# numpy's x.T @ x (a BLAS syrk) on the same shapes, in one run, and prints one Markdown table.
#
# usage: bench/gram-kernel.sh
#        SHAPES="10000x1000 50000x200" REPEATS=7 bench/gram-kernel.sh
#
# Environment: SHAPES (n x p list), REPEATS (timed products after two warm-ups, default 7; the
# median is reported), PY (the Python whose numpy is timed; default Debian's python3, which uses
# OpenBLAS once libopenblas0-pthread is installed, as pip's numpy bundles it).
# l1path runs twice per shape: with --add-modules jdk.incubator.vector (the vector kernel, and the
# scalar one beside it) and without (what a JVM started without the flag gets: the scalar kernel).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
SHAPES=${SHAPES:-"10000x1000 50000x200 100000x100 1000000x50"}
REPEATS=${REPEATS:-7}
PY=${PY:-/usr/bin/python3}

if ! "$PY" -c 'import numpy' >/dev/null 2>&1 \
    || ! compgen -G "/usr/lib/*/openblas-pthread/libblas.so.3" >/dev/null; then
  echo "installing python3-numpy libopenblas0-pthread" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q >&2
  $sudo apt-get install -y -q python3-numpy libopenblas0-pthread >&2
fi
(cd "$root" && mvn -q -DskipTests test-compile -pl shared-solver -am)
cp="$root/shared-solver/target/classes:$root/shared-solver/target/test-classes"
results=$(mktemp -t l1path-gram.XXXXXX)
echo "[$(date -u +%H:%M:%S)] load: $(uptime); BLAS: $(readlink -f /usr/lib/*/libblas.so.3 | head -1)" >&2

for shape in $SHAPES; do
  n=${shape%x*}
  p=${shape#*x}
  java --add-modules jdk.incubator.vector -cp "$cp" org.l1path.solver.linalg.GramKernelBenchmark \
    "$n" "$p" "$REPEATS" 2>/dev/null >>"$results"
  java -cp "$cp" org.l1path.solver.linalg.GramKernelBenchmark "$n" "$p" "$REPEATS" \
    | sed 's/"kernel": "scalar"/"kernel": "scalar, no flag"/' >>"$results"
  "$PY" - "$n" "$p" "$REPEATS" >>"$results" <<'PYEOF'
import json, sys, time
import numpy as np
n, p, repeats = (int(a) for a in sys.argv[1:4])
x = np.random.default_rng(1).standard_normal((n, p))
times = []
for r in range(repeats + 2):
    start = time.perf_counter()
    g = x.T @ x
    if r >= 2:
        times.append(time.perf_counter() - start)
median = float(np.median(times))
print(json.dumps({"tool": "numpy", "kernel": "x.T @ x", "n": n, "p": p, "median_s": median,
                  "gflops": 2.0 * n * p * p / median / 1e9}))
PYEOF
done
echo "[$(date -u +%H:%M:%S)] done; load: $(uptime)" >&2

"$PY" - "$results" <<'PYEOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print("| n x p | numpy x.T @ x s | l1path vector s | vector / numpy speed (>= 0.5) "
      "| l1path scalar s | scalar, JVM without the flag, s |")
print("|---|---|---|---|---|---|")
shapes = []
for r in rows:
    if (r["n"], r["p"]) not in shapes:
        shapes.append((r["n"], r["p"]))
for n, p in shapes:
    cell = {r["kernel"]: r["median_s"] for r in rows if (r["n"], r["p"]) == (n, p)}
    numpy_s, vector_s = cell.get("x.T @ x"), cell.get("vector")
    ratio = numpy_s / vector_s if numpy_s and vector_s else float("nan")
    verdict = "met" if ratio >= 0.5 else "missed"
    print(f"| {n} x {p} | {numpy_s:.4f} | {vector_s:.4f} | {ratio:.2f} {verdict} "
          f"| {cell.get('scalar', float('nan')):.4f} | {cell.get('scalar, no flag', float('nan')):.4f} |")
PYEOF
rm -f "$results"
