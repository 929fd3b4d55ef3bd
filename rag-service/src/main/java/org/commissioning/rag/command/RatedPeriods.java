package org.commissioning.rag.command;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.KpiDiscrepancyClearedEvent;
import org.commissioning.rag.api.KpiDiscrepancyNotedEvent;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.RagOverriddenEvent;
import org.commissioning.rag.api.Rating;

/**
 * Every period of a {@link ContractRating}, and the contract's overall rating they give: the rating of the latest
 * rated period, NOT_RATED periods aside.
 */
class RatedPeriods {

    private final TreeMap<YearMonth, RatedPeriod> periods = new TreeMap<>();

    Optional<RatedPeriod> get(YearMonth month) {
        return Optional.ofNullable(periods.get(month));
    }

    /** The rating of the latest rated period, NOT_RATED periods aside; null before the first. */
    Rating overall() {
        for (RatedPeriod period : periods.descendingMap().values()) {
            if (period.decided != null && period.decided != Rating.NOT_RATED) {
                return period.decided;
            }
        }
        return null;
    }

    /** The latest period whose rating is GREEN, AMBER or RED (there is one once {@link #overall()} is not null). */
    YearMonth latestDecided() {
        return periods.descendingMap().entrySet().stream()
                .filter(e -> e.getValue().decided != null && e.getValue().decided.decidable())
                .map(Entry::getKey).findFirst().orElseThrow();
    }

    /** The months whose computed rating is GREEN, AMBER or RED, each with the values it was rated on. */
    NavigableMap<YearMonth, Map<String, KpiInput>> computedDecidable() {
        NavigableMap<YearMonth, Map<String, KpiInput>> rated = new TreeMap<>();
        periods.forEach((month, p) -> {
            if (p.computed != null && p.computed.decidable()) {
                rated.put(month, p.chosen());
            }
        });
        return rated;
    }

    private RatedPeriod at(YearMonth month) {
        return periods.computeIfAbsent(month, p -> new RatedPeriod());
    }

    @EventSourcingHandler
    void on(KpiRatedEvent event) {
        at(event.period()).inputs.computeIfAbsent(event.kpiCode(), c -> new HashMap<>())
                .put(event.source(), new KpiInput(event.kpiCode(), event.value(), event.numerator(),
                        event.denominator(), event.source(), event.frameworkVersion(), event.band(),
                        event.correction()));
    }

    @EventSourcingHandler
    void on(ContractRatedEvent event) {
        RatedPeriod period = at(event.period());
        period.computed = event.computedRating();
        period.decided = event.rating();
    }

    @EventSourcingHandler
    void on(KpiDiscrepancyNotedEvent event) {
        at(event.period()).flagged.add(event.kpiCode());
    }

    @EventSourcingHandler
    void on(KpiDiscrepancyClearedEvent event) {
        at(event.period()).flagged.remove(event.kpiCode());
    }

    @EventSourcingHandler
    void on(RagOverriddenEvent event) {
        RatedPeriod period = at(event.period());
        period.basis = Basis.OFFICER;
        period.decided = event.rating();
        period.rationale = event.rationale();
        period.officer = event.officer();
    }
}
