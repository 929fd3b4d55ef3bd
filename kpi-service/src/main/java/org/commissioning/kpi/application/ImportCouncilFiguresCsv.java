package org.commissioning.kpi.application;

import java.time.YearMonth;

import org.commissioning.kpi.command.ReturnValues;
import org.springframework.stereotype.Service;

/**
 * The council's figures for a month as CSV (the columns of {@link ReturnCsv}), all or nothing like the provider's
 * ({@link CsvFigures}, no total required); a good file is recorded as the JSON figures are.
 */
@Service
public class ImportCouncilFiguresCsv {

    private final CsvFigures csv;
    private final RecordCouncilFigures record;

    ImportCouncilFiguresCsv(CsvFigures csv, RecordCouncilFigures record) {
        this.csv = csv;
        this.record = record;
    }

    public RecordCouncilFigures.Recorded importFigures(String contractId, YearMonth period, String body) {
        return record.record(new RecordCouncilFigures.Input(contractId, period, csv.read(body,
                ReturnValues.Source.COUNCIL, contractId, period, "Council figures for " + period)));
    }
}
