package org.commissioning.kpi.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.Band;
import org.commissioning.kpi.api.DefineKpiFrameworkCommand;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiTemplates;
import org.commissioning.kpi.api.ReviseKpiFrameworkCommand;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * An officer sets a contract's KPI framework: defines it (version 1) or, where one exists, revises it from
 * {@code effectiveFrom} on. The KPIs are given, or taken from the template of the contract's service area.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DefineOrReviseFramework {

    /** @param defined whether this defined the framework (rather than revising it) */
    public record Written(boolean defined, FrameworkVersions framework) {
    }

    private final ContractFigures contracts;

    public Written handle(String contractId, FrameworkRequest request) {
        KnownContract contract = contracts.known(contractId, Permission.MANAGE_CONTRACTS);
        List<KpiDefinition> kpis = kpis(request, contract);
        String template = request.fromTemplate() ? contract.serviceArea() : null;
        boolean defining = !contracts.frameworks(contractId).defined();
        try {
            contracts.send(defining
                    ? new DefineKpiFrameworkCommand(contractId, request.effectiveFrom(), kpis, template)
                    : new ReviseKpiFrameworkCommand(contractId, request.effectiveFrom(), kpis, template));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new StateConflictException("framework-changed-concurrently", "CHANGED", "The framework of contract "
                    + contractId + " was changed at the same time; read it again and retry");
        }
        FrameworkHistory history = contracts.frameworks(contractId);
        return new Written(defining, new FrameworkVersions(contractId, history.latest().orElseThrow(), history));
    }

    private static List<KpiDefinition> kpis(FrameworkRequest request, KnownContract contract) {
        boolean given = request.kpis() != null && !request.kpis().isEmpty();
        if (request.fromTemplate()) {
            if (given) {
                throw new RuleViolationException("template-or-kpis", "kpis",
                        "Give either the KPIs or fromTemplate, not both");
            }
            List<KpiDefinition> template = KpiTemplates.forServiceArea(contract.serviceArea());
            if (template.isEmpty()) {
                throw new RuleViolationException("template-empty", "fromTemplate", "There is no KPI template for "
                        + contract.serviceArea() + " yet; give the KPIs");
            }
            return template;
        }
        if (!given) {
            return List.of();
        }
        List<KpiDefinition> kpis = new ArrayList<>();
        for (int i = 0; i < request.kpis().size(); i++) {
            FrameworkRequest.KpiRequest kpi = request.kpis().get(i);
            List<Band> bands = new ArrayList<>();
            List<FrameworkRequest.BandRequest> requested = kpi.bands() == null ? List.of() : kpi.bands();
            for (int j = 0; j < requested.size(); j++) {
                FrameworkRequest.BandRequest band = requested.get(j);
                String at = "kpis[" + i + "].bands[" + j + "]";
                bands.add(new Band(band.rating(), band.lower(), flag(band.lower(), band.lowerInclusive(), at + ".lowerInclusive"),
                        band.upper(), flag(band.upper(), band.upperInclusive(), at + ".upperInclusive")));
            }
            kpis.add(new KpiDefinition(kpi.code(), kpi.name(), kpi.unit(), kpi.direction(), bands, kpi.headline(),
                    kpi.expectedSource(), kpi.tolerance()));
        }
        return kpis;
    }

    /** A bound's inclusive flag is explicit: "90-94" is read differently by different people. */
    private static boolean flag(BigDecimal bound, Boolean inclusive, String field) {
        if (bound != null && inclusive == null) {
            throw new RuleViolationException("band-inclusivity-required", field,
                    "Say whether the bound " + bound.toPlainString() + " itself is in the band (true or false)");
        }
        return bound != null && inclusive;
    }
}
