#!/usr/bin/env bash
# Runs the whole platform on this machine with only a JDK 17: builds it (unless --no-build), then starts a
# Kafka broker (KRaft) and a MongoDB wire-protocol server in-process and the five services, loads the demo
# contracts and prints the URLs. Ctrl-C stops everything; data stays in ./data for the next start.
# Options after --no-build are passed to the launcher: --data-dir=PATH --no-demo --gateway-port=N ...
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  echo "Building the platform (the first build downloads dependencies and takes a few minutes) ..."
  ./mvnw -B -ntp -DskipTests package > target-build.log 2>&1 || { tail -n 60 target-build.log; echo "Build failed; full log in target-build.log"; exit 1; }
  rm -f target-build.log
fi
exec java -XX:+UseSerialGC -Xmx768m -jar infra/stack/target/stack-0.1.0-SNAPSHOT-exec.jar --root="$(pwd)" "$@"
