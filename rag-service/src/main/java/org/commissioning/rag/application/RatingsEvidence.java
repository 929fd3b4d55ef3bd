package org.commissioning.rag.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.evidence.EvidenceContent;
import org.commissioning.platform.evidence.EvidenceCsv;
import org.commissioning.platform.evidence.EvidenceFile;
import org.commissioning.platform.evidence.EvidenceJson;
import org.commissioning.platform.evidence.EvidenceSource;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.commissioning.rag.api.RatingRecord;
import org.commissioning.rag.query.ContractsKnownHere;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.springframework.stereotype.Service;

/**
 * rag-service's share of a contract's evidence pack (context {@value #CONTEXT}): every rating of the contract with
 * its evidence, overrides, changes of the overall rating, trajectories, the framework versions and band tables it
 * rated against, its performance notices and the definition of every policy, all read from the event store as it
 * stood at the instant asked (the contract's rating stream and its notices' stream), never from a projection.
 */
@Service
@RequiredArgsConstructor
public class RatingsEvidence implements EvidenceSource {

    static final String CONTEXT = "ratings";

    static final List<String> RATINGS = List.of("period", "sequence", "recordedAt", "computedRating", "rating",
            "basis", "provisional", "policyVersion", "frameworkVersions", "missingHeadlines", "notValidated",
            "ratedBy", "actor", "actorName", "causedBy", "rationale", "reason");
    static final List<String> EVIDENCE = List.of("period", "sequence", "kpiCode", "value", "numerator",
            "denominator", "source", "band", "frameworkVersion");
    static final List<String> KPI_RATINGS = List.of("period", "sequence", "recordedAt", "kpiCode", "value",
            "numerator", "denominator", "source", "frameworkVersion", "band", "reportedBand", "headline",
            "correction", "causedBy");
    static final List<String> OVERRIDES = List.of("period", "sequence", "recordedAt", "computedRating",
            "previousRating", "rating", "rationale", "officer", "actorName", "policyVersion");
    static final List<String> CHANGES = List.of("period", "sequence", "recordedAt", "from", "to", "basis",
            "rationale", "actor", "actorName");
    static final List<String> TRAJECTORIES = List.of("period", "sequence", "recordedAt", "basis", "method", "rating",
            "projectedRating", "trend", "horizonMonths", "assessedBy", "actor", "actorName", "statement");
    static final List<String> BANDS = List.of("frameworkVersion", "effectiveFrom", "sequence", "recordedAt",
            "kpiCode", "unit", "direction", "headline", "band", "lower", "lowerInclusive", "upper",
            "upperInclusive");

    private final EventStore eventStore;
    private final ContractsKnownHere known;
    private final KnownContracts contracts;
    private final PerformanceNoticeRecords notices;

    @Override
    public String context() {
        return CONTEXT;
    }

