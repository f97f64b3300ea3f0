#!/usr/bin/env bash
# Two nodes on one PostgreSQL, on this machine: what `./mvnw package -Pcluster -DskipTests` runs (ear/pom.xml).
# Node A serves http://localhost:8080 (management 9990), node B http://localhost:8081 (9991); both are one issuer,
# http://localhost:8080, as nodes behind a load balancer are. PostgreSQL (127.0.0.1, port JWTBEARER_CLUSTER_DB_PORT,
# default 15442, chosen when <data-dir> is first made), its password and the nodes' shared encryption key live in
# <data-dir>, which a rebuild keeps. Ctrl-C stops the nodes and PostgreSQL.
#   run-cluster.sh <jboss-home> <ear> <postgres-binaries.txz> <postgresql-jdbc.jar> <data-dir> <bootstrap-file>
set -euo pipefail
home=${1:?}
ear=${2:?}
txz=${3:?}
driver=${4:?}
data=${5:?}
bootstrap=${6:?}
root=$(cd "$(dirname "$0")/.." && pwd)
postgres=$root/build/it/postgres.sh
nodes_dir=$(dirname "$ear")/cluster

for port in 8080 8081 9990 9991; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (a server still running?): stop it first" >&2
    exit 1
  fi
done

pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  "$postgres" stop "$data/postgres" || true
}
trap stop_all INT TERM EXIT

# Secrets are made once, owner-only, and reach the nodes through their environment, never a command line.
mkdir -p "$data"
secret() { # file
  if [ ! -s "$1" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 > "$1.new" && mv "$1.new" "$1")
  fi
  cat "$1"
}
JWTBEARER_DB_PASSWORD=$(secret "$data/database.password")
JWTBEARER_ENCRYPTION_KEY=$(secret "$data/encryption.key")
export JWTBEARER_DB_PASSWORD JWTBEARER_ENCRYPTION_KEY

if "$postgres" initialized "$data/postgres" 2>/dev/null; then
  "$postgres" start "$data/postgres"
else
  "$postgres" init "$data/postgres" "$txz" "${JWTBEARER_CLUSTER_DB_PORT:-15442}" jwtbearer
fi
db_port=$("$postgres" port "$data/postgres")

"$root/build/it/configure-postgresql.sh" "$home" "$driver" >/dev/null

start_node() { # name port-offset http-port
  local dir=$nodes_dir/$1 launcher
  rm -rf "$dir"
  mkdir -p "$dir/deployments"
  cp -r "$home/standalone/configuration" "$dir/"
  cp "$ear" "$dir/deployments/"
  JBOSS_PIDFILE=$dir/server.pid LAUNCH_JBOSS_IN_BACKGROUND=true \
  JAVA_OPTS="-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true" \
    "$home/bin/standalone.sh" -c standalone-postgresql.xml -Djboss.server.base.dir="$dir" \
      -Djboss.socket.binding.port-offset="$2" -Djboss.tx.node.id="$1" \
      -Djwtbearer.datasource.url="jdbc:postgresql://localhost:$db_port/jwtbearer" \
      -Djwtbearer.issuer=http://localhost:8080 -Djwtbearer.bootstrap="$bootstrap" \
      -Dmp.jwt.verify.publickey.location="http://localhost:$3/oauth2/jwks" \
      -Djwtbearer.revocations.url="http://localhost:$3/oauth2/revocations" >"$dir/console.log" 2>&1 &
  launcher=$!
  pids+=("$launcher")
  for _ in $(seq 1 100); do [ -s "$dir/server.pid" ] && break; sleep 0.2; done
  [ -s "$dir/server.pid" ] || { echo "$1 did not start; see $dir/console.log" >&2; exit 1; }
  pids+=("$(cat "$dir/server.pid")")
}
start_node node-a 0 8080
start_node node-b 1 8081

for management in 9990 9991; do
  for i in $(seq 1 120); do
    curl -sf "http://localhost:$management/health/ready" >/dev/null 2>&1 && break
    [ "$i" = 120 ] && { echo "a node did not become ready within 120 s; see $nodes_dir/*/log/server.log" >&2; exit 1; }
    sleep 1
  done
done
echo "Two nodes on PostgreSQL: node A http://localhost:8080 (ready: http://localhost:9990/health/ready), node B http://localhost:8081 (http://localhost:9991/health/ready)"
echo "Data: $data (PostgreSQL on 127.0.0.1:$db_port, its password, the shared encryption key). Logs: $nodes_dir/node-*/log/server.log. Ctrl-C stops both nodes and PostgreSQL."
while :; do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "a node stopped (pid $pid); stopping the others" >&2; exit 1; }
  done
  sleep 2
done
