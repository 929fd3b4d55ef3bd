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
 * {@code /actuator/deadletteredrecords}, for operators: the records this service's Kafka consumers dead-lettered.
 * <ul>
 *   <li>{@code GET} lists every dead-letter topic's records with their state; {@code GET /{topic}} one topic's.</li>
 *   <li>{@code POST} re-applies every outstanding record, or {@code {"topic": "...", "partition": n, "offset": n}}
 *       one, after the cause was fixed; answers what became of each.</li>
 *   <li>{@code DELETE /{topic}/{partition}/{offset}?reason=...} discards a record; the reason is mandatory and the
 *       discard is audited.</li>
 * </ul>
 */
@Endpoint(id = "deadletteredrecords")
public class DeadLetteredRecordsEndpoint {

    private final DeadLetteredRecords records;

    public DeadLetteredRecordsEndpoint(DeadLetteredRecords records) {
        this.records = records;
    }

    /** The records and how many are outstanding (neither applied, held, retried nor discarded). */
    public record Listing(long outstanding, List<DeadLetteredRecords.Binding> bindings,
                          List<DeadLetteredRecords.Record> records) {
        static Listing of(List<DeadLetteredRecords.Binding> bindings, List<DeadLetteredRecords.Record> records) {
            return new Listing(records.stream().filter(DeadLetteredRecords.Record::outstanding).count(), bindings,
                    records);
        }
    }

    public record Retried(long applied, long failed, List<DeadLetteredRecords.Retried> records) {
    }

    @ReadOperation
    public Listing list() {
        return Listing.of(records.bindings(), records.list());
    }

    @ReadOperation
    public WebEndpointResponse<Listing> listTopic(@Selector String topic) {
        List<DeadLetteredRecords.Binding> bindings = records.bindings().stream()
                .filter(b -> b.deadLetterTopic().equals(topic)).toList();
        if (bindings.isEmpty()) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(Listing.of(bindings, records.list().stream()
                .filter(r -> r.deadLetterTopic().equals(topic)).toList()));
    }

    @WriteOperation
    public WebEndpointResponse<Object> retry(@Nullable String topic, @Nullable Integer partition,
                                             @Nullable Long offset) {
        if (topic == null || topic.isBlank()) {
            if (partition != null || offset != null) {
                throw invalid("topic: required with partition and offset");
            }
            return new WebEndpointResponse<>(retried(records.retryOutstanding()));
        }
        if (partition == null || offset == null || partition < 0 || offset < 0) {
            throw invalid("partition, offset: both required with topic, each 0 or more");
        }
        return records.retry(topic, partition, offset)
                .<WebEndpointResponse<Object>>map(r -> new WebEndpointResponse<>(retried(List.of(r))))
                .orElseGet(() -> notFound(topic, partition, offset));
    }

    @DeleteOperation
    public WebEndpointResponse<Object> discard(@Selector String topic, @Selector int partition,
                                               @Selector long offset, @Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw invalid("reason: a reason for discarding is required");
        }
        if (reason.length() > 2_000) {
            throw invalid("reason: at most 2000 characters");
        }
        return records.discard(topic, partition, offset, reason.strip(), Operators.current())
                .<WebEndpointResponse<Object>>map(WebEndpointResponse::new)
                .orElseGet(() -> notFound(topic, partition, offset));
    }

    private static Retried retried(List<DeadLetteredRecords.Retried> retried) {
        long failed = retried.stream().filter(DeadLetteredRecords.Retried::failed).count();
        return new Retried(retried.size() - failed, failed, retried);
    }

    private static WebEndpointResponse<Object> notFound(String topic, int partition, long offset) {
        return new WebEndpointResponse<>("No dead-lettered record " + topic + "/" + partition + "@" + offset
                + " outstanding here", WebEndpointResponse.STATUS_NOT_FOUND);
    }

    private static InvalidEndpointRequestException invalid(String message) {
        return new InvalidEndpointRequestException(message, message);
    }
}
