package org.commissioning.kpi.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.OverdueReturn;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The read model of returns over a real MongoTemplate. */
class MonthlyReturnsProjectionTest {

    final MongoTemplate mongo = TestMongoTemplates.create("monthly-returns-projection-test");
    final MonthlyReturnsProjection returns = new MonthlyReturnsProjection(mongo);

    @Test
    void readsAnOverdueReturnStoredWhileItsTypeLivedInTheProjection() {
        String contract = UUID.randomUUID().toString();
        String id = MonthlyReturnId.of(contract, YearMonth.of(2018, 10));
        Instant detected = Instant.parse("2018-11-16T09:00:00Z");
        mongo.getCollection(MonthlyReturnsProjection.OVERDUE).insertOne(new Document("_id", id)
                .append("contractId", contract).append("period", "2018-10")
                .append("dueDate", Date.from(Instant.parse("2018-11-15T00:00:00Z")))
                .append("detectedAt", Date.from(detected))
                .append("_class", "org.commissioning.kpi.query.MonthlyReturnsProjection$OverdueReturn"));

        assertThat(returns.overdue(contract)).singleElement().satisfies(overdue -> {
            assertThat(overdue.id()).isEqualTo(id);
            assertThat(overdue.period()).isEqualTo("2018-10");
            assertThat(overdue.detectedAt()).isEqualTo(detected);
            assertThat(overdue.receivedAt()).isNull();
        });
        assertThat(returns.overdue(contract, YearMonth.of(2018, 10))).map(OverdueReturn::contractId)
                .contains(contract);
    }
}
