package org.commissioning.contract.web;

import java.util.List;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** Monitoring a contract and escalating: meetings, plans and warnings (as {@link ContractLifecycleController}). */
@RestController
@RequestMapping("/api/contracts/{contractId}")
public class ContractOversightController {

    private final StartPlan planStart;
    private final ClosePlan planClosure;
    private final IssueContractWarning warning;
    private final RecordMonitoringMeeting meeting;

    public ContractOversightController(StartPlan planStart, ClosePlan planClosure, IssueContractWarning warning,
                                       RecordMonitoringMeeting meeting) {
        this.planStart = planStart;
        this.planClosure = planClosure;
        this.warning = warning;
        this.meeting = meeting;
    }

    @PostMapping("/plans")
    public ResponseEntity<ChangeResponse> startPlan(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                    @Valid @RequestBody LifecycleRequests.Plan request) {
        return ChangeResponse.ok(planStart.start(new StartPlanCommand(contractId.toString(),
                IfMatch.expectedVersion(ifMatch), request.kind(), request.reason(), actions(request.actions()))));
    }

    @PostMapping("/plans/current/closure")
    public ResponseEntity<ChangeResponse> closePlan(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                    @Valid @RequestBody LifecycleRequests.PlanClosure request) {
        return ChangeResponse.ok(planClosure.close(new ClosePlanCommand(contractId.toString(),
                IfMatch.expectedVersion(ifMatch), request.outcome())));
    }

    @PostMapping("/warnings")
    public ResponseEntity<ChangeResponse> warn(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                               @Valid @RequestBody LifecycleRequests.Warning request) {
        return ChangeResponse.ok(warning.warn(new IssueContractWarningCommand(contractId.toString(),
                IfMatch.expectedVersion(ifMatch), request.reasons(), request.responseDeadline())));
    }

    @PostMapping("/meetings")
    public ResponseEntity<ChangeResponse> recordMeeting(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                        @Valid @RequestBody LifecycleRequests.Meeting request) {
        return ChangeResponse.ok(meeting.record(new RecordMonitoringMeetingCommand(contractId.toString(),
                IfMatch.expectedVersion(ifMatch), request.heldOn(), request.attendees(), request.notes(),
                request.actions() == null ? null : actions(request.actions()))));
    }

    private static List<PlanAction> actions(List<LifecycleRequests.Action> actions) {
        return actions.stream().map(a -> new PlanAction(a.description(), a.owner(), a.dueDate())).toList();
    }
}
