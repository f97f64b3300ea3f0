#!/usr/bin/env bash
# Two nodes on one PostgreSQL, on this machine: what `./mvnw package -Pcluster -DskipTests` runs (ear/pom.xml).
# Node A serves http://localhost:8080 (management 9990), node B http://localhost:8081 (9991); both are one issuer,
# http://localhost:8080, as nodes behind a load balancer are. PostgreSQL (127.0.0.1:${JWTBEARER_CLUSTER_DB_PORT:-15442})
# and the shared encryption key live in <data-dir>, which a rebuild keeps. Ctrl-C stops the nodes and PostgreSQL.
#   run-cluster.sh <jboss-home> <ear> <postgres-binaries.txz> <postgresql-jdbc.jar> <data-dir> <bootstrap-file>
set -euo pipefail
home=$1
ear=$2
txz=$3
driver=$4
data=$5
bootstrap=$6
root=$(cd "$(dirname "$0")/.." && pwd)
db_port=${JWTBEARER_CLUSTER_DB_PORT:-15442}
nodes_dir=$(dirname "$ear")/cluster
mkdir -p "$data"

if [ -f "$data/postgres/data/PG_VERSION" ] || [ -L "$data/postgres/home" ]; then
  "$root/build/it/postgres.sh" start "$data/postgres"
else
  "$root/build/it/postgres.sh" init "$data/postgres" "$txz" "$db_port" jwtbearer
fi
pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done; done
  "$root/build/it/postgres.sh" stop "$data/postgres" || true
}
trap stop_all INT TERM EXIT

"$root/build/it/configure-postgresql.sh" "$home" "$driver" >/dev/null

# Every node must open what the others sealed: one key for all, made once, owner-only. Passed in the environment,
# not on the command line, where any user could read it.
if [ ! -f "$data/encryption.key" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 > "$data/encryption.key")
fi
JWTBEARER_ENCRYPTION_KEY=$(cat "$data/encryption.key")
export JWTBEARER_ENCRYPTION_KEY

start_node() { # name port-offset http-port
  local dir=$nodes_dir/$1
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -r "$home/standalone/configuration" "$dir/"
  mkdir -p "$dir/deployments"
  cp "$ear" "$dir/deployments/"
  JBOSS_PIDFILE=$dir/server.pid LAUNCH_JBOSS_IN_BACKGROUND=true \
  JAVA_OPTS="-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true" \
    "$home/bin/standalone.sh" -c standalone-postgresql.xml -Djboss.server.base.dir="$dir" \
      -Djboss.socket.binding.port-offset="$2" -Djboss.tx.node.id="$1" \
      -Djwtbearer.datasource.url="jdbc:postgresql://localhost:$db_port/jwtbearer" \
      -Djwtbearer.issuer=http://localhost:8080 -Djwtbearer.bootstrap="$bootstrap" \
      -Dmp.jwt.verify.publickey.location="http://localhost:$3/oauth2/jwks" >"$dir/console.log" 2>&1 &
  for _ in $(seq 1 50); do [ -s "$dir/server.pid" ] && break; sleep 0.2; done
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
echo "Data: $data (PostgreSQL on 127.0.0.1:$db_port, the shared encryption key). Logs: $nodes_dir/node-*/log/server.log. Ctrl-C stops both nodes and PostgreSQL."
while :; do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "a node stopped (pid $pid); stopping the others" >&2; exit 1; }
  done
  sleep 2
done
