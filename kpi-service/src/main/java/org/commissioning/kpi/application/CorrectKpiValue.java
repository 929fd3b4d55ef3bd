package org.commissioning.kpi.application;

import java.math.BigDecimal;
import java.time.YearMonth;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.CorrectKpiValueCommand;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** An attributable correction of one value of a submitted return, with a reason; the original stays on record. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CorrectKpiValue {

    /** @param district null for the total */
    public record Input(String contractId, YearMonth period, String kpiCode, String district, BigDecimal value,
                        BigDecimal numerator, BigDecimal denominator, String reason) {
    }

    public record Corrected(String returnId, String kpiCode, String correctedBy) {
    }

    private final ContractFigures contracts;

    public Corrected correct(Input input) {
        String id = input.contractId();
        KnownContract contract = contracts.known(id, Permission.SUBMIT_RETURNS);
        contracts.requireInTerm(id, contract, input.period(), "A correction of " + input.period());
        String actor = Actor.required("A correction records who made it");
        String returnId = MonthlyReturnId.of(id, input.period());
        contracts.sendToExisting(new CorrectKpiValueCommand(returnId, input.kpiCode(), input.district(),
                        input.value(), input.numerator(), input.denominator(), input.reason(), actor, contracts.frameworks(id)),
                () -> new NotFoundException("No return of contract " + id + " for " + input.period() + " to correct"));
        return new Corrected(returnId, input.kpiCode(), actor);
    }
}
