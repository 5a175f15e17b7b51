#!/usr/bin/env bash
# Prepares a fast start of the packaged jar for this node's settings (run it again after each build, and after changing
# the settings):
#   ops/prepare-start.sh [dir] [application arguments...]      (default dir: target/prepared)
# It extracts the jar into <dir> (the JVM's class caches need a plain class path) and, with a JDK's javac, runs
# Spring's ahead-of-time processing under the node's settings (the environment, AGORA_* and SPRING_*, and the given
# arguments): the beans' definitions become generated code compiled into <dir>/agora.jar, so the node neither parses
# configuration classes nor evaluates conditions when it starts. Those conditions (Redis, the replica, the storage, the
# demo data...) are then settled: <dir>/prepared-settings records the settings they were settled for, and a prepared
# node started with other settings refuses to start (PreparedConfiguration). Then it makes a training run on an empty
# data dir - a whole start with demo data up to readiness, then a few requests of each kind a node answers first (the
# read endpoints, a login) - stops it, and keeps what that run loaded and linked: the JDK's AOT cache on JDK 25+
# (JEP 483/514/515: classes loaded and linked, method profiles), else a CDS archive of the loaded classes (JDK 21-24).
# A training that stopped once the context was refreshed (-Dspring.context.exit=onRefresh) left out Tomcat's start,
# the demo data and the first requests (bench/README.md, "Footprint"). Then start the node with the command it prints:
#   java $(cat <dir>/java-options) -jar <dir>/agora.jar [the same application arguments] [--server.port=...]
# <dir>/java-options holds the settings of ops/java-options.sh (AGORA_JAVA_OPTIONS) plus the cache and the switch to
# the generated code: the cache is only used with the JVM settings it was trained with.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/jdk.sh
source ops/java-options.sh
jar=${JAR:-$(ls target/agora-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
[ -n "$jar" ] || { echo "no target/agora-*.jar: run ./mvnw -q -DskipTests package first" >&2; exit 1; }
dir=${1:-target/prepared}
args=("${@:2}")
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
generated=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$data" "$generated"' EXIT
failed() { tail -30 "$2" >&2; echo "$1 (log: $2)" >&2; exit 1; }

spring_aot=()
if command -v javac >/dev/null && command -v jar >/dev/null; then
  echo "== ahead-of-time processing of the beans for these settings" >&2
  settings=(-Dagora.prepared.configuration="$dir/prepared-settings")
  java "${settings[@]}" -cp "$dir/agora.jar" org.springframework.boot.SpringApplicationAotProcessor \
    agora.AgoraApplication "$generated/sources" "$generated/resources" "$generated/classes" agora agora \
    ${args[@]+"${args[@]}"} > "$dir/aot.log" 2>&1 || failed "the ahead-of-time processing failed" "$dir/aot.log"
  find "$generated/sources" -name '*.java' > "$generated/sources.txt"
  javac -nowarn -proc:none -cp "$dir/agora.jar:$generated/classes" -d "$generated/classes" @"$generated/sources.txt" \
    >> "$dir/aot.log" 2>&1 || failed "compiling the generated code failed" "$dir/aot.log"
  jar --update --file "$dir/agora.jar" -C "$generated/classes" . -C "$generated/resources" .
  spring_aot=(-Dspring.aot.enabled=true "${settings[@]}")
else
  echo "== no javac (a JRE?): the prepared start keeps evaluating the beans' conditions at start" >&2
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
echo "== training run ($(java -version 2>&1 | head -1)), $dir" >&2
java $AGORA_JAVA_OPTIONS ${spring_aot[@]+"${spring_aot[@]}"} "${train[@]}" -jar "$dir/agora.jar" \
  ${args[@]+"${args[@]}"} --agora.data-dir="$data" --server.port="$port" --agora.shutdown.drain=0 \
  > "$dir/training.log" 2>&1 &
pid=$!
until curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || failed "the training run failed: the node died" "$dir/training.log"
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
[ "$status" = 0 ] || [ "$status" = 143 ] || failed "the training run failed: exit status $status" "$dir/training.log"
echo "$AGORA_JAVA_OPTIONS ${spring_aot[*]} ${run[*]}" > "$dir/java-options"
echo "start with: java \$(cat $dir/java-options) -jar $dir/agora.jar${args[*]+ ${args[*]}}"
