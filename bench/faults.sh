#!/usr/bin/env bash
# The fault suite (issue 15): starts the local stack on a fresh data directory, registers contracts with a
# three-KPI framework, keeps a load of monthly KPI returns (with officers' overrides, warnings and improvement plans)
# through the gateway, injects faults while it runs (Kafka broker restart, kill -9 of each service and its restart,
# MongoDB server restart, rag-service frozen with SIGSTOP past the consumer session timeout, poison records and
# copies of records on every event topic), then checks that nothing accepted was lost or took effect twice, that
# every topic's streams are complete, that the dashboard and the rating histories match the topics and that every
# consumer group's lag is back to zero, and writes bench/FAULTS.md (exit 1 when a check fails).
# Usage: bench/faults.sh [--contracts=N] [--months=N] [--threads=N] [--rate=N] [--session-timeout-ms=MS] [--kill=SERVICE,...] [--pause=SERVICE] [--patience-s=S] [--quiescence-s=S] [--rebuild-s=S]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -DskipTests package
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
# the launcher hosts Kafka, MongoDB and the harness, which keeps every topic's records to check them; the embedded
# MongoDB server holds every open cursor's whole result in its heap: at 1.5 GB the full fault run's launcher spent
# most of its time collecting while the read models were rebuilt after 10,800 values. LAUNCHER_OPTS adds JVM options
# (a GC log, say)
# shellcheck disable=SC2086
java -XX:+UseSerialGC -Xmx3g ${LAUNCHER_OPTS:-} -jar infra/stack/target/stack-0.1.0-SNAPSHOT-exec.jar --faults \
  --root="$(pwd)" --data-dir="$data/data" --report=bench/FAULTS.md "$@"
