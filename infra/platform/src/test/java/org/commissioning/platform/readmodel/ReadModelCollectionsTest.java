package org.commissioning.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.commissioning.platform.InProcessMongo;
import org.commissioning.platform.readmodel.ReadModelCollections.Generation;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Where a read model is served from, over the real driver (in-process wire server). */
class ReadModelCollectionsTest {

    final MongoTemplate mongo = InProcessMongo.newDatabase("read-models");
    final MovableClock clock = new MovableClock();
    final ReadModelCollections here = new ReadModelCollections(mongo, Duration.ofSeconds(1), clock);
    final ReadModelCollections elsewhere = new ReadModelCollections(mongo, Duration.ofSeconds(1), clock);

    @Test
    void servesAReadModelNeverRebuiltFromTheCollectionOfItsOwnName() {
        assertThat(here.current("rating_history")).isEqualTo(new Generation("rating_history", 0, null));
        assertThat(mongo.collectionExists(ReadModelCollections.COLLECTION)).isFalse();
    }

    @Test
    void switchesWithOneDocumentSeenAtOnceWhereSwitchedAndElsewhereOnceTheCacheExpires() {
        assertThat(elsewhere.live("rating_history")).isEqualTo("rating_history");

        here.switchTo("rating_history", new Generation("rating_history_1", 1, "rating_history"));

        assertThat(here.live("rating_history")).isEqualTo("rating_history_1");
        assertThat(elsewhere.live("rating_history")).as("cached").isEqualTo("rating_history");
        clock.advance(Duration.ofMillis(1001));
        assertThat(elsewhere.current("rating_history"))
                .isEqualTo(new Generation("rating_history_1", 1, "rating_history"));
        assertThat(mongo.getCollection(ReadModelCollections.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void namesEachGenerationsCollectionAfterTheReadModel() {
        assertThat(ReadModelCollections.collectionOf("dashboard_contracts", 0)).isEqualTo("dashboard_contracts");
        assertThat(ReadModelCollections.collectionOf("dashboard_contracts", 2)).isEqualTo("dashboard_contracts_2");
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-02T15:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
