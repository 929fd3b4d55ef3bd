package org.commissioning.contract.query;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;

import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractOfficersAssignedEvent;
import org.commissioning.contract.api.ContractRatingRecordedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.MonitoringCadenceChangedEvent;
import org.commissioning.contract.api.MonitoringMeetingHeldEvent;
import org.commissioning.contract.api.MonitoringMeetingOverdueEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.LotScope;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.VariationRecommendedEvent;

/** What each stored event means, in a sentence an auditor can read. */
final class HistorySummaries {

    private HistorySummaries() {
    }

    static String describe(ContractEvent event) {
        if (event instanceof ContractRegisteredEvent e) {
            String lot = e.lot().scope() == LotScope.COUNTY ? "county-wide"
                    : e.lot().scope().name().toLowerCase() + " lot " + String.join(", ", e.lot().names());
            String term = e.start() == null && e.end() == null ? "term not recorded"
                    : (e.start() == null ? "?" : e.start()) + " to " + (e.end() == null ? "?" : e.end());
            String extension = e.extensionMonths() == null || e.extensionMonths() == 0 ? ""
                    : ", extendable once by up to " + e.extensionMonths() + " months";
            String value = e.annualValueGbp() == null ? "annual value not recorded" : money(e.annualValueGbp()) + " a year";
            return "Registered " + e.provider() + "'s " + e.serviceArea().label() + " contract (" + lot + "), "
                    + value + ", " + term + extension;
        }
        if (event instanceof ContractVariedEvent e) {
            StringBuilder s = new StringBuilder("Varied from ").append(e.effectiveDate()).append(":");
            if (!sameAmount(e.annualValueGbp(), e.previousAnnualValueGbp())) {
                s.append(" annual value ").append(money(e.previousAnnualValueGbp())).append(" to ")
                        .append(money(e.annualValueGbp())).append(";");
            }
            if (!Objects.equals(e.end(), e.previousEnd())) {
                s.append(" end date ").append(e.previousEnd() == null ? "not recorded" : e.previousEnd())
                        .append(" to ").append(e.end()).append(";");
            }
            return s.append(" ").append(e.reason()).toString();
        }
        if (event instanceof ContractExtendedEvent e) {
            return "Extended to " + e.end() + " (was " + e.previousEnd() + ")" + reason(e.reason());
        }
        if (event instanceof ContractOfficersAssignedEvent e) {
            return "Lead officer " + e.leadOfficer() + ", contract manager " + e.contractManager();
        }
        if (event instanceof PlanStartedEvent e) {
            int n = e.actions().size();
            return e.kind().label() + " " + e.planNumber() + " started on " + e.startedOn() + " with " + n
                    + (n == 1 ? " action" : " actions") + reason(e.reason());
        }
        if (event instanceof PlanClosedEvent e) {
            return e.kind().label() + " " + e.planNumber() + " closed on " + e.closedOn() + ": " + e.outcome();
        }
        if (event instanceof ContractWarningIssuedEvent e) {
            return "Formal contract warning " + e.warningNumber() + " issued on " + e.issuedOn() + ", response due by "
                    + e.responseDeadline() + ": " + String.join("; ", e.reasons());
        }
        if (event instanceof ContractTerminatedEvent e) {
            return "Terminated by " + e.initiatedBy().label() + ", effective " + e.effectiveDate() + ": " + e.reason();
        }
        if (event instanceof ContractExpiredEvent e) {
            return "Expired at the end of its term on " + e.end();
        }
        if (event instanceof ContractRecommissionedEvent e) {
            StringBuilder s = new StringBuilder("Recommissioned: ").append(e.route().label());
            if (e.annualValueGbp() != null) {
                s.append(", ").append(money(e.annualValueGbp())).append(" a year");
            }
            if (e.successorContractId() != null) {
                s.append(", continued by contract ").append(e.successorContractId());
            }
            return s.append(": ").append(e.reason()).toString();
        }
        if (event instanceof PaymentAuthorisedEvent e) {
            return payment(e.period().toString(), "authorised", e.rationale(), e.supersedes(), e.supersedingReason());
        }
        if (event instanceof PaymentWithheldEvent e) {
            return payment(e.period().toString(), "withheld", e.rationale(), e.supersedes(), e.supersedingReason());
        }
        if (event instanceof MonitoringCadenceChangedEvent e) {
            return "Monitoring cadence " + (e.previousCadence() == null ? "set to " : "changed from "
                    + cadence(e.previousCadence()) + " to ") + cadence(e.cadence()) + " on " + e.changedOn()
                    + " (rated " + e.rating() + (e.period() == null ? "" : " for " + e.period())
                    + "); next meeting due by " + e.nextMeetingDue();
        }
        if (event instanceof MonitoringMeetingHeldEvent e) {
            int n = e.actions().size();
            return "Monitoring meeting " + e.meetingNumber() + " held on " + e.heldOn() + " with "
                    + String.join(", ", e.attendees()) + ", " + n + (n == 1 ? " action" : " actions") + " agreed"
                    + (e.nextMeetingDue() == null ? "" : "; next meeting due by " + e.nextMeetingDue());
        }
        if (event instanceof MonitoringMeetingOverdueEvent e) {
            return "Monitoring meeting due by " + e.dueDate() + " not held (" + cadence(e.cadence()) + " cadence; "
                    + (e.lastMeetingHeldOn() == null ? "no meeting held yet" : "last held on " + e.lastMeetingHeldOn())
                    + ")";
        }
        if (event instanceof ContractRatingRecordedEvent e) {
            return "Rated " + e.rating() + " for " + e.period()
                    + (e.previousRating() == null ? "" : " (revised from " + e.previousRating() + ")");
        }
        if (event instanceof EscalationDueEvent e) {
            return "Escalation due: " + e.reason();
        }
        if (event instanceof VariationRecommendedEvent e) {
            return "Formal variation recommended by the " + EscalationDueEvent.programmeYear(e.programmeYear())
                    + " deep dive, for the officer to decide: " + e.reason();
        }
        return event.getClass().getSimpleName();
    }

    private static String cadence(org.commissioning.contract.api.MonitoringCadence cadence) {
        return cadence.name().toLowerCase().replace('_', '-');
    }

    private static String payment(String period, String verb, String rationale, PaymentDecision supersedes,
                                  String supersedingReason) {
        String superseding = supersedes == null ? ""
                : " (superseding the earlier decision, " + supersedes.name().toLowerCase() + ": " + supersedingReason + ")";
        return "Payment for " + period + " " + verb + ": " + rationale + superseding;
    }

    private static String reason(String reason) {
        return reason == null ? "" : ": " + reason;
    }

    static String money(BigDecimal amount) {
        if (amount == null) {
            return "not recorded";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setMinimumFractionDigits(2);
        return format.format(amount);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
