package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.deepdives.v1.DeepDiveCancelled;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.testsupport.ConsumerGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Deep dives' outcomes (deepdives.events.v1) in the rating history: shown beside the ratings as qualitative
 * evidence, idempotent under redelivery, never changing a rating.
 */
class RatingHistoryShowsDeepDivesIT extends RunningRagService {

    @Value("${spring.application.name}")
    String group;

    @Test
    void showsEachDeepDivesOutcomeBesideTheRatingsAndChangesNoRating() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Topics.KPI,
                kpiEvent(id, 1, new KpiFrameworkDefined(id, 1, APRIL, List.of(new KpiDefinition(TRIAGE,
                        "Phone calls screened and triaged within 24 working hours", "PERCENT", "HIGHER_IS_BETTER",
                        true, "PROVIDER", TRIAGE_BANDS)))),
                kpiEvent(id, 2, new KpiSubmitted(id, APRIL, TRIAGE, null, new BigDecimal("91"), null, null,
                        "PROVIDER", 1, "GREEN")));
        JsonNode before = await().atMost(PATIENCE).ignoreExceptions().until(() -> ratings(id, null),
                h -> h.get("changes").size() == 1);
        assertThat(before.get("deepDives")).isEmpty();

        IntegrationEvent<?> completed = deepDiveEvent(id, 2, new DeepDiveCompleted(id, 2018, LocalDate.of(2018, 5, 25),
                "INADEQUATE", "REQUIRES_IMPROVEMENT", "Safeguarding referrals were not followed up", List.of(),
                List.of(), List.of(), List.of(), true, false, null));
        send(Topics.DEEPDIVES,
                deepDiveEvent(id, 1, new DeepDivePlanned(id, 2018, LocalDate.of(2018, 5, 31), "NELFT", List.of())),
                completed, completed,
                deepDiveEvent(id, 3, new DeepDiveCancelled(id, 2019, "The contract ended on 2019-03-31 (expired).")));
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), group, Topics.DEEPDIVES, PATIENCE);

        JsonNode after = await().atMost(PATIENCE).ignoreExceptions().until(() -> ratings(id, null),
                h -> h.get("deepDives").size() == 2);
        JsonNode deepDives = after.get("deepDives");
        assertThat(deepDives.at("/0/programmeYear").asInt()).isEqualTo(2018);
        assertThat(deepDives.at("/0/status").asText()).isEqualTo("COMPLETE");
        assertThat(deepDives.at("/0/overallGrade").asText()).isEqualTo("INADEQUATE");
        assertThat(deepDives.at("/0/completedOn").asText()).isEqualTo("2018-05-25");
        assertThat(deepDives.at("/0/variationRecommended").asBoolean()).isTrue();
        assertThat(deepDives.at("/0/triggeredBy").asText()).isEqualTo("officer.jones");
        assertThat(deepDives.at("/1/status").asText()).isEqualTo("CANCELLED");
        assertThat(deepDives.at("/1/reason").asText()).startsWith("The contract ended");

        assertThat(withoutDeepDives(after)).as("the ratings, as before the deep dives").isEqualTo(withoutDeepDives(before));
        assertThat(after.get("current").asText()).isEqualTo("GREEN");
        assertThat(published(id, 3)).as("nothing rated because of a deep dive").hasSize(3);
        assertThat(ratings(id, Instant.parse("2018-05-25T15:44:59Z")).get("deepDives"))
                .as("not yet recorded then").isEmpty();

        send(Topics.DEEPDIVES, completed);
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), group, Topics.DEEPDIVES, PATIENCE);
        assertThat(ratings(id, null)).as("after the completion was delivered again").isEqualTo(after);
    }

    static IntegrationEvent<?> deepDiveEvent(String id, long sequence, Object data) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), Context.DEEPDIVES.source(), id,
                Instant.parse("2018-05-25T15:45:00Z"), sequence, "officer.jones", UUID.randomUUID().toString(), data);
    }

    private static JsonNode withoutDeepDives(JsonNode history) {
        ObjectNode copy = history.deepCopy();
        copy.remove("deepDives");
        return copy;
    }
}
