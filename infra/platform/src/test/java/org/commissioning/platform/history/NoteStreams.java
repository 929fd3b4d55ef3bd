package org.commissioning.platform.history;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.commissioning.platform.causation.CausationTestApplication.WriteNote;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** The history-chain tests' streams: notes written as commands, chained, and edited behind the service's back. */
final class NoteStreams {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final HistoryChainLedger ledger;
    private final MongoTemplate axonMongo;

    NoteStreams(CommandGateway commands, HistoryChainLedger ledger, MongoTemplate axonMongo) {
        this.commands = commands;
        this.ledger = ledger;
        this.axonMongo = axonMongo;
    }

    /** A new stream of {@code notes} notes, each chained. */
    String written(int notes) {
        String stream = UUID.randomUUID().toString();
        write(stream, notes);
        return stream;
    }

    /** {@code notes} more notes on {@code stream}, once the chain has recorded them. */
    void write(String stream, int notes) {
        long before = ledger.head(stream).map(HistoryChainLedger.Head::sequence).orElse(-1L);
        for (int i = 0; i < notes; i++) {
            commands.sendAndWait(new WriteNote(stream, "note " + (before + 1 + i) + " by Zoë Ní Bhriain"));
        }
        await().atMost(PATIENCE).until(() -> ledger.head(stream).map(HistoryChainLedger.Head::sequence)
                .orElse(-1L) == before + notes);
    }

    /** The stored payload of the event at {@code sequence} edited in the event store itself. */
    void tamper(String stream, long sequence, String text) {
        Document stored = axonMongo.eventCollection().find(Filters.and(Filters.eq("aggregateIdentifier", stream),
                Filters.eq("sequenceNumber", sequence))).first();
        String payload = stored.getString("serializedPayload").replaceAll("\"text\":\"[^\"]*\"",
                "\"text\":\"" + text + "\"");
        axonMongo.eventCollection().updateOne(Filters.eq("_id", stored.get("_id")),
                Updates.set("serializedPayload", payload));
    }
}
