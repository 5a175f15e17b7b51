#!/usr/bin/env bash
# Image throughput on one node (embedded database, file system store): uploads/s of a 12-megapixel JPEG with 1, 2
# and 4 uploaders, then GETs/s of a served 480 px file (full answers, then 304s) with 16 readers. Starts its own
# server on the packaged jar with fair-use limits and the daily upload limit out of reach, and stops it at the end.
#   bench/images/run.sh
# Environment: SECONDS_TO_RUN (20 per step).
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

. ops/jar.sh

work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# shellcheck disable=SC2046
"$java" -jar "$jar" --server.port="$port" --agora.data-dir="$work" --agora.demo-data.enabled=false \
  --agora.media.uploads-per-day=1000000000 --logging.level.agora.access=warn $(bench/no-limits.sh) \
  >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; echo "server died" >&2; exit 1; }
  sleep 1
done

echo "cores: $(nproc), processing threads: one per core (agora.media.processing.concurrency=0)"
"$java" bench/images/ImagesBench.java --seconds "${SECONDS_TO_RUN:-20}" --photo "${PHOTO:-/tmp/agora-bench-12mp.jpg}" \
  "http://127.0.0.1:$port"
