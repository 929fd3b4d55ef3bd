package org.commissioning.events.deepdives.v1;

import java.time.Instant;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A signed checkpoint of the hash chain of one stored-event stream of the deep-dives context: a deep dive (its
 * aggregate id is {@code <contractId>:<programmeYear>}) or a programme year ({@code programme:<year>}).
 * The CloudEvent's subject is the stream, so here, unlike the other events of this topic, not a contract id. How to check it: README, "Tamper-evident history".
 *
 * @param head      the chain's head after the event at {@code sequence} (64 lower-case hex digits)
 * @param keyId     the RFC 7638 thumbprint of the Ed25519 key that signed it
 * @param signature base64url Ed25519 signature of the RFC 8785 JSON of the other members
 */
@PublishedEvent(context = Context.DEEPDIVES, name = "HistorySealed", version = 1)
public record HistorySealed(String stream, long sequence, String head, Instant sealedAt, String source, String keyId,
                            String signature) {
}
