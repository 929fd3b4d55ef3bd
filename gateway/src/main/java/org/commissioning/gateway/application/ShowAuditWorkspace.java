package org.commissioning.gateway.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.AuditWorkspace.Change;
import org.commissioning.gateway.application.AuditWorkspace.ChainCheck;
import org.commissioning.gateway.application.AuditWorkspace.ChainChecks;
import org.commissioning.gateway.application.AuditWorkspace.Changes;
import org.commissioning.gateway.application.AuditWorkspace.Evidence;
import org.commissioning.gateway.application.AuditWorkspace.Finding;
import org.commissioning.gateway.application.AuditWorkspace.Rating;
import org.commissioning.gateway.application.AuditWorkspace.Rederivation;
import org.commissioning.gateway.application.OwnerApi.Owner;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.evidence.EvidenceFile;
import org.commissioning.platform.evidence.EvidencePart;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An auditor's view of one contract ({@link AuditWorkspace}), read from the owners as the caller: rag-service's
 * rating history as of the instant ({@code GET /api/ratings/contracts/{id}/ratings?asOf=}) and its re-derivation
 * ({@code .../rederivation}), each context's chain verification from its evidence part as of the instant
 * ({@code <context>/chain/verification.json}), and the changes between two instants, compared here from the two
 * histories (no owner answers a "changes between" question).
 */
@Service
@RequiredArgsConstructor
public class ShowAuditWorkspace {

    /** The rule a comparison whose first instant lies after its second breaks. */
    public static final String FROM_BEFORE_TO = "from-before-to";

    private static final String RATINGS = "/api/ratings/contracts/{contractId}/ratings";
    private static final String REDERIVATION = "/api/ratings/contracts/{contractId}/rederivation";

    private final OwnerApi owners;
    private final EvidenceOwners evidence;
    private final EvidencePackParts parts;
    private final AuditInstants instants;
    private final BuildEvidencePack build;
    private final ObjectMapper json;

    /** The instants a workspace was asked for, as typed: {@code asOf}, and {@code from}/{@code to} to compare. */
    public record Query(String contractId, String asOf, String from, String to) {
    }

    /**
     * For a caller with permission AUDIT (403 otherwise, before anything is read). Each instant as
     * {@link AuditInstants} reads it (400 naming {@code asOf}, {@code from} or {@code to}); {@code from} after
     * {@code to} (now when blank) is 400 {@value #FROM_BEFORE_TO} naming {@code from}. The owners' refusals (an
     * unknown contract's 404) come as {@link OwnerRefused}.
     */
    public AuditWorkspace show(Query query) {
        Access.require(Permission.AUDIT);
        Instant asOf = instants.parse("asOf", query.asOf());
        Instant from = instants.parse("from", query.from());
        Instant to = instants.parse("to", query.to());
        if (from != null && to != null && from.isAfter(to)) {
            throw new RuleViolationException(FROM_BEFORE_TO, "from", "The first date and time must be before the "
                    + "second");
        }
        String id = query.contractId();
        JsonNode history = history(id, asOf);
        Changes changes = null;
        if (from != null) {
            changes = new Changes(from, to, changes(history(id, from), history(id, to)));
        }
        Instant chainsAsOf = asOf != null ? asOf : instants.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        return new AuditWorkspace(id, asOf, text(history.get("current")), list(history.get("periods"), Rating.class),
                list(history.get("ratings"), Rating.class), list(history.get("overrides"), AuditWorkspace.Override.class),
                rederivation(owners.get(Owner.RAG, REDERIVATION, Map.of(), id)), chains(id, chainsAsOf), changes);
    }

    /**
     * The contract's evidence pack as of the instant an auditor picked ({@link AuditInstants}; blank: now), for a
     * caller with permission AUDIT (403 first), as {@link BuildEvidencePack} builds it for the API.
     */
    public EvidencePack evidencePack(String contractId, String asOf) {
        Access.require(Permission.AUDIT);
        Instant instant = instants.parse("asOf", asOf);
        return build.build(contractId, instant == null ? null : instant.toString());
    }

    private JsonNode history(String contractId, Instant asOf) {
        Map<String, Object> query = new HashMap<>();
        query.put("asOf", asOf == null ? null : asOf.toString());
        return owners.get(Owner.RAG, RATINGS, query, contractId);
    }

    private Rederivation rederivation(JsonNode answer) {
        List<Finding> findings = new ArrayList<>();
        answer.path("underivable").forEach(u -> findings.add(new Finding("Stored event does not follow from the "
                + "evidence", u.path("sequence").asLong(), text(u.get("type")), text(u.get("period")),
                text(u.get("field")), text(u.get("recorded")), text(u.get("follows")))));
        answer.path("projectionMismatches").forEach(p -> findings.add(new Finding("Rating history differs from "
                + "the store", p.path("sequence").asLong(), text(p.get("type")), null, text(p.get("field")),
                text(p.get("projection")), text(p.get("store")))));
        answer.path("mismatches").forEach(m -> findings.add(new Finding("Rating not recomputed from its evidence",
                m.path("sequence").asLong(), "ContractRated", text(m.get("period")), String.join("; ",
                json.convertValue(m.path("reasons"), String[].class)), text(m.get("recorded")),
                text(m.get("recomputed")))));
        return new Rederivation(text(answer.get("policyVersion")), answer.path("replayed").asInt(),
                answer.path("checked").asInt(), findings);
    }

