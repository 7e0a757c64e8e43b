# Sourced by spark/bin/l1path-spark and bench/spark-vs-mllib.sh: SPARK_JVM_FLAGS, the JVM flags a
# Spark driver needs on Java 17 (the same --add-opens list as the spark module's surefire argLine),
# and the vector module, with which each pass sums its rows on the vector Gram kernel.
SPARK_JVM_FLAGS=()
for pkg in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
  java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
  sun.security.action sun.util.calendar; do
  SPARK_JVM_FLAGS+=("--add-opens=java.base/$pkg=ALL-UNNAMED")
done
SPARK_JVM_FLAGS+=(--add-modules jdk.incubator.vector -Djdk.reflect.useDirectMethodHandle=false)
