#!/usr/bin/env bash
# Measures GET /api/articles, /api/articles/feed and /api/feed for the generated reader (who follows 1,000
# authors) with hey (Debian package "hey"): 100 requests/s twice — as hey paces it (ten workers firing
# together every 100 ms) and evenly paced (one request every 10 ms) — for p50/p99 at the target rate, then as
# fast as CONCURRENCY workers go (throughput). First, per endpoint, the CPU one request costs (server and its
# PostgreSQL backends, over CPU_REQUESTS sequential requests: bench/social/cpu-per-request.py), the figure least
# disturbed by whatever else the machine runs. Bounded in time; only talks to BASE (loopback).
#   bench/load.sh http://127.0.0.1:PORT
#   env: DURATION=60s, MAX_DURATION=30s, CONCURRENCY=8, CPU_REQUESTS=300 (0: skip), WARMUP=6000 (requests per
#        endpoint before measuring it: after 3,000 ranked-feed requests the JIT was still compiling, bench/README.md),
#        SERVER_PID (default: the java process listening on BASE's port), AGORA_BENCH_DB (default agora_bench)
set -euo pipefail
base=${1:?usage: bench/load.sh http://127.0.0.1:PORT}
duration=${DURATION:-60s}
max_duration=${MAX_DURATION:-30s}
concurrency=${CONCURRENCY:-8}
cpu_requests=${CPU_REQUESTS:-300}
warmup=${WARMUP:-6000}
command -v hey >/dev/null || { echo "hey is missing: apt-get install hey" >&2; exit 1; }

token=$(curl -fsS -X POST "$base/api/users/login" -H 'Content-Type: application/json' \
  -d '{"user":{"email":"reader@bench.example.com","password":"bench-password-2026"}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["token"])')
auth="Authorization: Token $token"
port=${base##*:}
port=${port%%/*}
server_pid=${SERVER_PID:-$(ss -Hltnp "sport = :$port" | grep -o 'java",pid=[0-9]*' | head -1 | cut -d= -f2)}
[ "$cpu_requests" = 0 ] || [ -n "$server_pid" ] || { echo "no java listens on port $port: set SERVER_PID" >&2; exit 1; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

summary() { # label, hey output file
  python3 - "$1" "$2" <<'PY'
import re, sys
label, text = sys.argv[1], open(sys.argv[2]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
p = {m.group(1): float(m.group(2)) * 1000 for m in re.finditer(r"(\d+)%% in ([\d.]+) secs".replace("%%", "%"), text)}
codes = " ".join(re.findall(r"\[(\d+)\]\s+(\d+) responses", text) and
                 ["%s×%s" % c for c in re.findall(r"\[(\d+)\]\s+(\d+) responses", text)])
print(f"{label:<42} {float(rps):8.1f} req/s   p50 {p.get('50', 0):7.1f} ms   p99 {p.get('99', 0):7.1f} ms   {codes}")
PY
}

# 100 req/s evenly paced: ten single-worker hey processes at 10 req/s each, started 10 ms apart, so a request
# leaves every 10 ms (hey's own -c 10 -q 10 starts its ten workers together: bursts of ten every 100 ms).
paced() { # label, path
  local dir="$out/paced"
  mkdir -p "$dir"
  for i in $(seq 0 9); do
    hey -z "$duration" -c 1 -q 10 -o csv -H "$auth" "$base$2" >"$dir/$i.csv" &
    sleep 0.01
  done
  wait
  python3 - "$1" "$duration" "$dir" <<'PY'
import csv, glob, re, sys
label, duration, folder = sys.argv[1], sys.argv[2], sys.argv[3]
seconds = float(re.match(r"([\d.]+)", duration).group(1)) * {"s": 1, "m": 60}.get(duration[-1], 1)
times, codes = [], {}
for name in glob.glob(folder + "/*.csv"):
    for row in csv.DictReader(open(name)):
        times.append(float(row["response-time"]) * 1000)
        codes[row["status-code"]] = codes.get(row["status-code"], 0) + 1
times.sort()
pct = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"{label:<42} {len(times) / seconds:8.1f} req/s   p50 {pct(0.50):7.1f} ms   p99 {pct(0.99):7.1f} ms   "
      + " ".join(f"{c}×{n}" for c, n in sorted(codes.items())))
PY
  rm -rf "$dir"
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for path in "/api/articles" "/api/articles/feed" "/api/feed"; do
  curl -fsS -o /dev/null -H "$auth" "$base$path" || { echo "GET $path failed" >&2; exit 1; }
  hey -n "$warmup" -c 4 -H "$auth" "$base$path" >/dev/null # warm-up
  [ "$cpu_requests" = 0 ] || "$(dirname "$0")/social/cpu-per-request.py" "$server_pid" "$base" "$token" "$path" "$cpu_requests"
  hey -z "$duration" -c 10 -q 10 -H "$auth" "$base$path" >"$out/rate"
  summary "GET $path @ 100 req/s in bursts" "$out/rate"
  paced "GET $path @ 100 req/s paced" "$path"
  hey -z "$max_duration" -c "$concurrency" -H "$auth" "$base$path" >"$out/max"
  summary "GET $path max ($concurrency workers)" "$out/max"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
