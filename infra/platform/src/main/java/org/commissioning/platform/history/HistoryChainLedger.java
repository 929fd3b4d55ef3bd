package org.commissioning.platform.history;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.commissioning.platform.history.StoredEventLines.StoredLine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The recorded chain: each event's leaf and head as they were when the event was first chained
 * ({@code history_chain}, one document per event) and each stream's last head ({@code history_heads}).
 * {@link #extend(String)} chains whatever the store holds after the recorded head, in sequence order, so an event the
 * tracking processor skipped (a late commit outside the look-back window) is chained by the next event of its stream
 * or the next seal, never out of order. A recorded entry is never rewritten here.
 */
public class HistoryChainLedger {

    static final String ENTRIES = "history_chain";
    static final String HEADS = "history_heads";
    static final String STREAM_SEQUENCE_INDEX = "stream_sequence";

    private final MongoTemplate mongo;
    private final StoredEventLines store;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    public HistoryChainLedger(MongoTemplate mongo, StoredEventLines store, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    /**
     * A stream's entries are read by stream in sequence order (the auditor's every check), and no two entries may
     * hold one position of a stream.
     */
    public void ensureIndexes() {
        mongo.indexOps(ENTRIES).ensureIndex(new Index().on("stream", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).unique().named(STREAM_SEQUENCE_INDEX));
    }

    /** @return the stream's head after chaining what the store holds beyond it (empty: nothing stored) */
    public Optional<Head> extend(String stream) {
        lock.lock();
        try {
            Head head = head(stream).orElse(new Head(stream, -1, ChainHashes.GENESIS));
            for (StoredLine line : store.after(stream, head.sequence())) {
                if (line.sequence() != head.sequence() + 1) {
                    break; // a gap in the store itself: verification reports it
                }
                String leaf = line.leaf();
                Head next = new Head(stream, line.sequence(), ChainHashes.link(head.hash(), leaf));
                try {
                    mongo.insert(new Entry(entryId(stream, line.sequence()), stream, line.sequence(), line.eventId(),
                            leaf, next.hash(), clock.instant()), ENTRIES);
                } catch (DuplicateKeyException e) {
                    return head(stream); // another instance chained it first
                }
                mongo.save(next, HEADS);
                head = next;
            }
            return head.sequence() < 0 ? Optional.empty() : Optional.of(head);
        } finally {
            lock.unlock();
        }
    }

    public Optional<Head> head(String stream) {
        return Optional.ofNullable(mongo.findById(stream, Head.class, HEADS));
    }

    public List<Head> heads() {
        return mongo.findAll(Head.class, HEADS);
    }

    /** The recorded entries of a stream, in sequence order. */
    public List<Entry> entries(String stream) {
        return mongo.find(Query.query(Criteria.where("stream").is(stream)).with(Sort.by("sequence")), Entry.class,
                ENTRIES);
    }

    static String entryId(String stream, long sequence) {
        return stream + "|" + sequence;
    }

    /** A recorded event: its leaf and the head after it. */
    public record Entry(@Id String id, String stream, long sequence, String eventId, String leaf, String hash,
                        java.time.Instant recordedAt) {
    }

    /** A stream's last recorded head. */
    public record Head(@Id String stream, long sequence, String hash) {
    }
}
