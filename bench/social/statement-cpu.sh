#!/usr/bin/env bash
# PostgreSQL CPU (user + system of its backend, /proc) per execution of one SQL statement, planning included:
# psql runs it N times in one session (simple protocol, so each execution is planned for its literal values, as
# the server's force_custom_plan does with bound ones). Local server only (it reads /proc/PID/stat).
#   bench/social/statement-cpu.sh agora_bench 'select ... ;' [N=300]
set -euo pipefail
database=${1:?usage: statement-cpu.sh DATABASE 'SQL;' [N]}
sql=${2:?usage: statement-cpu.sh DATABASE 'SQL;' [N]}
n=${3:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
snapshot="pid=\$(tr -dc 0-9 < $work/pid); awk '{print \$14 + \$15}' /proc/\$pid/stat"
{
  echo '\pset tuples_only on'
  echo "select pg_backend_pid() \\g $work/pid"
  echo '\o /dev/null'
  echo "\\! $snapshot > $work/before"
  for _ in $(seq "$n"); do echo "$sql"; done
  echo "\\! $snapshot > $work/after"
} > "$work/run.sql"
psql -h 127.0.0.1 -U postgres -d "$database" -q -f "$work/run.sql" > /dev/null
ticks=$(( $(cat "$work/after") - $(cat "$work/before") ))
python3 -c "import os,sys; print(f'{float(sys.argv[1]) * 1000 / os.sysconf(\"SC_CLK_TCK\") / int(sys.argv[2]):.2f} ms per execution')" "$ticks" "$n"
