#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the tests, on 127.0.0.1:PORT, trust authentication,
# superuser "switchboard". Its files live in /tmp/switchboard-pg-PORT and are deleted on stop.
# With --tls the server also accepts TLS with the given certificate and key, and the role "sbpassword" must
# sign in with its password (scram-sha-256) so that tests can try a wrong one.
#   scripts/pg-test-server.sh start|stop [PORT] [--tls CERT KEY]
set -euo pipefail
action="${1:?usage: $0 start|stop [PORT] [--tls CERT KEY]}"
port="${2:-55432}"
tls_cert=""
tls_key=""
if [ "${3:-}" = "--tls" ]; then
    tls_cert="${4:?--tls needs CERT and KEY}"
    tls_key="${5:?--tls needs CERT and KEY}"
fi
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
    options="-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=200"
    if [ -n "$tls_cert" ]; then
        # The server reads its key only when the key belongs to it and nobody else can read it.
        cp "$tls_cert" "$dir/server.crt"
        cp "$tls_key" "$dir/server.key"
        chmod 600 "$dir/server.key"
        [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/server.crt" "$dir/server.key"
        options="$options -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key"
        hba="$dir/data/pg_hba.conf"
        as_owner sh -c "{ echo 'host all sbpassword 127.0.0.1/32 scram-sha-256'; cat '$hba'; } >'$hba.new' && mv '$hba.new' '$hba'"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "$options" -w start >/dev/null ||
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
    echo "usage: $0 start|stop [PORT] [--tls CERT KEY]" >&2
    exit 2
    ;;
esac
