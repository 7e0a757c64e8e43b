# Sourced by the Weka benchmarks (weka-vs-logistic.sh, weka-text.sh): Weka's class path, the `jvm`
# command every Weka run uses, and the l1path package installed into a Weka home of its own.
# Expects root, WORK (with logs/, wekahome/ and cwd/), ZIP, JAVA_OPTS and log() to be set; leaves
# the shell in $WORK/cwd with WEKA_CP set and WEKA_HOME exported.

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
