#!/usr/bin/env python3
"""CPU per request, robust on a shared machine: N requests one at a time to PATH, with the CPU counters
(/proc/PID/stat, user + system) of the server and of its PostgreSQL backends read before and after.
  bench/social/cpu-per-request.py SERVER_PID http://127.0.0.1:PORT TOKEN /api/feed 400
The backends are those connected to the database AGORA_BENCH_DB (default agora_bench)."""
import os
import subprocess
import sys
import time
import urllib.request

pid, base, token, path, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
ms_per_tick = 1000.0 / os.sysconf("SC_CLK_TCK")
database = os.environ.get("AGORA_BENCH_DB", "agora_bench")


def backends():
    sql = f"select pid from pg_stat_activity where datname = '{database}' and pid <> pg_backend_pid()"
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", sql],
                          capture_output=True, text=True, check=True).stdout.split()


def cpu(process):
    try:
        fields = open(f"/proc/{process}/stat").read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except FileNotFoundError:
        return 0


db_pids = backends()
server_before, db_before = cpu(pid), {p: cpu(p) for p in db_pids}
started = time.time()
for _ in range(n):
    urllib.request.urlopen(urllib.request.Request(base + path, headers={"Authorization": "Token " + token})).read()
wall = (time.time() - started) * 1000 / n
server = (cpu(pid) - server_before) * ms_per_tick / n
db = sum(cpu(p) - db_before[p] for p in db_pids) * ms_per_tick / n
print(f"{path:<20} {n} sequential: server CPU {server:5.2f} ms/req, PostgreSQL CPU {db:5.2f} ms/req, "
      f"total {server + db:5.2f} ms/req, wall {wall:6.1f} ms/req")
