package org.commissioning.platform.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.history.HistoryChainLedger.Entry;
import org.commissioning.platform.history.HistorySeals.Seal;
import org.commissioning.platform.history.StoredEventLines.StoredLine;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;

/**
 * What an auditor asks of a stream's history (permission AUDIT): verification of the store against the recorded
 * chain and the seals, the export of its canonical lines, the consistency proof between two sequences, its seals;
 * and what an operator asks (OPERATE): sealing now.
 */
public class HistoryChainAudit {

    private final StoredEventLines store;
    private final HistoryChainLedger ledger;
    private final HistorySeals seals;

    public HistoryChainAudit(StoredEventLines store, HistoryChainLedger ledger, HistorySeals seals) {
        this.store = store;
        this.ledger = ledger;
        this.seals = seals;
    }

    /**
     * @param against   what the differing hash was expected by: {@code chain} (the recorded chain) or {@code seal}
     * @param expected  the recorded or sealed head after that event, or null for an event the chain never recorded
     * @param found     the head recomputed from the store, or null when the store no longer holds the event
     * @param intactThrough for a seal that differs while the recorded chain agrees with the store (the chain was
     *                  recomputed over an edited history): the sequence of the last seal that still matches, or -1;
     *                  the edit lies after it
     */
    public record Difference(String stream, long sequence, String eventId, String against, String expected,
                             String found, Long intactThrough) {
    }

    public record Verification(String stream, boolean intact, long events, long headSequence, String head,
                               long recordedThrough, int sealsChecked, Difference firstDifference) {
    }

    public Verification verify(String stream) {
        Access.require(Permission.AUDIT);
        return verify(history(stream, null));
    }

    /**
     * A stream's history as it stood at {@code asOf} (null: now): the events the store held then, by {@link AsOf}'s
     * rule; the recorded chain entries and the seals made by then over those events; and, so that an event deleted
     * since is still found, those over sequences the store no longer holds.
     */
    record History(String stream, List<StoredLine> lines, List<Entry> recorded, List<Seal> seals) {
    }

    History history(String stream, Instant asOf) {
        List<StoredLine> stored = store.after(stream, -1);
        if (asOf == null) {
            return new History(stream, stored, ledger.entries(stream), seals.of(stream));
        }
        List<StoredLine> lines = StoredEventLines.asOf(stored, asOf);
        long last = lines.isEmpty() ? -1 : lines.get(lines.size() - 1).sequence();
        long storedLast = stored.isEmpty() ? -1 : stored.get(stored.size() - 1).sequence();
        LongPredicate then = sequence -> sequence <= last || sequence > storedLast;
        return new History(stream, lines,
                ledger.entries(stream).stream().filter(e -> !e.recordedAt().isAfter(asOf) && then.test(e.sequence()))
                        .toList(),
                seals.of(stream).stream().filter(s -> !s.sealedAt().isAfter(asOf) && then.test(s.sequence()))
                        .toList());
    }

    Verification verify(History history) {
        String stream = history.stream();
        List<StoredLine> lines = history.lines();
        Map<Long, Entry> recorded = new HashMap<>();
        history.recorded().forEach(e -> recorded.put(e.sequence(), e));
        List<Seal> sealed = history.seals();
        Map<Long, List<Seal>> sealsAt = new HashMap<>();
        sealed.forEach(s -> sealsAt.computeIfAbsent(s.sequence(), k -> new ArrayList<>()).add(s));
        long recordedThrough = recorded.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        String head = ChainHashes.GENESIS;
        long expectedSequence = 0;
        long lastIntactSeal = -1;
        Difference difference = null;
        for (StoredLine line : lines) {
            if (line.sequence() != expectedSequence) {
                Entry missing = recorded.get(expectedSequence);
                difference = new Difference(stream, expectedSequence, missing == null ? null : missing.eventId(),
                        "chain", missing == null ? null : missing.hash(), null, null);
                break;
            }
            head = ChainHashes.link(head, line.leaf());
            Entry entry = recorded.get(line.sequence());
            if (entry != null && !entry.hash().equals(head)) {
                difference = new Difference(stream, line.sequence(), line.eventId(), "chain", entry.hash(), head, null);
                break;
            }
            for (Seal seal : sealsAt.getOrDefault(line.sequence(), List.of())) {
                if (!seal.head().equals(head)) {
                    difference = new Difference(stream, line.sequence(), line.eventId(), "seal", seal.head(), head,
                            lastIntactSeal);
                    break;
                }
                lastIntactSeal = line.sequence();
            }
            if (difference != null) {
                break;
            }
            expectedSequence++;
        }
        long stored = lines.isEmpty() ? -1 : lines.get(lines.size() - 1).sequence();
        if (difference == null && (recordedThrough > stored || sealed.stream().anyMatch(s -> s.sequence() > stored))) {
            Entry gone = recorded.get(stored + 1);
            String expected = gone != null ? gone.hash() : sealed.stream().filter(s -> s.sequence() > stored)
                    .findFirst().map(Seal::head).orElse(null);
            difference = new Difference(stream, stored + 1, gone == null ? null : gone.eventId(),
                    gone != null ? "chain" : "seal", expected, null, null);
        }
        return new Verification(stream, difference == null, lines.size(), stored, head, recordedThrough,
                sealed.size(), difference);
    }

