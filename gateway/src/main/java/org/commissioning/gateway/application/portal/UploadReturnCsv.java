package org.commissioning.gateway.application.portal;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.OwnerApi;
import org.commissioning.gateway.application.OwnerApi.Owner;
import org.commissioning.gateway.application.OwnerRefused;
import org.commissioning.gateway.application.portal.ReturnForm.CsvLine;
import org.commissioning.gateway.application.portal.ReturnForm.FieldError;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A provider's monthly return as a CSV file (kpi-service's template filled in): its bytes go, as they came, to
 * kpi-service's CSV endpoint as the caller, which checks every line before storing all or nothing; a refused file's
 * report per line comes back to the page. No file, an empty one, or one that is not a CSV file is refused here,
 * before anything is sent.
 */
@Service
@RequiredArgsConstructor
public class UploadReturnCsv {

    static final String NO_FILE = "Select a CSV file of the month’s return";
    static final String EMPTY = "The selected file is empty";
    static final String NOT_CSV = "The selected file must be a CSV file";
    static final String CSV = "text/csv;charset=UTF-8";

    private final PortalOwners owners;
    private final OwnerApi owner;

    /** A file as the browser sent it; {@code name} and {@code contentType} as it named them (null if not). */
    public record CsvFile(String name, String contentType, byte[] bytes) {
    }

    /**
     * Access as {@link SubmitReturn#submit}: {@code SUBMIT_RETURNS} (403), the contract's provider and a month
     * of its term with a framework in force (404), checked before the file is looked at.
     *
     * @param file null where the form sent none
     */
    public ReturnOutcome upload(String contractId, String period, CsvFile file) {
        PortalContract contract = owners.contract(contractId, Permission.SUBMIT_RETURNS);
        YearMonth month = owners.month(contract, period);
        ReturnFramework framework = owners.framework(contractId, month).orElseThrow(() ->
                new NotFoundException("No framework in force in " + month));
        String wrong = file == null || file.name() == null || file.name().isBlank() ? NO_FILE
                : file.bytes().length == 0 ? EMPTY
                : !isCsv(file) ? NOT_CSV : null;
        if (wrong != null) {
            return refused(400, contract, month, framework, List.of(new FieldError(ReturnForm.CSV_FILE, wrong)),
                    List.of());
        }
        try {
            owner.postRaw(Owner.KPI, PortalOwners.RETURN + "/csv", CSV, file.bytes(), contractId, month.toString());
            return new ReturnOutcome.Submitted(contractId, month);
        } catch (OwnerRefused refusal) {
            OwnerProblem problem = OwnerProblem.of(refusal);
            List<CsvLine> lines = problem.lines();
            List<FieldError> errors = problem.csvInvalid()
                    ? List.of(new FieldError(ReturnForm.CSV_FILE, "The file has " + lines.size() + " line"
                    + (lines.size() == 1 ? "" : "s") + " with errors, so nothing was recorded"))
                    : List.of(new FieldError(ReturnForm.CSV_FILE, problem.summary()));
            return refused(problem.status(), contract, month, framework, errors, lines);
        }
    }

    /**
     * Named .csv (or .txt) or sent as text/csv (Excel's CSV files are sent as application/vnd.ms-excel on some
     * computers, hence the name first), and text: a NUL byte is found in a spreadsheet or an image, never in a CSV.
     */
    private static boolean isCsv(CsvFile file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        boolean named = name.endsWith(".csv") || name.endsWith(".txt") || type.startsWith("text/csv");
        for (byte b : file.bytes()) {
            if (b == 0) {
                return false;
            }
        }
        return named;
    }

    private static ReturnOutcome refused(int status, PortalContract contract, YearMonth month,
                                         ReturnFramework framework, List<FieldError> errors, List<CsvLine> lines) {
        return SubmitReturn.refused(status, contract, month, new ReturnForm(framework, Map.of(), null, errors,
                lines));
    }
}
