#!/usr/bin/env bash
# l1path's Spark estimator (an automatic lasso path of ALPHAS alphas with FOLDS-fold CV) against
# MLlib's CrossValidator over LinearRegression at the same regParams, on simulated data of ROWS x
# FEATURES made on the executors. Prints each one's time and Spark job count, and the speed-up.
#
#   bench/spark-vs-mllib.sh [ROWS] [FEATURES] [ALPHAS] [FOLDS] [MASTER] [gaussian|binomial] [SAMPLE]
#
# SAMPLE > 0 times only SAMPLE of MLlib's regParams on one fold's training rows and projects the
# whole CrossValidator from it (its full run at issue 20's size would take days); l1path always
# runs whole, on the uncached frame (its first pass computes the simulated rows), and the frame is
# cached for MLlib after it. SAMPLE < 0 runs l1path alone. BENCH_HEAP sets the JVM heap (default
# 4g; the full size caches about 9 GB).
# binomial thresholds the simulated response at 0 and compares with LogisticRegression.
# Defaults are issue 20's full size (10^7 x 100, 100 alphas, 10 folds, local[2]): that run takes
# a long time on a small machine. A smoke run: bench/spark-vs-mllib.sh 10000 20 5 3
# Needs a build first: mvn -B -pl spark -am -DskipTests test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-10000000}
FEATURES=${2:-100}
ALPHAS=${3:-100}
FOLDS=${4:-10}
MASTER=${5:-local[2]}
FAMILY=${6:-gaussian}
SAMPLE=${7:-0}
CP_FILE=spark/target/bench-classpath.txt
# Maven's output goes to a log, shown when the build fails (a quiet build said nothing then).
mvn -B -q -pl spark -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$CP_FILE" >spark/target/bench-build.log 2>&1 \
  || { cat spark/target/bench-build.log >&2; exit 1; }
CP="spark/target/test-classes:spark/target/classes:shared-solver/target/classes:$(cat "$CP_FILE")"
# shellcheck source=spark/bin/jvm-flags.sh
. spark/bin/jvm-flags.sh
exec java -Xmx${BENCH_HEAP:-4g} "${SPARK_JVM_FLAGS[@]}" \
  -cp "$CP" org.l1path.spark.SparkVsMllib "$ROWS" "$FEATURES" "$ALPHAS" "$FOLDS" "$MASTER" "$FAMILY" "$SAMPLE"
