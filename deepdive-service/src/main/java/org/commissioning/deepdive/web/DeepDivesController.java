package org.commissioning.deepdive.web;

import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_ACTIONS;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_ITEM;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_ITEMS;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_NAME;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_REASON;
import static org.commissioning.deepdive.api.DeepDiveLimits.MAX_TEXT;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveAction;
import org.commissioning.deepdive.api.DeepDiveRecord;
import org.commissioning.deepdive.application.CancelDeepDive;
import org.commissioning.deepdive.application.CompleteDeepDive;
import org.commissioning.deepdive.application.FindDeepDive;
import org.commissioning.deepdive.application.GradeDeepDiveArea;
import org.commissioning.deepdive.application.PlanDeepDive;
import org.commissioning.deepdive.application.RecordHistoricDeepDive;
import org.commissioning.deepdive.application.ScheduleDeepDive;
import org.commissioning.deepdive.application.StartDeepDive;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A contract's deep dive of a programme year: planned, scheduled, started, graded area by area, completed (or
 * recorded complete from a historic source) and cancelled by an officer (MANAGE_CONTRACTS); read in full
 * (READ_DETAIL, a provider its own contracts only).
 */
@RestController
@RequestMapping("/api/deepdives/contracts/{contractId}/deep-dives/{year}")
@RequiredArgsConstructor
public class DeepDivesController {

    /** @param dueDate null for the last day of the contract's anniversary month within the year */
    public record PlanRequest(LocalDate dueDate) {
    }

    /** @param reason required when moving a date set before */
    public record ScheduleRequest(@NotNull LocalDate date, @NotBlank @Size(max = MAX_NAME) String leadOfficer,
                                  @Size(max = MAX_REASON) String reason) {
    }

    /** @param variationRecommended area 9 only, with a {@code variationReason} */
    public record AreaRequest(@NotBlank @Size(max = 40) String grade,
                              @NotBlank @Size(max = MAX_TEXT) String evidence,
                              @NotBlank @Size(max = MAX_TEXT) String findings,
                              Boolean variationRecommended,
                              @Size(max = MAX_REASON) String variationReason) {
    }

    /** @param rationale required when the overall grade differs from the suggested one */
    public record CompletionRequest(@NotBlank @Size(max = 40) String overallGrade,
                                    @Size(max = MAX_TEXT) String rationale,
                                    @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = MAX_ITEM) String> strengths,
                                    @Size(max = MAX_ITEMS)
                                    List<@NotBlank @Size(max = MAX_ITEM) String> areasForImprovement,
                                    @Size(max = MAX_ACTIONS) List<@Valid @NotNull ActionRequest> actions) {
    }

    public record ActionRequest(@NotBlank @Size(max = MAX_ITEM) String description,
                                @NotBlank @Size(max = MAX_NAME) String owner, @NotNull LocalDate dueDate) {
    }

    /** @param completedOn null for today */
    public record HistoricCompletionRequest(LocalDate completedOn,
                                            @NotBlank @Size(max = MAX_REASON) String sourceReference) {
    }

    public record CancellationRequest(@NotBlank @Size(max = MAX_REASON) String reason) {
    }

    private final PlanDeepDive planDeepDive;
    private final ScheduleDeepDive scheduleDeepDive;
    private final StartDeepDive startDeepDive;
    private final GradeDeepDiveArea gradeArea;
    private final CompleteDeepDive completeDeepDive;
    private final RecordHistoricDeepDive recordHistoric;
    private final CancelDeepDive cancelDeepDive;
    private final FindDeepDive findDeepDive;

    @GetMapping
    public DeepDiveRecord deepDive(@PathVariable UUID contractId, @PathVariable int year) {
        return findDeepDive.find(contractId.toString(), ProgrammeYears.checked(year));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public DeepDiveRecord plan(@PathVariable UUID contractId, @PathVariable int year,
                               @Valid @RequestBody(required = false) PlanRequest request) {
        return planDeepDive.plan(contractId.toString(), ProgrammeYears.checked(year),
                request == null ? null : request.dueDate());
    }

    @PutMapping("/schedule")
    public DeepDiveRecord schedule(@PathVariable UUID contractId, @PathVariable int year,
                                   @Valid @RequestBody ScheduleRequest request) {
        return scheduleDeepDive.schedule(contractId.toString(), ProgrammeYears.checked(year), request.date(),
                request.leadOfficer(), request.reason());
    }

    @PostMapping("/start")
    public DeepDiveRecord start(@PathVariable UUID contractId, @PathVariable int year) {
        return startDeepDive.start(contractId.toString(), ProgrammeYears.checked(year));
    }

    @PutMapping("/areas/{area}")
    public DeepDiveRecord grade(@PathVariable UUID contractId, @PathVariable int year, @PathVariable int area,
                                @Valid @RequestBody AreaRequest request) {
        return gradeArea.grade(contractId.toString(), ProgrammeYears.checked(year), area, request.grade(),
                request.evidence(), request.findings(), Boolean.TRUE.equals(request.variationRecommended()),
                request.variationReason());
    }

    @PostMapping("/completion")
    public DeepDiveRecord complete(@PathVariable UUID contractId, @PathVariable int year,
                                   @Valid @RequestBody CompletionRequest request) {
        List<DeepDiveAction> actions = request.actions() == null ? List.of() : request.actions().stream()
                .map(a -> new DeepDiveAction(a.description(), a.owner(), a.dueDate())).toList();
        return completeDeepDive.complete(contractId.toString(), ProgrammeYears.checked(year), request.overallGrade(),
                request.rationale(), request.strengths(), request.areasForImprovement(), actions);
    }

    @PostMapping("/historic-completion")
    public DeepDiveRecord recordHistoric(@PathVariable UUID contractId, @PathVariable int year,
                                         @Valid @RequestBody HistoricCompletionRequest request) {
        return recordHistoric.record(contractId.toString(), ProgrammeYears.checked(year), request.completedOn(),
                request.sourceReference());
    }

    @PostMapping("/cancellation")
    public DeepDiveRecord cancel(@PathVariable UUID contractId, @PathVariable int year,
                                 @Valid @RequestBody CancellationRequest request) {
        return cancelDeepDive.cancel(contractId.toString(), ProgrammeYears.checked(year), request.reason());
    }
}
