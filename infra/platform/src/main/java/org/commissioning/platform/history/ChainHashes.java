package org.commissioning.platform.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The arithmetic of the history chain (README, "Tamper-evident history"): for the event at sequence {@code n} of a
 * stream, {@code leaf_n = sha256hex(canonical_n)} and {@code head_n = sha256hex(head_(n-1) + "\n" + leaf_n)}, with
 * {@code head_(-1)} = 64 zeros; hex is lower case, text is UTF-8.
 */
public final class ChainHashes {

    /** The head of a stream before its first event. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHashes() {
    }

    public static String leaf(String canonicalLine) {
        return sha256Hex(canonicalLine);
    }

    public static String link(String previousHead, String leaf) {
        return sha256Hex(previousHead + "\n" + leaf);
    }

    /**
     * The consistency check between two seals of a stream: whether the earlier seal's head, chained through the
     * leaves of the events after it, gives the later seal's head. Only a history that extends the earlier one
     * unchanged can (SHA-256 being collision resistant): an edited earlier event changes every later head.
     *
     * @param leaves the leaves of the events {@code fromSequence + 1 .. toSequence}, in order
     */
    public static boolean extendsUnchanged(String fromHead, long fromSequence, String toHead, long toSequence,
                                           List<String> leaves) {
        if (toSequence < fromSequence || leaves.size() != toSequence - fromSequence) {
            return false;
        }
        String head = fromHead;
        for (String leaf : leaves) {
            head = link(head, leaf);
        }
        return head.equals(toHead);
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
