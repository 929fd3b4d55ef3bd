package org.commissioning.contract.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;

import org.commissioning.contract.api.Rating;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.ratings.v1.RagChanged;
import org.junit.jupiter.api.Test;

class RatingEventsConfigurationTest {

    static IntegrationEvent<RagChanged> changedTo(String rating) {
        return IntegrationEvent.of("event-1", "/rag-service", "contract-1", Instant.parse("2018-06-01T08:00:00Z"), 1,
                "officer.jones", "correlation-1",
                new RagChanged("contract-1", null, rating, YearMonth.of(2018, 5), "COMPUTED", null));
    }

    @Test
    void takesThePublishedRatingAsTheServicesRating() {
        assertThat(RatingEventsConfiguration.rating(changedTo("amber"), "amber")).contains(Rating.AMBER);
        assertThat(RatingEventsConfiguration.rating(changedTo("NOT_RATED"), "NOT_RATED")).contains(Rating.NOT_RATED);
    }

    @Test
    void skipsARatingOutsideTheVocabulary() {
        assertThat(RatingEventsConfiguration.rating(changedTo("PURPLE"), "PURPLE")).isEmpty();
        assertThat(RatingEventsConfiguration.rating(changedTo(null), null)).isEmpty();
    }
}
