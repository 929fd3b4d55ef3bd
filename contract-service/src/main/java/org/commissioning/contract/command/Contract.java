package org.commissioning.contract.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.Geography;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.platform.domain.RuleViolationException;

@Aggregate
public class Contract {

    @AggregateIdentifier
    private String contractId;
    private ContractStatus status;

    protected Contract() {
    }

    @CommandHandler
    public Contract(RegisterContractCommand command) {
        requireText(command.provider(), "provider");
        if (command.serviceArea() == null) {
            throw new RuleViolationException("service-area-required", "serviceArea", "A contract needs a service area");
        }
        requireValidLot(command.lot());
        if (command.annualValueGbp() != null && command.annualValueGbp().compareTo(BigDecimal.ZERO) < 0) {
            throw new RuleViolationException("value-not-negative", "annualValueGbp",
                    "The annual value cannot be negative: " + command.annualValueGbp());
        }
        if (command.start() != null && command.end() != null && !command.end().isAfter(command.start())) {
            throw new RuleViolationException("end-after-start", "end",
                    "The end date " + command.end() + " must be after the start date " + command.start());
        }
        apply(new ContractRegisteredEvent(command.contractId(), command.provider().trim(), command.serviceArea(),
                command.lot(), command.annualValueGbp(), command.start(), command.end()));
    }

    @EventSourcingHandler
    void on(ContractRegisteredEvent event) {
        this.contractId = event.contractId();
        this.status = ContractStatus.ACTIVE;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(field + "-required", field, "A contract needs a " + field);
        }
    }

    private static void requireValidLot(Lot lot) {
        if (lot == null || lot.scope() == null) {
            throw new RuleViolationException("lot-required", "lot.scope", "A contract needs a lot: COUNTY, AREA or DISTRICT");
        }
        switch (lot.scope()) {
            case COUNTY -> {
                if (!lot.names().isEmpty()) {
                    throw new RuleViolationException("county-lot-has-no-names", "lot.names",
                            "A county-wide lot names no areas or districts, but got " + lot.names());
                }
            }
            case AREA -> requireKnown(lot.names(), Geography.areas(), "area");
            case DISTRICT -> requireKnown(lot.names(), Geography.districts(), "district");
        }
    }

    private static void requireKnown(List<String> names, List<String> known, String kind) {
        if (names.isEmpty()) {
            throw new RuleViolationException("lot-names-required", "lot.names",
                    "A " + kind + " lot names at least one " + kind + " of " + known);
        }
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("unknown-" + kind, "lot.names",
                    "Unknown " + kind + (unknown.size() > 1 ? "s " : " ") + unknown + "; known: " + known);
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new RuleViolationException("duplicate-" + kind, "lot.names", "A " + kind + " is named twice: " + names);
        }
    }
}
