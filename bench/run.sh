#!/usr/bin/env bash
# Measures the local stack on a fresh data directory (start-up time, registration-to-dashboard latency, return to
# cadence: a KPI return to its RagChanged and contract-service's new monitoring cadence, the web pages' times with
# 1,000 contracts loaded, memory) and writes bench/REPORT.md.
# Usage: bench/run.sh [--samples=N] [--rating-samples=N] [--page-contracts=N] [--page-samples=N]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -DskipTests package
data="$(mktemp -d)"
# the services' logs outlive the run in target/bench-logs, for whatever the report shows went wrong
trap 'rm -rf target/bench-logs; mkdir -p target; cp -r "$data/data/logs" target/bench-logs 2>/dev/null; rm -rf "$data"' EXIT
# the launcher hosts Kafka, MongoDB and the harness, which keeps every topic's records to check them; the embedded
# MongoDB server holds every open cursor's whole result in its heap: at 1.5 GB the full fault run's launcher spent
# most of its time collecting while the read models were rebuilt after 10,800 values. LAUNCHER_OPTS adds JVM options
# (a GC log, say)
# shellcheck disable=SC2086
java -XX:+UseSerialGC -Xmx3g ${LAUNCHER_OPTS:-} -jar infra/stack/target/stack-0.1.0-SNAPSHOT-exec.jar --bench \
  --root="$(pwd)" --data-dir="$data/data" --report=bench/REPORT.md "$@"
