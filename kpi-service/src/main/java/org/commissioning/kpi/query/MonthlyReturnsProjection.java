package org.commissioning.kpi.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import lombok.RequiredArgsConstructor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.commissioning.kpi.api.CouncilKpiValueRecordedEvent;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyFlaggedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyResolvedEvent;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.MonthlyReturnView.Correction;
import org.commissioning.kpi.api.MonthlyReturnView.CouncilFigure;
import org.commissioning.kpi.api.MonthlyReturnView.Discrepancy;
import org.commissioning.kpi.api.MonthlyReturnView.Figure;
import org.commissioning.kpi.api.MonthlyReturnView.Validation;
import org.commissioning.kpi.api.MonthlyReturnView.Value;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.api.OverdueReturn;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The returns as they stand, one document per contract and month, and the returns found overdue. Each handler
 * reads the document, changes it and saves it whole; applying an event again changes nothing (a value is keyed by
 * KPI and district, a correction and a discrepancy by their event id). A single tracking processor applies the
 * events in order. A document can start with the council's figures, before the provider's return arrives.
 */
@Component
@ProcessingGroup("monthly-returns")
@RequiredArgsConstructor
public class MonthlyReturnsProjection {

    public static final String COLLECTION = "monthly_returns";
    public static final String OVERDUE = "overdue_returns";

    private final MongoTemplate mongo;

    @EventHandler
    public void on(MonthlyReturnSubmittedEvent event, @Timestamp Instant at) {
        List<Value> values = find(event.returnId()).map(MonthlyReturnView::values).orElse(List.of());
        mongo.save(new MonthlyReturnView(event.returnId(), event.contractId(), event.period().toString(),
                event.frameworkVersion(), event.narrative(), event.submittedBy(), at, values, event.dueDate(),
                event.late()), COLLECTION);
        OverdueReturn overdue = mongo.findById(event.returnId(), OverdueReturn.class, OVERDUE);
        if (overdue != null && overdue.receivedAt() == null) {
            mongo.save(new OverdueReturn(overdue.id(), overdue.contractId(), overdue.period(), overdue.dueDate(),
                    overdue.detectedAt(), at), OVERDUE);
        }
    }

    @EventHandler
    public void on(KpiValueSubmittedEvent event) {
        MonthlyReturnView view = find(event.returnId()).orElseThrow(() -> new IllegalStateException(
                "Value of return " + event.returnId() + " before the return itself"));
        Figure submitted = new Figure(event.value(), event.numerator(), event.denominator(), event.band());
        update(view, event.kpiCode(), event.district(), event, current -> current.corrections().isEmpty()
                ? validated(new Value(event.kpiCode(), event.district(), event.unit(), event.value(),
                event.numerator(), event.denominator(), event.band(), submitted, List.of(), current.council(),
                null, current.discrepancies()))
                : current);
    }

    @EventHandler
    public void on(CouncilKpiValueRecordedEvent event) {
        MonthlyReturnView view = find(event.returnId()).orElseGet(() -> new MonthlyReturnView(event.returnId(),
                event.contractId(), event.period().toString(), event.frameworkVersion(), null, null, null, List.of(), null,
                false));
        CouncilFigure council = new CouncilFigure(event.value(), event.numerator(), event.denominator(), event.band(),
                event.recordedBy(), event.recordedAt());
        update(view, event.kpiCode(), event.district(), null, current -> validated(new Value(current.kpiCode(),
                current.district(), event.unit(), current.value(), current.numerator(), current.denominator(),
                current.band(), current.original(), current.corrections(), council, null,
                current.discrepancies())));
    }

    @EventHandler
    public void on(KpiCorrectedEvent event, @MessageIdentifier String eventId) {
        changeOnce(event.returnId(), event.kpiCode(), event.district(), "Correction",
                current -> current.corrections().stream().anyMatch(c -> c.eventId().equals(eventId)), current -> {
            List<Correction> corrections = new ArrayList<>(current.corrections());
            corrections.add(new Correction(eventId,
                    new Figure(event.previousValue(), event.previousNumerator(), event.previousDenominator(),
                            current.band()),
                    new Figure(event.value(), event.numerator(), event.denominator(), event.band()),
                    event.reason(), event.correctedBy(), event.correctedAt()));
            return validated(new Value(current.kpiCode(), current.district(), current.unit(), event.value(),
                    event.numerator(), event.denominator(), event.band(), current.original(), corrections,
                    current.council(), null, current.discrepancies()));
        });
    }

    @EventHandler
    public void on(KpiDiscrepancyFlaggedEvent event, @MessageIdentifier String eventId) {
        changeOnce(event.returnId(), event.kpiCode(), event.district(), "Discrepancy",
                current -> current.discrepancies().stream().anyMatch(d -> d.eventId().equals(eventId)), current -> {
            List<Discrepancy> discrepancies = new ArrayList<>(current.discrepancies());
            discrepancies.add(new Discrepancy(eventId, event.providerValue(), event.councilValue(),
                    event.difference(), event.tolerance(), event.flaggedAt(), null, null, null));
            return validated(withDiscrepancies(current, discrepancies));
        });
    }

