#!/usr/bin/env bash
# Prepares a fast start of the packaged jar (run it again after each build):
#   ops/prepare-start.sh [dir]      (default target/prepared)
# It extracts the jar into <dir> (the JVM's class caches need a plain class path), makes a training start that stops
# once the application context is refreshed (-Dspring.context.exit=onRefresh, on an empty data dir), and keeps what
# that start loaded and linked: the JDK's AOT cache on JDK 25+ (JEP 483/514/515: classes loaded and linked, method
# profiles), else a CDS archive of the loaded classes (JDK 21-24). Then start the node with the command it prints:
#   java $(cat <dir>/java-options) -jar <dir>/agora.jar [--server.port=...]
# <dir>/java-options holds the settings of ops/java-options.sh (AGORA_JAVA_OPTIONS) plus the cache: the cache is only
# used with the JVM settings it was trained with.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/jdk.sh
source ops/java-options.sh
jar=${JAR:-$(ls target/agora-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
[ -n "$jar" ] || { echo "no target/agora-*.jar: run ./mvnw -q -DskipTests package first" >&2; exit 1; }
dir=${1:-target/prepared}
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
mv "$dir/$(basename "$jar")" "$dir/agora.jar"
dir=$(cd "$dir" && pwd)

if [ "$(java_major "$JAVA_HOME")" -ge 25 ]; then
  train=(-XX:AOTCacheOutput="$dir/agora.aot") run=(-XX:AOTCache="$dir/agora.aot")
else
  train=(-XX:ArchiveClassesAtExit="$dir/agora.jsa") run=(-XX:SharedArchiveFile="$dir/agora.jsa")
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo "== training start ($(java -version 2>&1 | head -1)), $dir" >&2
java $AGORA_JAVA_OPTIONS "${train[@]}" -Dspring.context.exit=onRefresh -jar "$dir/agora.jar" \
  --agora.data-dir="$data" --server.port=0 > "$dir/training.log" 2>&1 \
  || { tail -30 "$dir/training.log" >&2; echo "the training start failed (log: $dir/training.log)" >&2; exit 1; }
echo "$AGORA_JAVA_OPTIONS ${run[*]}" > "$dir/java-options"
echo "start with: java \$(cat $dir/java-options) -jar $dir/agora.jar"
