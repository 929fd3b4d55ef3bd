package org.commissioning.kpi.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.CorrectKpiValueCommand;
import org.commissioning.kpi.api.KpiConflictException;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.SubmitMonthlyReturnCommand;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * A contract's return for one month, keyed {@code <contractId>:<yyyy-MM>}: submitted once, then corrected value
 * by value. Every check is made before anything is applied, so a refused return leaves nothing stored.
 * The current date comes from the {@link Clock} (a Spring bean; a fixed clock in tests).
 */
@Aggregate
public class MonthlyReturn {

    static final int MAX_NARRATIVE = 20_000;
    static final int MAX_REASON = 2_000;

    @AggregateIdentifier
    private String returnId;
    private String contractId;
    private YearMonth period;
    private int frameworkVersion;
    private final Map<Key, Recorded> values = new LinkedHashMap<>();

    protected MonthlyReturn() {
    }

    /** Created if missing, so a second submission for the period is refused here, by rule, with 409. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubmitMonthlyReturnCommand command, Clock clock) {
        if (returnId != null) {
            throw new KpiConflictException("return-already-submitted", "SUBMITTED", "The return of contract "
                    + contractId + " for " + period + " has already been submitted; correct its values instead");
        }
        YearMonth month = command.period();
        if (month == null) {
            throw new RuleViolationException("period-required", "period", "A return needs its period (yyyy-MM)");
        }
        YearMonth current = YearMonth.now(clock);
        if (month.isAfter(current)) {
            throw new RuleViolationException("period-in-future", "period",
                    "A return for " + month + " cannot be submitted in " + current + ": the period is in the future");
        }
        ContractFacts contract = command.contract();
        if (!contract.covers(month)) {
            throw new RuleViolationException("period-outside-term", "period", month + " is outside the term of "
                    + "contract " + command.contractId() + " (" + contract.describeTerm() + ")");
        }
        KpiFrameworkVersion framework = command.frameworks().inForce(month).orElseThrow(() ->
                new KpiConflictException("framework-not-in-force",
                        command.frameworks().defined() ? "NOT_YET_IN_FORCE" : "NO_FRAMEWORK",
                        command.frameworks().defined()
                                ? "No KPI framework of contract " + command.contractId() + " is in force in " + month
                                + "; the first version is effective from "
                                + command.frameworks().versions().get(0).effectiveFrom()
                                : "Contract " + command.contractId() + " has no KPI framework yet; define one first"));
        if (command.values() == null || command.values().isEmpty()) {
            throw new RuleViolationException("values-required", "values", "A return needs at least one KPI value");
        }
        if (command.narrative() != null && command.narrative().length() > MAX_NARRATIVE) {
            throw new RuleViolationException("narrative-too-long", "narrative",
                    "The narrative is at most " + MAX_NARRATIVE + " characters; got " + command.narrative().length());
        }

        List<KpiValueSubmittedEvent> accepted = new ArrayList<>();
        Set<Key> seen = new LinkedHashSet<>();
        for (int i = 0; i < command.values().size(); i++) {
            SubmittedValue given = command.values().get(i);
            String at = "values[" + i + "]";
            if (given == null || given.kpiCode() == null || given.kpiCode().isBlank()) {
                throw new RuleViolationException("kpi-code-required", at + ".kpiCode", "Value " + i + " names no KPI");
            }
            KpiDefinition kpi = framework.kpi(given.kpiCode().trim()).orElseThrow(() ->
                    new RuleViolationException("kpi-unknown", at + ".kpiCode", "There is no KPI " + given.kpiCode()
                            + " in version " + framework.version() + " of the framework of contract "
                            + command.contractId() + "; its KPIs are "
                            + framework.kpis().stream().map(KpiDefinition::code).toList()));
            if (!kpi.expectedSource().fromProvider()) {
                throw new RuleViolationException("kpi-not-provider-sourced", at + ".kpiCode", "KPI " + kpi.code()
                        + " comes from the council's own systems, not from the provider's return");
            }
            String district = given.district() == null || given.district().isBlank() ? null : given.district().trim();
            if (district != null && !contract.districts().contains(district)) {
                throw new RuleViolationException("district-outside-lot", at + ".district", district
                        + " is not a district of the lot of contract " + command.contractId() + ": "
                        + contract.districts());
            }
            Measurement measured = Measurement.of(kpi, given.value(), given.numerator(), given.denominator(), at);
            Key key = new Key(kpi.code(), district);
            if (!seen.add(key)) {
                throw new RuleViolationException("value-duplicate", at, "KPI " + kpi.code() + " has more than one "
                        + (district == null ? "total" : "value for " + district));
            }
            accepted.add(new KpiValueSubmittedEvent(command.returnId(), command.contractId(), month,
                    framework.version(), kpi.code(), district, kpi.unit(), measured.value(), measured.numerator(),
                    measured.denominator(), measured.band()));
        }
        List<String> withoutTotal = seen.stream().map(Key::kpiCode).distinct()
                .filter(code -> !seen.contains(new Key(code, null))).toList();
        if (!withoutTotal.isEmpty()) {
            throw new RuleViolationException("total-missing", "values", "A KPI broken down by district also needs "
                    + "its total for the contract (a value without district); missing for " + withoutTotal);
        }

        apply(new MonthlyReturnSubmittedEvent(command.returnId(), command.contractId(), month, framework.version(),
                command.narrative(), command.submittedBy()));
        accepted.forEach(event -> apply(event));
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
        String code = command.kpiCode() == null ? "" : command.kpiCode().trim();
        String district = command.district() == null || command.district().isBlank() ? null : command.district().trim();
        Key key = values.keySet().stream()
                .filter(k -> k.kpiCode().equalsIgnoreCase(code) && Objects.equals(k.district(), district))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException("value-not-in-return", "kpiCode", "The return of "
                        + period + " has no value of KPI " + code + (district == null ? " (total)" : " for " + district)
                        + " to correct; its values are " + values.keySet()));
        Recorded previous = values.get(key);
        KpiFrameworkVersion framework = command.frameworks().version(frameworkVersion).orElseThrow(() ->
                new IllegalStateException("Version " + frameworkVersion + " of the framework of contract "
                        + contractId + " was not given with the correction"));
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
    }

    @EventSourcingHandler
    void on(MonthlyReturnSubmittedEvent event) {
        this.returnId = event.returnId();
        this.contractId = event.contractId();
        this.period = event.period();
        this.frameworkVersion = event.frameworkVersion();
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
