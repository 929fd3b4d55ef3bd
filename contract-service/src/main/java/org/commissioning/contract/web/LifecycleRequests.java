package org.commissioning.contract.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.commissioning.contract.api.AssignContractOfficersCommand;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.contract.api.ClosePlanCommand;
import org.commissioning.contract.api.ExtendContractCommand;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.RecommissionContractCommand;
import org.commissioning.contract.api.RecommissioningRoute;
import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.commissioning.contract.api.StartPlanCommand;
import org.commissioning.contract.api.TerminateContractCommand;
import org.commissioning.contract.api.TerminationInitiator;
import org.commissioning.contract.api.VaryContractCommand;
import org.commissioning.contract.api.WithholdPaymentCommand;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the lifecycle endpoints under {@code /api/contracts/{id}}, each mapping itself to its command for the
 * contract of the path and the version of {@code If-Match}. The aggregate checks the rules.
 */
public final class LifecycleRequests {

    /** A reason, rationale, outcome or action description, in characters. */
    static final int TEXT = 2000;
    /** A person's or organisation's name, in characters. */
    static final int NAME = 200;
    /** A meeting's notes, in characters. */
    static final int NOTES = 20000;
    /** Actions of a plan or meeting, attendees of a meeting. */
    static final int MAX_ITEMS = 50;
    /** Reasons of a warning. */
    static final int MAX_REASONS = 20;
    /** An annual value in pounds: up to 12 digits and pence. */
    static final int POUNDS = 12;

    private LifecycleRequests() {
    }

    /** {@code POST /variations}: a new annual value and/or a new end date (at least one), from a date, for a reason. */
    public record Variation(
            @PositiveOrZero @Digits(integer = POUNDS, fraction = 2) BigDecimal annualValueGbp,
            @CouncilDate LocalDate end,
            @NotNull @CouncilDate LocalDate effectiveDate,
            @NotBlank @Size(max = TEXT) String reason) {

        VaryContractCommand command(UUID contractId, ExpectedVersion expected) {
            return new VaryContractCommand(contractId.toString(), expected.value(), annualValueGbp, end, effectiveDate,
                    reason);
        }
    }

    /** {@code POST /extension}: to {@code end}, or as far as the extension allows when it is absent. */
    public record Extension(@CouncilDate LocalDate end, @Size(max = TEXT) String reason) {

        /** Without a body: as far as the extension option allows, for no stated reason. */
        static ExtendContractCommand command(Extension body, UUID contractId, ExpectedVersion expected) {
            return body == null ? new ExtendContractCommand(contractId.toString(), expected.value(), null, null)
                    : new ExtendContractCommand(contractId.toString(), expected.value(), body.end, body.reason);
        }
    }

    /** {@code PUT /officers}. */
    public record Officers(
            @NotBlank @Size(max = NAME) String leadOfficer,
            @NotBlank @Size(max = NAME) String contractManager) {

        AssignContractOfficersCommand command(UUID contractId, ExpectedVersion expected) {
            return new AssignContractOfficersCommand(contractId.toString(), expected.value(), leadOfficer,
                    contractManager);
        }
    }

    /** {@code POST /plans}. */
    public record Plan(
            @NotNull PlanKind kind,
            @Size(max = TEXT) String reason,
            @NotEmpty @Size(max = MAX_ITEMS) List<@NotNull @Valid Action> actions) {

        StartPlanCommand command(UUID contractId, ExpectedVersion expected) {
            return new StartPlanCommand(contractId.toString(), expected.value(), kind, reason, Action.all(actions));
        }
    }

    public record Action(
            @NotBlank @Size(max = TEXT) String description,
            @NotBlank @Size(max = NAME) String owner,
            @NotNull @CouncilDate LocalDate dueDate) {

        /** The actions given, as agreed actions; none for none. */
        static List<PlanAction> all(List<Action> actions) {
            return actions == null ? null
                    : actions.stream().map(a -> new PlanAction(a.description, a.owner, a.dueDate)).toList();
        }
    }

    /** {@code POST /plans/current/closure}. */
    public record PlanClosure(@NotBlank @Size(max = TEXT) String outcome) {

        ClosePlanCommand command(UUID contractId, ExpectedVersion expected) {
            return new ClosePlanCommand(contractId.toString(), expected.value(), outcome);
        }
    }

    /** {@code POST /warnings}. */
    public record Warning(
            @NotEmpty @Size(max = MAX_REASONS) List<@NotBlank @Size(max = TEXT) String> reasons,
            @NotNull @CouncilDate LocalDate responseDeadline) {

        IssueContractWarningCommand command(UUID contractId, ExpectedVersion expected) {
            return new IssueContractWarningCommand(contractId.toString(), expected.value(), reasons, responseDeadline);
        }
    }

    /** {@code POST /termination}. */
    public record Termination(
            @NotNull TerminationInitiator initiatedBy,
            @NotNull @CouncilDate LocalDate effectiveDate,
            @NotBlank @Size(max = TEXT) String reason) {

        TerminateContractCommand command(UUID contractId, ExpectedVersion expected) {
            return new TerminateContractCommand(contractId.toString(), expected.value(), initiatedBy, effectiveDate,
                    reason);
        }
    }

    /** {@code POST /recommissioning}: a re-procurement states its new annual value. */
    public record Recommissioning(
            @NotNull RecommissioningRoute route,
            @PositiveOrZero @Digits(integer = POUNDS, fraction = 2) BigDecimal annualValueGbp,
            UUID successorContractId,
            @NotBlank @Size(max = TEXT) String reason) {

        RecommissionContractCommand command(UUID contractId, ExpectedVersion expected) {
            return new RecommissionContractCommand(contractId.toString(), expected.value(), route, annualValueGbp,
                    successorContractId == null ? null : successorContractId.toString(), reason);
        }
    }

    /**
     * {@code POST /payments/{period}/authorisation} and {@code .../withholding}.
     *
     * @param supersedingReason required to replace an earlier decision on the same period, refused otherwise
     */
    public record PaymentDecision(
            @NotBlank @Size(max = TEXT) String rationale,
            @Size(max = TEXT) String supersedingReason) {

        AuthorisePaymentCommand authorisation(UUID contractId, YearMonth period, ExpectedVersion expected) {
            return new AuthorisePaymentCommand(contractId.toString(), expected.value(), period, rationale,
                    supersedingReason);
        }

        WithholdPaymentCommand withholding(UUID contractId, YearMonth period, ExpectedVersion expected) {
            return new WithholdPaymentCommand(contractId.toString(), expected.value(), period, rationale,
                    supersedingReason);
        }
    }

    /**
     * {@code POST /meetings}: a monitoring meeting held (not after today, within the contract's term), its attendees,
     * notes and actions.
     */
    public record Meeting(
            @NotNull @CouncilDate LocalDate heldOn,
            @NotEmpty @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = NAME) String> attendees,
            @NotBlank @Size(max = NOTES) String notes,
            @Size(max = MAX_ITEMS) List<@NotNull @Valid Action> actions) {

        RecordMonitoringMeetingCommand command(UUID contractId, ExpectedVersion expected) {
            return new RecordMonitoringMeetingCommand(contractId.toString(), expected.value(), heldOn, attendees, notes,
                    Action.all(actions));
        }
    }
}
