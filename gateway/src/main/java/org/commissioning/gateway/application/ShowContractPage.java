package org.commissioning.gateway.application;

import lombok.RequiredArgsConstructor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.application.ContractPage.Cell;
import org.commissioning.gateway.application.ContractPage.ContractStatus;
import org.commissioning.gateway.application.ContractPage.DeepDive;
import org.commissioning.gateway.application.ContractPage.Facts;
import org.commissioning.gateway.application.ContractPage.KpiRow;
import org.commissioning.gateway.application.ContractPage.Payment;
import org.commissioning.gateway.application.ContractPage.Scorecard;
import org.commissioning.gateway.application.ContractPage.Section;
import org.commissioning.gateway.application.ContractPage.TimelineEntry;
import org.commissioning.gateway.application.OwnerApi.Owner;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The contract page: its facts, officers and lot (contract-service, or the dashboard projection while
 * contract-service does not answer), its live rating (the dashboard projection, which the live events follow) and,
 * for a caller who may read its detail, the lifecycle timeline and payments (contract-service), the monthly KPI
 * scorecard (kpi-service), the chart of the rating and headline KPIs with the trajectory's projection (rag-service,
 * kpi-service) and its deep dive (deepdive-service). Every owner is asked as the caller, so each applies its own
 * authorisation and provider confinement; an owner that does not answer leaves its section "not available".
 */
@Service
@RequiredArgsConstructor
public class ShowContractPage {

    /** The scorecard's months: at most the last twelve up to the latest rated one. */
    public static final int SCORECARD_MONTHS = 12;

    private static final Logger log = LoggerFactory.getLogger(ShowContractPage.class);

    private final OwnerApi owners;
    private final DashboardView dashboard;
    private final Clock clock;


    /**
     * For a caller who may read summaries (403 otherwise); an unknown contract, one contract-service answers 404 for
     * (another provider's, to a provider), or an id that is no contract id is not found.
     */
    public ContractPage show(String contractId) {
        Access.require(Permission.READ_SUMMARIES);
        String id = contractIdOrNotFound(contractId);
        Optional<DashboardContract> row = dashboard.contract(id);
        JsonNode contract = contract(id, row.isPresent());
        Facts facts = contract != null ? facts(contract) : facts(row.orElseThrow());
        Access.requireFor(Permission.READ_SUMMARIES, facts.provider(), () -> notFound(id));
        boolean detail = Access.mayRead(Permission.READ_DETAIL, facts.provider());
        boolean manage = Permission.MANAGE_CONTRACTS.grantedTo(Access.caller());
        ContractStatus status = ContractStatus.of(id, row.orElse(null));
        if (!detail) {
            return new ContractPage(id, facts, contract != null, status, false, manage, Section.notShown(),
                    Section.notShown(), Section.notShown(), Section.notShown(), Section.notShown());
        }
        JsonNode summary = contract;
        Section<List<TimelineEntry>> timeline = section(Owner.CONTRACT, () -> timeline(id));
        Section<JsonNode> ratings = section(Owner.RAG, () -> owners.get(Owner.RAG,
                "/api/ratings/contracts/{id}/ratings", Map.of(), id), true);
        List<String> months = months(facts, ratings.content());
        Section<Scorecard> scorecard = section(Owner.KPI, () -> scorecard(id, months, ratings.content()), true);
        Section<Map<String, Object>> chart = !scorecard.available() ? Section.unavailable(Owner.KPI.service())
                : Section.of(scorecard.content() == null ? null
                : ContractChart.of(scorecard.content(), ratings.content()));
        List<String> shownMonths = scorecard.content() == null ? months : scorecard.content().months();
        Section<List<Payment>> payments = summary == null ? Section.unavailable(Owner.CONTRACT.service())
                : Section.of(payments(summary, shownMonths));
        Section<DeepDive> deepDive = row.map(DashboardContract::deepDive)
                .map(latest -> section(Owner.DEEPDIVE, () -> deepDive(owners.get(Owner.DEEPDIVE,
                        "/api/deepdives/contracts/{id}/deep-dives/{year}", Map.of(), id, latest.programmeYear())),
                        true))
                .orElse(Section.of(null));
        return new ContractPage(id, facts, contract != null, status, true, manage, timeline, scorecard, chart,
                payments, deepDive);
    }

