package org.commissioning.kpi.application;

import static org.commissioning.kpi.application.KpiEvidenceFiles.BANDS;
import static org.commissioning.kpi.application.KpiEvidenceFiles.CORRECTIONS;
import static org.commissioning.kpi.application.KpiEvidenceFiles.COUNCIL_FIGURES;
import static org.commissioning.kpi.application.KpiEvidenceFiles.DISCREPANCIES;
import static org.commissioning.kpi.application.KpiEvidenceFiles.OVERDUE;
import static org.commissioning.kpi.application.KpiEvidenceFiles.RETURNS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.query.KpiFrameworks;
import org.commissioning.kpi.query.ReturnsAsOf;
import org.commissioning.kpi.query.StoredEvent;
import org.commissioning.platform.evidence.EvidenceContent;
import org.commissioning.platform.evidence.EvidenceSource;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * kpi-service's share of a contract's evidence pack (context {@value #CONTEXT}): every framework version with its
 * band tables, every return as submitted and as it stood, corrections, council figures, discrepancies and their
 * resolutions, overdue findings, all read from the framework's and the returns' stored events as the store held
 * them at the instant asked (the platform checks the permission and the instant first, and adds the history chain
 * of the streams named here).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class KpiEvidence implements EvidenceSource {

    static final String CONTEXT = "kpi";

    private final ContractFigures contracts;
    private final KpiFrameworks frameworks;
    private final ReturnsAsOf returns;

    @Override
    public String context() {
        return CONTEXT;
    }

    /** A contract not known here is the usual 404; one with nothing stored yet gives every file, empty. */
    @Override
    public EvidenceContent evidence(String contractId, Instant asOf) {
        contracts.known(contractId, Permission.AUDIT);
        List<StoredEvent> written = frameworks.written(contractId, asOf);
        FrameworkHistory history = KpiEvidenceFiles.history(written);
        List<ReturnsAsOf.Stored> stored = returns.periods(contractId).stream()
                .map(period -> returns.stored(contractId, period, asOf))
                .filter(r -> !r.events().isEmpty())
                .toList();
        List<String> streams = new ArrayList<>();
        if (!written.isEmpty()) {
            streams.add(contractId);
        }
        stored.forEach(r -> streams.add(MonthlyReturnId.of(contractId, r.period())));
        return new EvidenceContent(List.of(
                KpiEvidenceFiles.frameworks(file("frameworks.json"), contractId, written),
                KpiEvidenceFiles.bands(file("bands.csv"), history),
                KpiEvidenceFiles.returns(file("returns.csv"), stored, history),
                KpiEvidenceFiles.corrections(file("corrections.csv"), stored),
                KpiEvidenceFiles.councilFigures(file("council-figures.csv"), stored),
                KpiEvidenceFiles.discrepancies(file("discrepancies.csv"), stored),
                KpiEvidenceFiles.overdue(file("overdue.csv"), stored),
                KpiEvidenceFiles.returnsJson(file("returns.json"), contractId, stored)), streams, README);
    }

    private static String file(String name) {
        return CONTEXT + "/" + name;
    }

    private static String columns(List<String> header) {
        return String.join(", ", header);
    }

    static final String README = """
            KPIs and monthly returns (kpi-service, files kpi/...)

            Everything here is read from kpi-service's event store as it stood at the pack's instant, judged by when \
            the store recorded each event (its stored time), not by the period or the dates inside the events: a \
            return submitted, a correction made or a framework revised after that instant is absent. A contract with \
            nothing recorded has every file, with a header only or an empty list. Times are ISO-8601 instants (UTC), \
            months yyyy-MM, numbers written out plainly; an empty cell is a value that does not exist. "sequence" is \
            the event's place in its stream (the framework's stream is the contract id, a return's is \
            <contract id>:<yyyy-MM>), as in the history chain under kpi/chain/.

            kpi/frameworks.json: every version of the contract's KPI framework, oldest first: version, effectiveFrom \
            (the first month it governs; a month is governed by the latest version effective by then), template \
            (the service area whose template it came from, or null), event (KpiFrameworkDefinedEvent for version 1, \
            KpiFrameworkRevisedEvent after), sequence, eventId, storedAt, actor and actorName (who wrote it), and its \
            kpis in the framework's order: code, name, unit (PERCENT 0-100, COUNT, DAYS, MONEY in pence), direction \
            (HIGHER_IS_BETTER or LOWER_IS_BETTER), headline (whether the contract's rating counts it), \
            expectedSource (PROVIDER, COUNCIL or BOTH), tolerance (how far apart the provider's and the council's \
            figures may be before they are flagged; null means 0) and bands, the band table the rating uses, from \
            the lowest values to the highest: rating (STRETCH, GREEN, AMBER, RED), lower and upper (null: open-ended), \
            lowerInclusive and upperInclusive (null with no bound) and interval in interval notation. A value is \
            rated by the one band that takes it in, its bounds read literally; a percentage given as numerator and \
            denominator is rated exactly as 100 * numerator / denominator, never its rounded value.

            kpi/bands.csv: the same band tables, one row per framework version, KPI and band, ordered by version, \
            KPI code, then from the lowest values to the highest. Columns: %s.

            kpi/returns.csv: one row per month, KPI and district of each return (district empty for the contract's \
            total), ordered by period, KPI code, district (total first). Columns: %s. framework_version is the \
            version the return was taken under (its first figures fix it). submitted_* is the provider's value as \
            first submitted, with its band, who submitted the return and when it was stored (empty where only the \
            council has a figure). corrections counts the corrections made by the instant; value, numerator, \
            denominator and band are the provider's value as it then stood. council_value is the council's figure \
            (kpi/council-figures.csv). validation is SINGLE_SOURCE (one source only), VALIDATED (both agree within \
            tolerance), NOT_VALIDATED (flagged and not resolved) or RESOLVED (the last flag resolved by an officer). \
            The rated_* columns say which value the contract's rating should use for the month, by rag-service's \
            rule: only the contract's total is rated (district rows leave them empty); the provider's value as it \
            stands after corrections is used, the council's figure only where the provider gave none; rated_source \
            names which (PROVIDER or COUNCIL). rated_framework_version is the version in force for the month as of \
            the instant, the one rag-service rates against, rated_band the band of the rated value under it and \
            rated_headline whether that version counts the KPI in the rating (policy worst-headline-band.v1, in \
            ratings/); both are empty where that version has no such KPI. A rating resting on a NOT_VALIDATED value \
            is provisional until an officer resolves it.

            kpi/corrections.csv: one row per correction of a provider's value, ordered by period, then sequence. \
            Columns: %s. previous_* is the value before the correction, value/numerator/denominator/band the value \
            after it; reason is the corrector's, corrected_by and corrected_by_name who made it, stored_at when.

            kpi/council-figures.csv: one row per figure recorded from the council's own systems, ordered by period, \
            then sequence. Columns: %s. Each KPI and district of a month is recorded once; corrections do not apply \
            to council figures.

            kpi/discrepancies.csv: one row per flag raised because the provider's and the council's figures for a KPI \
            and district were further apart than the KPI's tolerance, ordered by period, then the flag's sequence. \
            Columns: %s. raised_by is the actor whose change raised it (a submission, council figures or a \
            correction); difference is provider_value - council_value. status is OPEN or RESOLVED; a resolution \
            (resolution_sequence, resolved_at, resolved_by, resolved_by_name and its note, the officer's rationale) \
            resolves every open flag of its KPI and district. A resolution does not choose between the figures: the \
            provider's value stands (value_standing, the provider's value at the resolution) and a correction alone \
            never resolves a flag.

            kpi/overdue.csv: one row per finding that a month's return had not arrived by its due date, ordered by \
            period. Columns: %s. recorded_by is kpi-service for the overdue scan, or the submitter when the late \
            return itself recorded the finding (detected_at is then its arrival); received_at is when the provider's \
            return was stored, if it was by the instant, and late whether it came after its due date.

            kpi/returns.json: each return's full record, ordered by period: period, stream, record (the return as it \
            stood at the instant, as GET /api/kpi/contracts/{id}/returns/{period}?asOf= answers it: each value with \
            the value first submitted, its corrections, the council's figure, validation and discrepancies; null \
            while only an overdue finding was stored) and events, every stored event of the return's stream up to \
            the instant in sequence order: stream, sequence, eventId, storedAt, type, actor, actorName and payload as \
            stored.
            """.formatted(columns(BANDS), columns(RETURNS), columns(CORRECTIONS), columns(COUNCIL_FIGURES),
            columns(DISCREPANCIES), columns(OVERDUE));
}
