#!/usr/bin/env bash
# Prepares a fast start of the packaged jar (run it again after each build):
#   ops/prepare-start.sh [dir]      (default target/prepared)
# It extracts the jar into <dir> (the JVM's class caches need a plain class path), makes a training run on an empty
# data dir - a whole start with demo data up to readiness, then a few requests of each kind a node answers first (the
# read endpoints, a login) - stops it, and keeps what that run loaded and linked: the JDK's AOT cache on JDK 25+
# (JEP 483/514/515: classes loaded and linked, method profiles), else a CDS archive of the loaded classes (JDK 21-24).
# A training that stopped once the context was refreshed (-Dspring.context.exit=onRefresh) left out Tomcat's start,
# the demo data and the first requests (bench/README.md, "Footprint"). Then start the node with the command it prints:
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
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$data"' EXIT
failed() { tail -30 "$dir/training.log" >&2; echo "the training run failed: $1 (log: $dir/training.log)" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
echo "== training run ($(java -version 2>&1 | head -1)), $dir" >&2
java $AGORA_JAVA_OPTIONS "${train[@]}" -jar "$dir/agora.jar" --agora.data-dir="$data" --server.port="$port" \
  --agora.shutdown.drain=0 > "$dir/training.log" 2>&1 &
pid=$!
until curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || failed "the node died"
  sleep 0.2
done
# Whatever they answer (without demo data: 404s and a 401), they train the request path.
for _ in 1 2 3; do
  for path in /api/articles /api/products "/api/search?q=demo" /api/tags /api/profiles/alice /; do
    curl -s -o /dev/null "$base$path"
  done
  curl -s -o /dev/null -H 'Content-Type: application/json' -X POST "$base/api/users/login" \
    -d '{"user":{"email":"alice@example.com","password":"alice-demo-pass"}}'
done
# The JVM writes the cache as it exits; SIGTERM is a graceful stop (exit status 143).
kill "$pid"; status=0; wait "$pid" || status=$?
pid=
[ "$status" = 0 ] || [ "$status" = 143 ] || failed "exit status $status"
echo "$AGORA_JAVA_OPTIONS ${run[*]}" > "$dir/java-options"
echo "start with: java \$(cat $dir/java-options) -jar $dir/agora.jar"
