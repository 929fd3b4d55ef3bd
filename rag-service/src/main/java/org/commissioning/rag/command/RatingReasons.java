package org.commissioning.rag.command;

import java.math.BigDecimal;

import org.commissioning.rag.api.FlagKpiDiscrepancyCommand;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.RateKpiValueCommand;
import org.commissioning.rag.api.ResolveKpiDiscrepancyCommand;

/** Why a period is rated again, as its new {@code ContractRated} says in {@code reason}. */
final class RatingReasons {

    private RatingReasons() {
    }

    /** "re-rated after KPI X (PROVIDER) was corrected from 66 to 91"; null for a value that is not a correction. */
    static String corrected(RateKpiValueCommand command, KpiInput before) {
        if (!command.correction()) {
            return null;
        }
        return "re-rated after KPI " + command.kpiCode() + " (" + command.source() + ") was corrected "
                + (before == null ? "" : "from " + before.value().toPlainString() + " ") + "to "
                + command.value().toPlainString();
    }

    static String notValidated(FlagKpiDiscrepancyCommand command) {
        return "KPI " + command.kpiCode() + " is not validated: provider " + plain(command.providerValue())
                + ", council " + plain(command.councilValue()) + " differ beyond tolerance";
    }

    static String validated(ResolveKpiDiscrepancyCommand command) {
        return "KPI " + command.kpiCode() + " validated: discrepancy resolved by " + command.resolvedBy()
                + (command.note() == null ? "" : " (" + command.note() + ")");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }
}
