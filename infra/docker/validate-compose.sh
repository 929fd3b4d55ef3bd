#!/usr/bin/env bash
# Validates docker-compose.yml, and its scale-out profile, with Debian's docker-compose v1 (1.29.x). Needs no Docker engine: `config` only
# parses, interpolates and schema-checks the file (build contexts must exist, the jars need not).
# Installs docker-compose with apt-get when it is missing and the script runs as root.
set -euo pipefail

compose_file="$(dirname "$0")/../../docker-compose.yml"

if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "docker-compose is not on PATH and this script is not running as root, so it cannot install it." >&2
    echo "Install it first (as root: apt-get update && apt-get install -y docker-compose) or re-run as root." >&2
    exit 1
  fi
  # Quiet install; apt's output is shown only if it fails. --no-install-recommends skips the recommended docker.io
  # engine (dockerd, containerd, iptables...): `config` does not talk to an engine.
  export DEBIAN_FRONTEND=noninteractive
  apt_log="$(mktemp)"
  if ! { apt-get -qq update && apt-get -qq install -y --no-install-recommends docker-compose >/dev/null; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    rm -f "$apt_log"
    echo "could not install docker-compose with apt-get" >&2
    exit 1
  fi
  rm -f "$apt_log"
fi

docker-compose -f "$compose_file" config -q
echo "docker-compose.yml: valid"

# The scale-out profile, with the variables of infra/docker/scale-out.env: it must resolve to three brokers of one
# quorum with replication factor 3 and min.insync.replicas 2, three MongoDB members and two instances of each service.
scale_out_env="$(dirname "$0")/scale-out.env"
resolved="$(docker-compose -f "$compose_file" --env-file "$scale_out_env" --profile scale-out config)"
check() { # description, extended regexp that must match the resolved file
  if ! grep -Eq -- "$2" <<<"$resolved"; then
    echo "docker-compose.yml, scale-out profile: $1 (no match for $2)" >&2
    exit 1
  fi
}
for n in 2 3; do
  check "broker kafka-$n" "KAFKA_ADVERTISED_LISTENERS: CLIENT://kafka-$n:9092"
  check "member mongo-$n" "mongo-$n-data:/data/db"
done
check "three controllers" "KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093"
check "replication factor 3" "KAFKA_DEFAULT_REPLICATION_FACTOR: '3'"
check "min.insync.replicas 2" "KAFKA_MIN_INSYNC_REPLICAS: '2'"
check "controllers authenticate" "CONTROLLER:SASL_PLAINTEXT"
for service in contract-service kpi-service rag-service deepdive-service gateway; do
  check "second instance of $service" "^  $service-2:"
done
echo "docker-compose.yml scale-out profile: valid (3 brokers, 3 MongoDB members, 2 instances per service)"
