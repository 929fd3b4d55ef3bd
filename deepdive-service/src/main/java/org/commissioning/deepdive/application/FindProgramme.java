package org.commissioning.deepdive.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.DeepDiveStatus;
import org.commissioning.deepdive.api.ProgrammeRow;
import org.commissioning.deepdive.api.ProgrammeSummary;
import org.commissioning.deepdive.api.ProgrammeYear;
import org.commissioning.deepdive.query.ProgrammeRowsProjection;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** A programme year's table: each deep dive's provider, districts, status, due date and grade, with totals. */
@Service
@RequiredArgsConstructor
public class FindProgramme {

    private final ProgrammeRowsProjection rows;

    /**
     * READ_SUMMARIES (403 otherwise); a provider sees its own contracts' rows only, and totals of those; 404 for a
     * year neither opened nor with any deep dive.
     */
    public ProgrammeSummary find(int programmeYear) {
        Access.require(Permission.READ_SUMMARIES);
        List<ProgrammeRowsProjection.Row> all = rows.ofYear(programmeYear);
        if (all.isEmpty() && !rows.isOpen(programmeYear)) {
            throw new NotFoundException("No deep-dive programme of " + programmeYear + " has been opened");
        }
        List<ProgrammeRow> visible = all.stream()
                .filter(row -> Access.mayRead(Permission.READ_SUMMARIES, row.provider()))
                .map(ProgrammeRowsProjection.Row::toRow).toList();
        return new ProgrammeSummary(programmeYear, new ProgrammeYear(programmeYear).label(), visible,
                totals(visible));
    }

    static ProgrammeSummary.Totals totals(List<ProgrammeRow> rows) {
        int complete = count(rows, DeepDiveStatus.COMPLETE);
        int cancelled = count(rows, DeepDiveStatus.CANCELLED);
        int pending = rows.size() - complete - cancelled;
        BigDecimal percent = complete + pending == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(complete * 100L).divide(BigDecimal.valueOf(complete + pending), 1,
                RoundingMode.HALF_UP);
        return new ProgrammeSummary.Totals(rows.size(), complete, pending, count(rows, DeepDiveStatus.OVERDUE),
                cancelled, percent);
    }

    private static int count(List<ProgrammeRow> rows, DeepDiveStatus status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }
}
