package org.commissioning.gateway.application;

import java.net.URI;
import java.util.Objects;

/**
 * A context whose part an evidence pack holds: its name (the first segment of its files' names), the service that
 * owns it, where that service listens, and the path of its part ({@code {contractId}} in it), asked with
 * {@code ?asOf=}.
 */
public record EvidencePartOwner(String context, String service, URI url, String path) {

    public EvidencePartOwner {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(url, "url");
        if (!path.contains("{contractId}")) {
            throw new IllegalArgumentException(service + "'s evidence path names no {contractId}: " + path);
        }
    }
}
