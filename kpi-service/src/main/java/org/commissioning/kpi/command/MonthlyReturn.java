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
import org.commissioning.kpi.api.FrameworkHistory;
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
import org.commissioning.kpi.api.ReturnPeriods;
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

    static final int MAX_NARRATIVE = KpiLimits.NARRATIVE;
    static final int MAX_REASON = KpiLimits.REASON;

    @AggregateIdentifier
    private String returnId;
    private String contractId;
    private YearMonth period;
    private int frameworkVersion;
    private boolean submitted;
    private boolean overdue;
    private final Map<Key, Recorded> values = new LinkedHashMap<>();
    private final Map<Key, Recorded> councilValues = new LinkedHashMap<>();
    private final Set<Key> openDiscrepancies = new LinkedHashSet<>();

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
        KpiFrameworkVersion framework = framework(month, command.contractId(), command.contract(),
                command.frameworks(), clock, "A return for " + month);
        if (command.values() == null || command.values().isEmpty()) {
            throw new RuleViolationException("values-required", "values", "A return needs at least one KPI value");
        }
        requireAtMostMaxValues(command.values());
        if (command.narrative() != null && command.narrative().length() > MAX_NARRATIVE) {
            throw new RuleViolationException("narrative-too-long", "narrative",
                    "The narrative is at most " + MAX_NARRATIVE + " characters; got " + command.narrative().length());
        }
        List<KpiValueSubmittedEvent> accepted = accepted(command.values(), ReturnValues.Source.PROVIDER,
                command.returnId(), command.contractId(), month, framework, command.contract());
        Set<Key> keys = new LinkedHashSet<>();
        accepted.forEach(e -> keys.add(new Key(e.kpiCode(), e.district())));
        List<String> withoutTotal = keys.stream().map(Key::kpiCode).distinct()
                .filter(code -> !keys.contains(new Key(code, null))).toList();
        if (!withoutTotal.isEmpty()) {
            throw new RuleViolationException("total-missing", "values", "A KPI broken down by district also needs "
                    + "its total for the contract (a value without district); missing for " + withoutTotal);
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
        keys.forEach(key -> triangulate(key, framework, clock));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordCouncilFiguresCommand command, Clock clock) {
        if (command.recordedBy() == null || command.recordedBy().isBlank()) {
            throw new RuleViolationException("actor-required", "X-Actor",
                    "Council figures record who entered them: send the X-Actor header");
        }
        YearMonth month = command.period();
        KpiFrameworkVersion framework = framework(month, command.contractId(), command.contract(),
                command.frameworks(), clock, "Council figures for " + month);
        if (command.values() == null || command.values().isEmpty()) {
            throw new RuleViolationException("values-required", "values", "Give at least one council figure");
        }
        requireAtMostMaxValues(command.values());
        List<KpiValueSubmittedEvent> accepted = accepted(command.values(), ReturnValues.Source.COUNCIL,
                command.returnId(), command.contractId(), month, framework, command.contract());
        for (KpiValueSubmittedEvent value : accepted) {
            Key key = new Key(value.kpiCode(), value.district());
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
        accepted.forEach(v -> triangulate(new Key(v.kpiCode(), v.district()), framework, clock));
    }

    @CommandHandler
    public void handle(CorrectKpiValueCommand command, Clock clock) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolationException("reason-required", "reason", "A correction needs a reason");
        }
        if (command.reason().length() > MAX_REASON) {
            throw new RuleViolationException("reason-too-long", "reason",
                    "A reason is at most " + MAX_REASON + " characters; got " + command.reason().length());
        }
        if (command.correctedBy() == null || command.correctedBy().isBlank()) {
            throw new RuleViolationException("actor-required", "X-Actor",
                    "A correction records who made it: send the X-Actor header");
        }
        Key key = find(values, command.kpiCode(), command.district()).orElseThrow(() ->
                new RuleViolationException("value-not-in-return", "kpiCode", "The return of " + period
                        + " has no value of KPI " + command.kpiCode() + (ReturnValues.district(command.district())
                        == null ? " (total)" : " for " + command.district()) + " to correct; its values are "
                        + values.keySet()));
        Recorded previous = values.get(key);
        KpiFrameworkVersion framework = returnFramework(command.frameworks());
        KpiDefinition kpi = framework.kpi(key.kpiCode()).orElseThrow(() ->
                new IllegalStateException("KPI " + key.kpiCode() + " is not in version " + frameworkVersion));
        Measurement corrected = Measurement.of(kpi, command.value(), command.numerator(), command.denominator(), "");
        if (corrected.sameAs(previous.value(), previous.numerator(), previous.denominator())) {
            throw new RuleViolationException("correction-unchanged", "value", "KPI " + key.kpiCode()
                    + " already has the value " + KpiUnit.plain(previous.value()) + "; nothing to correct");
        }
        apply(new KpiCorrectedEvent(returnId, contractId, period, frameworkVersion, key.kpiCode(), key.district(),
                previous.unit(), corrected.value(), corrected.numerator(), corrected.denominator(), corrected.band(),
                previous.value(), previous.numerator(), previous.denominator(), command.reason().trim(),
                command.correctedBy(), Instant.now(clock)));
        triangulate(key, framework, clock);
    }

    @CommandHandler
    public void handle(ResolveKpiDiscrepancyCommand command, Clock clock) {
        if (command.note() == null || command.note().isBlank()) {
            throw new RuleViolationException("note-required", "note",
                    "A resolution says how the figures were reconciled: give a note");
        }
        if (command.note().length() > MAX_REASON) {
            throw new RuleViolationException("note-too-long", "note",
                    "A note is at most " + MAX_REASON + " characters; got " + command.note().length());
        }
        if (command.resolvedBy() == null || command.resolvedBy().isBlank()) {
            throw new RuleViolationException("actor-required", "X-Actor",
                    "A resolution records who made it: send the X-Actor header");
        }
        Map<Key, Recorded> both = new LinkedHashMap<>(councilValues);
        both.putAll(values);
        Key key = find(both, command.kpiCode(), command.district()).orElseThrow(() ->
                new RuleViolationException("value-not-in-return", "kpiCode", "The return of " + period
                        + " has no figure of KPI " + command.kpiCode() + (ReturnValues.district(command.district())
                        == null ? " (total)" : " for " + command.district())));
        if (!openDiscrepancies.contains(key)) {
            throw new StateConflictException("discrepancy-not-open", "NO_OPEN_DISCREPANCY", "There is no open "
                    + "discrepancy of " + key + " in the return of " + period + " to resolve");
        }
        apply(new KpiDiscrepancyResolvedEvent(returnId, contractId, period, key.kpiCode(), key.district(),
                valueOf(values.get(key)), valueOf(councilValues.get(key)), command.note().trim(),
                command.resolvedBy(), Instant.now(clock)));
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

    /** The period's checks, and the framework version the month's figures are taken under. */
    private KpiFrameworkVersion framework(YearMonth month, String contract, ContractFacts facts,
                                          FrameworkHistory frameworks, Clock clock, String what) {
        ReturnPeriods.require(month, contract, facts, YearMonth.now(clock), what);
        if (frameworkVersion > 0) {
            // figures already recorded for the month fix its version, so both sources are rated alike
            return returnFramework(frameworks);
        }
        return frameworks.inForce(month).orElseThrow(() ->
                new StateConflictException("framework-not-in-force",
                        frameworks.defined() ? "NOT_YET_IN_FORCE" : "NO_FRAMEWORK",
                        frameworks.defined()
                                ? "No KPI framework of contract " + contract + " is in force in " + month
                                + "; the first version is effective from " + frameworks.versions().get(0).effectiveFrom()
                                : "Contract " + contract + " has no KPI framework yet; define one first"));
    }

    private KpiFrameworkVersion returnFramework(FrameworkHistory frameworks) {
        return frameworks.version(frameworkVersion).orElseThrow(() ->
                new IllegalStateException("Version " + frameworkVersion + " of the framework of contract "
                        + contractId + " was not given with the command"));
    }

    private static void requireAtMostMaxValues(List<SubmittedValue> values) {
        if (values.size() > KpiLimits.VALUES_PER_RETURN) {
            throw new RuleViolationException("values-too-many", "values", "A month takes at most "
                    + KpiLimits.VALUES_PER_RETURN + " values (a total and a value per district for each KPI); got "
                    + values.size());
        }
    }

    private static List<KpiValueSubmittedEvent> accepted(List<SubmittedValue> given, ReturnValues.Source source,
                                                         String returnId, String contractId, YearMonth month,
                                                         KpiFrameworkVersion framework, ContractFacts contract) {
        List<KpiValueSubmittedEvent> accepted = new ArrayList<>();
        Set<Key> seen = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "values[" + i + "]";
            KpiValueSubmittedEvent value = ReturnValues.check(given.get(i), at, source, returnId, contractId, month,
                    framework, contract);
            Key key = new Key(value.kpiCode(), value.district());
            if (!seen.add(key)) {
                throw new RuleViolationException("value-duplicate", at, "KPI " + value.kpiCode() + " has more than one "
                        + (value.district() == null ? "total" : "value for " + value.district()));
            }
            accepted.add(value);
        }
        return accepted;
    }

    /** Flags the figures of a KPI and district when both sources have one and they are further apart than allowed. */
    private void triangulate(Key key, KpiFrameworkVersion framework, Clock clock) {
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

    private static Optional<Key> find(Map<Key, Recorded> in, String kpiCode, String district) {
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
        values.put(new Key(event.kpiCode(), event.district()),
                new Recorded(event.unit(), event.value(), event.numerator(), event.denominator()));
    }

    @EventSourcingHandler
    void on(KpiCorrectedEvent event) {
        values.put(new Key(event.kpiCode(), event.district()),
                new Recorded(event.unit(), event.value(), event.numerator(), event.denominator()));
    }

    @EventSourcingHandler
    void on(CouncilKpiValueRecordedEvent event) {
        identify(event.returnId(), event.contractId(), event.period());
        this.frameworkVersion = event.frameworkVersion();
        councilValues.put(new Key(event.kpiCode(), event.district()),
                new Recorded(event.unit(), event.value(), event.numerator(), event.denominator()));
    }

    @EventSourcingHandler
    void on(KpiDiscrepancyFlaggedEvent event) {
        openDiscrepancies.add(new Key(event.kpiCode(), event.district()));
    }

    @EventSourcingHandler
    void on(KpiDiscrepancyResolvedEvent event) {
        openDiscrepancies.remove(new Key(event.kpiCode(), event.district()));
    }

    @EventSourcingHandler
    void on(ReturnOverdueEvent event) {
        identify(event.returnId(), event.contractId(), event.period());
        this.overdue = true;
    }

    /** A value's place in the return: its KPI (as coded in the framework) and district (null for the total). */
    record Key(String kpiCode, String district) {
        @Override
        public String toString() {
            return kpiCode + (district == null ? "" : " (" + district + ")");
        }
    }

    record Recorded(KpiUnit unit, BigDecimal value, Long numerator, Long denominator) {
    }
}