    /** 404 for a contract neither known nor rated here; a known contract with nothing yet gives empty files. */
    @Override
    public EvidenceContent evidence(String contractId, Instant asOf) {
        known.require(contractId);
        List<DomainEventMessage<?>> stream = AsOf.of(eventStore.readEvents(contractId, 0L), asOf);
        List<Entry> entries = stream.stream().flatMap(m -> RatingHistoryProjection.entryOf(m)
                .map(r -> new Entry(r, actorName(m))).stream()).toList();
        List<Entry> ratings = ofType(entries, "ContractRated");
        List<FrameworkEvidence> frameworks = frameworks(stream);
        String provider = contracts.find(contractId).map(KnownContract::provider).orElse(null);
        List<DomainEventMessage<?>> noticeEvents = notices.noticeEvents(contractId, asOf);
        List<EvidenceFile> files = List.of(
                EvidenceCsv.table(CONTEXT + "/ratings.csv", RATINGS, ratings.stream().map(RatingsEvidence::rating)
                        .toList()),
                EvidenceCsv.table(CONTEXT + "/evidence.csv", EVIDENCE, ratings.stream()
                        .flatMap(RatingsEvidence::evidence).toList()),
                EvidenceCsv.table(CONTEXT + "/kpi-ratings.csv", KPI_RATINGS, stream.stream()
                        .filter(m -> m.getPayload() instanceof KpiRatedEvent).map(RatingsEvidence::kpiRating)
                        .toList()),
                EvidenceJson.record(CONTEXT + "/ratings.json", RatingHistoryProjection.history(contractId, asOf,
                        entries.stream().map(Entry::record).toList())),
                EvidenceCsv.table(CONTEXT + "/overrides.csv", OVERRIDES, ofType(entries, "RagOverridden").stream()
                        .map(RatingsEvidence::override).toList()),
                EvidenceCsv.table(CONTEXT + "/changes.csv", CHANGES, ofType(entries, "RagChanged").stream()
                        .map(RatingsEvidence::change).toList()),
                EvidenceCsv.table(CONTEXT + "/trajectories.csv", TRAJECTORIES, ofType(entries, "TrajectoryAssessed")
                        .stream().map(RatingsEvidence::trajectory).toList()),
                EvidenceJson.record(CONTEXT + "/frameworks.json", frameworks),
                EvidenceCsv.table(CONTEXT + "/bands.csv", BANDS, frameworks.stream()
                        .flatMap(RatingsEvidence::bands).toList()),
                EvidenceJson.record(CONTEXT + "/policies.json", RatingPolicyDefinitions.all()),
                EvidenceJson.record(CONTEXT + "/performance-notices.json", new NoticesEvidence(
                        List.copyOf(PerformanceNoticeRecords.notices(provider, noticeEvents).values()),
                        noticeEvents.stream().map(RatingsEvidence::noticeRecord).toList())));
        return new EvidenceContent(files, List.of(contractId, PerformanceNoticeCommands.id(contractId)), README);
    }

    /** A history entry with the display name of the actor its stored event names. */
    private record Entry(RatingRecord record, String actorName) {
    }

    /** A framework version as rag-service recorded it: the stored event's sequence and time, and the version. */
    record FrameworkEvidence(int version, YearMonth effectiveFrom, long sequence, Instant recordedAt,
                             List<KpiSpec> kpis) {
    }

    /** The contract's notices as they stood, and each stored event of their stream (every draft, every decision). */
    record NoticesEvidence(List<?> notices, List<NoticeRecord> records) {
    }

    record NoticeRecord(long sequence, Instant recordedAt, String type, String actor, String actorName,
                        Object event) {
    }

    private static List<Entry> ofType(List<Entry> entries, String type) {
        return entries.stream().filter(e -> e.record().type().equals(type))
                .sorted(Comparator.comparingLong(e -> e.record().sequence())).toList();
    }

    private static List<FrameworkEvidence> frameworks(List<DomainEventMessage<?>> stream) {
        return stream.stream().filter(m -> m.getPayload() instanceof FrameworkRecordedEvent).map(m -> {
            FrameworkRecordedEvent e = (FrameworkRecordedEvent) m.getPayload();
            return new FrameworkEvidence(e.framework().version(), e.framework().effectiveFrom(),
                    m.getSequenceNumber(), m.getTimestamp(), e.framework().kpis());
        }).sorted(Comparator.comparingInt(FrameworkEvidence::version)).toList();
    }

    private static List<Object> rating(Entry entry) {
        RatingRecord r = entry.record();
        return Arrays.asList(r.period(), r.sequence(), r.recordedAt(), r.computedRating(), r.rating(), r.basis(),
                r.provisional(), r.policyVersion(), joined(r.frameworkVersions()), joined(r.missingHeadlines()),
                joined(r.notValidated()), r.ratedBy(), r.triggeredBy(), entry.actorName(), r.causedBy(),
                r.rationale(), r.reason());
    }

    private static Stream<List<Object>> evidence(Entry entry) {
        RatingRecord r = entry.record();
        return orEmpty(r.evidence()).stream().sorted(Comparator.comparing(KpiEvidence::kpiCode))
                .map(e -> Arrays.asList(r.period(), r.sequence(), e.kpiCode(), plain(e.value()), e.numerator(),
                        e.denominator(), e.source(), e.band(), e.frameworkVersion()));
    }

