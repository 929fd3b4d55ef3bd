package org.commissioning.kpi.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.commissioning.kpi.api.CouncilKpiValueRecordedEvent;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyFlaggedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyResolvedEvent;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.MonthlyReturnView.Correction;
import org.commissioning.kpi.api.MonthlyReturnView.CouncilFigure;
import org.commissioning.kpi.api.MonthlyReturnView.Discrepancy;
import org.commissioning.kpi.api.MonthlyReturnView.Figure;
import org.commissioning.kpi.api.MonthlyReturnView.Validation;
import org.commissioning.kpi.api.MonthlyReturnView.Value;

/**
 * What each stored event of a return changes in its view, the one rule of the projection and of the reading as of
 * an instant. Applying an event again changes nothing: a value is keyed by KPI and district, a correction and a
 * discrepancy by their event id. A view can start with the council's figures, before the provider's return.
 */
final class ReturnChanges {

    private ReturnChanges() {
    }

    /**
     * The view after {@code event}, stored at {@code at} under {@code eventId}; {@code view} is null while the return
     * has none. An event that does not change the view (an overdue return) leaves it as it is.
     */
    static MonthlyReturnView apply(MonthlyReturnView view, Object event, String eventId, Instant at) {
        if (event instanceof MonthlyReturnSubmittedEvent e) {
            return submitted(view, e, at);
        }
        if (event instanceof KpiValueSubmittedEvent e) {
            return valueSubmitted(existing(view, e.returnId(), "Value"), e);
        }
        if (event instanceof CouncilKpiValueRecordedEvent e) {
            return councilFigure(view, e);
        }
        if (event instanceof KpiCorrectedEvent e) {
            return corrected(existing(view, e.returnId(), "Correction"), e, eventId);
        }
        if (event instanceof KpiDiscrepancyFlaggedEvent e) {
            return flagged(existing(view, e.returnId(), "Discrepancy"), e, eventId);
        }
        if (event instanceof KpiDiscrepancyResolvedEvent e) {
            return resolved(existing(view, e.returnId(), "Resolution"), e, eventId);
        }
        return view;
    }

    private static MonthlyReturnView submitted(MonthlyReturnView view, MonthlyReturnSubmittedEvent event, Instant at) {
        return new MonthlyReturnView(event.returnId(), event.contractId(), event.period().toString(),
                event.frameworkVersion(), event.narrative(), event.submittedBy(), at,
                view == null ? List.of() : view.values(), event.dueDate(), event.late());
    }

    private static MonthlyReturnView valueSubmitted(MonthlyReturnView view, KpiValueSubmittedEvent event) {
        Figure submitted = new Figure(event.value(), event.numerator(), event.denominator(), event.band());
        return update(view, event.kpiCode(), event.district(), event, current -> current.corrections().isEmpty()
                ? validated(new Value(event.kpiCode(), event.district(), event.unit(), event.value(),
                event.numerator(), event.denominator(), event.band(), submitted, List.of(), current.council(),
                null, current.discrepancies()))
                : current);
    }

    private static MonthlyReturnView councilFigure(MonthlyReturnView view, CouncilKpiValueRecordedEvent event) {
        MonthlyReturnView existing = view != null ? view : new MonthlyReturnView(event.returnId(), event.contractId(),
                event.period().toString(), event.frameworkVersion(), null, null, null, List.of(), null, false);
        CouncilFigure council = new CouncilFigure(event.value(), event.numerator(), event.denominator(), event.band(),
                event.recordedBy(), stored(event.recordedAt()));
        return update(existing, event.kpiCode(), event.district(), null, current -> validated(new Value(
                current.kpiCode(), current.district(), event.unit(), current.value(), current.numerator(),
                current.denominator(), current.band(), current.original(), current.corrections(), council, null,
                current.discrepancies())));
    }

    private static MonthlyReturnView corrected(MonthlyReturnView view, KpiCorrectedEvent event, String eventId) {
        return changeOnce(view, event.kpiCode(), event.district(),
                current -> current.corrections().stream().anyMatch(c -> c.eventId().equals(eventId)), current -> {
            List<Correction> corrections = new ArrayList<>(current.corrections());
            corrections.add(new Correction(eventId,
                    new Figure(event.previousValue(), event.previousNumerator(), event.previousDenominator(),
                            current.band()),
                    new Figure(event.value(), event.numerator(), event.denominator(), event.band()),
                    event.reason(), event.correctedBy(), stored(event.correctedAt())));
            return validated(new Value(current.kpiCode(), current.district(), current.unit(), event.value(),
                    event.numerator(), event.denominator(), event.band(), current.original(), corrections,
                    current.council(), null, current.discrepancies()));
        });
    }

    private static MonthlyReturnView flagged(MonthlyReturnView view, KpiDiscrepancyFlaggedEvent event,
                                             String eventId) {
        return changeOnce(view, event.kpiCode(), event.district(),
                current -> current.discrepancies().stream().anyMatch(d -> d.eventId().equals(eventId)), current -> {
            List<Discrepancy> discrepancies = new ArrayList<>(current.discrepancies());
            discrepancies.add(new Discrepancy(eventId, event.providerValue(), event.councilValue(),
                    event.difference(), event.tolerance(), stored(event.flaggedAt()), null, null, null, null));
            return validated(withDiscrepancies(current, discrepancies));
        });
    }

    /**
     * Resolves the flags open when the resolution was stored, naming it on each: applied again, even after a later
     * flag (a retried batch), it finds its name and changes nothing.
     */
    private static MonthlyReturnView resolved(MonthlyReturnView view, KpiDiscrepancyResolvedEvent event,
                                              String eventId) {
        return changeOnce(view, event.kpiCode(), event.district(),
                current -> eventId != null && current.discrepancies().stream()
                        .anyMatch(d -> eventId.equals(d.resolutionEventId())),
                current -> {
            List<Discrepancy> discrepancies = new ArrayList<>(current.discrepancies());
            for (int i = discrepancies.size() - 1; i >= 0; i--) {
                Discrepancy d = discrepancies.get(i);
                if (d.resolvedAt() == null) {
                    discrepancies.set(i, new Discrepancy(d.eventId(), d.providerValue(), d.councilValue(),
                            d.difference(), d.tolerance(), d.flaggedAt(), event.note(), event.resolvedBy(),
                            stored(event.resolvedAt()), eventId));
                }
            }
            return validated(withDiscrepancies(current, discrepancies));
        });
    }

    /** An instant as the read model keeps it (MongoDB dates hold milliseconds), so both readings show the same. */
    private static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** @param what what the event records, for the error when the return has no view yet */
    private static MonthlyReturnView existing(MonthlyReturnView view, String returnId, String what) {
        if (view == null) {
            throw new IllegalStateException(what + " of return " + returnId + " before the return itself");
        }
        return view;
    }

    /** Changes a value of the view once: a redelivered event finds itself {@code applied}. */
    private static MonthlyReturnView changeOnce(MonthlyReturnView view, String kpiCode, String district,
                                                Predicate<Value> applied, UnaryOperator<Value> change) {
        return update(view, kpiCode, district, null,
                current -> applied.test(current) ? current : change.apply(current));
    }

    private static MonthlyReturnView update(MonthlyReturnView view, String kpiCode, String district,
                                            KpiValueSubmittedEvent first, UnaryOperator<Value> change) {
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
        return new MonthlyReturnView(view.id(), view.contractId(), view.period(), view.frameworkVersion(),
                view.narrative(), view.submittedBy(), view.submittedAt(), values, view.dueOn(), view.late());
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
