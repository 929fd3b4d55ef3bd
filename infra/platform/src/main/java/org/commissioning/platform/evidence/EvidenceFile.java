package org.commissioning.platform.evidence;

import java.util.Objects;

/**
 * One file of an evidence pack: its path inside the pack ({@code <context>/<name>}, e.g. {@code contract/lifecycle.csv})
 * and its text (UTF-8, {@code \n} or CSV's CRLF line ends), the same bytes for the same contract and instant.
 */
public record EvidenceFile(String name, String content) {

    public EvidenceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