    private static List<Object> kpiRating(DomainEventMessage<?> m) {
        KpiRatedEvent e = (KpiRatedEvent) m.getPayload();
        return Arrays.asList(e.period(), m.getSequenceNumber(), m.getTimestamp(), e.kpiCode(), plain(e.value()),
                e.numerator(), e.denominator(), e.source(), e.frameworkVersion(), e.band(), e.reportedBand(),
                e.headline(), e.correction(), m.getMetaData().get(CausationContext.CAUSED_BY));
    }

    private static List<Object> override(Entry entry) {
        RatingRecord r = entry.record();
        return Arrays.asList(r.period(), r.sequence(), r.recordedAt(), r.computedRating(), r.previousRating(),
                r.rating(), r.rationale(), r.ratedBy(), entry.actorName(), r.policyVersion());
    }

    private static List<Object> change(Entry entry) {
        RatingRecord r = entry.record();
        return Arrays.asList(r.period(), r.sequence(), r.recordedAt(), r.from(), r.to(), r.basis(), r.rationale(),
                r.triggeredBy(), entry.actorName());
    }

    private static List<Object> trajectory(Entry entry) {
        RatingRecord r = entry.record();
        return Arrays.asList(r.period(), r.sequence(), r.recordedAt(), r.basis(), r.policyVersion(), r.rating(),
                r.projectedRating(), r.trend(), r.horizonMonths(), r.ratedBy(), r.triggeredBy(), entry.actorName(),
                r.statement());
    }

    private static Stream<List<Object>> bands(FrameworkEvidence f) {
        return f.kpis().stream().sorted(Comparator.comparing(KpiSpec::code)).flatMap(k -> k.bands().stream()
                .map(b -> Arrays.asList(f.version(), f.effectiveFrom(), f.sequence(), f.recordedAt(), k.code(),
                        k.unit(), k.direction(), k.headline(), b.rating(), plain(b.lower()), b.lowerInclusive(),
                        plain(b.upper()), b.upperInclusive())));
    }

    private static NoticeRecord noticeRecord(DomainEventMessage<?> m) {
        return new NoticeRecord(m.getSequenceNumber(), m.getTimestamp(),
                m.getPayloadType().getSimpleName().replaceFirst("Event$", ""), actor(m), actorName(m),
                m.getPayload());
    }

    private static String actor(DomainEventMessage<?> m) {
        return Objects.toString(m.getMetaData().get(CausationContext.ACTOR), CausationContext.SYSTEM);
    }

