package org.commissioning.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.commissioning.platform.messaging.EventEncodingException;
import org.commissioning.platform.messaging.PublishFailedException;
import org.commissioning.platform.relay.PublishFailures.Verdict;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.messaging.MessageHandlingException;

/** Which publish failures the relay parks and which it retries, as the binder wraps them. */
class PublishFailuresTest {

    /** What the broker can never accept is parked; while the broker is unavailable the relay retries. */
    static Stream<Arguments> failures() {
        return Stream.of(
                arguments(sent(new RecordTooLargeException("too large")), Verdict.PARK),
                arguments(sent(new InvalidRecordException("bad record")), Verdict.PARK),
                arguments(sent(new SerializationException("cannot serialise")), Verdict.PARK),
                arguments(Named.of("any other non-retriable broker error",
                        wrapped(new InvalidTopicException("no such topic name"))), Verdict.PARK),
                arguments(new EventEncodingException("Cannot encode", null), Verdict.PARK),
                arguments(sent(new TimeoutException("max.block.ms expired")), Verdict.RETRY),
                arguments(sent(new NetworkException("connection lost")), Verdict.RETRY),
                arguments(sent(new NotLeaderOrFollowerException("electing")), Verdict.RETRY),
                arguments(Named.of("the broker's configuration, not the event's fault",
                        wrapped(new TopicAuthorizationException("no ACL"))), Verdict.RETRY),
                arguments(Named.of("an unknown failure is retried, as before",
                        new PublishFailedException("not acknowledged", null)), Verdict.RETRY));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("failures")
    void parksWhatTheBrokerCanNeverAcceptAndRetriesWhileItIsUnavailable(RuntimeException failure, Verdict verdict) {
        assertThat(PublishFailures.classify(failure)).isEqualTo(verdict);
    }

    @Test
    void namesTheRootCause() {
        assertThat(PublishFailures.rootCause(wrapped(new RecordTooLargeException("1048677 bytes"))))
                .isEqualTo("RecordTooLargeException: 1048677 bytes");
    }

    /** A failed send as the binder reports it, named after Kafka's exception. */
    private static Named<RuntimeException> sent(Exception kafka) {
        return Named.of(kafka.getClass().getSimpleName(), wrapped(kafka));
    }

    /** As the Kafka binder's synchronous producer reports a failed send through StreamBridge. */
    private static RuntimeException wrapped(Exception kafka) {
        return new PublishFailedException("Broker did not acknowledge",
                new MessageHandlingException(null, "Failed to send", new ExecutionException(kafka)));
    }
}
