package org.commissioning.gateway.application.portal;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.OwnerApi;
import org.commissioning.gateway.application.OwnerApi.Owner;
import org.commissioning.gateway.application.OwnerRefused;
import org.commissioning.gateway.application.portal.ReturnForm.FieldError;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A provider's monthly return as a CSV file (kpi-service's template filled in): the bytes go to kpi-service's CSV
 * endpoint as the caller, which checks every line before storing all or nothing; a refused file's report per line
 * comes back to the page.
 */
@Service
@RequiredArgsConstructor
public class UploadReturnCsv {

    static final String NO_FILE = "Choose a CSV file of the month's return";

    private final PortalOwners owners;
    private final OwnerApi owner;

    /** Access as {@link SubmitReturn#submit}; an empty upload is refused here, before anything is sent. */
    public ReturnOutcome upload(String contractId, String period, byte[] csv) {
        PortalContract contract = owners.contract(contractId, Permission.SUBMIT_RETURNS);
        YearMonth month = owners.month(contract, period);
        ReturnFramework framework = owners.framework(contractId, month).orElseThrow(() ->
                new NotFoundException("No framework in force in " + month));
        if (csv == null || csv.length == 0) {
            return refused(400, contract, month, framework, List.of(new FieldError(ReturnForm.CSV_FILE, NO_FILE)),
                    List.of());
        }
        try {
            owner.postRaw(Owner.KPI, PortalOwners.RETURN + "/csv", "text/csv", csv, contractId, month.toString());
            return new ReturnOutcome.Submitted(contractId, month);
        } catch (OwnerRefused refusal) {
            OwnerProblem problem = OwnerProblem.of(refusal);
            List<ReturnForm.CsvLine> lines = problem.lines();
            List<FieldError> errors = problem.csvInvalid()
                    ? List.of(new FieldError(ReturnForm.CSV_FILE, "The file has " + lines.size() + " line"
                    + (lines.size() == 1 ? "" : "s") + " with errors; nothing was recorded"))
                    : problem.errors(field -> null).stream()
                    .map(e -> new FieldError(ReturnForm.CSV_FILE, e.message())).toList();
            return refused(problem.status(), contract, month, framework, errors, lines);
        }
    }

    private static ReturnOutcome refused(int status, PortalContract contract, YearMonth month,
                                         ReturnFramework framework, List<FieldError> errors,
                                         List<ReturnForm.CsvLine> lines) {
        return SubmitReturn.refused(status, contract, month, new ReturnForm(framework, Map.of(), null, errors,
                lines));
    }
}
