package org.commissioning.kpi.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.MonthlyReturnView.Correction;
import org.commissioning.kpi.api.MonthlyReturnView.Figure;
import org.commissioning.kpi.api.MonthlyReturnView.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The returns as they stand, one document per contract and month. Each handler reads the document, changes it and
 * saves it whole; applying an event again changes nothing (a value is keyed by KPI and district, a correction by
 * its event id). A single tracking processor applies the events in order.
 */
@Component
@ProcessingGroup("monthly-returns")
public class MonthlyReturnsProjection {

    public static final String COLLECTION = "monthly_returns";

    private final MongoTemplate mongo;

    public MonthlyReturnsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    public void on(MonthlyReturnSubmittedEvent event, @Timestamp Instant at) {
        List<Value> values = find(event.returnId()).map(MonthlyReturnView::values).orElse(List.of());
        mongo.save(new MonthlyReturnView(event.returnId(), event.contractId(), event.period().toString(),
                event.frameworkVersion(), event.narrative(), event.submittedBy(), at, values), COLLECTION);
    }

    @EventHandler
    public void on(KpiValueSubmittedEvent event) {
        MonthlyReturnView view = find(event.returnId()).orElseThrow(() -> new IllegalStateException(
                "Value of return " + event.returnId() + " before the return itself"));
        Figure submitted = new Figure(event.value(), event.numerator(), event.denominator(), event.band());
        List<Value> values = new ArrayList<>(view.values());
        int at = indexOf(values, event.kpiCode(), event.district());
        if (at < 0) {
            values.add(new Value(event.kpiCode(), event.district(), event.unit(), event.value(), event.numerator(),
                    event.denominator(), event.band(), submitted, List.of()));
        } else if (values.get(at).corrections().isEmpty()) {
            values.set(at, new Value(event.kpiCode(), event.district(), event.unit(), event.value(),
                    event.numerator(), event.denominator(), event.band(), submitted, List.of()));
        }
        save(view, values);
    }

    @EventHandler
    public void on(KpiCorrectedEvent event, @MessageIdentifier String eventId) {
        MonthlyReturnView view = find(event.returnId()).orElseThrow(() -> new IllegalStateException(
                "Correction of return " + event.returnId() + " before the return itself"));
        List<Value> values = new ArrayList<>(view.values());
        int at = indexOf(values, event.kpiCode(), event.district());
        if (at < 0) {
            throw new IllegalStateException("Correction of " + event.kpiCode() + " before its value in " + view.id());
        }
        Value current = values.get(at);
        if (current.corrections().stream().anyMatch(c -> c.eventId().equals(eventId))) {
            return;
        }
        List<Correction> corrections = new ArrayList<>(current.corrections());
        corrections.add(new Correction(eventId,
                new Figure(event.previousValue(), event.previousNumerator(), event.previousDenominator(),
                        current.band()),
                new Figure(event.value(), event.numerator(), event.denominator(), event.band()),
                event.reason(), event.correctedBy(), event.correctedAt()));
        values.set(at, new Value(current.kpiCode(), current.district(), current.unit(), event.value(),
                event.numerator(), event.denominator(), event.band(), current.original(), corrections));
        save(view, values);
    }

    public Optional<MonthlyReturnView> find(String returnId) {
        return Optional.ofNullable(mongo.findById(returnId, MonthlyReturnView.class, COLLECTION));
    }

    public Optional<MonthlyReturnView> find(String contractId, java.time.YearMonth period) {
        return find(MonthlyReturnId.of(contractId, period));
    }

    private void save(MonthlyReturnView view, List<Value> values) {
        mongo.save(new MonthlyReturnView(view.id(), view.contractId(), view.period(), view.frameworkVersion(),
                view.narrative(), view.submittedBy(), view.submittedAt(), values), COLLECTION);
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
