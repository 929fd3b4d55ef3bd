package org.commissioning.platform.readmodel;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.commissioning.platform.causation.CausationTestApplication.NoteWritten;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A projection as the services write theirs: one document per stored note, read and written through the read model's
 * live collection. {@link #countsWords} stands for a new version of its code (each document gains {@code words});
 * {@link #gate} holds a rebuild's handlers at their first event until the test opens it; {@link #failsInRebuild} makes
 * a rebuild's handlers throw, as a new version with a bug would.
 */
@ProcessingGroup(NoteWords.PROCESSING_GROUP)
public class NoteWords {

    static final String READ_MODEL = "note_words";
    static final String PROCESSING_GROUP = "note-words";

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;
    private final String writeTo;
    final AtomicBoolean countsWords;
    final AtomicBoolean failsInRebuild;
    final Gate gate;

    NoteWords(MongoTemplate mongo, ReadModelCollections collections) {
        this(mongo, collections, null, new AtomicBoolean(), new AtomicBoolean(), new Gate());
    }

    private NoteWords(MongoTemplate mongo, ReadModelCollections collections, String writeTo,
                      AtomicBoolean countsWords, AtomicBoolean failsInRebuild, Gate gate) {
        this.mongo = mongo;
        this.collections = collections;
        this.writeTo = writeTo;
        this.countsWords = countsWords;
        this.failsInRebuild = failsInRebuild;
        this.gate = gate;
    }

    /** The same handlers, writing to {@code collection}: a rebuild's. */
    NoteWords writingTo(String collection) {
        return new NoteWords(mongo, collections, collection, countsWords, failsInRebuild, gate);
    }

    @EventHandler
    void on(NoteWritten note, EventMessage<?> message) throws InterruptedException {
        if (writeTo != null) {
            gate.pass();
            if (failsInRebuild.get()) {
                throw new IllegalStateException("The new version cannot map note " + note.noteId());
            }
        }
        Document document = new Document("_id", message.getIdentifier()).append("noteId", note.noteId())
                .append("text", note.text());
        if (countsWords.get()) {
            document.append("words", note.text().split(" ").length);
        }
        mongo.save(document, writeTo != null ? writeTo : collections.live(READ_MODEL));
    }

    /** Every note, as a reader of the read model gets them. */
    List<Document> all() {
        return mongo.findAll(Document.class, collections.live(READ_MODEL));
    }

    String liveCollection() {
        return collections.live(READ_MODEL);
    }

    /** Open unless closed; a closed gate holds whoever passes until it is opened. */
    static final class Gate {

        private volatile CountDownLatch open = new CountDownLatch(0);
        final CountDownLatch reached = new CountDownLatch(1);

        void close() {
            open = new CountDownLatch(1);
        }

        void open() {
            open.countDown();
        }

        void pass() throws InterruptedException {
            reached.countDown();
            if (!open.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The gate was not opened");
            }
        }
    }
}
