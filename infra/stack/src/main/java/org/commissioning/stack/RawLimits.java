package org.commissioning.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * What this run's own store and broker can do, measured in the same run as the pipeline, so the pipeline's figures can
 * be read as shares of them (issue 16): single-document appends to the MongoDB server through the driver the services
 * use (acknowledged, as Axon appends an event) and one cursor reading them back; records produced to the Kafka broker
 * with {@code acks=all} and consumed from the beginning by one consumer. Documents and records have the average size
 * of the stack's own stored events and CloudEvents, measured first. Nothing of the platform's data is touched: the
 * store's figures go to a database of their own, the broker's to a topic of their own, both removed afterwards.
 */
final class RawLimits {

    static final String DATABASE = "bench-raw-limits";
    static final String TOPIC = "bench.raw-limits";
    /** A size used when the stack has stored nothing yet to measure. */
    static final int DEFAULT_BYTES = 1_500;

    /** {@code count} operations of {@code bytes} bytes each at {@code perSecond}. */
    record Rate(String name, long count, int bytes, int clients, double perSecond) {
    }

    private RawLimits() {
    }

    /**
     * The average BSON size of up to {@code sample} documents of the Axon event stores ({@code domainevents}) in
     * {@code databases}, or {@value #DEFAULT_BYTES} when there are none.
     */
    static int storedEventBytes(String mongoUri, List<String> databases, int sample) {
        long total = 0;
        long counted = 0;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (String database : databases) {
                for (RawBsonDocument event : client.getDatabase(database)
                        .getCollection("domainevents", RawBsonDocument.class).find().limit(sample)) {
                    total += event.getByteBuffer().remaining();
                    counted++;
                }
            }
        }
        return counted == 0 ? DEFAULT_BYTES : (int) (total / counted);
    }

    /** The average value size of up to {@code sample} records on each of {@code topics}, or {@value #DEFAULT_BYTES}. */
    static int recordBytes(String bootstrapServers, List<String> topics, int sample) {
        long total = 0;
        long counted = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers))) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                long available = ends.values().stream().mapToLong(Long::longValue).sum();
                long wanted = Math.min(sample, available);
                long seen = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen < wanted && System.nanoTime() < deadline) {
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.value() != null && seen < wanted) {
                            total += record.value().length;
                            counted++;
                            seen++;
                        }
                    }
                }
            }
        }
        return counted == 0 ? DEFAULT_BYTES : (int) (total / counted);
    }

    /**
     * {@code documents} single-document inserts of about {@code bytes} bytes, acknowledged, from {@code clients}
     * threads at once, into a collection of its own; then one cursor reading them all back.
     */
    static List<Rate> store(String mongoUri, int documents, int bytes, int clients) throws Exception {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase database = client.getDatabase(DATABASE);
            database.drop();
            MongoCollection<Document> appends = database.getCollection("appends")
                    .withWriteConcern(WriteConcern.ACKNOWLEDGED);
            byte[] payload = new byte[Math.max(0, bytes - 120)];
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> running = new ArrayList<>();
                long start = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    int from = c * documents / clients;
                    int to = (c + 1) * documents / clients;
                    String aggregate = UUID.randomUUID().toString();
                    running.add(pool.submit(() -> {
                        for (int i = from; i < to; i++) {
                            appends.insertOne(new Document("aggregateIdentifier", aggregate)
                                    .append("sequenceNumber", (long) i)
                                    .append("type", "BenchmarkEvent")
                                    .append("serializedPayload", new Binary(payload)));
                        }
                    }));
                }
                for (Future<?> done : running) {
                    done.get();
                }
                Rate append = rate("store appends", documents, bytes, clients, System.nanoTime() - start);
                long readStart = System.nanoTime();
                long read = 0;
                for (RawBsonDocument ignored : database.getCollection("appends", RawBsonDocument.class).find()
                        .batchSize(1_000)) {
                    read++;
                }
                Rate reads = rate("store reads (one cursor)", read, bytes, 1, System.nanoTime() - readStart);
                return List.of(append, reads);
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
                database.drop();
            }
        }
    }

    /**
     * {@code records} records of {@code bytes} bytes produced with {@code acks=all} (and idempotence, as the relay
     * sends) to a topic of its own, keyed over 100 keys, all sent before waiting for the acknowledgements; then one
     * consumer reading them all from the beginning.
     */
    static List<Rate> broker(String bootstrapServers, int records, int bytes) throws Exception {
        String topic = TOPIC + "." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                Properties producerProperties = new Properties();
                producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
                producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                byte[] value = new byte[bytes];
                Rate produce;
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties,
                        new StringSerializer(), new ByteArraySerializer())) {
                    long start = System.nanoTime();
                    List<Future<?>> sent = new ArrayList<>(records);
                    for (int i = 0; i < records; i++) {
                        sent.add(producer.send(new ProducerRecord<>(topic, "key-" + (i % 100), value)));
                    }
                    for (Future<?> acknowledged : sent) {
                        acknowledged.get();
                    }
                    produce = rate("broker produce (acks=all)", records, bytes, 1, System.nanoTime() - start);
                }
                long consumed = 0;
                long start = System.nanoTime();
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        consumerProperties(bootstrapServers))) {
                    TopicPartition partition = new TopicPartition(topic, 0);
                    consumer.assign(List.of(partition));
                    consumer.seekToBeginning(List.of(partition));
                    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    while (consumed < records && System.nanoTime() < deadline) {
                        ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
                        consumed += polled.count();
                    }
                }
                if (consumed < records) {
                    throw new IllegalStateException("Consumed " + consumed + " of " + records + " records of " + topic);
                }
                return List.of(produce, rate("broker consume (one consumer)", consumed, bytes, 1,
                        System.nanoTime() - start));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The report's rows, one per rate. */
    static String rows(List<Rate> rates) {
        StringBuilder md = new StringBuilder();
        for (Rate rate : rates) {
            md.append("| raw limit: ").append(rate.name()).append(" (").append(rate.count()).append(" of ")
                    .append(rate.bytes()).append(" bytes").append(rate.clients() > 1
                            ? ", " + rate.clients() + " clients at once" : "")
                    .append(") | ").append(String.format("%.0f /s", rate.perSecond())).append(" | |\n");
        }
        return md.toString();
    }

    private static Rate rate(String name, long count, int bytes, int clients, long nanos) {
        return new Rate(name, count, bytes, clients, count / (nanos / 1e9));
    }

    private static Properties consumerProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return properties;
    }
}
