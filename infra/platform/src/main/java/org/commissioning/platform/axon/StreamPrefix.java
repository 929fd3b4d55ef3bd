package org.commissioning.platform.axon;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The condition that a stored event's aggregate identifier starts with a prefix, as a range
 * ({@code prefix <= id < prefix with its last character's successor}) rather than an anchored regex: the embedded
 * server's lookups and MongoDB's index bounds both serve a range from the index that leads with the identifier.
 */
public final class StreamPrefix {

    private StreamPrefix() {
    }

    /** @throws IllegalArgumentException for an empty prefix, or one ending in the last character there is */
    public static Bson startsWith(String field, String prefix) {
        if (prefix.isEmpty() || prefix.charAt(prefix.length() - 1) == Character.MAX_VALUE) {
            throw new IllegalArgumentException("No range of identifiers starts with '" + prefix + "'");
        }
        String after = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        return new Document(field, new Document("$gte", prefix).append("$lt", after));
    }
}
