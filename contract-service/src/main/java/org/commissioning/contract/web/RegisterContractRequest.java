package org.commissioning.contract.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commissioning.contract.api.LotScope;
import org.commissioning.contract.api.ServiceArea;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * @param contractId optional: a client that must not register twice (the demo loader) chooses the id;
 *                   registering an id that exists is refused with 409
 * @param extensionMonths optional: how long the contract may be extended by, once (12 for "3 years + 1")
 */
public record RegisterContractRequest(
        UUID contractId,
        @NotBlank @Size(max = LifecycleRequests.NAME) String provider,
        @NotNull ServiceArea serviceArea,
        @NotNull @Valid LotRequest lot,
        @PositiveOrZero @Digits(integer = LifecycleRequests.POUNDS, fraction = 2) BigDecimal annualValueGbp,
        @CouncilDate LocalDate start,
        @CouncilDate LocalDate end,
        @Min(0) @Max(60) Integer extensionMonths) {

    /** Kent has twelve districts (in four areas); a name is one of them. */
    static final int MAX_LOT_NAMES = 12;
    static final int LOT_NAME = 100;

    /** @param names the areas or districts of the lot; none for a county-wide lot */
    public record LotRequest(
            @NotNull LotScope scope,
            @Size(max = MAX_LOT_NAMES) List<@NotBlank @Size(max = LOT_NAME) String> names) {
    }
}