    /**
     * contract-service's contract; null when it does not answer but the dashboard has the contract, whose facts then
     * stand in. Its 404 (unknown, or another provider's) is the page's.
     */
    private JsonNode contract(String id, boolean inDashboard) {
        try {
            return owners.get(Owner.CONTRACT, "/api/contracts/{id}", Map.of(), id);
        } catch (OwnerRefused refused) {
            if (refused.status() == 404) {
                throw notFound(id);
            }
            if (!inDashboard) {
                throw refused;
            }
        } catch (ErrorResponseException unavailable) {
            if (!inDashboard) {
                throw unavailable;
            }
        }
        log.warn("contract page: contract-service did not answer for {}; the dashboard's facts stand in", id);
        return null;
    }

    /**
     * The live part alone, from the dashboard projection (which the live events follow); nothing for a contract the
     * projection does not have yet, or one the caller may not see (its live region shows "not rated yet").
     */
    public ContractStatus status(String contractId) {
        Access.require(Permission.READ_SUMMARIES);
        String id = contractIdOrNotFound(contractId);
        return dashboard.contract(id).filter(row -> Access.mayRead(Permission.READ_SUMMARIES, row.provider()))
                .map(row -> ContractStatus.of(id, row)).orElse(ContractStatus.of(id, null));
    }

    static String contractIdOrNotFound(String contractId) {
        try {
            return UUID.fromString(contractId).toString();
        } catch (IllegalArgumentException notAnId) {
            throw notFound(contractId);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No contract " + id);
    }

    private <T> Section<T> section(Owner owner, Supplier<T> read) {
        return section(owner, read, false);
    }

    /** With {@code missingIsEmpty}, an owner's 404 (nothing of the kind yet) is an empty section, not a failure. */
    private <T> Section<T> section(Owner owner, Supplier<T> read, boolean missingIsEmpty) {
        try {
            return Section.of(read.get());
        } catch (OwnerRefused refused) {
            if (missingIsEmpty && refused.status() == 404) {
                return Section.of(null);
            }
            log.warn("contract page: {} answered {}", owner.service(), refused.status());
            return Section.unavailable(owner.service());
        } catch (ErrorResponseException unavailable) {
            log.warn("contract page: {} did not answer: {}", owner.service(), unavailable.getMessage());
            return Section.unavailable(owner.service());
        }
    }

    private static Facts facts(JsonNode c) {
        JsonNode monitoring = c.path("monitoring");
        JsonNode escalation = c.path("escalation");
        JsonNode plan = c.path("openPlan");
        return new Facts(text(c, "provider"), text(c, "serviceArea"), text(c.path("lot"), "scope"),
                strings(c.path("lot").path("names")), strings(c.path("areas")), strings(c.path("districts")),
                decimal(c, "annualValueGbp"), date(c, "start"), date(c, "end"), text(c, "status"),
                text(c, "leadOfficer"), text(c, "contractManager"), c.path("extensionMonths").asInt(),
                c.path("extensionUsed").asBoolean(),
                plan.isObject() ? words(text(plan, "kind")) + " " + plan.path("number").asInt() + ", started "
                        + text(plan, "startedOn") : null,
                c.path("warnings").size(), text(c, "ratedPeriod"), text(monitoring, "cadence"),
                date(monitoring, "nextMeetingDue"), date(monitoring, "overdueDueDate"),
                escalation.isObject() ? "Due " + text(escalation, "dueOn") + ": " + text(escalation, "reason") : null);
    }

    private static Facts facts(DashboardContract row) {
        return new Facts(row.provider(), row.serviceArea(), row.lotScope(), List.of(), row.areas(), row.districts(),
                row.annualValueGbp(), row.start(), row.end(), row.status(), null, null, null, null, null, 0,
                row.ragPeriod() == null ? null : row.ragPeriod().toString(), row.cadence(), null, null, null);
    }

    private List<TimelineEntry> timeline(String id) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (JsonNode entry : owners.get(Owner.CONTRACT, "/api/contracts/{id}/history", Map.of(), id)) {
            String type = text(entry, "type");
            entries.add(new TimelineEntry(entry.hasNonNull("time") ? Instant.parse(entry.get("time").asText()) : null,
                    type, words(type), text(entry, "summary"), text(entry, "actor")));
        }
        return entries;
    }

