package org.commissioning.platform.evidence;

import java.util.List;

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
}
