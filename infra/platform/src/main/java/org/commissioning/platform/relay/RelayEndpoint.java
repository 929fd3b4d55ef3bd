package org.commissioning.platform.relay;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/relay}, for operators: {@code GET} lists the parked events, oldest first ({@link RelayStatus});
 * {@code POST} retries every held stream, or only {@code {"stream": "<topic>|<subject>"}}, after the cause has been
 * fixed.
 */
@Endpoint(id = "relay")
@RequiredArgsConstructor
public class RelayEndpoint {

    private final OutboxRelay relay;

    @ReadOperation
    public RelayStatus parked() {
        return relay.status();
    }

    @WriteOperation
    public Retried retry(@Nullable String stream) throws InterruptedException {
        List<OutboxRelay.StreamRetry> streams = relay.retry(stream == null || stream.isBlank() ? null : stream);
        return new Retried(streams, relay.status().parked());
    }

    public record Retried(List<OutboxRelay.StreamRetry> streams, long stillParked) {
    }
}