    /**
     * The months the scorecard covers: up to the latest rated one (rag-service's, else contract-service's), else this
     * month or the contract's end if earlier; back at most {@value #SCORECARD_MONTHS} months, not before its start.
     */
    private List<String> months(Facts facts, JsonNode ratings) {
        YearMonth last = null;
        if (ratings != null) {
            for (JsonNode period : ratings.path("periods")) {
                YearMonth month = YearMonth.parse(period.path("period").asText());
                last = last == null || month.isAfter(last) ? month : last;
            }
        }
        if (last == null && facts.ratedPeriod() != null) {
            last = YearMonth.parse(facts.ratedPeriod());
        }
        if (last == null) {
            last = YearMonth.now(clock);
            if (facts.end() != null && YearMonth.from(facts.end()).isBefore(last)) {
                last = YearMonth.from(facts.end());
            }
        }
        YearMonth first = last.minusMonths(SCORECARD_MONTHS - 1);
        if (facts.start() != null && YearMonth.from(facts.start()).isAfter(first)) {
            first = YearMonth.from(facts.start());
        }
        List<String> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /** Null when the contract has no KPI framework yet; its months from the framework's first in force. */
    private Scorecard scorecard(String id, List<String> window, JsonNode ratings) {
        JsonNode framework = owners.get(Owner.KPI, "/api/kpi/contracts/{id}/framework", Map.of(), id);
        String firstInForce = StreamSupport.stream(framework.path("versions").spliterator(), false)
                .map(v -> v.path("effectiveFrom").asText()).min(String::compareTo)
                .orElse(framework.path("effectiveFrom").asText(""));
        List<String> months = window.stream().filter(month -> month.compareTo(firstInForce) >= 0).toList();
        Map<String, JsonNode> returns = new LinkedHashMap<>();
        for (String month : months) {
            try {
                returns.put(month, owners.get(Owner.KPI, "/api/kpi/contracts/{id}/returns/{period}", Map.of(), id,
                        month));
            } catch (OwnerRefused refused) {
                if (refused.status() != 404) {
                    throw refused;
                }
            }
        }
        Map<String, JsonNode> rated = new TreeMap<>();
        if (ratings != null) {
            ratings.path("periods").forEach(p -> rated.put(p.path("period").asText(), p));
        }
        List<Cell> ratingCells = months.stream().map(month -> {
            JsonNode period = rated.get(month);
            if (period == null) {
                return Cell.empty(month, ratings == null ? "Not available" : "Not rated");
            }
            String rating = text(period, "rating");
            return new Cell(month, null, words(rating), rating, "OFFICER".equals(text(period, "basis")) ? "Officer" : "KPIs",
                    period.path("notValidated").size() > 0, null, period.path("provisional").asBoolean());
        }).toList();
        List<KpiRow> kpis = new ArrayList<>();
        for (JsonNode kpi : framework.path("kpis")) {
            String code = text(kpi, "code");
            String unit = text(kpi, "unit");
            List<Cell> cells = months.stream().map(month -> returns.containsKey(month)
                    ? cell(month, unit, total(returns.get(month), code)) : Cell.empty(month, "No return")).toList();
            kpis.add(new KpiRow(code, text(kpi, "name"), unit, kpi.path("headline").asBoolean(),
                    text(kpi, "direction"), bands(kpi.path("bands"), unit), thresholds(kpi.path("bands"), unit),
                    cells));
        }
        return new Scorecard(months, ratingCells, kpis, framework.path("version").asInt());
    }

    private static JsonNode total(JsonNode monthlyReturn, String code) {
        for (JsonNode value : monthlyReturn.path("values")) {
            if (code.equals(text(value, "kpiCode")) && !value.hasNonNull("district")) {
                return value;
            }
        }
        return null;
    }

    private static Cell cell(String month, String unit, JsonNode value) {
        if (value == null) {
            return Cell.empty(month, "Not reported");
        }
        JsonNode council = value.path("council");
        boolean provider = value.hasNonNull("value");
        BigDecimal shown = provider ? decimal(value, "value") : decimal(council, "value");
        String band = provider ? text(value, "band") : text(council, "band");
        String source = provider && council.isObject() ? "Provider and council" : provider ? "Provider" : "Council";
        String corrected = null;
        JsonNode corrections = value.path("corrections");
        if (!corrections.isEmpty()) {
            JsonNode last = corrections.get(corrections.size() - 1);
            corrected = "Corrected from " + format(decimal(value.path("original"), "value"), unit) + " by "
                    + text(last, "correctedBy") + ": " + text(last, "reason");
        }
        return new Cell(month, shown, format(shown, unit), band, source, "NOT_VALIDATED".equals(text(value, "validation")),
                corrected, false);
    }

    /** A value in its unit's words: 92.5%, 14 days, £1,250.00 (MONEY is in pence), 3. */
    static String format(BigDecimal value, String unit) {
        if (value == null) {
            return "";
        }
        return switch (unit == null ? "" : unit) {
            case "PERCENT" -> value.stripTrailingZeros().toPlainString() + "%";
            case "DAYS" -> value.stripTrailingZeros().toPlainString() + " days";
            case "MONEY" -> NumberFormat.getCurrencyInstance(Locale.UK)
                    .format(value.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            default -> value.stripTrailingZeros().toPlainString();
        };
    }

    /** The bands in words, lowest values first as the framework lists them: "RED below 80; AMBER 80 to 90; ...". */
    private static String bands(JsonNode bands, String unit) {
        List<String> words = new ArrayList<>();
        for (JsonNode band : bands) {
            String lower = band.hasNonNull("lower") ? (band.path("lowerInclusive").asBoolean() ? "from " : "above ")
                    + format(decimal(band, "lower"), unit) : null;
            String upper = band.hasNonNull("upper") ? (band.path("upperInclusive").asBoolean() ? "up to " : "below ")
                    + format(decimal(band, "upper"), unit) : null;
            words.add(text(band, "rating") + " " + String.join(" ", java.util.stream.Stream.of(lower, upper)
                    .filter(java.util.Objects::nonNull).toList()));
        }
        return String.join("; ", words);
    }

    /** Where each band but the one of the lowest values begins. */
    private static List<ContractPage.Threshold> thresholds(JsonNode bands, String unit) {
        List<ContractPage.Threshold> thresholds = new ArrayList<>();
        for (JsonNode band : bands) {
            if (band.hasNonNull("lower") && decimal(band, "lower").signum() > 0) {
                thresholds.add(new ContractPage.Threshold(text(band, "rating")
                        + (band.path("lowerInclusive").asBoolean() ? " from " : " above ") + format(decimal(band, "lower"), unit), decimal(band, "lower")));
            }
        }
        return thresholds;
    }

    /** Each month of the scorecard, and any other month decided, latest first. */
    private static List<Payment> payments(JsonNode contract, List<String> months) {
        JsonNode decided = contract.path("payments");
        TreeSet<String> periods = new TreeSet<>(months);
        decided.fieldNames().forEachRemaining(periods::add);
        List<Payment> payments = new ArrayList<>();
        for (String period : periods.descendingSet()) {
            JsonNode p = decided.path(period);
            payments.add(p.isObject() ? new Payment(period, text(p, "decision"), text(p, "rationale"),
                    date(p, "decidedOn"), text(p, "supersedes"), text(p, "supersedingReason"))
                    : new Payment(period, null, null, null, null, null));
        }
        return payments;
    }

    private static DeepDive deepDive(JsonNode d) {
        List<DeepDive.Area> areas = StreamSupport.stream(d.path("areas").spliterator(), false)
                .map(a -> new DeepDive.Area(a.path("number").asInt(), text(a, "title"), text(a, "grade"),
                        text(a, "findings"))).toList();
        List<DeepDive.Action> actions = StreamSupport.stream(d.path("actions").spliterator(), false)
                .map(a -> new DeepDive.Action(text(a, "description"), text(a, "owner"), date(a, "dueDate"))).toList();
        return new DeepDive(d.path("programmeYear").asInt(), text(d, "status"), date(d, "dueDate"),
                text(d, "leadOfficer"), text(d, "overallGrade"), text(d, "suggestedGrade"), text(d, "rationale"),
                date(d, "completedOn"), d.path("historic").asBoolean(), text(d, "sourceReference"), areas,
                strings(d.path("strengths")), strings(d.path("areasForImprovement")), actions,
                text(d, "cancellationReason"));
    }

    /** {@code ContractWarningIssued} or {@code IMPROVEMENT_PLAN} in words: "Contract warning issued", "Improvement plan". */
    static String words(String name) {
        if (name == null) {
            return null;
        }
        String spaced = name.contains("_") ? name.replace('_', ' ') : name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
        String lower = spaced.toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.decimalValue() : value.isTextual() ? new BigDecimal(value.asText()) : null;
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
