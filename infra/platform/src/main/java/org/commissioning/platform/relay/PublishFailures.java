package org.commissioning.platform.relay;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.commissioning.platform.messaging.EventEncodingException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Tells a publish that may succeed later (the broker is down, slow or electing a leader: retry) from one the broker
 * can never accept (the event itself is at fault: park it), by the first Kafka or encoding exception in the cause
 * chain. Whatever is not recognised is retried, as before parking existed: only a known deterministic failure parks.
 */
public final class PublishFailures {

    public enum Verdict { RETRY, PARK }

    private PublishFailures() {
    }

    public static Verdict classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return Verdict.RETRY;
            }
            // a missing credential or ACL is the broker's configuration, not this event's fault: every event waits
            if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
                return Verdict.RETRY;
            }
            if (t instanceof RecordTooLargeException || t instanceof InvalidRecordException
                    || t instanceof SerializationException || t instanceof ApiException) {
                return Verdict.PARK;
            }
            if (t instanceof EventEncodingException || t instanceof JsonProcessingException) {
                return Verdict.PARK;
            }
        }
        return Verdict.RETRY;
    }

    /** The innermost cause, as {@code SimpleName: message}: what an operator needs to see. */
    public static String rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
