#!/usr/bin/env bash
# Measures GET /api/articles, /api/articles/feed and /api/feed for the generated reader (who follows 1,000
# authors) with hey (Debian package "hey"): first a constant 100 requests/s (p50/p99 at the target rate),
# then as fast as CONCURRENCY workers go (throughput). Bounded in time; only talks to BASE (loopback).
#   bench/load.sh http://127.0.0.1:PORT        (env: DURATION=60s, MAX_DURATION=30s, CONCURRENCY=8)
set -euo pipefail
base=${1:?usage: bench/load.sh http://127.0.0.1:PORT}
duration=${DURATION:-60s}
max_duration=${MAX_DURATION:-30s}
concurrency=${CONCURRENCY:-8}
command -v hey >/dev/null || { echo "hey is missing: apt-get install hey" >&2; exit 1; }

token=$(curl -fsS -X POST "$base/api/users/login" -H 'Content-Type: application/json' \
  -d '{"user":{"email":"reader@bench.example.com","password":"bench-password-2026"}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["token"])')
auth="Authorization: Token $token"

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

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for path in "/api/articles" "/api/articles/feed" "/api/feed"; do
  curl -fsS -o /dev/null -H "$auth" "$base$path" || { echo "GET $path failed" >&2; exit 1; }
  hey -z 10s -c 4 -H "$auth" "$base$path" >/dev/null # warm-up
  hey -z "$duration" -c 10 -q 10 -H "$auth" "$base$path" >"$out/rate"
  summary "GET $path @ 100 req/s" "$out/rate"
  hey -z "$max_duration" -c "$concurrency" -H "$auth" "$base$path" >"$out/max"
  summary "GET $path max ($concurrency workers)" "$out/max"
done
