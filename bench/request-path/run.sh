#!/usr/bin/env bash
# Agora's fixed cost per request against a bare Spring Boot MVC application on the same stack, in one run: both
# servers are started here, each endpoint is measured on the bare app and then on Agora, back to back, with wrk.
# CPU time per request (the server process's utime + stime over the measured phase, /proc/PID/stat) is the figure
# that stays meaningful on a shared, loaded machine; req/s and latency are printed beside the load average.
#   bench/request-path/run.sh            rate limits raised out of reach (bench/no-limits.sh): the filter still runs
#   bench/request-path/run.sh limits     the default limits: after the first 300, anonymous API reads get 429
# Environment: JAR (default: the packaged jar, built when missing), DURATION (8s), WARMUP (10s), CONNECTIONS (16),
# JFR=/abs/file.jfr (records Agora during the measured phase with Java Flight Recorder).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-no-limits}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
duration=${DURATION:-8s}
warmup=${WARMUP:-10s}
connections=${CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

. ops/jar.sh

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_ready() { # pid, url, log
  for _ in $(seq 1 180); do
    curl -fs -o /dev/null "$2" && return
    kill -0 "$1" 2>/dev/null || { cat "$3"; echo "server died" >&2; exit 1; }
    sleep 1
  done
  echo "server not ready: $2" >&2; exit 1
}

# The bare application, compiled against Spring Boot's MVC starter (classpath from bench/request-path/pom.xml).
./mvnw -q -ntp -f bench/request-path/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/classpath" >/dev/null
"$javac" -nowarn -d "$work/bare" -cp "$(cat "$work/classpath")" bench/request-path/BareApp.java
bare_port=$(free_port)
"$java" -cp "$work/bare:$(cat "$work/classpath")" BareApp --server.port="$bare_port" --spring.threads.virtual.enabled=true \
  --spring.web.resources.static-locations="file:$PWD/src/main/resources/static/" >"$work/bare.log" 2>&1 &
pids+=($!); bare_pid=$!

limits=()
[ "$mode" = limits ] || limits=($(bench/no-limits.sh))
agora_port=$(free_port)
"$java" -jar "$jar" --server.port="$agora_port" --agora.data-dir="$work/agora" \
  --agora.demo-data.enabled=false "${limits[@]}" >"$work/agora.log" 2>&1 &
pids+=($!); agora_pid=$!

wait_ready "$bare_pid" "http://127.0.0.1:$bare_port/api/tags" "$work/bare.log"
wait_ready "$agora_pid" "http://127.0.0.1:$agora_port/actuator/health/readiness" "$work/agora.log"

ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
hz=$(getconf CLK_TCK)

measure() { # pid, url -> "req/s p50 p99 cpu_us"
  local before after out
  before=$(ticks "$1")
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$2")
  after=$(ticks "$1")
  local requests rps p50 p99
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  local statuses; statuses=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
  echo "$rps $p50 $p99 $(( (after - before) * 1000000 / hz / requests )) ${statuses:-0}"
}

endpoints=(/app.css /api/user /api/tags)
echo "== warm-up ($warmup per endpoint and server)"
for path in "${endpoints[@]}"; do
  wrk -t2 -c"$connections" -d"$warmup" "http://127.0.0.1:$bare_port$path" >/dev/null
  wrk -t2 -c"$connections" -d"$warmup" "http://127.0.0.1:$agora_port$path" >/dev/null
done
[ -n "${JFR:-}" ] && jcmd "$agora_pid" JFR.start name=measured settings=profile filename="$JFR" >/dev/null

echo "== wrk -t2 -c$connections -d$duration, mode $mode, $(nproc) cores"
printf '%-10s %-6s %10s %9s %9s %12s %8s %9s  %s\n' endpoint server req/s p50 p99 "CPU µs/req" ratio non-2xx load
for path in "${endpoints[@]}"; do
  read -r b_rps b_p50 b_p99 b_cpu b_non <<<"$(measure "$bare_pid" "http://127.0.0.1:$bare_port$path")"
  b_load=$(cut -d' ' -f1 /proc/loadavg)
  read -r a_rps a_p50 a_p99 a_cpu a_non <<<"$(measure "$agora_pid" "http://127.0.0.1:$agora_port$path")"
  a_load=$(cut -d' ' -f1 /proc/loadavg)
  printf '%-10s %-6s %10s %9s %9s %12s %8s %9s  %s\n' "$path" bare "$b_rps" "$b_p50" "$b_p99" "$b_cpu" 1.0 "$b_non" "$b_load"
  printf '%-10s %-6s %10s %9s %9s %12s %8s %9s  %s\n' "$path" agora "$a_rps" "$a_p50" "$a_p99" "$a_cpu" \
    "$(awk -v a="$a_cpu" -v b="$b_cpu" 'BEGIN { printf "%.1f", b ? a / b : 0 }')" "$a_non" "$a_load"
done
[ -n "${JFR:-}" ] && jcmd "$agora_pid" JFR.stop name=measured >/dev/null
echo "access log lines written by Agora: $(grep -c 'agora.access' "$work/agora.log" || true)"
