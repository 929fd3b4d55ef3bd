package org.commissioning.kpi.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.CorrectKpiValueCommand;
import org.commissioning.kpi.api.CouncilKpiValueRecordedEvent;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiDiscrepancyFlaggedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyResolvedEvent;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiLimits;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.RecordCouncilFiguresCommand;
import org.commissioning.kpi.api.RecordReturnOverdueCommand;
import org.commissioning.kpi.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.api.SubmitMonthlyReturnCommand;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;

/**
 * A contract's return for one month, keyed {@code <contractId>:<yyyy-MM>}: the provider's values (submitted once,
 * then corrected value by value), the council's own figures for the same month, the discrepancies between the two,
 * and whether the return was found overdue. Every check is made before anything is applied, so a refused command
 * leaves nothing stored. The current date comes from the {@link Clock} (a Spring bean; a fixed clock in tests).
 * <p>
 * Triangulation: whenever a change leaves a provider value and the council's value for the same KPI and district
 * more than the KPI's tolerance apart, {@link KpiDiscrepancyFlaggedEvent} is applied, whichever figure came second,
 * and again after a correction that leaves them apart (re-stating an open flag with the new figures). A correction
 * that brings them within tolerance resolves nothing by itself: only an officer's resolution, with a note, does.
 */
@Aggregate
public class MonthlyReturn {

    @AggregateIdentifier
    private String returnId;
    private String contractId;
    private YearMonth period;
    private int frameworkVersion;
    private boolean submitted;
    private boolean overdue;
    private final Map<ValueKey, Recorded> values = new LinkedHashMap<>();
    private final Map<ValueKey, Recorded> councilValues = new LinkedHashMap<>();
    private final Set<ValueKey> openDiscrepancies = new LinkedHashSet<>();

    protected MonthlyReturn() {
    }

