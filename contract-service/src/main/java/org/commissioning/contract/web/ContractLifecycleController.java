package org.commissioning.contract.web;

import java.time.YearMonth;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.contract.api.AssignContractOfficersCommand;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.contract.api.ClosePlanCommand;
import org.commissioning.contract.api.ExpireContractCommand;
import org.commissioning.contract.api.ExtendContractCommand;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.RecommissionContractCommand;
import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.commissioning.contract.api.StartPlanCommand;
import org.commissioning.contract.api.TerminateContractCommand;
import org.commissioning.contract.api.VaryContractCommand;
import org.commissioning.contract.api.WithholdPaymentCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * The lifecycle of a contract: one endpoint per command. Each accepts {@code If-Match: "<version>"} (refused with
 * 412 when the contract has moved on) and answers 200 with the contract's new version, also as its ETag.
 * An unknown contract is 404, a step its state does not allow 409 (naming the state), bad input 400.
 */
@RestController
@RequestMapping("/api/contracts/{contractId}")
public class ContractLifecycleController {

    private final CommandGateway commands;

    public ContractLifecycleController(CommandGateway commands) {
        this.commands = commands;
    }

    /** The answer to a change: the contract and its version after it. */
    public record Changed(String contractId, long version) {
    }

    @PostMapping("/variations")
    public ResponseEntity<Changed> vary(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        @Valid @RequestBody LifecycleRequests.Variation request) {
        return send(contractId, new VaryContractCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                request.annualValueGbp(), request.end(), request.effectiveDate(), request.reason()));
    }

    @PostMapping("/extension")
    public ResponseEntity<Changed> extend(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody(required = false) LifecycleRequests.Extension request) {
        LifecycleRequests.Extension body = request == null ? new LifecycleRequests.Extension(null, null) : request;
        return send(contractId, new ExtendContractCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                body.end(), body.reason()));
    }

    @PutMapping("/officers")
    public ResponseEntity<Changed> assignOfficers(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                  @Valid @RequestBody LifecycleRequests.Officers request) {
        return send(contractId, new AssignContractOfficersCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                request.leadOfficer(), request.contractManager()));
    }

    @PostMapping("/plans")
    public ResponseEntity<Changed> startPlan(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody LifecycleRequests.Plan request) {
        return send(contractId, new StartPlanCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                request.kind(), request.reason(), request.actions().stream()
                .map(a -> new PlanAction(a.description(), a.owner(), a.dueDate())).toList()));
    }

    @PostMapping("/plans/current/closure")
    public ResponseEntity<Changed> closePlan(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody LifecycleRequests.PlanClosure request) {
        return send(contractId, new ClosePlanCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                request.outcome()));
    }

    @PostMapping("/warnings")
    public ResponseEntity<Changed> warn(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        @Valid @RequestBody LifecycleRequests.Warning request) {
        return send(contractId, new IssueContractWarningCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                request.reasons(), request.responseDeadline()));
    }

    @PostMapping("/termination")
    public ResponseEntity<Changed> terminate(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody LifecycleRequests.Termination request) {
        return send(contractId, new TerminateContractCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                request.initiatedBy(), request.effectiveDate(), request.reason()));
    }

    @PostMapping("/expiry")
    public ResponseEntity<Changed> expire(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        return send(contractId, new ExpireContractCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping("/recommissioning")
    public ResponseEntity<Changed> recommission(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                @Valid @RequestBody LifecycleRequests.Recommissioning request) {
        return send(contractId, new RecommissionContractCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                request.route(), request.annualValueGbp(),
                request.successorContractId() == null ? null : request.successorContractId().toString(), request.reason()));
    }

    @PostMapping("/meetings")
    public ResponseEntity<Changed> recordMeeting(@PathVariable UUID contractId, @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                 @Valid @RequestBody LifecycleRequests.Meeting request) {
        return send(contractId, new RecordMonitoringMeetingCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                request.heldOn(), request.attendees(), request.notes(), request.actions() == null ? null
                : request.actions().stream().map(a -> new PlanAction(a.description(), a.owner(), a.dueDate())).toList()));
    }

    @PostMapping("/payments/{period}/authorisation")
    public ResponseEntity<Changed> authorisePayment(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                    @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                    @Valid @RequestBody LifecycleRequests.PaymentDecision request) {
        return send(contractId, new AuthorisePaymentCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                period, request.rationale(), request.supersedingReason()));
    }

    @PostMapping("/payments/{period}/withholding")
    public ResponseEntity<Changed> withholdPayment(@PathVariable UUID contractId, @PathVariable YearMonth period,
                                                   @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                   @Valid @RequestBody LifecycleRequests.PaymentDecision request) {
        return send(contractId, new WithholdPaymentCommand(contractId.toString(), IfMatch.expectedVersion(ifMatch),
                period, request.rationale(), request.supersedingReason()));
    }

    private ResponseEntity<Changed> send(UUID contractId, Object command) {
        Long version = commands.sendAndWait(command);
        return ResponseEntity.ok().eTag(IfMatch.etag(version)).body(new Changed(contractId.toString(), version));
    }
}
