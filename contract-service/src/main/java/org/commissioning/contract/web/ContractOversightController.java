package org.commissioning.contract.web;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ClosePlanCommand;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.commissioning.contract.api.StartPlanCommand;
import org.commissioning.contract.application.ClosePlan;
import org.commissioning.contract.application.IssueContractWarning;
import org.commissioning.contract.application.RecordMonitoringMeeting;
import org.commissioning.contract.application.StartPlan;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** Monitoring a contract and escalating: meetings, plans and warnings (as {@link ContractLifecycleController}). */
@RestController
@RequestMapping("/api/contracts/{contractId}")
@RequiredArgsConstructor
public class ContractOversightController {

    private final StartPlan planStart;
    private final ClosePlan planClosure;
    private final IssueContractWarning warning;
    private final RecordMonitoringMeeting meeting;

    @PostMapping("/plans")
    public ResponseEntity<ChangeResponse> startPlan(@PathVariable UUID contractId,
                                                    @Valid @RequestBody LifecycleRequests.Plan request,
                                                    ExpectedVersion expected) {
        return ChangeResponse.ok(planStart.start(new StartPlanCommand(contractId.toString(),
                expected.value(), request.kind(), request.reason(), actions(request.actions()))));
    }

    @PostMapping("/plans/current/closure")
    public ResponseEntity<ChangeResponse> closePlan(@PathVariable UUID contractId,
                                                    @Valid @RequestBody LifecycleRequests.PlanClosure request,
                                                    ExpectedVersion expected) {
        return ChangeResponse.ok(planClosure.close(new ClosePlanCommand(contractId.toString(),
                expected.value(), request.outcome())));
    }

    @PostMapping("/warnings")
    public ResponseEntity<ChangeResponse> warn(@PathVariable UUID contractId,
                                               @Valid @RequestBody LifecycleRequests.Warning request,
                                               ExpectedVersion expected) {
        return ChangeResponse.ok(warning.warn(new IssueContractWarningCommand(contractId.toString(),
                expected.value(), request.reasons(), request.responseDeadline())));
    }

    @PostMapping("/meetings")
    public ResponseEntity<ChangeResponse> recordMeeting(@PathVariable UUID contractId,
                                                        @Valid @RequestBody LifecycleRequests.Meeting request,
                                                        ExpectedVersion expected) {
        return ChangeResponse.ok(meeting.record(new RecordMonitoringMeetingCommand(contractId.toString(),
                expected.value(), request.heldOn(), request.attendees(), request.notes(),
                request.actions() == null ? null : actions(request.actions()))));
    }

    private static List<PlanAction> actions(List<LifecycleRequests.Action> actions) {
        return actions.stream().map(a -> new PlanAction(a.description(), a.owner(), a.dueDate())).toList();
    }
}
