package org.commissioning.platform.deadletter;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import com.mongodb.MongoException;

/**
 * The enqueue policy of every dead-lettering processing group. A failure a retry can cure (the database is down or
 * slow, a write raced another) is not dead-lettered: it is rethrown, so the tracking processor retries the batch
 * with its back-off, as it did before dead letters existed. Anything else (a handler that can never accept the
 * event) parks the event's sequence. While an operator retries letters ({@link #retrying}), a failure of either
 * kind leaves the letter parked, its retry count raised.
 */
public class TransientFailures implements EnqueuePolicy<EventMessage<?>> {

    static final String RETRIES = "retries";

    private static final ThreadLocal<Boolean> RETRYING = new ThreadLocal<>();

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (RETRYING.get() != null) {
            return Decisions.requeue(cause, l -> l.diagnostics().and(RETRIES, retries(l) + 1));
        }
        if (isTransient(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime : new TransientEventHandlingException(cause);
        }
        return Decisions.enqueue(cause, l -> MetaData.with(RETRIES, 0));
    }

    /** Runs an operator's retry: failures then leave their letters parked instead of being rethrown. */
    static <T> T retrying(java.util.function.Supplier<T> retry) {
        RETRYING.set(Boolean.TRUE);
        try {
            return retry.get();
        } finally {
            RETRYING.remove();
        }
    }

    static int retries(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get(RETRIES);
        return retries instanceof Number n ? n.intValue() : 0;
    }

    /** A database that is down, slow or raced, anywhere in the cause chain. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoException || t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof TimeoutException
                    || t instanceof SocketTimeoutException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** A checked transient failure, rethrown for the processor to retry. */
    static class TransientEventHandlingException extends RuntimeException {
        TransientEventHandlingException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
