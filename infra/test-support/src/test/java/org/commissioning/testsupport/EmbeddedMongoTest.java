package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedMongoTest {

    record Row(String id, LocalDate start, BigDecimal value) {
    }

    @Test
    void templatesMapAsTheServicesDoAndKeepToTheirOwnDatabase() {
        MongoTemplate mine = TestMongoTemplates.create("embedded-mongo-test");
        MongoTemplate other = TestMongoTemplates.create("embedded-mongo-test-other");
        mine.dropCollection("rows");
        other.dropCollection("rows");

        mine.save(new Row("a", LocalDate.of(2018, 4, 1), new BigDecimal("120000.00")), "rows");

        Document stored = mine.getCollection("rows").find().first();
        assertThat(stored.get("start")).as("a date as midnight UTC").isEqualTo(Date.from(Instant.parse("2018-04-01T00:00:00Z")));
        assertThat(stored.get("value")).as("an amount as an exact decimal").isEqualTo(Decimal128.parse("120000.00"));
        assertThat(mine.findById("a", Row.class, "rows")).isEqualTo(new Row("a", LocalDate.of(2018, 4, 1), new BigDecimal("120000.00")));
        assertThat(other.getCollection("rows").countDocuments()).isZero();
    }

    @Test
    void pointsEachApplicationContextAtADatabaseOfItsOwnNamedAfterTheApplication() {
        String first = registeredUri();
        String second = registeredUri();

        assertThat(first).startsWith(EmbeddedMongo.connectionString() + "/kpi-service-");
        assertThat(second).startsWith(EmbeddedMongo.connectionString() + "/kpi-service-").isNotEqualTo(first);
    }

    private static String registeredUri() {
        Map<String, Supplier<Object>> registered = new HashMap<>();
        EmbeddedMongo.register(registered::put, EmbeddedMongo.APPLICATION_DATABASE);
        Map<String, Object> values = new HashMap<>();
        registered.forEach((name, value) -> values.put(name, value.get()));
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "kpi-service");
        environment.getPropertySources().addFirst(new MapPropertySource("dynamic", values));
        return environment.getProperty("spring.data.mongodb.uri");
    }
}
