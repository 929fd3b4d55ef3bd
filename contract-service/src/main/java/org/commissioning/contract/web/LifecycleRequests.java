package org.commissioning.contract.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.RecommissioningRoute;
import org.commissioning.contract.api.TerminationInitiator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies of the lifecycle endpoints under {@code /api/contracts/{id}}. The aggregate checks the rules. */
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
    }

    /** {@code POST /extension}: to {@code end}, or as far as the extension allows when it is absent. */
    public record Extension(@CouncilDate LocalDate end, @Size(max = TEXT) String reason) {
    }

    /** {@code PUT /officers}. */
    public record Officers(
            @NotBlank @Size(max = NAME) String leadOfficer,
            @NotBlank @Size(max = NAME) String contractManager) {
    }

    /** {@code POST /plans}. */
    public record Plan(
            @NotNull PlanKind kind,
            @Size(max = TEXT) String reason,
            @NotEmpty @Size(max = MAX_ITEMS) List<@NotNull @Valid Action> actions) {
    }

    public record Action(
            @NotBlank @Size(max = TEXT) String description,
            @NotBlank @Size(max = NAME) String owner,
            @NotNull @CouncilDate LocalDate dueDate) {
    }

    /** {@code POST /plans/current/closure}. */
    public record PlanClosure(@NotBlank @Size(max = TEXT) String outcome) {
    }

    /** {@code POST /warnings}. */
    public record Warning(
            @NotEmpty @Size(max = MAX_REASONS) List<@NotBlank @Size(max = TEXT) String> reasons,
            @NotNull @CouncilDate LocalDate responseDeadline) {
    }

    /** {@code POST /termination}. */
    public record Termination(
            @NotNull TerminationInitiator initiatedBy,
            @NotNull @CouncilDate LocalDate effectiveDate,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    /** {@code POST /recommissioning}: a re-procurement states its new annual value. */
    public record Recommissioning(
            @NotNull RecommissioningRoute route,
            @PositiveOrZero @Digits(integer = POUNDS, fraction = 2) BigDecimal annualValueGbp,
            UUID successorContractId,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    /**
     * {@code POST /payments/{period}/authorisation} and {@code .../withholding}.
     *
     * @param supersedingReason required to replace an earlier decision on the same period, refused otherwise
     */
    public record PaymentDecision(
            @NotBlank @Size(max = TEXT) String rationale,
            @Size(max = TEXT) String supersedingReason) {
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
    }
}
