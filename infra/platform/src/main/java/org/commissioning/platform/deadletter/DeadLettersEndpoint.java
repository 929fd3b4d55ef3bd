package org.commissioning.platform.deadletter;

import java.util.List;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/deadletters}, for operators: the events the processing groups dead-lettered.
 * <ul>
 *   <li>{@code GET} lists every group's letters; {@code GET /{group}} one group's.</li>
 *   <li>{@code POST} retries every group, or {@code {"group": "...", "sequence": "..."}} one group or one of its
 *       sequences (an aggregate id), after the cause was fixed; answers how many were processed and how many are
 *       still parked.</li>
 *   <li>{@code DELETE /{group}/{sequence}?reason=...} discards the sequence unhandled ({@code &index=n}: only that
 *       letter); the reason is mandatory and the discard is audited.</li>
 * </ul>
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public DeadLetters.Parked parked() {
        return deadLetters.parked();
    }

    @ReadOperation
    public DeadLetters.GroupLetters parkedIn(@Selector String group) {
        return deadLetters.parked(group);
    }

    @WriteOperation
    public Retried retry(@Nullable String group, @Nullable String sequence) {
        List<DeadLetters.Retried> groups = deadLetters.retry(blankToNull(group), blankToNull(sequence));
        return new Retried(groups.stream().mapToLong(DeadLetters.Retried::processed).sum(),
                deadLetters.counts().values().stream().mapToLong(Long::longValue).sum(), groups);
    }

    @DeleteOperation
    public WebEndpointResponse<Object> discard(@Selector String group, @Selector String sequence, String reason,
                                               @Nullable Long index) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidEndpointRequestException("reason: a reason for discarding is required",
                    "reason: a reason for discarding is required");
        }
        return deadLetters.discard(group, sequence, index, reason.strip(), Operators.current())
                .<WebEndpointResponse<Object>>map(WebEndpointResponse::new)
                .orElseGet(() -> new WebEndpointResponse<>(
                        "No dead letter in processing group " + group + " sequence " + sequence
                                + (index == null ? "" : " index " + index), WebEndpointResponse.STATUS_NOT_FOUND));
    }

    public record Retried(long processed, long stillParked, List<DeadLetters.Retried> groups) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
