#!/usr/bin/env bash
# The chaos suite: starts a two-node cluster (ops/cluster/up.sh: PostgreSQL primary and replica, Redis, an SMTP
# sink, nginx), runs Chaos.java against it (a mixed workload through nginx while parts fail, then the invariants),
# and stops the cluster whatever happens. Exits non-zero when an invariant is broken.
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/jdk.sh

work=$(mktemp -d /tmp/agora-chaos.XXXXXX)
settings="$work.settings"
trap '"$work/down.sh" >/dev/null 2>&1 || rm -rf "$work"; rm -f "$settings"' EXIT
# A bounded workload from one machine: the rate limits are raised (they are tested on their own), and
# reconciliation, email retries and leases run soon enough for a suite of a few minutes.
{
  for limit in SIGNUP LOGIN EMAIL WRITES CHECKOUT SEARCH READS ANONYMOUSREADS ADMIN REPORTS WEBHOOKS; do
    echo "AGORA_RATELIMITS_${limit}_CAPACITY=1000000000"
  done
  cat <<'SETTINGS'
AGORA_ORDERS_RECONCILIATION_INTERVAL=5s
AGORA_ORDERS_RECONCILIATION_GRACE=20s
AGORA_NOTIFICATIONS_DELIVERY_SWEEPINTERVAL=2s
AGORA_NOTIFICATIONS_DELIVERY_FIRSTRETRY=2s
AGORA_NOTIFICATIONS_DELIVERY_MAXRETRY=10s
AGORA_NOTIFICATIONS_DELIVERY_LEASE=20s
AGORA_NOTIFICATIONS_DELIVERY_RESUBMITAFTER=20s
AGORA_SHUTDOWN_DRAIN=3s
SETTINGS
} >"$settings"

AGORA_CLUSTER_DIR="$work" AGORA_CLUSTER_NODE_ENV="$settings" ops/cluster/up.sh 2
driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)
if ! java -cp "$driver" .ci/chaos/Chaos.java "$work"; then
  kept="/tmp/agora-chaos-failed-$(date +%s)"
  mkdir -p "$kept"
  for log in "$work"/node-*/server.log "$work"/maildev.log "$work"/pg/*.log "$work"/nginx/error.log; do
    [ -f "$log" ] && cp "$log" "$kept/$(echo "${log#"$work"/}" | tr / -)"
  done
  echo "chaos: the cluster's logs are kept in $kept" >&2
  exit 1
fi
