#!/usr/bin/env bash
# The second server of the payara profile's CrossServerIT: a WildFly the build provisioned, running the same
# EAR with its resource API trusting the issuer of the Payara under test.
#   peer-wildfly.sh start <jboss-home> <ear> <java options...>   start, deploy, wait until deployed (180 s)
#   peer-wildfly.sh stop <jboss-home>
set -euo pipefail
action=$1
home=$2
case "$action" in
  start)
    ear=$3
    shift 3
    deployments="$home/standalone/deployments"
    name=$(basename "$ear")
    rm -f "$deployments/$name"*
    cp "$ear" "$deployments/"
    # Detached from Maven's pipes, so the build goes on while the server runs.
    JAVA_OPTS="$*" nohup "$home/bin/standalone.sh" </dev/null >"$home/peer-server.out" 2>&1 &
    for _ in $(seq 1 180); do
      if [ -f "$deployments/$name.deployed" ]; then
        echo "peer WildFly: $name deployed"
        exit 0
      fi
      if [ -f "$deployments/$name.failed" ]; then
        echo "peer WildFly: $name failed to deploy:" >&2
        cat "$deployments/$name.failed" >&2
        exit 1
      fi
      sleep 1
    done
    echo "peer WildFly: $name not deployed within 180 s; see $home/peer-server.out" >&2
    exit 1
    ;;
  stop)
    pkill -f "$home/jboss-modules.jar" || true
    ;;
  *)
    echo "usage: $0 start <jboss-home> <ear> <java options...> | stop <jboss-home>" >&2
    exit 2
    ;;
esac
