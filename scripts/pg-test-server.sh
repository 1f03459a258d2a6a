#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the tests, on 127.0.0.1:PORT, trust authentication,
# superuser "switchboard". Its files live in /tmp/switchboard-pg-PORT and are deleted on stop.
#   scripts/pg-test-server.sh start|stop [PORT]
set -euo pipefail
action="${1:?usage: $0 start|stop [PORT]}"
port="${2:-55432}"
dir="/tmp/switchboard-pg-$port"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed: run scripts/install-deps.sh test" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"   # initdb refuses to run as root
    else
        "$@"
    fi
}

case "$action" in
start)
    if [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        echo "PostgreSQL already running on port $port"
        exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U switchboard -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=200" -w start >/dev/null ||
        { cat "$dir/log" >&2; exit 1; }
    echo "PostgreSQL running on 127.0.0.1:$port"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop [PORT]" >&2
    exit 2
    ;;
esac