    @EventHandler
    public void on(KpiDiscrepancyResolvedEvent event) {
        // marking the open flags resolved twice leaves them as once
        changeOnce(event.returnId(), event.kpiCode(), event.district(), "Resolution", current -> false, current -> {
            List<Discrepancy> discrepancies = new ArrayList<>(current.discrepancies());
            for (int i = discrepancies.size() - 1; i >= 0; i--) {
                Discrepancy d = discrepancies.get(i);
                if (d.resolvedAt() == null) {
                    discrepancies.set(i, new Discrepancy(d.eventId(), d.providerValue(), d.councilValue(),
                            d.difference(), d.tolerance(), d.flaggedAt(), event.note(), event.resolvedBy(),
                            event.resolvedAt()));
                }
            }
            return validated(withDiscrepancies(current, discrepancies));
        });
    }

    @EventHandler
    public void on(ReturnOverdueEvent event) {
        if (mongo.findById(event.returnId(), OverdueReturn.class, OVERDUE) == null) {
            mongo.save(new OverdueReturn(event.returnId(), event.contractId(), event.period().toString(),
                    event.dueDate(), event.detectedAt(), null), OVERDUE);
        }
    }

    public Optional<MonthlyReturnView> find(String returnId) {
        return Optional.ofNullable(mongo.findById(returnId, MonthlyReturnView.class, COLLECTION));
    }

    public Optional<MonthlyReturnView> find(String contractId, YearMonth period) {
        return find(MonthlyReturnId.of(contractId, period));
    }

    /** The contract's returns from {@code from} to {@code to} (inclusive), oldest first. */
    public List<MonthlyReturnView> between(String contractId, YearMonth from, YearMonth to) {
        return mongo.find(new Query(Criteria.where("contractId").is(contractId)
                        .and("period").gte(from.toString()).lte(to.toString())).with(Sort.by("period")),
                MonthlyReturnView.class, COLLECTION);
    }

    public Optional<OverdueReturn> overdue(String contractId, YearMonth period) {
        return Optional.ofNullable(mongo.findById(MonthlyReturnId.of(contractId, period), OverdueReturn.class, OVERDUE));
    }

    /** The contract's returns found overdue, oldest first, including those that arrived late. */
    public List<OverdueReturn> overdue(String contractId) {
        return mongo.find(new Query(Criteria.where("contractId").is(contractId)).with(Sort.by("period")),
                OverdueReturn.class, OVERDUE);
    }

    /**
     * Changes a value of a return already in the view, once: a redelivered event finds itself {@code applied}.
     *
     * @param what what the event records, for the error when the return is not in the view yet
     */
    private void changeOnce(String returnId, String kpiCode, String district, String what, Predicate<Value> applied,
                            UnaryOperator<Value> change) {
        MonthlyReturnView view = find(returnId).orElseThrow(() -> new IllegalStateException(
                what + " of return " + returnId + " before the return itself"));
        update(view, kpiCode, district, null, current -> applied.test(current) ? current : change.apply(current));
    }

    private void update(MonthlyReturnView view, String kpiCode, String district, KpiValueSubmittedEvent first,
                        UnaryOperator<Value> change) {
        List<Value> values = new ArrayList<>(view.values());
        int at = indexOf(values, kpiCode, district);
        Value current = at < 0 ? new Value(kpiCode, district, first == null ? null : first.unit(), null, null, null,
                null, null, List.of(), null, null, List.of()) : values.get(at);
        Value changed = change.apply(current);
        if (at < 0) {
            values.add(changed);
        } else {
            values.set(at, changed);
        }
        mongo.save(new MonthlyReturnView(view.id(), view.contractId(), view.period(), view.frameworkVersion(),
                view.narrative(), view.submittedBy(), view.submittedAt(), values, view.dueOn(), view.late()),
                COLLECTION);
    }

    private static Value withDiscrepancies(Value v, List<Discrepancy> discrepancies) {
        return new Value(v.kpiCode(), v.district(), v.unit(), v.value(), v.numerator(), v.denominator(), v.band(),
                v.original(), v.corrections(), v.council(), null, discrepancies);
    }

    /** The value with its validation status worked out from what it holds. */
    static Value validated(Value v) {
        Validation validation;
        if (!v.discrepancies().isEmpty()) {
            validation = v.discrepancies().get(v.discrepancies().size() - 1).resolvedAt() == null
                    ? Validation.NOT_VALIDATED : Validation.RESOLVED;
        } else if (v.value() != null && v.council() != null) {
            validation = Validation.VALIDATED;
        } else {
            validation = Validation.SINGLE_SOURCE;
        }
        return new Value(v.kpiCode(), v.district(), v.unit(), v.value(), v.numerator(), v.denominator(), v.band(),
                v.original(), v.corrections(), v.council(), validation, v.discrepancies());
    }

    private static int indexOf(List<Value> values, String kpiCode, String district) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).kpiCode().equals(kpiCode) && Objects.equals(values.get(i).district(), district)) {
                return i;
            }
        }
        return -1;
    }
}