    /** The stream's events as lines {@code <head after it> TAB <canonical line>}, in sequence order. */
    public String export(String stream) {
        Access.require(Permission.AUDIT);
        return export(store.after(stream, -1));
    }

    static String export(List<StoredLine> lines) {
        StringBuilder out = new StringBuilder();
        String head = ChainHashes.GENESIS;
        for (StoredLine line : lines) {
            head = ChainHashes.link(head, line.leaf());
            out.append(head).append('\t').append(line.line()).append('\n');
        }
        return out.toString();
    }

    public record Leaf(long sequence, String eventId, String leaf) {
    }

    /**
     * The proof that the history at {@code to} extends the history at {@code from} unchanged: the leaves of the
     * events after {@code from} up to {@code to}, with both heads as the store gives them now.
     * {@link ChainHashes#extendsUnchanged} checks it against two seals.
     */
    public record Consistency(String stream, long fromSequence, String fromHead, long toSequence, String toHead,
                              List<Leaf> leaves) {
    }

    /** @param from -1 (before the first event) or a sequence; null for -1 @param to null for the last event */
    public Consistency consistency(String stream, Long from, Long to) {
        Access.require(Permission.AUDIT);
        List<StoredLine> lines = store.after(stream, -1);
        long last = lines.isEmpty() ? -1 : lines.get(lines.size() - 1).sequence();
        long fromSequence = from == null ? -1 : from;
        long toSequence = to == null ? last : to;
        if (fromSequence < -1 || fromSequence > last) {
            throw new RuleViolationException("history-chain.consistency-range", "from",
                    "from must be -1 (before the first event) up to the last sequence, " + last);
        }
        if (toSequence < fromSequence || toSequence > last) {
            throw new RuleViolationException("history-chain.consistency-range", "to",
                    "to must lie between from and the last sequence, " + last);
        }
        String head = ChainHashes.GENESIS;
        String fromHead = head;
        List<Leaf> leaves = new ArrayList<>();
        for (StoredLine line : lines) {
            if (line.sequence() > toSequence) {
                break;
            }
            head = ChainHashes.link(head, line.leaf());
            if (line.sequence() <= fromSequence) {
                fromHead = head;
            } else {
                leaves.add(new Leaf(line.sequence(), line.eventId(), line.leaf()));
            }
        }
        return new Consistency(stream, fromSequence, fromHead, toSequence, head, leaves);
    }

    public List<Seal> seals(String stream) {
        Access.require(Permission.AUDIT);
        return seals.of(stream);
    }

    /** The public keys that sign seals, as a JWK set. */
    public Map<String, Object> sealKeys() {
        Access.require(Permission.AUDIT);
        return publicKeys();
    }

    Map<String, Object> publicKeys() {
        return Map.of("keys", List.of(seals.key().publicJwk()));
    }

    public List<Seal> sealNow() throws InterruptedException {
        Access.require(Permission.OPERATE);
        return seals.sealAll();
    }
}
