#!/usr/bin/env bash
# Footprint and start-up of one node on the embedded defaults (H2 and the search index on a fresh data dir, demo
# data): time to readiness (wall and CPU), RSS when ready and settled, RSS and req/s under a read load, for the JVM's
# defaults and for the production settings of ops/java-options.sh; then start-up with and without the prepared start
# (ops/prepare-start.sh), alternating so both see the same machine load. Builds nothing: run
# `./mvnw -q -DskipTests package` first. Needs curl and hey (`apt-get install -y hey`).
# Usage: bench/footprint/run.sh   (REPEAT=5 start-ups per mode, LOAD=20s of read load per mode, WORKERS=8)
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/jdk.sh
source ops/java-options.sh
jar=$(ls target/agora-*.jar 2>/dev/null | grep -v plain | head -1 || true)
[ -n "$jar" ] || { echo "no target/agora-*.jar: run ./mvnw -o -q -DskipTests package first" >&2; exit 1; }
command -v hey >/dev/null || { echo "hey is missing: apt-get install -y hey" >&2; exit 1; }
repeat=${REPEAT:-5} load=${LOAD:-20s} workers=${WORKERS:-8}
work=$(mktemp -d /tmp/agora-footprint.XXXXXX)
tick=$(getconf CLK_TCK)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_mb() { awk '/^VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
cpu_s() { awk -v t="$tick" '{printf "%.1f", ($14+$15)/t}' "/proc/$1/stat"; }
load_avg() { cut -d' ' -f1 /proc/loadavg; }

# start <java options...> -- <jar>: starts a node on a fresh data dir; sets pid, port, ready_s, ready_cpu_s
start() {
  local opts=() target
  while [ "$1" != -- ]; do opts+=("$1"); shift; done; target=$2
  port=$(free_port)
  local dir; dir=$(mktemp -d "$work/data.XXXX")
  local t0; t0=$(date +%s%N)
  java "${opts[@]}" -jar "$target" --server.port="$port" --agora.data-dir="$dir" $(bench/no-limits.sh) \
    > "$dir.log" 2>&1 &
  pid=$!
  until curl -fs "localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "the node died; its log:" >&2; tail -30 "$dir.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_cpu_s=$(cpu_s "$pid")
  ready_s=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN {printf "%.2f", (b-a)/1e9}')
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

# read_load: the four read endpoints at once for $load, $workers workers in all; prints req/s and the peak RSS
read_load() {
  local peak=0 each=$(( workers / 4 > 0 ? workers / 4 : 1 )) base="http://127.0.0.1:$port/api"
  local urls=("$base/articles" "$base/products" "$base/search?q=demo" "$base/tags") i
  local hey_pids=()
  for i in "${!urls[@]}"; do hey -z "$load" -c "$each" "${urls[$i]}" > "$work/hey.$i" & hey_pids+=($!); done
  while kill -0 "${hey_pids[@]}" 2>/dev/null; do
    local now; now=$(rss_mb "$pid"); [ "$now" -gt "$peak" ] && peak=$now; sleep 0.5
  done
  wait "${hey_pids[@]}" || true
  local rps; rps=$(awk '/Requests\/sec/ {s+=$2} END {printf "%d", s}' "$work"/hey.*)
  local bad; bad=$(cat "$work"/hey.* | awk '/^  \[[0-9]+\]/ && $1 != "[200]" {n+=$2} END {print n+0}')
  echo "$rps $peak $bad"
}

echo "== $(java -version 2>&1 | head -1); $(nproc) cores; load average $(load_avg) before"
printf '%-12s %8s %8s %10s %11s %9s %10s %6s\n' mode ready_s cpu_s rss_ready rss_settled "req/s" rss_load non200
for mode in defaults production; do
  if [ "$mode" = defaults ]; then opts=(-Dagora.bench=defaults); else opts=($AGORA_JAVA_OPTIONS); fi
  start "${opts[@]}" -- "$jar"
  rss_ready=$(rss_mb "$pid"); sleep 10; rss_settled=$(rss_mb "$pid")
  read -r rps rss_load bad < <(read_load)
  printf '%-12s %8s %8s %8sMB %9sMB %9s %8sMB %6s   (load %s)\n' "$mode" "$ready_s" "$ready_cpu_s" "$rss_ready" \
    "$rss_settled" "$rps" "$rss_load" "$bad" "$(load_avg)"
  stop
done

echo "== start-up, $repeat times each, alternating: the jar with the production settings, then prepared (ops/prepare-start.sh)"
# Prepared for the settings the nodes here start with (the raised limits): a prepared node refuses others.
ops/prepare-start.sh "$work/prepared" $(bench/no-limits.sh) > "$work/prepare.log" 2>&1 || { cat "$work/prepare.log" >&2; exit 1; }
read -r -a prepared_opts < "$work/prepared/java-options"
for i in $(seq "$repeat"); do
  for mode in plain prepared; do
    if [ "$mode" = plain ]; then start $AGORA_JAVA_OPTIONS -- "$jar"
    else start "${prepared_opts[@]}" -- "$work/prepared/agora.jar"; fi
    echo "$mode $ready_s $ready_cpu_s $(load_avg)" >> "$work/starts"; stop
  done
done
printf '%-10s %14s %14s %14s %14s  %s\n' mode wall_min wall_median cpu_min cpu_median "load averages"
for mode in plain prepared; do
  stats() { grep "^$mode " "$work/starts" | cut -d' ' -f"$1" | sort -n | awk '{a[NR]=$1} END {printf "%13.2fs %13.2fs", a[1], a[int((NR+1)/2)]}'; }
  printf '%-10s %s %s  %s\n' "$mode" "$(stats 2)" "$(stats 3)" "$(grep "^$mode " "$work/starts" | cut -d' ' -f4 | tr '\n' ' ')"
done
