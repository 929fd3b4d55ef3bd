package org.commissioning.platform.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commissioning.platform.evidence.EvidenceContent;
import org.commissioning.platform.evidence.EvidenceFile;
import org.commissioning.platform.evidence.EvidenceJson;
import org.commissioning.platform.history.HistoryChainAudit.History;
import org.commissioning.platform.history.HistoryChainAudit.Verification;
import org.commissioning.platform.history.HistorySeals.Seal;

/**
 * The history chain of a contract's streams as of an instant, as files of its evidence pack: what the endpoints of
 * {@link HistoryChainAudit} answer, restricted to what the store, the recorded chain and the seals held at that
 * instant (the caller has checked the permission).
 */
public class HistoryChainEvidence {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final HistoryChainAudit audit;

    public HistoryChainEvidence(HistoryChainAudit audit) {
        this.audit = audit;
    }

    /** A seal as the pack holds it: what was signed and the signature, nothing this copy added later. */
    public record SealedHead(String stream, long sequence, String head, Instant sealedAt, String source, String keyId,
                             String signature) {

        static SealedHead of(Seal seal) {
            return new SealedHead(seal.stream(), seal.sequence(), seal.head(), seal.sealedAt(), seal.source(),
                    seal.keyId(), seal.signature());
        }
    }

    /** verification.json: every stream intact as of the instant, and each stream's verification in order. */
    public record ChainVerification(Instant asOf, boolean intact, List<Verification> streams) {
    }

    /**
     * Files under {@code <context>/chain/}, in this order: each stream's lines ({@code <stream>.lines}, the stream's
     * id with any character but letters, digits, {@code .}, {@code _} and {@code -} written {@code _}), then
     * {@code verification.json}, {@code seals.json} and {@code seal-keys.json}; with the README section explaining
     * them.
     */
    public EvidenceContent evidence(String context, List<String> streams, Instant asOf) {
        String folder = context + "/chain/";
        List<EvidenceFile> files = new ArrayList<>();
        List<Verification> verifications = new ArrayList<>();
        List<SealedHead> sealed = new ArrayList<>();
        List<String> distinct = streams.stream().distinct().toList();
        for (String stream : distinct) {
            History history = audit.history(stream, asOf);
            files.add(new EvidenceFile(folder + fileName(stream), HistoryChainAudit.export(history.lines())));
            verifications.add(audit.verify(history));
            history.seals().stream().map(SealedHead::of).forEach(sealed::add);
        }
        files.add(EvidenceJson.record(folder + "verification.json", new ChainVerification(asOf,
                verifications.stream().allMatch(Verification::intact), verifications)));
        files.add(EvidenceJson.record(folder + "seals.json", sealed));
        files.add(EvidenceJson.record(folder + "seal-keys.json", audit.publicKeys()));
        return new EvidenceContent(files, distinct, readme(folder));
    }

    /** The name of a stream's lines in the pack, without its folder. */
    public static String fileName(String stream) {
        return UNSAFE.matcher(stream).replaceAll("_") + ".lines";
    }

    private static String readme(String folder) {
        return """
                %1$s<stream>.lines: the tamper-evident history chain of each event stream that holds the \
                contract's events in this context (the stream's id, any character but letters, digits, ".", "_" and \
                "-" written "_"), as the event store held it at asOf (the events up to the first command stored \
                after asOf). One line per stored event, in sequence order from 0: the chain head after the event \
                (64 hex digits), a TAB, then the event's canonical line (RFC 8785 JSON of stream, sequence, eventId, \
                aggregateType, timestamp, payloadType, revision, payload and metaData, as stored). \
                leaf = sha256(canonical line); head = sha256(previous head + "\\n" + leaf), starting from 64 zeros. \
                The same format as the service's history-chain export.

                %1$sverification.json: the verification of each stream as of asOf, recomputed from the store: \
                asOf; intact (true when every stream is); per stream, in the order of the lines files: stream, \
                intact, events, headSequence, head, recordedThrough (the last sequence the recorded chain held by asOf), sealsChecked \
                and, when not intact, firstDifference (stream, sequence, eventId, against "chain" or "seal", the \
                expected and the found head, and intactThrough, the last seal that still matched).

                %1$sseals.json: the signed checkpoints of the streams' heads made by asOf over those events, by \
                stream then sequence: stream, sequence, head, sealedAt, source, keyId and signature (base64url \
                Ed25519 over the RFC 8785 JSON of the other members). The same seals were published on the \
                context's Kafka topic as HistorySealed events.

                %1$sseal-keys.json: the service's public keys that sign the seals, as a JWK set (Ed25519, OKP).
                """.formatted(folder);
    }
}
