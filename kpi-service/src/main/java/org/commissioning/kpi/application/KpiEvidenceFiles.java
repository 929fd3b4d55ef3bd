package org.commissioning.kpi.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.kpi.api.Band;
import org.commissioning.kpi.api.CouncilKpiValueRecordedEvent;
import org.commissioning.kpi.api.Direction;
import org.commissioning.kpi.api.ExpectedSource;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.FrameworkVersionWritten;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiDiscrepancyFlaggedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyResolvedEvent;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.MonthlyReturnView.Figure;
import org.commissioning.kpi.api.MonthlyReturnView.Value;
import org.commissioning.kpi.api.Rating;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.query.ReturnsAsOf.Stored;
import org.commissioning.kpi.query.StoredEvent;
import org.commissioning.platform.evidence.EvidenceCsv;
import org.commissioning.platform.evidence.EvidenceFile;
import org.commissioning.platform.evidence.EvidenceJson;

/**
 * The files of kpi-service's share of a contract's evidence pack, each rendered from the framework's and the returns'
 * stored events as the store held them at the pack's instant (fixed order, nothing of the time of rendering).
 * The columns are named here once, for the files and for their README paragraphs ({@link KpiEvidence}).
 */
final class KpiEvidenceFiles {

    static final String PROVIDER = "PROVIDER";
    static final String COUNCIL = "COUNCIL";

    static final List<String> BANDS = List.of("framework_version", "effective_from", "kpi_code", "unit", "direction",
            "headline", "rating", "lower", "lower_inclusive", "upper", "upper_inclusive", "interval");
    static final List<String> RETURNS = List.of("period", "kpi_code", "district", "unit", "framework_version",
            "submitted_value", "submitted_numerator", "submitted_denominator", "submitted_band", "submitted_by",
            "submitted_by_name", "submitted_at", "corrections", "value", "numerator", "denominator", "band",
            "council_value", "validation", "rated_source", "rated_value", "rated_numerator", "rated_denominator",
            "rated_framework_version", "rated_band", "rated_headline");
    static final List<String> CORRECTIONS = List.of("period", "kpi_code", "district", "sequence", "previous_value",
            "previous_numerator", "previous_denominator", "value", "numerator", "denominator", "band", "reason",
            "corrected_by", "corrected_by_name", "stored_at");
    static final List<String> COUNCIL_FIGURES = List.of("period", "kpi_code", "district", "unit",
            "framework_version", "value", "numerator", "denominator", "band", "recorded_by", "recorded_by_name",
            "stored_at", "sequence");
    static final List<String> DISCREPANCIES = List.of("period", "kpi_code", "district", "sequence", "flagged_at",
            "raised_by", "provider_value", "council_value", "difference", "tolerance", "status",
            "resolution_sequence", "resolved_at", "resolved_by", "resolved_by_name", "note", "value_standing");
    static final List<String> OVERDUE = List.of("period", "due_date", "detected_at", "recorded_by",
            "recorded_by_name", "stored_at", "sequence", "received_at", "late");

    private KpiEvidenceFiles() {
    }

    // ---- frameworks.json, bands.csv

    record FrameworksRecord(String contractId, List<VersionRecord> versions) {
    }

    record VersionRecord(int version, YearMonth effectiveFrom, String template, String event, long sequence,
                         String eventId, Instant storedAt, String actor, String actorName, List<KpiRecord> kpis) {
    }

    record KpiRecord(String code, String name, KpiUnit unit, Direction direction, boolean headline,
                     ExpectedSource expectedSource, BigDecimal tolerance, List<BandRecord> bands) {
    }

    /** @param interval the band in interval notation, e.g. {@code [90, 95)}, {@code (.., 85)} */
    record BandRecord(Rating rating, BigDecimal lower, Boolean lowerInclusive, BigDecimal upper,
                      Boolean upperInclusive, String interval) {

        static BandRecord of(Band band) {
            return new BandRecord(band.rating(), band.lower(), band.lower() == null ? null : band.lowerInclusive(),
                    band.upper(), band.upper() == null ? null : band.upperInclusive(),
                    band.toString().substring(band.rating().name().length() + 1));
        }
    }

    static FrameworkHistory history(List<StoredEvent> written) {
        return new FrameworkHistory(written.stream().map(e -> ((FrameworkVersionWritten) e.payload()).toVersion())
                .toList());
    }

