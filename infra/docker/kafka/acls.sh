#!/usr/bin/env bash
# One-shot set-up of the compose Kafka broker's topics and ACLs (run by the kafka-acls service as the broker's
# super user). Each context's topic may be written by its owning service alone; each service may read only the
# topics it consumes, with its own consumer group, and write only its own dead-letter topics
# (error.<topic>.<service>). Idempotent: topics that exist are kept, ACLs that exist are added again harmlessly.
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
cat >"$config" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?}";
PROPS

bin=/opt/kafka/bin
topics() { "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$config" "$@"; }
acls() { "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$config" "$@"; }

# Topics are replicated to KAFKA_REPLICATION_FACTOR brokers (3 in the scale-out profile): wait until that many have
# joined the cluster, or creating them fails.
want="${KAFKA_REPLICATION_FACTOR:-1}"
for _ in $(seq 1 60); do
  brokers="$("$bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" --command-config "$config" 2>/dev/null \
    | grep -c '(id: ' || true)"
  if [ "$brokers" -ge "$want" ]; then break; fi
  echo "waiting for $want brokers ($brokers so far)"
  sleep 2
done

# The event topics keep every record: a consumer group that starts from the beginning must see sequence 1 of every
# contract stream (consumers apply each stream in order).
for topic in contracts.events.v1 kpi.events.v1 ratings.events.v1 deepdives.events.v1; do
  topics --create --if-not-exists --topic "$topic" --partitions 3 \
    --replication-factor "${KAFKA_REPLICATION_FACTOR:-1}" \
    --config retention.ms=-1 --config min.insync.replicas="${KAFKA_MIN_INSYNC_REPLICAS:-1}"
done

produce() { # service topic
  acls --add --allow-principal "User:$1" --operation Write --operation Describe --topic "$2"
}
consume() { # service topic
  acls --add --allow-principal "User:$1" --operation Read --operation Describe --topic "$2"
  acls --add --allow-principal "User:$1" --operation Write --operation Describe --operation Create \
    --topic "error.$2.$1"
}
group() { # service
  acls --add --allow-principal "User:$1" --operation Read --operation Describe --group "$1"
}

produce contract-service contracts.events.v1
produce kpi-service kpi.events.v1
produce rag-service ratings.events.v1
produce deepdive-service deepdives.events.v1

consume contract-service ratings.events.v1
consume contract-service deepdives.events.v1
consume kpi-service contracts.events.v1
consume rag-service contracts.events.v1
consume rag-service kpi.events.v1
consume rag-service deepdives.events.v1
consume deepdive-service contracts.events.v1
consume gateway contracts.events.v1
consume gateway ratings.events.v1
consume gateway deepdives.events.v1
consume gateway kpi.events.v1

for service in contract-service kpi-service rag-service deepdive-service gateway; do
  group "$service"
done

echo "Kafka topics and ACLs in place:"
acls --list
