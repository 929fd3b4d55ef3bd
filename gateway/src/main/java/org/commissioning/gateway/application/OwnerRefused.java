package org.commissioning.gateway.application;

/**
 * An owner's answer other than 2xx to a request the gateway made on the caller's behalf (an unknown contract's 404,
 * say), relayed to the caller with its status, content type and body exactly as the owner wrote them.
 */
public class OwnerRefused extends RuntimeException {

    private final String service;
    private final int status;
    private final String contentType;
    private final transient byte[] body;

    public OwnerRefused(String service, int status, String contentType, byte[] body) {
        super(service + " answered " + status);
        this.service = service;
        this.status = status;
        this.contentType = contentType;
        this.body = body.clone();
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** Null when the owner named none. */
    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body.clone();
    }
}