    private ChainChecks chains(String contractId, Instant asOf) {
        List<ChainCheck> checks = new ArrayList<>();
        for (EvidencePartOwner owner : parts.inOrder()) {
            EvidencePart part;
            try {
                part = evidence.part(owner, contractId, asOf);
            } catch (OwnerRefused refused) {
                // the history answered, so the contract exists: a 404 here is a service that had no record of it yet
                if (refused.status() != 404) {
                    throw refused;
                }
                checks.add(new ChainCheck(owner.context(), null, true, 0, -1, 0, owner.service()
                        + " held no record of the contract by then", false, owner.service()));
                continue;
            }
            String name = owner.context() + "/chain/verification.json";
            Optional<EvidenceFile> file = Optional.ofNullable(part.files()).orElse(List.of()).stream()
                    .filter(f -> f.name().equals(name)).findFirst();
            if (file.isEmpty()) {
                checks.add(new ChainCheck(owner.context(), null, false, 0, -1, 0,
                        owner.service() + "'s part holds no chain verification", true, owner.service()));
                continue;
            }
            try {
                for (JsonNode stream : json.readTree(file.get().content()).path("streams")) {
                    checks.add(new ChainCheck(owner.context(), text(stream.get("stream")),
                            stream.path("intact").asBoolean(false), stream.path("events").asLong(),
                            stream.path("headSequence").asLong(), stream.path("sealsChecked").asInt(),
                            difference(stream.get("firstDifference")), true, owner.service()));
                }
            } catch (java.io.IOException unreadable) {
                checks.add(new ChainCheck(owner.context(), null, false, 0, -1, 0,
                        owner.service() + "'s chain verification cannot be read", true, owner.service()));
            }
        }
        return new ChainChecks(asOf, checks);
    }

    private static String difference(JsonNode first) {
        if (first == null || first.isNull()) {
            return null;
        }
        String found = first.hasNonNull("found") ? "found " + text(first.get("found"))
                : "the store no longer holds the event";
        return "At sequence %d (event %s), against the %s: expected %s, %s; intact through sequence %s".formatted(
                first.path("sequence").asLong(), text(first.get("eventId")), text(first.get("against")),
                text(first.get("expected")), found, text(first.get("intactThrough")));
    }

    /** What the second history holds that the first did not, or holds otherwise. */
    private List<Change> changes(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        String was = text(before.get("current"));
        String is = text(after.get("current"));
        if (!Objects.equals(was, is)) {
            changes.add(new Change("Overall rating changed", null, "Contract", dash(was), dash(is), null));
        }
        Map<String, Rating> earlier = new HashMap<>();
        list(before.get("periods"), Rating.class).forEach(r -> earlier.put(r.period(), r));
        for (Rating now : list(after.get("periods"), Rating.class)) {
            Rating then = earlier.get(now.period());
            if (then == null) {
                changes.add(new Change("Rating added", now.period(), basis(now), "—", now.rating(), why(now)));
                continue;
            }
            if (then.sequence() == now.sequence()) {
                continue;
            }
            if (!Objects.equals(then.rating(), now.rating()) || !Objects.equals(then.basis(), now.basis())) {
                changes.add(new Change("Rating changed", now.period(), basis(now), then.rating() + " (" + basis(then)
                        + ")", now.rating() + " (" + basis(now) + ")", why(now)));
            }
            Map<String, Evidence> values = new HashMap<>();
            then.evidence().forEach(e -> values.put(e.kpiCode() + "/" + e.source(), e));
            for (Evidence value : now.evidence()) {
                Evidence old = values.get(value.kpiCode() + "/" + value.source());
                if (old == null) {
                    changes.add(new Change("KPI value added", now.period(), kpi(value), "—", value(value), why(now)));
                } else if (old.value() == null ? value.value() != null
                        : value.value() == null || old.value().compareTo(value.value()) != 0
                        || !Objects.equals(old.band(), value.band())) {
                    changes.add(new Change("KPI value changed", now.period(), kpi(value), value(old), value(value),
                            why(now)));
                }
            }
        }
        List<Long> known = list(before.get("overrides"), AuditWorkspace.Override.class).stream()
                .map(AuditWorkspace.Override::sequence).toList();
        for (AuditWorkspace.Override override : list(after.get("overrides"), AuditWorkspace.Override.class)) {
            if (!known.contains(override.sequence())) {
                changes.add(new Change("Override added", override.period(), "by " + override.triggeredBy(),
                        dash(override.previousRating()), override.rating(), override.rationale()));
            }
        }
        return changes;
    }

    private static String basis(Rating rating) {
        return "OFFICER".equals(rating.basis()) ? "officer's judgement" : "computed";
    }

    private static String why(Rating rating) {
        return rating.reason() != null ? rating.reason() : rating.rationale();
    }

    private static String kpi(Evidence value) {
        return value.kpiCode() + (value.name() == null ? "" : " " + value.name()) + " (" + value.source() + ")";
    }

    private static String value(Evidence value) {
        return (value.value() == null ? "—" : value.value().toPlainString()) + (value.band() == null ? ""
                : " " + value.band());
    }

    private static String dash(String text) {
        return text == null ? "—" : text;
    }

    private <T> List<T> list(JsonNode array, Class<T> type) {
        List<T> items = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> items.add(json.convertValue(item, type)));
        }
        return items;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
