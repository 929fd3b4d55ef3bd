package org.commissioning.gateway.application.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.OwnerApi;
import org.commissioning.gateway.application.OwnerApi.Owner;
import org.commissioning.gateway.application.OwnerRefused;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the portal's use cases read from kpi-service, as the signed-in caller (who kpi-service confines again): the
 * contract as known, with the caller's permission and provider checked here first; a month's return; the overdue
 * returns; the framework in force in a month.
 */
@Component
@RequiredArgsConstructor
public class PortalOwners {

    static final String CONTRACT = "/api/kpi/contracts/{id}";
    static final String RETURN = "/api/kpi/contracts/{id}/returns/{period}";
    static final String RETURNS = "/api/kpi/contracts/{id}/returns";

    private final OwnerApi owners;
    private final Clock clock;

    /**
     * The contract, for a caller holding {@code permission} (403 otherwise) who may act for its provider: one
     * that is not a contract id, unknown, or another provider's is the same not-found.
     */
    public PortalContract contract(String contractId, Permission permission) {
        Access.require(permission);
        Supplier<NotFoundException> notFound = () -> new NotFoundException("No contract " + contractId);
        try {
            UUID.fromString(contractId);
        } catch (IllegalArgumentException notAnId) {
            throw notFound.get();
        }
        JsonNode known = ifFound(() -> owners.get(Owner.KPI, CONTRACT, Map.of(), contractId))
                .orElseThrow(notFound);
        PortalContract contract = new PortalContract(contractId, text(known, "provider"), text(known, "serviceArea"),
                date(known, "start"), date(known, "end"), texts(known.path("districts")));
        Access.requireFor(permission, contract.provider(), notFound);
        return contract;
    }

    /** The month's return as kpi-service shows it, if anything is recorded for it. */
    public Optional<JsonNode> monthlyReturn(String contractId, YearMonth period) {
        return ifFound(() -> owners.get(Owner.KPI, RETURN, Map.of(), contractId, period.toString()));
    }

    public List<OverdueMonth> overdue(String contractId) {
        JsonNode list = owners.get(Owner.KPI, RETURNS + "/overdue", Map.of(), contractId);
        List<OverdueMonth> overdue = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(o -> overdue.add(new OverdueMonth(YearMonth.parse(o.path("period").asText()),
                    date(o, "dueDate"), o.hasNonNull("receivedAt") ? Instant.parse(o.get("receivedAt").asText())
                    : null)));
        }
        return overdue;
    }

    /** The framework version in force in the month, with the KPIs the provider reports; empty where none is. */
    public Optional<ReturnFramework> framework(String contractId, YearMonth period) {
        return ifFound(() -> owners.get(Owner.KPI, "/api/kpi/contracts/{id}/framework", Map.of("period", period),
                contractId)).filter(f -> f.path("kpis").isArray()).map(PortalOwners::framework);
    }

    /**
     * The month {@code period} (yyyy-MM) names, if a return can be made for it: within the contract's term and not
     * after this month. Any other is not found, like a page that is not there.
     */
    public YearMonth month(PortalContract contract, String period) {
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (java.time.format.DateTimeParseException notAMonth) {
            throw new NotFoundException("No month " + period);
        }
        if (month.isAfter(currentMonth()) || !contract.covers(month)) {
            throw new NotFoundException("No return of contract " + contract.id() + " for " + month);
        }
        return month;
    }

    /** The council's month ("now" by the platform's clock, Europe/London). */
    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    private static ReturnFramework framework(JsonNode framework) {
        List<KpiField> fields = new ArrayList<>();
        List<String> councilOnly = new ArrayList<>();
        for (JsonNode kpi : framework.path("kpis")) {
            if ("COUNCIL".equals(text(kpi, "expectedSource"))) {
                councilOnly.add(text(kpi, "name"));
                continue;
            }
            List<BandBounds> bands = new ArrayList<>();
            kpi.path("bands").forEach(b -> bands.add(new BandBounds(text(b, "rating"), decimal(b, "lower"),
                    b.path("lowerInclusive").asBoolean(), decimal(b, "upper"), b.path("upperInclusive").asBoolean())));
            fields.add(new KpiField(text(kpi, "code"), text(kpi, "name"), text(kpi, "unit"), text(kpi, "direction"),
                    kpi.path("headline").asBoolean(), bands));
        }
        return new ReturnFramework(framework.path("version").asInt(), text(framework, "effectiveFrom"), fields,
                councilOnly);
    }

    /** The owner's answer, or empty for its 404 (unknown, or not the caller's: kpi-service confines too). */
    static <T> Optional<T> ifFound(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (OwnerRefused refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asText()) : null;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).decimalValue() : null;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
