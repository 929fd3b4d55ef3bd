package org.commissioning.gateway.application.portal;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A month of a contract: its return (values, bands, source, corrections with reasons) where the provider's has
 * arrived, otherwise the return form generated from the framework in force that month.
 */
@Service
@RequiredArgsConstructor
public class ShowReturnMonth {

    static final String NO_FRAMEWORK = "No KPI framework is in force for this month, so no return can be made yet.";
    static final String MAY_NOT_SUBMIT = "You can read this month's return but not make it.";

    private final PortalOwners owners;

    /**
     * For a caller with {@code READ_DETAIL} (403) who may see the contract (404 otherwise, also for a month outside
     * the term or after this one); the form only for a caller who may also submit returns.
     */
    public ReturnMonth show(String contractId, String period) {
        PortalContract contract = owners.contract(contractId, Permission.READ_DETAIL);
        YearMonth month = owners.month(contract, period);
        Optional<ReturnFramework> framework = owners.framework(contractId, month);
        Optional<PastReturn> past = owners.monthlyReturn(contractId, month)
                .map(r -> PastReturn.of(r, names(framework))).filter(PastReturn::submitted);
        if (past.isPresent()) {
            return new ReturnMonth(contract, month, past, null, null);
        }
        if (framework.isEmpty()) {
            return new ReturnMonth(contract, month, past, null, NO_FRAMEWORK);
        }
        if (!Access.mayRead(Permission.SUBMIT_RETURNS, contract.provider())) {
            return new ReturnMonth(contract, month, past, null, MAY_NOT_SUBMIT);
        }
        return new ReturnMonth(contract, month, past, ReturnForm.empty(framework.get()), null);
    }

    static Map<String, String> names(Optional<ReturnFramework> framework) {
        return framework.map(f -> f.fields().stream().collect(Collectors.toMap(KpiField::code, KpiField::name)))
                .orElse(Map.of());
    }
}
