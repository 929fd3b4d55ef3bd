package org.commissioning.gateway.support;

import org.commissioning.events.Topics;
import org.commissioning.testsupport.EmbeddedMongo;
import org.commissioning.testsupport.ServiceOverHttp;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as it runs, over real HTTP (the services' {@link ServiceOverHttp}), on an embedded KRaft broker and the shared in-process Mongo wire server.
 * Metrics are exported as in production (Spring Boot tests switch that off otherwise), so /actuator/prometheus exists.
 * Each test class has application properties of its own, so no two classes could share a context anyway: each
 * context is closed after its class, which stops its embedded broker cleanly before the JVM exits (left to the
 * JVM's shutdown hooks, Kafka's test kit deletes the broker's directories while it is still running and logs
 * errors). Mongo is shared by all of them and never stopped, and so is its database {@code gateway}, unless a class
 * names one of its own ({@value #DATABASE}).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CONTRACTS, Topics.RATINGS, Topics.DEEPDIVES, Topics.KPI})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class GatewayITSupport extends ServiceOverHttp {

    /** The property naming the database of a class that needs one of its own (by default all share gateway). */
    public static final String DATABASE = "gateway.test.database";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "${" + DATABASE + ":gateway}");
    }
}
