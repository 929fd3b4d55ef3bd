package org.commissioning.contract.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commissioning.platform.domain.RuleViolationException;

/**
 * The contract version a client says it changes, from {@code If-Match: "<version>"} (the ETag of
 * {@code GET /api/contracts/{id}} or of the last change). No header, or {@code *}, asks for no check.
 */
final class IfMatch {

    static final String HEADER = "If-Match";
    private static final Pattern STRONG_VERSION = Pattern.compile("\"(\\d{1,18})\"");

    private IfMatch() {
    }

    static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = STRONG_VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw new RuleViolationException("if-match-version", HEADER,
                    "If-Match must be one quoted contract version, as in the ETag, e.g. \"3\"; got " + header);
        }
        return Long.parseLong(matcher.group(1));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
