#!/usr/bin/env bash
# One Agora node of a cluster made by ops/cluster/up.sh:
#   ops/cluster/node.sh <work> <n> start     start it (from the packaged jar with the production JVM settings, its
#                                            own port and data directory) and wait until it is ready
#   ops/cluster/node.sh <work> <n> stop      SIGTERM (it drains, then finishes what is in flight) and wait for it
#   ops/cluster/node.sh <work> <n> kill      SIGKILL, as a crash would
set -euo pipefail
work=$1
n=$2
action=$3
. "$(dirname "$0")/../jdk.sh"
. "$(dirname "$0")/../java-options.sh"
. "$work/cluster.env"
port_var="NODE_${n}_PORT"
port=${!port_var}
dir="$work/node-$n"
mkdir -p "$dir"
pid=$(cat "$dir/pid" 2>/dev/null || true)

case "$action" in
  start)
    env $(cat "$work/node-env") java $AGORA_JAVA_OPTIONS -jar "$JAR" --server.port="$port" --agora.data-dir="$dir" \
      </dev/null >>"$dir/server.log" 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 1 240); do
      curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && exit 0
      kill -0 "$(cat "$dir/pid")" 2>/dev/null || { tail -30 "$dir/server.log" >&2; echo "node $n died" >&2; exit 1; }
      sleep 0.5
    done
    echo "node $n not ready after 120 s" >&2
    exit 1 ;;
  stop)
    [ -n "$pid" ] || exit 0
    kill -TERM "$pid" 2>/dev/null || exit 0
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true ;;
  kill)
    [ -n "$pid" ] || exit 0
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done ;;
  *) echo "usage: $0 <work> <n> start|stop|kill" >&2; exit 2 ;;
esac
