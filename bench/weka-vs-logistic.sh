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

# Weka and its dependencies, as the integration tests use them. Resolved from a throwaway pom in
# $WORK: running Maven on the repository's own poms could start a build. The dependency plugin is
# named with the version the parent pom pins, the one in the local repository (-o: no network).
if [ -z "${WEKA_CP:-}" ]; then
  weka_version=$(sed -n 's:.*<weka.version>\(.*\)</weka.version>.*:\1:p' "$root/pom.xml")
  mkdir -p "$WORK/cp"
  cat >"$WORK/cp/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>weka-cp</artifactId><version>1</version>
  <dependencies><dependency><groupId>nz.ac.waikato.cms.weka</groupId>
    <artifactId>weka-stable</artifactId><version>$weka_version</version></dependency></dependencies>
</project>
EOF
  mvn -B -o -q -f "$WORK/cp/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp/classpath.txt" >"$WORK/logs/mvn.log" 2>&1 \
    || { cat "$WORK/logs/mvn.log" >&2; exit 1; }
  # Maven also lists netlib's pom-typed "all" artifact; only jars belong on a class path.
  WEKA_CP=$(tr ':' '\n' <"$WORK/cp/classpath.txt" | grep '\.jar$' | paste -sd:)
fi

# Every JVM runs in an empty directory (Weka reads props files from the current directory, and
# the repository root would hide its classifiers), offline, with its own Weka home, and with
# java.lang opened (otherwise Java 17 prints an InaccessibleObjectException on every start).
export WEKA_HOME=$WORK/wekahome
cd "$WORK/cwd"
read -ra java_opts <<<"$JAVA_OPTS"
jvm=(java "${java_opts[@]}" --add-opens java.base/java.lang=ALL-UNNAMED
  -Dweka.packageManager.offline=true -cp "$WEKA_CP")

# Weka 3.8.6's installer exits 0 even for a package that will never load, so check the listing.
log "installing $ZIP into $WEKA_HOME"
"${jvm[@]}" weka.core.WekaPackageManager -offline -install-package "$ZIP" >"$WORK/logs/install.log" 2>&1
"${jvm[@]}" weka.core.WekaPackageManager -offline -list-packages installed >>"$WORK/logs/install.log" 2>&1
grep -q 'l1path' "$WORK/logs/install.log" && [ -f "$WEKA_HOME/packages/l1path/l1path.jar" ] \
  || { echo "l1path did not install; see $WORK/logs/install.log" >&2; exit 1; }

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
