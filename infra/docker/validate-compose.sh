#!/usr/bin/env bash
# Validates docker-compose.yml with Debian's docker-compose v1 (1.29.x). Needs no Docker engine: `config` only
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
