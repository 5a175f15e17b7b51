#!/usr/bin/env bash
# Starts an Agora cluster on this machine, everything on 127.0.0.1 and under one work directory:
#   a PostgreSQL primary and a streaming replica of it (pg_basebackup -R), both run as the postgres OS user;
#   Redis; an SMTP sink (MailDev, with its HTTP API); an S3-compatible server for images (s3rver), so that every
#   node sees every image; N Agora nodes from the packaged jar, each with its own port and data directory; and
#   nginx in front of them.
# It prints the URLs and writes <work>/cluster.env (ports and PIDs, for scripts) and <work>/down.sh, which
# stops exactly what this started and deletes the work directory.
#   ops/cluster/up.sh [nodes]            (default 2; AGORA_CLUSTER_DIR picks the work directory)
# Installs what is missing: nginx (Debian package), MailDev (npm, under ops/cluster/node_modules), s3rver (npm ci
# under ops/s3); builds the jar
# if there is none. The primary is a server of the cluster's own (initdb), not the machine's: faults may be
# injected into every part without touching anything else.
set -euo pipefail
cd "$(dirname "$0")/../.."
nodes=${1:-2}
. ops/jdk.sh

MAILDEV_VERSION=3.0.0
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=${AGORA_CLUSTER_DIR:-$(mktemp -d /tmp/agora-cluster.XXXXXX)}
mkdir -p "$work"
chmod 755 "$work"
log() { echo "== [${SECONDS}s] $*"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { runuser -u postgres -- "$@"; }

# --- what it needs ---------------------------------------------------------------------------------
command -v nginx >/dev/null || { log "installing nginx"; apt-get install -y -q nginx >/dev/null; }
command -v redis-server >/dev/null || { log "installing redis-server"; apt-get install -y -q redis-server >/dev/null; }
if [ ! -x ops/cluster/node_modules/.bin/maildev ]; then
  log "installing MailDev $MAILDEV_VERSION under ops/cluster/node_modules"
  npm install --prefix ops/cluster --no-save --no-package-lock --no-audit --no-fund --silent \
    "maildev@$MAILDEV_VERSION"
fi
if [ ! -x ops/s3/node_modules/.bin/s3rver ]; then
  log "installing s3rver under ops/s3"
  npm ci --prefix ops/s3 --no-audit --no-fund --silent
fi
. ops/jar.sh

# down.sh grows with every part started, so a failure half way still leaves a way to stop what runs.
stops=()
write_down() {
  { echo '#!/usr/bin/env bash'
    echo "# Stops what ops/cluster/up.sh started in $work, the last started first, and deletes the directory."
    echo 'cd /'
    printf '%s\n' "${stops[@]}"
    echo "rm -rf '$work'"; } >"$work/down.sh"
  chmod +x "$work/down.sh"
}
on_down() { stops=("$1" "${stops[@]}"); write_down; }
write_down
trap 'echo "up.sh failed; stopping what it started" >&2; "$work/down.sh"' ERR
env_file="$work/cluster.env"
: >"$env_file"
remember() { echo "$1=$2" >>"$env_file"; }

# --- PostgreSQL: a primary and a streaming replica of it --------------------------------------------
pg_primary_port=$(free_port)
pg_replica_port=$(free_port)
pg="$work/pg"    # everything of PostgreSQL's, owned by its OS user
mkdir -p "$pg/socket"
chown -R postgres "$pg"
log "PostgreSQL primary on 127.0.0.1:$pg_primary_port"
as_postgres "$PG_BIN/initdb" -D "$pg/primary" -A trust -U postgres --no-sync >/dev/null
cat >>"$pg/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pg/socket'
max_connections = 200
wal_level = replica
max_wal_senders = 10
wal_keep_size = 512MB
hot_standby = on
fsync = on
EOF
echo "host replication all 127.0.0.1/32 trust" >>"$pg/primary/pg_hba.conf"
as_postgres "$PG_BIN/pg_ctl" -D "$pg/primary" -o "-p $pg_primary_port" -l "$pg/primary.log" -w start >/dev/null
on_down "runuser -u postgres -- '$PG_BIN/pg_ctl' -D '$pg/primary' -m fast -w stop >/dev/null 2>&1 || true"
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_primary_port" -U postgres agora

log "PostgreSQL replica on 127.0.0.1:$pg_replica_port"
as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$pg_primary_port" -U postgres -D "$pg/replica" -R -X stream --checkpoint=fast \
  --no-sync
as_postgres "$PG_BIN/pg_ctl" -D "$pg/replica" -o "-p $pg_replica_port" -l "$pg/replica.log" -w start >/dev/null
on_down "runuser -u postgres -- '$PG_BIN/pg_ctl' -D '$pg/replica' -m fast -w stop >/dev/null 2>&1 || true"
remember PG_BIN "$PG_BIN"
remember PG_PRIMARY_PORT "$pg_primary_port"
remember PG_PRIMARY_DATA "$pg/primary"
remember PG_REPLICA_PORT "$pg_replica_port"
remember PG_REPLICA_DATA "$pg/replica"

# --- Redis and the SMTP sink --------------------------------------------------------------------------
redis_port=$(free_port)
log "Redis on 127.0.0.1:$redis_port"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" \
  --logfile "$work/redis.log" </dev/null >/dev/null 2>&1 &
echo $! >"$work/redis.pid"    # whoever restarts Redis (the chaos suite) writes its new pid here
on_down "kill \$(cat '$work/redis.pid') 2>/dev/null || true"
remember REDIS_PORT "$redis_port"

smtp_port=$(free_port)
mail_api_port=$(free_port)
# Its emails are kept in <work>/mail, so a restarted sink still has the ones it received before.
log "SMTP sink (MailDev) on 127.0.0.1:$smtp_port, its API on http://127.0.0.1:$mail_api_port/api/email"
ops/cluster/node_modules/.bin/maildev --ip 127.0.0.1 --smtp "$smtp_port" --web "$mail_api_port" \
  --mail-directory "$work/mail" --max-emails 0 \
  </dev/null >"$work/maildev.log" 2>&1 &
echo $! >"$work/maildev.pid"
on_down "kill \$(cat '$work/maildev.pid') 2>/dev/null || true"
remember SMTP_PORT "$smtp_port"
remember MAIL_API_PORT "$mail_api_port"
s3_port=$(free_port)
log "S3 (s3rver) on 127.0.0.1:$s3_port"
mkdir -p "$work/s3"
ops/s3/node_modules/.bin/s3rver --directory "$work/s3" --address 127.0.0.1 --port "$s3_port" --silent \
  </dev/null >"$work/s3rver.log" 2>&1 &
echo $! >"$work/s3rver.pid"
on_down "kill \$(cat '$work/s3rver.pid') 2>/dev/null || true"
remember S3_PORT "$s3_port"
for _ in $(seq 1 60); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.5; done
for _ in $(seq 1 60); do (echo >"/dev/tcp/127.0.0.1/$s3_port") 2>/dev/null && break; sleep 0.5; done
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$mail_api_port/api/email" >/dev/null 2>&1 && break; sleep 0.5; done

# --- the Agora nodes ----------------------------------------------------------------------------------
# Every node gets the same settings; ops/cluster/node.sh starts (and restarts) one of them.
cat >"$work/node-env" <<EOF
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$pg_primary_port/agora
SPRING_DATASOURCE_USERNAME=postgres
SPRING_DATASOURCE_PASSWORD=
AGORA_DATASOURCE_REPLICA_URL=jdbc:postgresql://127.0.0.1:$pg_replica_port/agora
AGORA_REDIS_URL=redis://127.0.0.1:$redis_port
SPRING_MAIL_HOST=127.0.0.1
SPRING_MAIL_PORT=$smtp_port
AGORA_WEB_TRUSTEDPROXIES=127.0.0.1
AGORA_PAYMENTS_PROVIDER=sandbox
AGORA_STORAGE_TYPE=s3
AGORA_STORAGE_S3_ENDPOINT=http://127.0.0.1:$s3_port
AGORA_STORAGE_S3_PATHSTYLE=true
AGORA_STORAGE_S3_ACCESSKEY=S3RVER
AGORA_STORAGE_S3_SECRETKEY=S3RVER
EOF
# AGORA_CLUSTER_NODE_ENV names a file of more settings (NAME=value lines) for every node, e.g. the chaos suite's.
[ -z "${AGORA_CLUSTER_NODE_ENV:-}" ] || cat "$AGORA_CLUSTER_NODE_ENV" >>"$work/node-env"
remember JAR "$(pwd)/$jar"
remember NODES "$nodes"
# Started together: one of them seeds the demo data, the others wait for it (see docs/configuration.md).
starting=()
for i in $(seq 1 "$nodes"); do
  remember "NODE_${i}_PORT" "$(free_port)"
  on_down "'$(pwd)/ops/cluster/node.sh' '$work' $i stop"
done
log "$nodes Agora node(s)"
for i in $(seq 1 "$nodes"); do
  ops/cluster/node.sh "$work" "$i" start &
  starting+=($!)
done
for pid in "${starting[@]}"; do wait "$pid"; done

# --- nginx in front -----------------------------------------------------------------------------------
lb_port=$(free_port)
mkdir -p "$work/nginx"
for i in $(seq 1 "$nodes"); do
  echo "server 127.0.0.1:$(grep "^NODE_${i}_PORT=" "$env_file" | cut -d= -f2) max_fails=1 fail_timeout=3s;"
done >"$work/nginx/upstreams.conf"
sed -e "s|@PORT@|$lb_port|" -e "s|@WORK@|$work/nginx|g" ops/cluster/nginx.conf >"$work/nginx/nginx.conf"
log "nginx on http://127.0.0.1:$lb_port"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' </dev/null >"$work/nginx/stderr.log" 2>&1 &
on_down "kill $! 2>/dev/null || true"
remember LB_PORT "$lb_port"
for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$lb_port/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.5; done
trap - ERR

cat <<EOF

Agora cluster is up ($nodes nodes), in $work
  load balancer (nginx)   http://127.0.0.1:$lb_port/            the web UI and the API, /api/...
$(for i in $(seq 1 "$nodes"); do echo "  node $i                  http://127.0.0.1:$(grep "^NODE_${i}_PORT=" "$env_file" | cut -d= -f2)/   log: $work/node-$i/server.log"; done)
  PostgreSQL primary      127.0.0.1:$pg_primary_port (database agora, user postgres)
  PostgreSQL replica      127.0.0.1:$pg_replica_port (streaming from the primary, read-only)
  Redis                   127.0.0.1:$redis_port
  S3 (s3rver)             http://127.0.0.1:$s3_port (images; access key and secret S3RVER)
  SMTP sink               127.0.0.1:$smtp_port; every email at http://127.0.0.1:$mail_api_port/api/email
Stop it all with: $work/down.sh
EOF
