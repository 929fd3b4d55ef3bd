package org.commissioning.platform.messaging;

/** An integration event that cannot be written as JSON: it will never be, however often it is tried. */
public class EventEncodingException extends IllegalArgumentException {

    public EventEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
