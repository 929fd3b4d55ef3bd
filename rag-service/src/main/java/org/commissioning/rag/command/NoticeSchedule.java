package org.commissioning.rag.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commissioning.rag.api.NoticeScope;
import org.commissioning.rag.api.NoticeTrigger;

/**
 * When Procurement Act 2023 contract performance notices are owed (s.52 scope) and due (s.71). Pure.
 * <ul>
 *   <li>Scope: the contract starts on or after {@link #COMMENCEMENT} (the Act's commencement; the start date stands
 *   in for the award date, which the platform does not record), its total value (annual value times the term in
 *   months over twelve) is over {@link #THRESHOLD_GBP}, and the framework version in force at the end of the
 *   assessment year has at least {@link #MIN_KPIS} KPIs.</li>
 *   <li>Assessment years run in twelve-month steps from the start month; the last one ends with the term.</li>
 *   <li>A notice is due {@link #GRACE_DAYS} days after the last day of its year (ANNUAL), or after a termination's
 *   effective date for the year the contract was terminated in (TERMINATION).</li>
 * </ul>
 */
public final class NoticeSchedule {

    public static final LocalDate COMMENCEMENT = LocalDate.of(2025, 2, 24);
    public static final BigDecimal THRESHOLD_GBP = new BigDecimal("5000000");
    public static final int MIN_KPIS = 3;
    public static final int GRACE_DAYS = 30;

    private NoticeSchedule() {
    }

    /** A notice owed: its assessment year, when it is due and why. */
    public record DueNotice(YearMonth yearFrom, YearMonth yearTo, LocalDate dueBy, NoticeTrigger trigger) {
    }

    /** Whether the contract is in scope of s.52, and the reasons it is not. */
    public static NoticeScope scope(BigDecimal annualValueGbp, LocalDate start, LocalDate end, int kpis) {
        List<String> reasons = new ArrayList<>();
        if (start == null) {
            reasons.add("no start date is recorded");
        } else if (start.isBefore(COMMENCEMENT)) {
            reasons.add("starts " + start + ", before the Procurement Act 2023 came into force on " + COMMENCEMENT);
        }
        BigDecimal total = annualValueGbp == null || start == null || end == null ? null
                : annualValueGbp.multiply(BigDecimal.valueOf(ChronoUnit.MONTHS.between(start, end.plusDays(1))))
                .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        if (total == null) {
            reasons.add("the total value is not known (annual value and term)");
        } else if (total.compareTo(THRESHOLD_GBP) <= 0) {
            reasons.add("total value £" + total.toPlainString() + " is not over £" + THRESHOLD_GBP.toPlainString());
        }
        if (kpis < MIN_KPIS) {
            reasons.add(kpis + " KPIs, fewer than " + MIN_KPIS);
        }
        return new NoticeScope(reasons.isEmpty(), total, kpis, start, reasons);
    }

    /** The assessment year starting {@code yearFrom}, if it is one of the term's; its last month clipped to the end. */
    public static Optional<YearMonth> yearTo(LocalDate start, LocalDate end, YearMonth yearFrom) {
        if (start == null) {
            return Optional.empty();
        }
        long offset = ChronoUnit.MONTHS.between(YearMonth.from(start), yearFrom);
        if (offset < 0 || offset % 12 != 0 || (end != null && yearFrom.isAfter(YearMonth.from(end)))) {
            return Optional.empty();
        }
        YearMonth to = yearFrom.plusMonths(11);
        return Optional.of(end != null && to.isAfter(YearMonth.from(end)) ? YearMonth.from(end) : to);
    }

    /** The assessment years of the term begun by {@code today}, each with the date its notice is due. */
    public static List<DueNotice> years(LocalDate start, LocalDate end, LocalDate terminatedOn, LocalDate today) {
        List<DueNotice> years = new ArrayList<>();
        if (start == null) {
            return years;
        }
        for (YearMonth from = YearMonth.from(start); !from.isAfter(YearMonth.from(today)); from = from.plusMonths(12)) {
            Optional<YearMonth> to = yearTo(start, end, from);
            if (to.isEmpty()) {
                break;
            }
            boolean terminatedThisYear = terminatedOn != null && !YearMonth.from(terminatedOn).isAfter(to.get());
            LocalDate lastDay = terminatedThisYear ? terminatedOn : to.get().atEndOfMonth();
            years.add(new DueNotice(from, to.get(), lastDay.plusDays(GRACE_DAYS),
                    terminatedThisYear ? NoticeTrigger.TERMINATION : NoticeTrigger.ANNUAL));
        }
        return years;
    }

    /** The notices of the term whose due date has passed by {@code today}. */
    public static List<DueNotice> overdueBy(LocalDate start, LocalDate end, LocalDate terminatedOn, LocalDate today) {
        return years(start, end, terminatedOn, today).stream().filter(n -> today.isAfter(n.dueBy())).toList();
    }
}
