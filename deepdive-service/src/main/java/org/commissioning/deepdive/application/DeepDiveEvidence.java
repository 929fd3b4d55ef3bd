package org.commissioning.deepdive.application;

import static org.commissioning.deepdive.application.DeepDiveEvidenceFiles.ACTIONS;
import static org.commissioning.deepdive.application.DeepDiveEvidenceFiles.AREAS;
import static org.commissioning.deepdive.application.DeepDiveEvidenceFiles.DEEP_DIVES;
import static org.commissioning.deepdive.application.DeepDiveEvidenceFiles.HISTORY;

import java.time.Instant;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.application.DeepDiveRecords.Stored;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.evidence.EvidenceContent;
import org.commissioning.platform.evidence.EvidenceSource;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * deepdive-service's share of a contract's evidence pack (context {@value #CONTEXT}): every deep dive of the contract
 * with its status, schedule, area grades, overall grade and actions, and every stored event of it, all read from the
 * deep dives' stored events as the store held them at the instant asked (the platform checks the permission and the
 * instant first, and adds the history chain of the streams named here, {@code <contractId>:<year>}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DeepDiveEvidence implements EvidenceSource {

    static final String CONTEXT = "deepdives";

    private final KnownContracts contracts;
    private final DeepDiveRecords records;

    @Override
    public String context() {
        return CONTEXT;
    }

    /** A contract not known here is the usual 404; one without a deep dive by the instant gives every file, empty. */
    @Override
    public EvidenceContent evidence(String contractId, Instant asOf) {
        contracts.requireFor(Permission.AUDIT, contractId);
        List<Stored> stored = records.years(contractId).stream()
                .map(year -> records.asOf(contractId, year, asOf))
                .filter(s -> s.record() != null)
                .toList();
        return new EvidenceContent(List.of(
                DeepDiveEvidenceFiles.deepDives(file("deep-dives.csv"), stored),
                DeepDiveEvidenceFiles.areas(file("areas.csv"), stored),
                DeepDiveEvidenceFiles.actions(file("actions.csv"), stored),
                DeepDiveEvidenceFiles.history(file("history.csv"), stored),
                DeepDiveEvidenceFiles.json(file("deep-dives.json"), contractId, stored)),
                stored.stream().map(s -> s.record().deepDiveId()).toList(), README);
    }

    private static String file(String name) {
        return CONTEXT + "/" + name;
    }

    private static String columns(List<String> header) {
        return String.join(", ", header);
    }

    static final String README = """
            Deep dives (deepdive-service, files deepdives/...)

            Everything here is read from deepdive-service's event store as it stood at the pack's instant, judged by \
            when the store recorded each event (its stored time), not by the dates inside the events: a deep dive \
            scheduled, graded, completed or cancelled after that instant shows as it stood before. A contract with no \
            deep dive by then has every file, with a header only or an empty list. A deep dive is the contract's \
            annual evaluation in the programme of a financial year, named by the year it starts in (2018 is \
            1 April 2018 to 31 March 2019); its events form the stream <contract id>:<year>, whose history chain is \
            under deepdives/chain/. Times are ISO-8601 instants (UTC), dates yyyy-MM-dd; grades are OUTSTANDING, \
            GOOD, REQUIRES_IMPROVEMENT or INADEQUATE; an empty cell is a value that does not exist. "sequence" is the \
            event's place in its stream; actor is who caused it (system for the overdue scan and for work caused by \
            another service's event, caused_by then naming the person at the origin), actor_name their name.

            deepdives/deep-dives.csv: one row per deep dive, ordered by programme year. Columns: %s. status is the \
            status as of the instant (PLANNED, SCHEDULED, IN_PROGRESS, COMPLETE, CANCELLED; OVERDUE while open and \
            the overdue scan had recorded its current due date passed, overdue_for). due_date is the current due \
            date (planned, or the date last scheduled, scheduled_date); districts are separated by ";". \
            suggested_grade is the service's suggestion from the areas graded (the most frequent area grade, a tie \
            going to the worse, never better than one step above the worst); overall_grade is the officer's, with \
            rationale where it differs from the suggestion. historic is true for a deep dive recorded complete from \
            a historic source (source_reference), without grades or areas. variation_reason is area 9's \
            recommendation of a formal variation of the contract. planned_at, started_at, completed_at and \
            cancelled_at are the stored times of those events, completed_by and completed_by_name who completed it; \
            last_sequence and last_stored_at the last event stored by the instant.

            deepdives/areas.csv: one row per grading of an area, ordered by programme year, area number, then \
            sequence. Columns: %s. Areas are numbered 1 to 9 (area is the code, e.g. 5 VOICE_OF_THE_CHILD). An \
            area graded again keeps its earlier rows; latest is true for the grade in force (the one the suggestion \
            and the completion used). evidence is what the officer saw, findings what they found; variation_reason \
            (area 9 only) why a formal variation is recommended.

            deepdives/actions.csv: one row per action agreed at a completed deep dive, ordered by programme year, \
            then the action's place in the completion (action_number from 1). Columns: %s. agreed_on is the \
            completion date, sequence, stored_at, recorded_by and recorded_by_name the completion's event.

            deepdives/history.csv: one row per stored event of each deep dive, ordered by programme year, then \
            sequence. Columns: %s. type is the event's name (DeepDivePlannedEvent, DeepDiveScheduledEvent, \
            DeepDiveStartedEvent, DeepDiveAreaGradedEvent, DeepDiveCompletedEvent, VariationRecommendedEvent, \
            DeepDiveOverdueEvent, DeepDiveCancelledEvent); correlation_id is shared by the events of one request or \
            chain; reason is the event's own: a rescheduling's reason, area 9's variation reason, the completion's \
            rationale (a historic completion's source reference), a recommended variation's or a cancellation's \
            reason.

            deepdives/deep-dives.json: each deep dive's full record, ordered by programme year: programmeYear, \
            stream, record (the deep dive as it stood at the instant, as GET \
            /api/deepdives/contracts/{id}/deep-dives/{year} answers it: schedule with every (re)scheduling, areas \
            with their latest grades, strengths, areasForImprovement, actions, completion) and events, every stored \
            event of its stream up to the instant in sequence order: stream, sequence, eventId, storedAt, type, \
            actor, actorName, causedBy, correlationId and payload as stored.
            """.formatted(columns(DEEP_DIVES), columns(AREAS), columns(ACTIONS), columns(HISTORY));
}
