package org.commissioning.contract.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.application.ClosePlan;
import org.commissioning.contract.application.IssueContractWarning;
import org.commissioning.contract.application.RecordMonitoringMeeting;
import org.commissioning.contract.application.StartPlan;
import org.commissioning.contract.web.LifecycleRequests.Meeting;
import org.commissioning.contract.web.LifecycleRequests.Plan;
import org.commissioning.contract.web.LifecycleRequests.PlanClosure;
import org.commissioning.contract.web.LifecycleRequests.Warning;
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
    public ResponseEntity<ChangeResponse> startPlan(@PathVariable UUID contractId, @Valid @RequestBody Plan request,
                                                    ExpectedVersion expected) {
        return ChangeResponse.ok(planStart.start(request.command(contractId, expected)));
    }

    @PostMapping("/plans/current/closure")
    public ResponseEntity<ChangeResponse> closePlan(@PathVariable UUID contractId,
                                                    @Valid @RequestBody PlanClosure request, ExpectedVersion expected) {
        return ChangeResponse.ok(planClosure.close(request.command(contractId, expected)));
    }

    @PostMapping("/warnings")
    public ResponseEntity<ChangeResponse> warn(@PathVariable UUID contractId, @Valid @RequestBody Warning request,
                                               ExpectedVersion expected) {
        return ChangeResponse.ok(warning.warn(request.command(contractId, expected)));
    }

    @PostMapping("/meetings")
    public ResponseEntity<ChangeResponse> recordMeeting(@PathVariable UUID contractId,
                                                        @Valid @RequestBody Meeting request, ExpectedVersion expected) {
        return ChangeResponse.ok(meeting.record(request.command(contractId, expected)));
    }
}
