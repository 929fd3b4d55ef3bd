package org.commissioning.platform.history;

import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Canonicalization Scheme (RFC 8785) for the flat objects the history chain hashes and signs: members
 * sorted by name, no whitespace, strings escaped minimally ({@code "} and {@code \}, the five short escapes
 * {@code \b \t \n \f \r}, other control characters as {@code \}{@code u00xx} in lower case, everything else as is,
 * UTF-8), integers in plain decimal, {@code null}. Any RFC 8785 implementation gives the same text.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** @param members values are {@link String}, {@link Long}/{@link Integer} or null */
    public static String of(Map<String, ?> members) {
        StringBuilder out = new StringBuilder("{");
        // every member name here is ASCII, so sorting by UTF-16 code units is String's natural order
        new TreeMap<>(members).forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, name);
            out.append(':');
            value(out, value);
        });
        return out.append('}').toString();
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof String s) {
            string(out, s);
        } else {
            throw new IllegalArgumentException("Not canonicalised here: " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
