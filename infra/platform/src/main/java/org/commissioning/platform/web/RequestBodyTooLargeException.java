package org.commissioning.platform.web;

import java.io.IOException;

/**
 * A request body passed its limit while it was read (a chunked body, or one longer than its Content-Length said).
 * An {@link IOException}, as the stream that raises it is read by code that only expects those.
 */
public class RequestBodyTooLargeException extends IOException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** This exception if it is {@code e} or one of its causes. */
    public static RequestBodyTooLargeException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
