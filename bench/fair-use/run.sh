#!/usr/bin/env bash
# Fair use from the clients' side: greedy and polite clients side by side, with the default limits, printing
# per client how many requests were allowed and refused. Starts its own server(s) on the packaged jar, trusting
# loopback as the proxy so that clients are told apart by X-Forwarded-For, and stops them at the end.
#   bench/fair-use/run.sh                     one node, embedded database, buckets in memory
#   bench/fair-use/run.sh redis               two nodes on a fresh PostgreSQL database, buckets in the local Redis
#                                             (REDIS_URL, default redis://127.0.0.1:6379): one limit for both
# Environment: SECONDS_TO_RUN (20), PGHOST (127.0.0.1), PGUSER (postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-single}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

. ops/jar.sh

work=$(mktemp -d)
pids=()
database=
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -n "$database" ] && dropdb -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" --if-exists "$database"
  rm -rf "$work"
}
trap cleanup EXIT

start_node() { # name, extra arguments...
  local name=$1; shift
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$work/$name"
  "$java" -jar "$jar" --server.port="$port" --agora.data-dir="$work/$name" --agora.demo-data.enabled=false \
    --agora.web.trusted-proxies=127.0.0.1,::1 --logging.level.agora.access=warn "$@" >"$work/$name/server.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/$name/server.log"; echo "server died" >&2; exit 1; }
    sleep 1
  done
  urls+=("http://127.0.0.1:$port")
}

urls=()
case "$mode" in
  single) start_node a ;;
  redis)
    database="agora_bench_fair_$(date +%s)"
    createdb -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" "$database"
    db=(--spring.datasource.url="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432/$database"
        --spring.datasource.username="${PGUSER:-postgres}" --spring.datasource.password=
        --agora.redis.url="${REDIS_URL:-redis://127.0.0.1:6379}" --agora.redis.key-prefix="agora-bench-$(date +%s):")
    start_node a "${db[@]}"
    start_node b "${db[@]}" ;;
  *) echo "usage: $0 [single|redis]" >&2; exit 2 ;;
esac

"$java" bench/fair-use/FairUseBench.java --seconds "${SECONDS_TO_RUN:-20}" "${urls[@]}"
# A busy machine can make Redis answer later than its timeout; each node then limits alone for a moment.
if [ "$mode" = redis ]; then
  echo "times a node fell back to its own buckets: $(cat "$work"/*/server.log | grep -c 'does not answer' || true)"
fi
