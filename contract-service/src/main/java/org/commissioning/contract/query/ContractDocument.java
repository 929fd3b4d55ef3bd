package org.commissioning.contract.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.ServiceArea;

/**
 * The stored form of a {@link ContractSummary}: one document per contract, keyed by its id, changed by the
 * projection and written back whole.
 */
class ContractDocument {

    String id;
    String provider;
    ServiceArea serviceArea;
    Lot lot;
    List<String> areas;
    List<String> districts;
    BigDecimal annualValueGbp;
    LocalDate start;
    LocalDate end;
    int extensionMonths;
    boolean extensionUsed;
    ContractStatus status;
    Rating rag;
    String leadOfficer;
    String contractManager;
    ContractSummary.Plan openPlan;
    List<ContractSummary.Warning> warnings = new ArrayList<>();
    ContractSummary.Termination termination;
    LocalDate expiredOn;
    ContractSummary.Recommissioning recommissioning;
    /** By period, {@code 2018-05}. */
    Map<String, ContractSummary.Payment> payments = new LinkedHashMap<>();
    String ratedPeriod;
    ContractSummary.Monitoring monitoring;
    ContractSummary.Escalation escalation;
    ContractSummary.VariationRecommendation variationRecommendation;
    long version;
    Instant registeredAt;
    Instant updatedAt;

    /** A contract as its registration left it. */
    static ContractDocument registered(ContractRegisteredEvent event, long sequence, Instant at) {
        ContractDocument doc = new ContractDocument();
        doc.id = event.contractId();
        doc.provider = event.provider();
        doc.serviceArea = event.serviceArea();
        doc.lot = event.lot();
        doc.areas = event.lot().coveredAreas();
        doc.districts = event.lot().coveredDistricts();
        doc.annualValueGbp = event.annualValueGbp();
        doc.start = event.start();
        doc.end = event.end();
        doc.extensionMonths = event.extensionMonths() == null ? 0 : event.extensionMonths();
        doc.status = ContractStatus.ACTIVE;
        doc.version = sequence;
        doc.registeredAt = at;
        doc.updatedAt = at;
        return doc;
    }

    /** The change a later event makes ({@link SummaryChanges}), now at its {@code sequence}. */
    void apply(ContractEvent event, long sequence, Instant at) {
        SummaryChanges.apply(this, event);
        version = sequence;
        updatedAt = at;
    }

    ContractSummary toSummary() {
        return new ContractSummary(id, provider, serviceArea, lot, areas, districts, annualValueGbp, start, end,
                extensionMonths, extensionUsed, status, rag, leadOfficer, contractManager, openPlan,
                warnings == null ? List.of() : List.copyOf(warnings), termination, expiredOn, recommissioning,
                payments == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(payments)),
                ratedPeriod, monitoring, escalation, variationRecommendation, version, registeredAt, updatedAt);
    }
}