    static EvidenceFile frameworks(String name, String contractId, List<StoredEvent> written) {
        List<VersionRecord> versions = written.stream().map(e -> {
            KpiFrameworkVersion v = ((FrameworkVersionWritten) e.payload()).toVersion();
            return new VersionRecord(v.version(), v.effectiveFrom(), v.template(), e.type(), e.sequence(),
                    e.eventId(), e.storedAt(), e.actor(), e.actorName(), v.kpis().stream().map(k -> new KpiRecord(
                    k.code(), k.name(), k.unit(), k.direction(), k.headline(), k.expectedSource(), k.tolerance(),
                    k.bands().stream().map(BandRecord::of).toList())).toList());
        }).sorted(Comparator.comparingInt(VersionRecord::version)).toList();
        return EvidenceJson.record(name, new FrameworksRecord(contractId, versions));
    }

    static EvidenceFile bands(String name, FrameworkHistory history) {
        List<List<Object>> rows = new ArrayList<>();
        for (KpiFrameworkVersion version : history.versions()) {
            for (KpiDefinition kpi : version.kpis().stream().sorted(Comparator.comparing(KpiDefinition::code))
                    .toList()) {
                for (Band band : kpi.bands()) {
                    BandRecord b = BandRecord.of(band);
                    rows.add(row(version.version(), version.effectiveFrom(), kpi.code(), kpi.unit(),
                            kpi.direction(), kpi.headline(), b.rating(), b.lower(), b.lowerInclusive(), b.upper(),
                            b.upperInclusive(), b.interval()));
                }
            }
        }
        return EvidenceCsv.table(name, BANDS, rows);
    }

    // ---- returns.csv

    static EvidenceFile returns(String name, List<Stored> returns, FrameworkHistory history) {
        List<List<Object>> rows = new ArrayList<>();
        for (Stored stored : returns) {
            MonthlyReturnView view = stored.view();
            if (view == null) {
                continue;
            }
            String submitterName = events(stored, MonthlyReturnSubmittedEvent.class).stream().findFirst()
                    .map(StoredEvent::actorName).orElse(null);
            Optional<KpiFrameworkVersion> rated = history.inForce(stored.period());
            for (Value v : view.values().stream().sorted(BY_KPI_AND_DISTRICT).toList()) {
                Figure submitted = v.original() != null ? v.original() : new Figure(null, null, null, null);
                boolean fromProvider = v.original() != null;
                Figure chosen = chosen(v);
                Optional<KpiDefinition> kpi = chosen == null ? Optional.empty()
                        : rated.flatMap(version -> version.kpi(v.kpiCode()));
                rows.add(row(stored.period(), v.kpiCode(), v.district(), v.unit(), view.frameworkVersion(),
                        submitted.value(), submitted.numerator(), submitted.denominator(), submitted.band(),
                        fromProvider ? view.submittedBy() : null, fromProvider ? submitterName : null,
                        fromProvider ? view.submittedAt() : null, v.corrections().size(), v.value(), v.numerator(),
                        v.denominator(), v.band(), v.council() == null ? null : v.council().value(),
                        v.validation(), chosen == null ? null : v.value() != null ? PROVIDER : COUNCIL,
                        chosen == null ? null : chosen.value(), chosen == null ? null : chosen.numerator(),
                        chosen == null ? null : chosen.denominator(),
                        chosen == null ? null : rated.map(KpiFrameworkVersion::version).orElse(null),
                        kpi.map(k -> BandRating.bandOfFigure(k.bands(), chosen.value(), chosen.numerator(),
                                chosen.denominator()).rating()).orElse(null),
                        kpi.map(KpiDefinition::headline).orElse(null)));
            }
        }
        return EvidenceCsv.table(name, RETURNS, rows);
    }

    /**
     * The figure rag-service rates for a KPI of a month (its {@code RatedPeriod.chosen}): only the contract's total
     * is rated; the provider's value as it stands after corrections, the council's figure only where the provider
     * gave none. Null for a district's value.
     */
    static Figure chosen(Value v) {
        if (v.district() != null) {
            return null;
        }
        if (v.value() != null) {
            return new Figure(v.value(), v.numerator(), v.denominator(), v.band());
        }
        return v.council() == null ? null
                : new Figure(v.council().value(), v.council().numerator(), v.council().denominator(),
                v.council().band());
    }

    // ---- corrections.csv, council-figures.csv, discrepancies.csv, overdue.csv

    static EvidenceFile corrections(String name, List<Stored> returns) {
        return perEvent(name, CORRECTIONS, returns, KpiCorrectedEvent.class, (stored, e, c) -> row(stored.period(),
                c.kpiCode(), c.district(), e.sequence(), c.previousValue(), c.previousNumerator(),
                c.previousDenominator(), c.value(), c.numerator(), c.denominator(), c.band(), c.reason(),
                c.correctedBy(), e.actorName(), e.storedAt()));
    }

