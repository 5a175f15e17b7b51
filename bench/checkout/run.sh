#!/usr/bin/env bash
# Checkout benchmark on PostgreSQL: builds the jar if needed, recreates the benchmark database, starts
# Agora on a free port with the sandbox bank at zero latency, runs CheckoutBench, and stops the server.
#   bench/checkout/run.sh small     # a quick proof that the scenario runs (a few hundred orders)
#   bench/checkout/run.sh full      # the figure to report; run it on an otherwise idle machine
#   CUSTOM='--sellers 50 --products 2000 --buyers 400 --orders 6000 --concurrency 64 --warmup 3000' \
#     bench/checkout/run.sh custom    # any other scale (CheckoutBench's arguments)
# Prints orders/s, checkout latency and the CPU per order of the server, PostgreSQL and the client (from /proc).
# Environment: BENCH_DB (default agora_bench_commerce), PGHOST (127.0.0.1), PGUSER (postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-small}
case "$scale" in
  small) args=(--sellers 5 --products 50 --buyers 32 --orders 600 --concurrency 16 --warmup 200) ;;
  full)  args=(--sellers 50 --products 2000 --buyers 400 --orders 30000 --concurrency 64) ;;
  custom) read -ra args <<< "${CUSTOM:?set CUSTOM to the arguments of CheckoutBench, e.g. --orders 6000 --warmup 3000}" ;;
  *) echo "usage: $0 [small|full|custom]" >&2; exit 2 ;;
esac

db=${BENCH_DB:-agora_bench_commerce}
pghost=${PGHOST:-127.0.0.1}
pguser=${PGUSER:-postgres}
jdbc="jdbc:postgresql://$pghost:5432/$db?user=$pguser"

. ops/jar.sh
driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)

dropdb --if-exists -h "$pghost" -U "$pguser" "$db"
createdb -h "$pghost" -U "$pguser" "$db"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$jar" --server.port="$port" --agora.data-dir="$data" --spring.datasource.url="$jdbc" \
  --agora.demo-data.enabled=false --agora.payments.provider=sandbox --agora.payments.sandbox.latency=0ms \
  --logging.level.agora.access=warn --logging.level.agora.notifications.internal.DevMailbox=warn \
  $(bench/no-limits.sh) >"$data/server.log" 2>&1 &
pid=$!
vacuumer=
trap 'kill $pid $vacuumer 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
# This machine's PostgreSQL runs without autovacuum (a test server's setting); a production one runs with it. Without
# it the rows a checkout deletes and updates (event publications, notifications, stock) stay in the tables and their
# indexes, and PostgreSQL's CPU per order grows through the run (bench/README.md, "Checkout"). Stand in for it: vacuum
# the bench database every 20 s. Its backends are the bench database's, so their CPU is counted with PostgreSQL's.
if [ "$(psql -h "$pghost" -U "$pguser" -d "$db" -tAc 'show autovacuum')" = off ]; then
  echo "autovacuum is off on this server: vacuuming $db every 20 s instead"
  (while sleep 20; do vacuumdb -q -h "$pghost" -U "$pguser" -d "$db" || true; done) &
  vacuumer=$!
fi
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$data/server.log"; echo "server died" >&2; exit 1; }
  sleep 1
done

"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$driver" bench/checkout/CheckoutBench.java --base "http://127.0.0.1:$port" --jdbc "$jdbc" \
  --server-pid "$pid" --clk-tck "$(getconf CLK_TCK)" "${args[@]}"
echo "stock check: $(psql -h "$pghost" -U "$pguser" -d "$db" -tAc \
  "select count(*) filter (where status = 'PAID') || ' paid orders, ' || count(*) filter (where status = 'PAYMENT_PENDING') || ' pending' from orders")"