    private static String actorName(DomainEventMessage<?> m) {
        Object name = m.getMetaData().get(CausationContext.ACTOR_NAME);
        return name == null ? null : name.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String joined(List<?> values) {
        return orEmpty(values).stream().map(String::valueOf).collect(Collectors.joining(";"));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static final String README = """
            ratings/ (rag-service): the contract's ratings as rag-service's event store held them at asOf (by stored \
            event time), read from two streams: the contract's rating stream (stream id = the contract id) and its \
            performance notices' stream (<contractId>:performance-notices); their history chains are under \
            ratings/chain/. Instants are ISO-8601 UTC, months yyyy-MM, lists inside a CSV cell are separated by ";", \
            an empty cell is no value. "sequence" is the stored event's sequence number in the contract's rating \
            stream: the order of the history and the key that joins the files.

            ratings/ratings.csv: one row per contract rating recorded (every ContractRated, superseded ones \
            included: a period rated again after a correction, a discrepancy or an officer's judgement has a row per \
            rating), in the order recorded (sequence). Columns: period, sequence, recordedAt (stored time), \
            computedRating (what the policy computed: GREEN, AMBER, RED or NOT_RATED), rating (the rating that \
            stands: the officer's where basis is OFFICER, else the computed one), basis (COMPUTED or OFFICER), \
            provisional (a value it rests on is not validated), policyVersion, frameworkVersions (the framework \
            versions of its evidence and the one in force), missingHeadlines (headline KPIs without a value: why \
            NOT_RATED), notValidated (headline KPIs with a discrepancy unresolved), ratedBy (rag-service or the \
            officer), actor and actorName (who caused it: the officer, or "system" for a rating caused by a KPI \
            event), causedBy (the person at the origin of that event, e.g. the provider who submitted the return), \
            rationale (the officer's), reason (why the period was rated again).

            ratings/evidence.csv: the evidence of each rating: one row per row of ratings.csv and headline KPI \
            value it rests on, by sequence then kpiCode. Columns: period, sequence (the rating's, joins \
            ratings.csv), kpiCode, value, numerator, denominator (where the value is a fraction), source (PROVIDER \
            or COUNCIL: the provider's value, the council's only where the provider gave none), band (STRETCH, \
            GREEN, AMBER or RED, as rag-service rated the value), frameworkVersion (whose band table rated it).

            ratings/kpi-ratings.csv: every KPI value of the contract's total rag-service rated (KpiRated: each value \
            submitted or corrected, headline or not, from the provider or the council), by sequence. Columns: \
            period, sequence, recordedAt, kpiCode, value, numerator, denominator, source, frameworkVersion (the \
            version in force for the period when it was rated), band (rag-service's), reportedBand (the band \
            kpi-service published with the value), headline, correction (a corrected value), causedBy (who \
            submitted or corrected it).

            ratings/ratings.json: the full records, as GET /api/ratings/contracts/{id}/ratings?asOf= shows them: \
            current (the overall rating), periods (each period's rating as it stood), ratings (every ContractRated), \
            changes (every RagChanged), overrides (every RagOverridden), trajectory and trajectories (every \
            TrajectoryAssessed, with each headline KPI's projection), each with its stored event id, sequence, \
            recordedAt, triggeredBy and causedBy.

            ratings/overrides.csv: every officer judgement (RagOverridden), by sequence. Columns: period, sequence, \
            recordedAt, computedRating (what the policy computed then), previousRating (the period's rating \
            before the judgement, empty if it had none), rating (the officer's), rationale, officer, actorName, \
            policyVersion.

            ratings/changes.csv: every change of the contract's overall rating (RagChanged: the rating of its latest \
            rated period, NOT_RATED periods aside), by sequence. Columns: period, sequence, recordedAt, from, to, \
            basis, rationale (an officer's), actor, actorName.

            ratings/trajectories.csv: every trajectory assessment (TrajectoryAssessed), by sequence; the per-KPI \
            fits are in ratings.json. Columns: period (the month assessed at), sequence, recordedAt, basis \
            (COMPUTED or OFFICER), method (least-squares-6m.v1 when computed), rating (the current rating), \
            projectedRating, trend (IMPROVING, STABLE or DECLINING), horizonMonths, assessedBy, actor, actorName, \
            statement (an officer's).

            ratings/frameworks.json: every framework version of the contract rag-service holds (its copy of \
            kpi-service's framework, the band tables it rated against), by version: version, effectiveFrom, \
            sequence and recordedAt (when rag-service recorded it: a rating uses only versions recorded before it), \
            kpis (code, name, unit, direction, headline, bands from the lowest values: rating, lower, \
            lowerInclusive, upper, upperInclusive; an absent bound is open).

            ratings/bands.csv: the same band tables, one row per framework version, KPI and band, by \
            frameworkVersion, kpiCode, then band from the lowest values. Columns: frameworkVersion, effectiveFrom, \
            sequence, recordedAt, kpiCode, unit, direction, headline, band, lower, lowerInclusive, upper, \
            upperInclusive.

            ratings/policies.json: the definition of every policy rag-service rates by, in words (rule) and as data: \
            worst-headline-band.v1 (the contract rating: framework in force, band of a value, what a band counts as, \
            worst first, NOT_RATED when a headline is missing), pa2023-notice.v1 (performance notices: the mapping \
            of bands to notice ratings and the year's rule) and least-squares-6m.v1 (trajectories). With \
            bands.csv, evidence.csv and ratings.csv it is enough to re-derive every computed rating of the pack: \
            rate each evidence value by its band table, then apply the rule of the rating's policyVersion.

            ratings/performance-notices.json: the contract's Procurement Act 2023 contract performance notices: \
            notices (one per assessment year with a notice, by yearFrom, as exported: status, policyVersion, scope, \
            each KPI's months and rating with the rule that gave it, the derived overall rating, who drafted it and \
            when, the officer's confirmation with its rationale, overdue) and records (every stored event of the \
            notices' stream, drafts, confirmations and overdue notices, by sequence: sequence, recordedAt, type, \
            actor, actorName, event).
            """;
}
