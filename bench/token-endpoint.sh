#!/usr/bin/env bash
# Load test of the token endpoint with wrk (Debian package "wrk"), against a running server — start one with
# the README's quick start command first. Every request carries a fresh, pre-minted RS256 assertion of the
# demo client, authenticated with its secret: the full path of a real integration.
#
#   bench/token-endpoint.sh                      # defaults below: 60 s warm-up, then 20 s measured
#   DURATION=60s CONNECTIONS=32 COUNT=150000 bench/token-endpoint.sh
#   LOAD_CPUS=1 bench/token-endpoint.sh         # wrk on those CPUs only (taskset), away from a server pinned elsewhere
#   SERVER_PID=1234 bench/token-endpoint.sh     # also the server's CPU time per request in the measured round (Linux
#                                                # /proc): unlike tokens/s, it holds when other work shares the cores
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_URL=${BASE_URL:-http://localhost:8080}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-60s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
COUNT=${COUNT:-100000}
CLIENT_ID=be3aeb583ace210011c15b24a43e25d8
CLI=client/target/jwtbearer-cli.jar

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
[ -f "$CLI" ] || { echo "$CLI is missing: build first (./mvnw package -DskipTests)" >&2; exit 1; }
curl -sf -o /dev/null "$BASE_URL/oauth2/jwks" || { echo "no server at $BASE_URL: start it with the quick start command" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&client_id=$CLIENT_ID&client_secret=demo-secret&assertion="

# Assertions live 300 seconds: each round mints its own just before it runs.
mint() { # name
  echo "Minting $COUNT assertions for the $1 round..."
  java -jar "$CLI" assertion --keystore demo/demo-client.p12 --storepass changeit --alias demo-client --kid demo-key \
    --iss "$CLIENT_ID" --sub abel.tuter --aud "$BASE_URL/oauth_token.do" --lifetime 300 --count "$COUNT" > "$work/assertions"
}
load() { # name duration
  echo "$1: wrk -t$THREADS -c$CONNECTIONS -d$2 POST $BASE_URL/oauth_token.do"
  ${LOAD_CPUS:+taskset -c "$LOAD_CPUS"} wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s bench/token-request.lua "$BASE_URL/oauth_token.do" \
    -- "$work/assertions" "$THREADS" "$prefix"
}
round() { # name duration
  mint "$1"
  load "$1" "$2"
}

# The JIT compiles the hot paths (RSA arithmetic above all) only under load: a server fresh from start-up
# is several times slower for its first tens of thousands of requests. The warm-up round is not the result.
if [ "$WARMUP" != "0" ]; then
  round warm-up "$WARMUP" > "$work/warmup.log"
  grep -E "Requests/sec" "$work/warmup.log" | sed 's/^/warm-up /'
fi
cpu_ticks() { # utime + stime of a process, in clock ticks (proc(5): fields 14 and 15 of /proc/PID/stat)
  awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat"
}
if [ -n "${SERVER_PID:-}" ]; then
  mint measured
  before=$(cpu_ticks "$SERVER_PID")
  load measured "$DURATION" | tee "$work/measured.log"
  after=$(cpu_ticks "$SERVER_PID")
  requests=$(grep -Eo '^ *[0-9]+ requests in' "$work/measured.log" | grep -Eo '[0-9]+' | head -1)
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "server CPU per request: %.3f ms (%d requests)\n", ticks * 1000 / hz / n, n }'
else
  round measured "$DURATION"
fi
