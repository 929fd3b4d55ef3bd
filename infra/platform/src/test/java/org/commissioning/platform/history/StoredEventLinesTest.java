package org.commissioning.platform.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.commissioning.platform.history.StoredEventLines.StoredLine;
import org.junit.jupiter.api.Test;

/** A stream as the store held it at an instant, read from the stored documents by the rule of AsOf. */
class StoredEventLinesTest {

    static final Instant T = Instant.parse("2018-05-16T10:00:00Z");

    @Test
    void keepsTheEventsStoredByTheInstantAndTheRestOfACommandBegunByThen() {
        List<StoredLine> lines = List.of(stored(0, T.minusSeconds(1), "a"), stored(1, T, "b"),
                stored(2, T.plusMillis(1), "b"), stored(3, T.plusMillis(2), "c"));

        assertThat(StoredEventLines.asOf(lines, T)).extracting(StoredLine::sequence).containsExactly(0L, 1L, 2L);
        assertThat(StoredEventLines.asOf(lines, T.minusMillis(1))).extracting(StoredLine::sequence).containsExactly(0L);
        assertThat(StoredEventLines.asOf(lines, null)).hasSize(4);
    }

    @Test
    void endsTheStreamAtAnEventWhoseStoredTimeOrMetadataCannotBeRead() {
        StoredLine unreadable = StoredEventLines.line(new Document("aggregateIdentifier", "s").append("sequenceNumber", 1L)
                .append("timestamp", "yesterday").append("serializedMetaData", "{not json"));

        assertThat(unreadable.storedAt()).isEqualTo(Instant.MAX);
        assertThat(unreadable.command()).isNull();
        assertThat(StoredEventLines.asOf(List.of(stored(0, T, "a"), unreadable), T.plusSeconds(3600)))
                .extracting(StoredLine::sequence).containsExactly(0L);
    }

    private static StoredLine stored(long sequence, Instant timestamp, String command) {
        StoredLine line = StoredEventLines.line(new Document("aggregateIdentifier", "s").append("sequenceNumber", sequence)
                .append("eventIdentifier", "e" + sequence).append("timestamp", timestamp.toString())
                .append("serializedMetaData", "{\"correlationId\":\"" + command + "\",\"actor\":\"officer.jones\"}"));
        assertThat(line.command()).isEqualTo(command);
        return line;
    }
}
