package org.commissioning.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Real MongoDB (a single-node replica set, so transactions work) and a real Apache Kafka broker (KRaft) in
 * containers, started once for the test class that extends this and stopped after it, with the application
 * pointed at them: {@code spring.data.mongodb.uri} (a database named after the application) and
 * {@code platform.kafka.bootstrap-servers}. Where no Docker engine is available the class is skipped, with the
 * reason in the report; the in-process broker and wire-protocol server cover the behaviour there.
 * <p>
 * The test class brings its own {@code @SpringBootTest}.
 */
@Testcontainers(disabledWithoutDocker = true)
public abstract class RealMongoAndKafka {

    public static final String MONGO_IMAGE = "mongo:7.0";
    public static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    @Container
    protected static final MongoDBContainer MONGO = new MongoDBContainer(MONGO_IMAGE);
    @Container
    protected static final KafkaContainer KAFKA = new KafkaContainer(KAFKA_IMAGE);

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl(EmbeddedMongo.APPLICATION_DATABASE));
        registry.add("platform.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }
}
