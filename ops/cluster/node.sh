#!/usr/bin/env bash
# One Agora node of a cluster made by ops/cluster/up.sh:
#   ops/cluster/node.sh <work> <n> start     start it (from the packaged jar with the production JVM settings, its
#                                            own port and data directory), wait until it is ready, and put it back
#                                            into nginx's rotation if it was taken out
#   ops/cluster/node.sh <work> <n> stop      take it out of nginx's rotation, then SIGTERM (it drains, then
#                                            finishes what is in flight) and wait for it
#   ops/cluster/node.sh <work> <n> kill      SIGKILL, as a crash would (nginx finds out by itself)
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

# nginx finds a node gone only when a request to it fails. A node that closes its port under traffic resets the
# connections the kernel had queued for it, and nginx cannot pass a POST it had written to one to another node.
# So a planned stop tells nginx first: the node is marked down in upstreams.conf and nginx reloads (the old worker
# finishes the requests it has; the new one leaves the node out).
rotation() {
  local upstreams="$work/nginx/upstreams.conf" master before workers
  master=$(cat "$work/nginx/nginx.pid" 2>/dev/null) && kill -0 "$master" 2>/dev/null \
    || return 0    # no nginx (yet: up.sh starts the nodes first; or any more: down.sh stops it first)
  before=$(cat "$upstreams")
  # this node's line (as up.sh wrote it) gets " down" before its ";", or loses it
  if [ "$1" = out ]; then
    sed -i "/^server 127.0.0.1:$port /{/ down;\$/!s/;\$/ down;/}" "$upstreams"
  else
    sed -i "/^server 127.0.0.1:$port /s/ down;\$/;/" "$upstreams"
  fi
  [ "$(cat "$upstreams")" != "$before" ] || return 0    # it was so already: nothing to reload
  workers=$(pgrep -P "$master" | sort)
  kill -HUP "$master" 2>/dev/null || return 0
  # the reload has taken effect once the master has a worker it did not have before
  for _ in $(seq 1 100); do
    [ -n "$(comm -13 <(echo "$workers") <(pgrep -P "$master" | sort))" ] && return 0
    kill -0 "$master" 2>/dev/null || return 0    # nginx stopped meanwhile (down.sh stops it first)
    sleep 0.1
  done
  echo "nginx did not reload within 10 s" >&2
  return 1
}

case "$action" in
  start)
    env $(cat "$work/node-env") java $AGORA_JAVA_OPTIONS -jar "$JAR" --server.port="$port" --agora.data-dir="$dir" \
      </dev/null >>"$dir/server.log" 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 1 240); do
      curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && { rotation in; exit 0; }
      kill -0 "$(cat "$dir/pid")" 2>/dev/null || { tail -30 "$dir/server.log" >&2; echo "node $n died" >&2; exit 1; }
      sleep 0.5
    done
    echo "node $n not ready after 120 s" >&2
    exit 1 ;;
  stop)
    [ -n "$pid" ] || exit 0
    kill -0 "$pid" 2>/dev/null || exit 0
    rotation out || echo "stopping node $n all the same" >&2
    kill -TERM "$pid" 2>/dev/null || exit 0
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true ;;
  kill)
    [ -n "$pid" ] || exit 0
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done ;;
  *) echo "usage: $0 <work> <n> start|stop|kill" >&2; exit 2 ;;
esac
