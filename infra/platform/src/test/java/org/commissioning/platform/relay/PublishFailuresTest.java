package org.commissioning.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;

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
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHandlingException;

/** Which publish failures the relay parks and which it retries, as the binder wraps them. */
class PublishFailuresTest {

    @Test
    void parksWhatTheBrokerCanNeverAccept() {
        assertThat(PublishFailures.classify(wrapped(new RecordTooLargeException("too large")))).isEqualTo(Verdict.PARK);
        assertThat(PublishFailures.classify(wrapped(new InvalidRecordException("bad record")))).isEqualTo(Verdict.PARK);
        assertThat(PublishFailures.classify(wrapped(new SerializationException("cannot serialise"))))
                .isEqualTo(Verdict.PARK);
        assertThat(PublishFailures.classify(wrapped(new InvalidTopicException("no such topic name"))))
                .as("any other non-retriable broker error").isEqualTo(Verdict.PARK);
        assertThat(PublishFailures.classify(new EventEncodingException("Cannot encode", null)))
                .isEqualTo(Verdict.PARK);
    }

    @Test
    void retriesWhileTheBrokerIsUnavailable() {
        assertThat(PublishFailures.classify(wrapped(new TimeoutException("max.block.ms expired"))))
                .isEqualTo(Verdict.RETRY);
        assertThat(PublishFailures.classify(wrapped(new NetworkException("connection lost")))).isEqualTo(Verdict.RETRY);
        assertThat(PublishFailures.classify(wrapped(new NotLeaderOrFollowerException("electing"))))
                .isEqualTo(Verdict.RETRY);
        assertThat(PublishFailures.classify(wrapped(new TopicAuthorizationException("no ACL"))))
                .as("the broker's configuration, not the event's fault").isEqualTo(Verdict.RETRY);
        assertThat(PublishFailures.classify(new PublishFailedException("not acknowledged", null)))
                .as("an unknown failure is retried, as before").isEqualTo(Verdict.RETRY);
    }

    @Test
    void namesTheRootCause() {
        assertThat(PublishFailures.rootCause(wrapped(new RecordTooLargeException("1048677 bytes"))))
                .isEqualTo("RecordTooLargeException: 1048677 bytes");
    }

    /** As the Kafka binder's synchronous producer reports a failed send through StreamBridge. */
    private static RuntimeException wrapped(Exception kafka) {
        return new PublishFailedException("Broker did not acknowledge",
                new MessageHandlingException(null, "Failed to send", new ExecutionException(kafka)));
    }
}
