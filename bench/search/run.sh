#!/usr/bin/env bash
# Search benchmark: indexes a synthetic corpus with the production code and runs a query load against it.
#   bench/search/run.sh [documents] [queries]        e.g. bench/search/run.sh 1000000 20000
# Extra JVM options (e.g. a JFR recording) go in BENCH_JAVA_OPTS.
# Needs a JDK >= 21 (JAVA_HOME) and the project built (./mvnw -DskipTests package, or any verify).
set -euo pipefail
cd "$(dirname "$0")/../.."
docs="${1:-50000}"
queries="${2:-5000}"
out=bench/target/search
mkdir -p "$out/classes"
[ -d target/classes/agora ] || ./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="target/classes:$(cat "$out/classpath.txt")"
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$out/classes" -cp "$cp" $(find bench/search/java -name '*.java')
index_dir=$(mktemp -d "${TMPDIR:-/tmp}/agora-search-bench.XXXXXX")
trap 'rm -rf "$index_dir"' EXIT
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xms2g -Xmx4g -XX:+UseParallelGC --add-modules jdk.incubator.vector ${BENCH_JAVA_OPTS:-} -cp "$out/classes:$cp" \
  agora.search.internal.SearchBench "$docs" "$queries" "$index_dir"
