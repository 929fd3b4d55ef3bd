package org.commissioning.platform.history;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.commissioning.events.Context;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.history.HistoryChainLedger.Head;
import org.commissioning.platform.relay.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Seals: signed checkpoints of chain heads, kept in {@code history_seals} and published as the context's
 * {@code HistorySealed} integration event (subject: the stream) through the relay, so that the seal is held outside
 * this service. A stream is sealed when its head has moved since its last seal; a seal the broker did not take is
 * published at the next sealing.
 */
public class HistorySeals {

    static final String SEALS = "history_seals";
    private static final Logger log = LoggerFactory.getLogger(HistorySeals.class);

    private final MongoTemplate mongo;
    private final HistoryChainLedger ledger;
    private final StoredEventLines store;
    private final SealKey key;
    private final Optional<OutboxRelay> relay;
    private final Clock clock;
    private final String source;

    public HistorySeals(MongoTemplate mongo, HistoryChainLedger ledger, StoredEventLines store, SealKey key,
                        Optional<OutboxRelay> relay, Clock clock, String source) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.store = store;
        this.key = key;
        this.relay = relay;
        this.clock = clock;
        this.source = source;
    }

    /**
     * A seal as kept and published.
     *
     * @param signature base64url Ed25519 signature of {@link #signedText()}
     */
    public record Seal(@Id String id, String stream, long sequence, String head, Instant sealedAt, String source,
                       String keyId, String signature, Instant publishedAt) {

        /** The RFC 8785 JSON of every member but the signature (and this copy's id and publication time). */
        public String signedText() {
            return signedText(stream, sequence, head, sealedAt, source, keyId);
        }

        static String signedText(String stream, long sequence, String head, Instant sealedAt, String source,
                                 String keyId) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("stream", stream);
            members.put("sequence", sequence);
            members.put("head", head);
            members.put("sealedAt", sealedAt.toString());
            members.put("source", source);
            members.put("keyId", keyId);
            return CanonicalJson.of(members);
        }
    }

    /**
     * Chains what is stored, then seals every stream whose head moved since its last seal, and publishes every seal
     * not yet published.
     *
     * @return the seals made now
     */
    public List<Seal> sealAll() throws InterruptedException {
        List<Seal> sealed = new ArrayList<>();
        for (String stream : store.streams()) {
            Optional<Head> head = ledger.extend(stream);
            if (head.isPresent() && latest(stream).map(s -> s.sequence() < head.get().sequence()).orElse(true)) {
                sealed.add(seal(head.get()));
            }
        }
        publishPending();
        return sealed;
    }

    private Seal seal(Head head) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String signed = Seal.signedText(head.stream(), head.sequence(), head.hash(), now, source, key.keyId());
        Seal seal = new Seal(UUID.randomUUID().toString(), head.stream(), head.sequence(), head.hash(), now, source,
                key.keyId(), key.sign(signed), null);
        return mongo.insert(seal, SEALS);
    }

    private void publishPending() throws InterruptedException {
        if (relay.isEmpty()) {
            return;
        }
        Query pending = Query.query(Criteria.where("publishedAt").is(null)).with(Sort.by("sealedAt"));
        for (Seal seal : mongo.find(pending, Seal.class, SEALS)) {
            try {
                CausationContext causation = CausationContext.currentOrNew();
                if (relay.get().publishOwn(seal.id(), seal.stream(), seal.sealedAt(), causation, payload(seal))) {
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(seal.id())),
                            Update.update("publishedAt", clock.instant()), SEALS);
                }
            } catch (RuntimeException e) {
                log.warn("Seal {} of {} not published yet; it is published at the next sealing: {}", seal.id(),
                        seal.stream(), e.getMessage());
                return;
            }
        }
    }

    /** The seals of a stream, oldest first. */
    public List<Seal> of(String stream) {
        return mongo.find(Query.query(Criteria.where("stream").is(stream)).with(Sort.by("sequence", "sealedAt")),
                Seal.class, SEALS);
    }

    private Optional<Seal> latest(String stream) {
        List<Seal> seals = of(stream);
        return seals.isEmpty() ? Optional.empty() : Optional.of(seals.get(seals.size() - 1));
    }

    public SealKey key() {
        return key;
    }

    /** The {@code HistorySealed} payload of this service's context (chosen by its CloudEvents source). */
    Object payload(Seal seal) {
        Context context = java.util.Arrays.stream(Context.values()).filter(c -> source.equals(c.source()))
                .findFirst().orElseThrow(() -> new IllegalStateException("No context publishes as " + source));
        return switch (context) {
            case CONTRACTS -> new org.commissioning.events.contracts.v1.HistorySealed(seal.stream(), seal.sequence(),
                    seal.head(), seal.sealedAt(), seal.source(), seal.keyId(), seal.signature());
            case KPI -> new org.commissioning.events.kpi.v1.HistorySealed(seal.stream(), seal.sequence(),
                    seal.head(), seal.sealedAt(), seal.source(), seal.keyId(), seal.signature());
            case RATINGS -> new org.commissioning.events.ratings.v1.HistorySealed(seal.stream(), seal.sequence(),
                    seal.head(), seal.sealedAt(), seal.source(), seal.keyId(), seal.signature());
            case DEEPDIVES -> new org.commissioning.events.deepdives.v1.HistorySealed(seal.stream(), seal.sequence(),
                    seal.head(), seal.sealedAt(), seal.source(), seal.keyId(), seal.signature());
            case PLATFORM -> throw new IllegalStateException("The platform's own topic has no history to seal");
        };
    }
}
