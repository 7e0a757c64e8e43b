#!/usr/bin/env bash
# Issue 21: the function's start and speed as Lambda runs it, C1 only (Lambda's java21 default)
# against full tiered compilation, through the real runtime interface client and an S3 server on
# loopback (lambda/src/test/java/org/l1path/lambda/LambdaStartupBenchmark.java). Prints one JSON
# line per run: init_ms (JVM start to the first request for work), first_response_ms (JVM start
# to the answer for the bundled diabetes CSV with 10-fold CV) and large_response_ms (a ROWSxCOLS
# CSV fitted next in the same container).
#
# usage: REPEATS=3 ROWS=50000 COLS=200 bench/lambda-startup.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
REPEATS=${REPEATS:-3}
ROWS=${ROWS:-50000}
COLS=${COLS:-200}
cd "$root"
mvn -q -DskipTests install
mvn -q -pl lambda test-compile
cp=$(mvn -q -pl lambda dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp "lambda/target/test-classes:lambda/target/classes:$cp" \
  org.l1path.lambda.LambdaStartupBenchmark lambda/target/l1path.jar examples/diabetes.csv \
  "$ROWS" "$COLS" "$REPEATS"
