package org.commissioning.kpi.application;

import java.time.YearMonth;

import org.commissioning.kpi.command.ReturnValues;
import org.springframework.stereotype.Service;

/**
 * A provider's whole return as CSV, all or nothing ({@link CsvFigures}); a good file is submitted as a JSON
 * return is, with the same checks of the return as a whole (already submitted, no framework in force).
 */
@Service
public class ImportReturnCsv {

    private final CsvFigures csv;
    private final SubmitMonthlyReturn submit;

    ImportReturnCsv(CsvFigures csv, SubmitMonthlyReturn submit) {
        this.csv = csv;
        this.submit = submit;
    }

    public SubmitMonthlyReturn.Submitted importReturn(String contractId, YearMonth period, String body,
                                                      String narrative) {
        return submit.submit(new SubmitMonthlyReturn.Input(contractId, period, csv.read(body,
                ReturnValues.Source.PROVIDER, contractId, period, "A return for " + period), narrative));
    }
}
