#!/usr/bin/env bash
# Token endpoint throughput on each database, one after the other, on this machine: the quick start's H2 file,
# PostgreSQL (started here from the build's binaries, defaults: fsync on, synchronous commit), and in-memory H2 as
# the reference. Each runs on a fresh database in the same provisioned WildFly with the same EAR and settings, and
# gets the same load (bench/token-endpoint.sh: warm-up round, then the measured one). Run nothing else meanwhile.
#
#   ./mvnw package -Pcluster -DskipTests -Dexec.skip   (once: provisions ear/target/server and unpacks PostgreSQL, starts nothing)
#   bench/compare-databases.sh                     # all three
#   bench/compare-databases.sh h2-file postgresql  # some
#   WARMUP=60s DURATION=20s CONNECTIONS=16 bench/compare-databases.sh
#   SERVER_CPUS=0 LOAD_CPUS=1 bench/compare-databases.sh h2-memory h2-file h2-memory h2-file
#                            # server and load generator each on a core of their own (taskset), modes repeated
#   SERVER_JAVA_OPTS="-agentpath:/path/libasyncProfiler.so=start,event=cpu,file=/tmp/%p.collapsed" bench/compare-databases.sh h2-file
#                            # more JVM options for the server, a profiler for example
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
home=$root/ear/target/server
ear=$root/ear/target/jwtbearer.ear
txz=$root/ear/target/postgresql/postgres-linux-x86_64.txz
driver=$root/ear/target/postgresql/postgresql-jdbc.jar
for needed in "$home/bin/standalone.sh" "$ear" "$txz" "$driver"; do
  [ -e "$needed" ] || { echo "$needed is missing: run ./mvnw package -Pcluster -DskipTests -Dexec.skip first" >&2; exit 1; }
done
curl -s -o /dev/null "http://localhost:8080/" && { echo "something already serves port 8080: stop it first" >&2; exit 1; }

modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(h2-file postgresql h2-memory)
work=$(mktemp -d "${TMPDIR:-/tmp}/jwtbearer-bench.XXXXXX")
chmod 755 "$work" # as root, PostgreSQL runs as nobody, who must reach its data here
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && while kill -0 "$server_pid" 2>/dev/null; do sleep 0.5; done
  [ -d "$work/postgres" ] && "$root/build/it/postgres.sh" stop "$work/postgres" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/build/it/configure-postgresql.sh" "$home" "$driver" >/dev/null
# in-memory H2: standalone.xml with the default datasource's URL in memory, as the quick start had it before
cp "$home/standalone/configuration/standalone.xml" "$home/standalone/configuration/standalone-h2-memory.xml"
"$home/bin/jboss-cli.sh" >/dev/null <<'CLI'
embed-server --server-config=standalone-h2-memory.xml --std-out=discard
/subsystem=datasources/data-source=ExampleDS:write-attribute(name=connection-url, value="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
stop-embedded-server
CLI

results=()
run=0
for mode in "${modes[@]}"; do
  run=$((run + 1))
  base=$work/$run-$mode
  mkdir -p "$base/deployments"
  cp -r "$home/standalone/configuration" "$base/"
  cp "$ear" "$base/deployments/"
  settings=(-Djwtbearer.data-dir="$base/data" -Djwtbearer.bootstrap="$root/demo/bootstrap.json")
  case "$mode" in
    h2-file) config=standalone.xml ;;
    h2-memory) config=standalone-h2-memory.xml ;;
    postgresql)
      config=standalone-postgresql.xml
      "$root/build/it/postgres.sh" init "$work/postgres" "$txz" 15452 jwtbearer >/dev/null
      settings+=(-Djwtbearer.datasource.url=jdbc:postgresql://localhost:15452/jwtbearer)
      ;;
    *) echo "unknown mode $mode (h2-file, postgresql, h2-memory)" >&2; exit 2 ;;
  esac
  pin=()
  [ -n "${SERVER_CPUS:-}" ] && pin=(taskset -c "$SERVER_CPUS")
  JBOSS_PIDFILE=$base/server.pid LAUNCH_JBOSS_IN_BACKGROUND=true JAVA_OPTS="-Xms512m -Xmx512m -Djava.net.preferIPv4Stack=true ${SERVER_JAVA_OPTS:-}" \
    "${pin[@]}" "$home/bin/standalone.sh" -c "$config" -Djboss.server.base.dir="$base" "${settings[@]}" >"$base/console.log" 2>&1 &
  for _ in $(seq 1 50); do [ -s "$base/server.pid" ] && break; sleep 0.2; done
  server_pid=$(cat "$base/server.pid")
  for i in $(seq 1 120); do
    curl -sf http://localhost:9990/health/ready >/dev/null 2>&1 && break
    [ "$i" = 120 ] && { echo "$mode: the server did not become ready; see $base/log/server.log" >&2; exit 1; }
    sleep 1
  done
  echo "== $mode"
  SERVER_PID=$server_pid bench/token-endpoint.sh | tee "$base.txt"
  results+=("$mode|$(grep -E '^Requests/sec' "$base.txt" | awk '{print $2}')|$(grep -E '^ +50%' "$base.txt" | awk '{print $2}')|$(grep -E '^ +99%' "$base.txt" | awk '{print $2}')|$(grep -E '^server CPU per request' "$base.txt" | awk '{print $5}')")
  kill -TERM "$server_pid"
  while kill -0 "$server_pid" 2>/dev/null; do sleep 0.5; done
  server_pid=
  [ "$mode" = postgresql ] && "$root/build/it/postgres.sh" stop "$work/postgres" >/dev/null
done

echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), ${CONNECTIONS:-16} connections, server on CPUs ${SERVER_CPUS:-all}, load on CPUs ${LOAD_CPUS:-all}"
echo "| database | tokens/s | p50 | p99 | server CPU ms per token |"
echo "|---|---|---|---|---|"
for row in "${results[@]}"; do
  IFS='|' read -r mode rps p50 p99 cpu <<<"$row"
  echo "| $mode | $rps | $p50 | $p99 | $cpu |"
done
