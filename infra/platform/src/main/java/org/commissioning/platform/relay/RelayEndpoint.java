package org.commissioning.platform.relay;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/relay}, for operators: {@code GET} lists the parked events, oldest first; {@code POST} retries
 * every held stream, or only {@code {"stream": "<topic>|<subject>"}}, after the cause has been fixed.
 */
@Endpoint(id = "relay")
public class RelayEndpoint {

    private final ParkedEvents parked;
    private final OutboxRelay relay;

    public RelayEndpoint(ParkedEvents parked, OutboxRelay relay) {
        this.parked = parked;
        this.relay = relay;
    }

    @ReadOperation
    public Parked parked() {
        List<ParkedEvents.Entry> entries = parked.all();
        return new Parked(entries.size(), entries.stream().map(ParkedEvents.Entry::stream).distinct().toList(),
                entries);
    }

    @WriteOperation
    public Retried retry(@Nullable String stream) throws InterruptedException {
        List<OutboxRelay.StreamRetry> streams = relay.retry(stream == null || stream.isBlank() ? null : stream);
        return new Retried(streams, parked.count());
    }

    public record Parked(long parked, List<String> streams, List<ParkedEvents.Entry> events) {
    }

    public record Retried(List<OutboxRelay.StreamRetry> streams, long stillParked) {
    }
}
