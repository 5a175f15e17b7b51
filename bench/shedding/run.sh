#!/usr/bin/env bash
# Login burst (load shedding): starts the packaged jar with a 256 MB heap on the embedded defaults (H2, demo data)
# in a temporary data directory, runs LoginBurst (300 logins at once while a reader loops, three rounds after a
# warm-up), then prints the server's peak resident memory and its heap after the bursts, and stops it.
#   bench/shedding/run.sh [logins] [rounds]            e.g. bench/shedding/run.sh 300 3
# Environment: JAR (default: target/agora-*.jar, built if missing), BENCH_JAVA_OPTS (extra server JVM options).
set -euo pipefail
cd "$(dirname "$0")/../.."
logins=${1:-300}
rounds=${2:-3}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

. ops/jar.sh

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
# The rate limits would otherwise refuse most of a burst from one address: this measures the hashing bound.
"$java" -Xmx256m ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --agora.data-dir="$data" \
  $(bench/no-limits.sh) --logging.level.agora.access=warn >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$data/server.log"; echo "server died" >&2; exit 1; }
  sleep 1
done

echo "server: $jar, -Xmx256m, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" bench/shedding/LoginBurst.java --base "http://127.0.0.1:$port" --logins "$logins" --rounds "$rounds"

kill -0 $pid 2>/dev/null || { echo "server died:" >&2; tail -50 "$data/server.log" >&2; exit 1; }
heap=$(curl -fsS "http://127.0.0.1:$port/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}')
echo "server after the bursts: alive, peak RSS $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' /proc/$pid/status), heap used ${heap} MB, OutOfMemoryError in its log: $(grep -c OutOfMemoryError "$data/server.log" || true)"
