package org.commissioning.contract.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractRatingRecordedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.MonitoringCadenceChangedEvent;
import org.commissioning.contract.api.MonitoringMeetingHeldEvent;
import org.commissioning.contract.api.MonitoringMeetingOverdueEvent;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.StoredContractEvent;
import org.commissioning.platform.evidence.EvidenceCsv;
import org.commissioning.platform.evidence.EvidenceFile;
import org.commissioning.platform.evidence.EvidenceJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The files of a contract's evidence part drawn from its stored events (in sequence order, as the store held them at
 * the instant): the lifecycle whole, and each kind of decision as a table of its own. Every row of a decision ends
 * with the columns of its record ({@link #RECORD}): the event's sequence, stored time, actor, actor's name and the
 * actor whose request caused it.
 */
final class ContractEvidenceTables {

    static final List<String> RECORD = List.of("sequence", "stored_at", "actor", "actor_name", "caused_by");
    /** The cells of a list (attendees, reasons, red months) are joined with this; the lifecycle's JSON has the lists. */
    static final String LIST_SEPARATOR = "; ";

    private static final ObjectMapper DETAILS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final List<StoredContractEvent> events;

    ContractEvidenceTables(List<StoredContractEvent> stored) {
        this.events = stored.stream().sorted(Comparator.comparingLong(StoredContractEvent::sequence)).toList();
    }

    /**
     * One entry of the lifecycle: a stored event with who, when and why.
     *
     * @param businessDate the date the event names as its own (registration: start; variation, termination: effective
     *                     date; plans, warnings, meetings, payments, cadence, escalation: the day decided or held;
     *                     expiry: the end); null where it names none
     * @param period       the month a payment decision, rating or cadence change is about; else null
     * @param reason       the reason, rationale or outcome the event records; else null
     * @param details      the event's fields
     */
    record LifecycleEntry(long sequence, String eventId, Instant storedAt, String type, LocalDate businessDate,
                          YearMonth period, String actor, String actorName, String causedBy, String correlationId,
                          String reason, String summary, Map<String, Object> details) {
    }

    EvidenceFile lifecycleCsv() {
        return EvidenceCsv.table(file("lifecycle.csv"), List.of("sequence", "event_id", "stored_at", "type",
                        "business_date", "period", "actor", "actor_name", "caused_by", "correlation_id", "reason",
                        "summary", "details"),
                lifecycle().map(e -> cells(e.sequence(), e.eventId(), e.storedAt(), e.type(), e.businessDate(),
                        e.period(), e.actor(), e.actorName(), e.causedBy(), e.correlationId(), e.reason(), e.summary(),
                        compact(e.details()))).toList());
    }

    EvidenceFile lifecycleJson() {
        return EvidenceJson.record(file("lifecycle.json"), lifecycle().toList());
    }

    /** Every decision on a period's payment, superseded ones too, by period then sequence. */
    EvidenceFile payments() {
        Map<YearMonth, Long> inForce = new HashMap<>();
        List<Decision> decisions = new ArrayList<>();
        for (StoredContractEvent stored : events) {
            Decision decision = Decision.of(stored);
            if (decision != null) {
                decisions.add(decision);
                inForce.put(decision.period(), stored.sequence());
            }
        }
        return EvidenceCsv.table(file("payments.csv"), header("period", "decision", "rationale", "decided_on",
                        "supersedes", "superseding_reason", "in_force"),
                decisions.stream().sorted(Comparator.comparing(Decision::period)
                                .thenComparingLong(d -> d.stored().sequence()))
                        .map(d -> row(d.stored(), d.period(), d.decision(), d.rationale(), d.decidedOn(),
                                d.supersedes(), d.supersedingReason(),
                                inForce.get(d.period()) == d.stored().sequence()))
                        .toList());
    }

    /** Every overall rating recorded from the ratings context, by period then sequence. */
    EvidenceFile ratings() {
        return EvidenceCsv.table(file("ratings.csv"), header("period", "rating", "previous_rating"),
                of(ContractRatingRecordedEvent.class)
                        .sorted(Comparator.comparing((Typed<ContractRatingRecordedEvent> t) -> t.event().period())
                                .thenComparingLong(t -> t.stored().sequence()))
                        .map(t -> row(t.stored(), t.event().period(), t.event().rating(), t.event().previousRating()))
                        .toList());
    }

    EvidenceFile cadence() {
        return EvidenceCsv.table(file("cadence.csv"), header("changed_on", "period", "rating", "previous_cadence",
                        "cadence", "next_meeting_due"),
                of(MonitoringCadenceChangedEvent.class).map(t -> {
                    MonitoringCadenceChangedEvent e = t.event();
                    return row(t.stored(), e.changedOn(), e.period(), e.rating(), e.previousCadence(), e.cadence(),
                            e.nextMeetingDue());
                }).toList());
    }

    EvidenceFile meetings() {
        return EvidenceCsv.table(file("meetings.csv"), header("meeting_number", "held_on", "attendees", "notes",
                        "actions", "next_meeting_due"),
                of(MonitoringMeetingHeldEvent.class).map(t -> {
                    MonitoringMeetingHeldEvent e = t.event();
                    return row(t.stored(), e.meetingNumber(), e.heldOn(), joined(e.attendees()), e.notes(),
                            e.actions().size(), e.nextMeetingDue());
                }).toList());
    }

    EvidenceFile overdueMeetings() {
        return EvidenceCsv.table(file("meetings-overdue.csv"), header("due_date", "cadence", "last_meeting_held_on",
                        "flagged_on"),
                of(MonitoringMeetingOverdueEvent.class).map(t -> {
                    MonitoringMeetingOverdueEvent e = t.event();
                    return row(t.stored(), e.dueDate(), e.cadence(), e.lastMeetingHeldOn(), e.flaggedOn());
                }).toList());
    }

    /** The steps of escalation in the order they were stored: escalation due, plans started and closed, warnings. */
    EvidenceFile escalation() {
        List<List<Object>> rows = new ArrayList<>();
        for (StoredContractEvent s : events) {
            ContractEvent event = s.event();
            if (event instanceof EscalationDueEvent e) {
                rows.add(row(s, s.type(), null, null, e.dueOn(), null, joined(e.periods()), e.threshold(), null, null));
            } else if (event instanceof PlanStartedEvent e) {
                rows.add(row(s, s.type(), e.planNumber(), e.kind(), e.startedOn(), null, null, null, e.reason(),
                        e.actions().size()));
            } else if (event instanceof PlanClosedEvent e) {
                rows.add(row(s, s.type(), e.planNumber(), e.kind(), e.closedOn(), null, null, null, e.outcome(), null));
            } else if (event instanceof ContractWarningIssuedEvent e) {
                rows.add(row(s, s.type(), e.warningNumber(), null, e.issuedOn(), e.responseDeadline(), null, null,
                        joined(e.reasons()), null));
            }
        }
        return EvidenceCsv.table(file("escalation.csv"), header("type", "number", "kind", "business_date",
                "response_deadline", "red_periods", "threshold", "reason", "actions"), rows);
    }

    /** Every action agreed in a plan or at a meeting, by sequence then its place in the plan or meeting. */
    EvidenceFile actions() {
        List<List<Object>> rows = new ArrayList<>();
        for (StoredContractEvent s : events) {
            if (s.event() instanceof PlanStartedEvent e) {
                actionRows(rows, s, "PLAN", e.planNumber(), e.actions());
            } else if (s.event() instanceof MonitoringMeetingHeldEvent e) {
                actionRows(rows, s, "MEETING", e.meetingNumber(), e.actions());
            }
        }
        return EvidenceCsv.table(file("actions.csv"), header("agreed_in", "number", "position", "description",
                "owner", "due_date"), rows);
    }

    private static void actionRows(List<List<Object>> rows, StoredContractEvent s, String agreedIn, int number,
                                   List<PlanAction> actions) {
        for (int i = 0; i < actions.size(); i++) {
            PlanAction action = actions.get(i);
            rows.add(row(s, agreedIn, number, i + 1, action.description(), action.owner(), action.dueDate()));
        }
    }

    private Stream<LifecycleEntry> lifecycle() {
        return events.stream().map(s -> {
            ContractHistoryEntry e = s.entry();
            Facts facts = Facts.of(s.event());
            return new LifecycleEntry(e.sequence(), e.eventId(), e.time(), e.type(), facts.date(), facts.period(),
                    e.actor(), s.actorName(), e.causedBy(), s.correlationId(), facts.reason(),
                    e.summary(), e.fields());
        });
    }

    private <E extends ContractEvent> Stream<Typed<E>> of(Class<E> type) {
        return events.stream().filter(s -> type.isInstance(s.event()))
                .map(s -> new Typed<>(s, type.cast(s.event())));
    }

    private static String file(String name) {
        return ContractEvidence.CONTEXT + "/" + name;
    }

    private static List<String> header(String... columns) {
        return Stream.concat(Stream.of(columns), RECORD.stream()).toList();
    }

    /** The cells given, then the record's ({@link #RECORD}). */
    private static List<Object> row(StoredContractEvent s, Object... cells) {
        List<Object> row = cells(cells);
        ContractHistoryEntry e = s.entry();
        row.addAll(cells(e.sequence(), e.time(), e.actor(), s.actorName(), e.causedBy()));
        return row;
    }

    private static List<Object> cells(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length + RECORD.size());
        for (Object cell : cells) {
            row.add(cell instanceof Enum<?> e ? e.name() : cell);
        }
        return row;
    }

    private static String joined(Collection<?> values) {
        return String.join(LIST_SEPARATOR, values.stream().map(Object::toString).toList());
    }

    private static String compact(Map<String, Object> details) {
        try {
            return DETAILS.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("details cannot be written as JSON", e);
        }
    }

    private record Typed<E extends ContractEvent>(StoredContractEvent stored, E event) {
    }

    /** A decision on a period's payment. */
    private record Decision(StoredContractEvent stored, YearMonth period, PaymentDecision decision,
                            String rationale, LocalDate decidedOn, PaymentDecision supersedes,
                            String supersedingReason) {

        static Decision of(StoredContractEvent s) {
            if (s.event() instanceof PaymentAuthorisedEvent e) {
                return new Decision(s, e.period(), PaymentDecision.AUTHORISED, e.rationale(), e.decidedOn(),
                        e.supersedes(), e.supersedingReason());
            }
            if (s.event() instanceof PaymentWithheldEvent e) {
                return new Decision(s, e.period(), PaymentDecision.WITHHELD, e.rationale(), e.decidedOn(),
                        e.supersedes(), e.supersedingReason());
            }
            return null;
        }
    }

    /** What the lifecycle shows of an event beyond its record: its business date, its month, its reason. */
    private record Facts(LocalDate date, YearMonth period, String reason) {

        static Facts of(ContractEvent event) {
            if (event instanceof ContractRegisteredEvent e) {
                return new Facts(e.start(), null, null);
            }
            if (event instanceof ContractVariedEvent e) {
                return new Facts(e.effectiveDate(), null, e.reason());
            }
            if (event instanceof ContractExtendedEvent e) {
                return new Facts(null, null, e.reason());
            }
            if (event instanceof PlanStartedEvent e) {
                return new Facts(e.startedOn(), null, e.reason());
            }
            if (event instanceof PlanClosedEvent e) {
                return new Facts(e.closedOn(), null, e.outcome());
            }
            if (event instanceof ContractWarningIssuedEvent e) {
                return new Facts(e.issuedOn(), null, joined(e.reasons()));
            }
            if (event instanceof ContractTerminatedEvent e) {
                return new Facts(e.effectiveDate(), null, e.reason());
            }
            if (event instanceof ContractExpiredEvent e) {
                return new Facts(e.end(), null, null);
            }
            if (event instanceof ContractRecommissionedEvent e) {
                return new Facts(null, null, e.reason());
            }
            if (event instanceof PaymentAuthorisedEvent e) {
                return new Facts(e.decidedOn(), e.period(), e.rationale());
            }
            if (event instanceof PaymentWithheldEvent e) {
                return new Facts(e.decidedOn(), e.period(), e.rationale());
            }
            if (event instanceof MonitoringCadenceChangedEvent e) {
                return new Facts(e.changedOn(), e.period(), null);
            }
            if (event instanceof MonitoringMeetingHeldEvent e) {
                return new Facts(e.heldOn(), null, null);
            }
            if (event instanceof MonitoringMeetingOverdueEvent e) {
                return new Facts(e.flaggedOn(), null, null);
            }
            if (event instanceof ContractRatingRecordedEvent e) {
                return new Facts(null, e.period(), null);
            }
            if (event instanceof EscalationDueEvent e) {
                return new Facts(e.dueOn(), null, null);
            }
            return new Facts(null, null, null);
        }
    }
}