    static EvidenceFile councilFigures(String name, List<Stored> returns) {
        return perEvent(name, COUNCIL_FIGURES, returns, CouncilKpiValueRecordedEvent.class, (stored, e, c) -> row(
                stored.period(), c.kpiCode(), c.district(), c.unit(), c.frameworkVersion(), c.value(), c.numerator(),
                c.denominator(), c.band(), c.recordedBy(), e.actorName(), e.storedAt(), e.sequence()));
    }

    static EvidenceFile overdue(String name, List<Stored> returns) {
        return perEvent(name, OVERDUE, returns, ReturnOverdueEvent.class, (stored, e, o) -> {
            Instant received = stored.view() == null ? null : stored.view().submittedAt();
            return row(stored.period(), o.dueDate(), o.detectedAt(), e.actor(), e.actorName(), e.storedAt(),
                    e.sequence(), received, received == null ? null : stored.view().late());
        });
    }

    /** A stored event of a return as a row of a table, its payload {@code T}. */
    private interface EventRow<T> {
        List<Object> of(Stored stored, StoredEvent event, T payload);
    }

    /** One row per stored event of {@code type}: by period, then sequence. */
    private static <T> EvidenceFile perEvent(String name, List<String> header, List<Stored> returns, Class<T> type,
                                             EventRow<T> row) {
        List<List<Object>> rows = new ArrayList<>();
        for (Stored stored : returns) {
            for (StoredEvent e : events(stored, type)) {
                rows.add(row.of(stored, e, type.cast(e.payload())));
            }
        }
        return EvidenceCsv.table(name, header, rows);
    }

    /** A flag and, once an officer resolved it, the resolution (which resolves every open flag of its value). */
    private static final class Flag {
        final YearMonth period;
        final StoredEvent flagged;
        StoredEvent resolved;

        Flag(YearMonth period, StoredEvent flagged) {
            this.period = period;
            this.flagged = flagged;
        }

        KpiDiscrepancyFlaggedEvent flag() {
            return (KpiDiscrepancyFlaggedEvent) flagged.payload();
        }

        List<Object> row() {
            KpiDiscrepancyFlaggedEvent f = flag();
            KpiDiscrepancyResolvedEvent r = resolved == null ? null : (KpiDiscrepancyResolvedEvent) resolved.payload();
            return KpiEvidenceFiles.row(period, f.kpiCode(), f.district(), flagged.sequence(), flagged.storedAt(),
                    flagged.actor(), f.providerValue(), f.councilValue(), f.difference(), f.tolerance(),
                    r == null ? "OPEN" : "RESOLVED", r == null ? null : resolved.sequence(),
                    r == null ? null : resolved.storedAt(), r == null ? null : r.resolvedBy(),
                    r == null ? null : resolved.actorName(), r == null ? null : r.note(),
                    r == null ? null : r.providerValue());
        }
    }

    static EvidenceFile discrepancies(String name, List<Stored> returns) {
        List<List<Object>> rows = new ArrayList<>();
        for (Stored stored : returns) {
            List<Flag> flags = new ArrayList<>();
            for (StoredEvent e : stored.events()) {
                if (e.payload() instanceof KpiDiscrepancyFlaggedEvent) {
                    flags.add(new Flag(stored.period(), e));
                } else if (e.payload() instanceof KpiDiscrepancyResolvedEvent r) {
                    flags.stream().filter(f -> f.resolved == null && f.flag().kpiCode().equals(r.kpiCode())
                            && Objects.equals(f.flag().district(), r.district())).forEach(f -> f.resolved = e);
                }
            }
            flags.forEach(f -> rows.add(f.row()));
        }
        return EvidenceCsv.table(name, DISCREPANCIES, rows);
    }

    // ---- returns.json

    record ReturnsRecord(String contractId, List<ReturnRecord> returns) {
    }

    /** @param record the return as it stood (null while only a finding that it is overdue was stored) */
    record ReturnRecord(YearMonth period, String stream, MonthlyReturnView record, List<StoredEvent> events) {
    }

    static EvidenceFile returnsJson(String name, String contractId, List<Stored> returns) {
        return EvidenceJson.record(name, new ReturnsRecord(contractId, returns.stream().map(stored -> new ReturnRecord(
                stored.period(), MonthlyReturnId.of(contractId, stored.period()), stored.view(), stored.events()))
                .toList()));
    }

    // ---- shared

    private static final Comparator<Value> BY_KPI_AND_DISTRICT = Comparator.comparing(Value::kpiCode)
            .thenComparing(Value::district, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static List<StoredEvent> events(Stored stored, Class<?> type) {
        return stored.events().stream().filter(e -> type.isInstance(e.payload())).toList();
    }

    /** A CSV row: numbers written out plainly (never {@code 1E+2}), nulls as empty cells. */
    static List<Object> row(Object... cells) {
        return Arrays.stream(cells).map(c -> c instanceof BigDecimal d ? d.toPlainString() : c).toList();
    }
}
