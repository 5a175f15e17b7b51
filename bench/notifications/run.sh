#!/usr/bin/env bash
# Live notification streams: starts the packaged jar with a 256 MB heap on the embedded defaults (H2) in a temporary
# data directory, runs StreamsBench (200 users x 5 streams = 1,000 open streams, then 50 likes one after another),
# and prints the server's heap (after a full GC), RSS and live threads before the streams open, with them open, and
# after the likes. Figures only; nothing is asserted.
#   bench/notifications/run.sh [users] [streams-per-user] [likes]      e.g. bench/notifications/run.sh 200 5 50
# Environment: JAR (default: target/agora-*.jar, built if missing), BENCH_JAVA_OPTS (extra server JVM options),
# HISTOGRAM=n (also print the n classes that take most of the heap at each measurement).
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${1:-200}
per_user=${2:-5}
likes=${3:-50}
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"

. ops/jar.sh

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
"${bin}java" -Xmx256m ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --agora.data-dir="$data" \
  --agora.demo-data.enabled=false $(bench/no-limits.sh) --logging.level.agora.access=warn >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$data/server.log"; echo "server died" >&2; exit 1; }
  sleep 1
done

memory() {
  "${bin}jcmd" $pid GC.run >/dev/null
  sleep 1
  local metrics heap threads
  metrics=$(curl -fsS "http://127.0.0.1:$port/actuator/prometheus")
  heap=$(awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.1f", s / 1048576}' <<<"$metrics")
  threads=$(awk '/^jvm_threads_live_threads/ {printf "%d", $NF}' <<<"$metrics")
  echo "server $1: heap used after GC ${heap} MB, RSS $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' /proc/$pid/status), live threads ${threads}"
  if [ -n "${HISTOGRAM:-}" ]; then "${bin}jcmd" $pid GC.class_histogram | head -n $((HISTOGRAM + 3)); fi
}

echo "server: $jar, -Xmx256m, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
coproc BENCH { "${bin}java" bench/notifications/StreamsBench.java --base "http://127.0.0.1:$port" \
  --users "$users" --per-user "$per_user" --likes "$likes" 2>&1; }
while IFS= read -r line <&"${BENCH[0]}"; do
  echo "$line"
  case "$line" in
    "ready for: streams") memory "before the streams"; echo >&"${BENCH[1]}" ;;
    "ready for: likes") memory "with the streams open"; echo >&"${BENCH[1]}" ;;
    "ready for: close") memory "after the likes"; echo >&"${BENCH[1]}" ;;
  esac
done
