package org.commissioning.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.commissioning.platform.InProcessMongo;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;

/** Over the real driver, on the wire-protocol server, with the event store's index leading with the identifier. */
class StreamPrefixTest {

    @Test
    void findsEveryStreamOfAContractAndNoneOfAContractWhoseIdStartsWithItsOwn() {
        MongoTemplate mongo = InProcessMongo.newDatabase("stream-prefix");
        MongoCollection<Document> events = mongo.getCollection("domainevents");
        events.createIndex(new Document("aggregateIdentifier", 1).append("sequenceNumber", 1));
        for (String stream : List.of("C1", "C1:2018-04", "C1:2018-05", "C10:2018-04", "C1;x", "C0:2018-04",
                "C2:2018-04", "C1:")) {
            events.insertOne(new Document("aggregateIdentifier", stream).append("sequenceNumber", 0L));
        }

        List<String> found = events.distinct("aggregateIdentifier", StreamPrefix.startsWith("aggregateIdentifier",
                "C1:"), String.class).into(new ArrayList<>());

        assertThat(found).containsExactlyInAnyOrder("C1:", "C1:2018-04", "C1:2018-05");
    }

    @Test
    void refusesAPrefixNoRangeCanFollow() {
        assertThatThrownBy(() -> StreamPrefix.startsWith("aggregateIdentifier", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamPrefix.startsWith("aggregateIdentifier", "C1" + Character.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