    /** Created if missing, so a second submission for the period is refused here, by rule, with 409. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubmitMonthlyReturnCommand command, Clock clock) {
        if (submitted) {
            throw new StateConflictException("return-already-submitted", "SUBMITTED", "The return of contract "
                    + contractId + " for " + period + " has already been submitted; correct its values instead");
        }
        YearMonth month = command.period();
        KpiFrameworkVersion framework = ReturnFramework.forMonth(frameworkVersion, month, command.contractId(),
                command.contract(), command.frameworks(), YearMonth.now(clock), "A return for " + month);
        ReturnInputs.requireValues(command.values(), "A return needs at least one KPI value");
        if (command.narrative() != null && command.narrative().length() > KpiLimits.NARRATIVE) {
            throw new RuleViolationException("narrative-too-long", "narrative", "The narrative is at most "
                    + KpiLimits.NARRATIVE + " characters; got " + command.narrative().length());
        }
        ReturnValueSet set = new ReturnValueSet();
        List<KpiValueSubmittedEvent> accepted = accepted(command.values(), ReturnValues.Source.PROVIDER, set,
                command.returnId(), command.contractId(), month, framework, command.contract());
        if (!set.withoutTotal().isEmpty()) {
            throw new RuleViolationException(ReturnValueSet.TOTAL_MISSING, "values",
                    ReturnValueSet.totalsMissing(List.copyOf(set.withoutTotal().keySet())));
        }
        boolean late = command.dueDate() != null && LocalDate.now(clock).isAfter(command.dueDate());
        if (late && !overdue) {
            // the same event the overdue scan records, so a return the scan never saw overdue is counted alike
            apply(new ReturnOverdueEvent(command.returnId(), command.contractId(), month, command.dueDate(),
                    Instant.now(clock)));
        }
        apply(new MonthlyReturnSubmittedEvent(command.returnId(), command.contractId(), month, framework.version(),
                command.narrative(), command.submittedBy(), command.dueDate(), late));
        accepted.forEach(event -> apply(event));
        set.keys().forEach(key -> triangulate(key, framework, clock));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordCouncilFiguresCommand command, Clock clock) {
        ReturnInputs.requireActor(command.recordedBy(), "recordedBy", "Council figures record who entered them");
        YearMonth month = command.period();
        KpiFrameworkVersion framework = ReturnFramework.forMonth(frameworkVersion, month, command.contractId(),
                command.contract(), command.frameworks(), YearMonth.now(clock), "Council figures for " + month);
        ReturnInputs.requireValues(command.values(), "Give at least one council figure");
        List<KpiValueSubmittedEvent> accepted = accepted(command.values(), ReturnValues.Source.COUNCIL,
                new ReturnValueSet(), command.returnId(), command.contractId(), month, framework, command.contract());
        for (KpiValueSubmittedEvent value : accepted) {
            ValueKey key = new ValueKey(value.kpiCode(), value.district());
            if (councilValues.containsKey(key)) {
                throw new StateConflictException("council-figure-already-recorded", "RECORDED", "The council's figure "
                        + "of " + key + " for " + month + " is already recorded ("
                        + KpiUnit.plain(councilValues.get(key).value()) + ")");
            }
        }
        Instant now = Instant.now(clock);
        for (KpiValueSubmittedEvent v : accepted) {
            apply(new CouncilKpiValueRecordedEvent(v.returnId(), v.contractId(), v.period(), v.frameworkVersion(),
                    v.kpiCode(), v.district(), v.unit(), v.value(), v.numerator(), v.denominator(), v.band(),
                    command.recordedBy(), now));
        }
        accepted.forEach(v -> triangulate(new ValueKey(v.kpiCode(), v.district()), framework, clock));
    }

    @CommandHandler
    public void handle(CorrectKpiValueCommand command, Clock clock) {
        String reason = ReturnInputs.requireText(command.reason(), "reason", "A correction needs a reason");
        ReturnInputs.requireActor(command.correctedBy(), "correctedBy", "A correction records who made it");
        ValueKey key = find(values, command.kpiCode(), command.district()).orElseThrow(() ->
                notInReturn(command.kpiCode(), command.district(), "value", " to correct; its values are "
                        + values.keySet()));
        Recorded previous = values.get(key);
        KpiFrameworkVersion framework = ReturnFramework.fixed(frameworkVersion, contractId, command.frameworks());
        KpiDefinition kpi = framework.kpi(key.kpiCode()).orElseThrow(() ->
                new IllegalStateException("KPI " + key.kpiCode() + " is not in version " + frameworkVersion));
        Measurement corrected = Measurement.of(kpi, command.value(), command.numerator(), command.denominator(), "");
        if (corrected.sameAs(previous.value(), previous.numerator(), previous.denominator())) {
            throw new RuleViolationException("correction-unchanged", "value", "KPI " + key.kpiCode()
                    + " already has the value " + KpiUnit.plain(previous.value()) + "; nothing to correct");
        }
        apply(new KpiCorrectedEvent(returnId, contractId, period, frameworkVersion, key.kpiCode(), key.district(),
                previous.unit(), corrected.value(), corrected.numerator(), corrected.denominator(), corrected.band(),
                previous.value(), previous.numerator(), previous.denominator(), reason,
                command.correctedBy(), Instant.now(clock)));
        triangulate(key, framework, clock);
    }

    @CommandHandler
    public void handle(ResolveKpiDiscrepancyCommand command, Clock clock) {
        String note = ReturnInputs.requireText(command.note(), "note",
                "A resolution says how the figures were reconciled: give a note");
        ReturnInputs.requireActor(command.resolvedBy(), "resolvedBy", "A resolution records who made it");
        Map<ValueKey, Recorded> both = new LinkedHashMap<>(councilValues);
        both.putAll(values);
        ValueKey key = find(both, command.kpiCode(), command.district()).orElseThrow(() ->
                notInReturn(command.kpiCode(), command.district(), "figure", ""));
        if (!openDiscrepancies.contains(key)) {
            throw new StateConflictException("discrepancy-not-open", "NO_OPEN_DISCREPANCY", "There is no open "
                    + "discrepancy of " + key + " in the return of " + period + " to resolve");
        }
        apply(new KpiDiscrepancyResolvedEvent(returnId, contractId, period, key.kpiCode(), key.district(),
                valueOf(values.get(key)), valueOf(councilValues.get(key)), note, command.resolvedBy(),
                Instant.now(clock)));
    }

    /**
     * Idempotent: nothing happens for a return that has arrived or was already found overdue. Created if missing,
     * since an overdue return has, by definition, nothing stored yet.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordReturnOverdueCommand command, Clock clock) {
        if (submitted || overdue) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(command.dueDate())) {
            throw new RuleViolationException("return-not-yet-overdue", "dueDate", "The return of "
                    + command.period() + " is due by " + command.dueDate() + "; it is " + today);
        }
        apply(new ReturnOverdueEvent(command.returnId(), command.contractId(), command.period(), command.dueDate(),
                Instant.now(clock)));
    }

    /** Each value checked on its own, then against those before it; the first breach is refused. */
    private static List<KpiValueSubmittedEvent> accepted(List<SubmittedValue> given, ReturnValues.Source source,
                                                         ReturnValueSet set, String returnId, String contractId,
                                                         YearMonth month, KpiFrameworkVersion framework,
                                                         ContractFacts contract) {
        List<KpiValueSubmittedEvent> accepted = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            KpiValueSubmittedEvent value = ReturnValues.check(given.get(i), "values[" + i + "]", source, returnId,
                    contractId, month, framework, contract);
            set.add(i, value).ifPresent(duplicate -> {
                throw new RuleViolationException(ReturnValueSet.DUPLICATE, "values[" + duplicate.at() + "]",
                        duplicate.message(at -> "values[" + at + "]"));
            });
            accepted.add(value);
        }
        return accepted;
    }

    /** Flags the figures of a KPI and district when both sources have one and they are further apart than allowed. */
    private void triangulate(ValueKey key, KpiFrameworkVersion framework, Clock clock) {
        Recorded provider = values.get(key);
        Recorded council = councilValues.get(key);
        if (provider == null || council == null) {
            return;
        }
        BigDecimal tolerance = framework.kpi(key.kpiCode()).map(KpiDefinition::toleranceOrZero)
                .orElse(BigDecimal.ZERO);
        BigDecimal difference = provider.value().subtract(council.value());
        if (difference.abs().compareTo(tolerance) > 0) {
            apply(new KpiDiscrepancyFlaggedEvent(returnId, contractId, period, frameworkVersion, key.kpiCode(),
                    key.district(), provider.value(), council.value(), difference, tolerance, Instant.now(clock)));
        }
    }

    private RuleViolationException notInReturn(String kpiCode, String district, String what, String more) {
        return new RuleViolationException("value-not-in-return", "kpiCode", "The return of " + period + " has no "
                + what + " of KPI " + kpiCode + (ReturnValues.district(district) == null ? " (total)"
                : " for " + district) + more);
    }

    private static Optional<ValueKey> find(Map<ValueKey, Recorded> in, String kpiCode, String district) {
        String code = kpiCode == null ? "" : kpiCode.trim();
        String place = ReturnValues.district(district);
        return in.keySet().stream()
                .filter(k -> k.kpiCode().equalsIgnoreCase(code) && Objects.equals(k.district(), place))
                .findFirst();
    }

    private static BigDecimal valueOf(Recorded recorded) {
        return recorded == null ? null : recorded.value();
    }

    private void identify(String returnId, String contractId, YearMonth period) {
        this.returnId = returnId;
        this.contractId = contractId;
        this.period = period;
    }

    @EventSourcingHandler
    void on(MonthlyReturnSubmittedEvent event) {
        identify(event.returnId(), event.contractId(), event.period());
        this.frameworkVersion = event.frameworkVersion();
        this.submitted = true;
    }

    @EventSourcingHandler
    void on(KpiValueSubmittedEvent event) {
        values.put(new ValueKey(event.kpiCode(), event.district()),
                new Recorded(event.unit(), event.value(), event.numerator(), event.denominator()));
    }

    @EventSourcingHandler
    void on(KpiCorrectedEvent event) {
        values.put(new ValueKey(event.kpiCode(), event.district()),
                new Recorded(event.unit(), event.value(), event.numerator(), event.denominator()));
    }

    @EventSourcingHandler
    void on(CouncilKpiValueRecordedEvent event) {
        identify(event.returnId(), event.contractId(), event.period());
        this.frameworkVersion = event.frameworkVersion();
        councilValues.put(new ValueKey(event.kpiCode(), event.district()),
                new Recorded(event.unit(), event.value(), event.numerator(), event.denominator()));
    }

    @EventSourcingHandler
    void on(KpiDiscrepancyFlaggedEvent event) {
        openDiscrepancies.add(new ValueKey(event.kpiCode(), event.district()));
    }

    @EventSourcingHandler
    void on(KpiDiscrepancyResolvedEvent event) {
        openDiscrepancies.remove(new ValueKey(event.kpiCode(), event.district()));
    }

    @EventSourcingHandler
    void on(ReturnOverdueEvent event) {
        identify(event.returnId(), event.contractId(), event.period());
        this.overdue = true;
    }

    record Recorded(KpiUnit unit, BigDecimal value, Long numerator, Long denominator) {
    }
}
