package org.commissioning.platform.messaging;

/** A message on a platform topic that is not a valid integration event. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
