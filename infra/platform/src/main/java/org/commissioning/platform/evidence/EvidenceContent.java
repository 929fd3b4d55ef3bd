package org.commissioning.platform.evidence;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a context holds on a contract as of an instant, as its {@link EvidenceSource} renders it.
 *
 * @param files   the context's files, names under {@code <context>/}, in the order the pack lists them
 * @param streams the ids of the event streams that hold the contract's events in this context, whose history chain
 *                the pack bundles (as of the same instant)
 * @param readme  the section of the pack's README.txt that explains each of the files, plain text
 */
public record EvidenceContent(List<EvidenceFile> files, List<String> streams, String readme) {

    public EvidenceContent {
        files = List.copyOf(files);
        streams = List.copyOf(streams);
    }

    /** This content, then {@code more}'s: files after files, streams after streams, README sections in order. */
    public EvidenceContent followedBy(EvidenceContent more) {
        return new EvidenceContent(Stream.concat(files.stream(), more.files.stream()).toList(),
                Stream.concat(streams.stream(), more.streams.stream()).distinct().toList(),
                Stream.of(readme, more.readme).filter(r -> r != null && !r.isBlank()).map(String::strip)
                        .reduce((a, b) -> a + "\n\n" + b).map(r -> r + "\n").orElse(""));
    }
}
