#!/usr/bin/env bash
# Start a throw-away PostgreSQL 15 + PostGIS 3 on 127.0.0.1 and a free port; print the libpq DSN.
# Usage: eval "$(.ci/pg_server.sh start DIR)"   ...   .ci/pg_server.sh stop DIR
# As root the cluster runs as the unprivileged 'postgres' user (initdb refuses root).
set -euo pipefail
action=$1; dir=$2
bin=$(ls -d /usr/lib/postgresql/15/bin)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $action in
  start)
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$bin/initdb" -D "$dir/data" -U kcn_admin --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=50" start >/dev/null
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U kcn_admin kcn
    as_pg "$bin/psql" -q -h 127.0.0.1 -p "$port" -U kcn_admin -d kcn -c 'CREATE EXTENSION postgis' >/dev/null
    echo "export KCN_PG_DSN='host=127.0.0.1 port=$port dbname=kcn user=kcn_admin'"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    ;;
esac
