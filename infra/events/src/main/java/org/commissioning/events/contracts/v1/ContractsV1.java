package org.commissioning.events.contracts.v1;

import java.util.List;

/** The event types of {@code contracts.events.v1}, version 1, in the order of a contract's life. */
public final class ContractsV1 {

    public static final List<Class<?>> TYPES = List.of(
            ContractRegistered.class,
            ContractOfficersAssigned.class,
            ContractVaried.class,
            ContractExtended.class,
            PlanStarted.class,
            PlanClosed.class,
            ContractWarningIssued.class,
            ContractTerminated.class,
            ContractExpired.class,
            ContractRecommissioned.class,
            PaymentAuthorised.class,
            PaymentWithheld.class,
            MonitoringCadenceChanged.class,
            MonitoringMeetingHeld.class,
            MonitoringMeetingOverdue.class,
            EscalationDue.class,
            HistorySealed.class);

    private ContractsV1() {
    }
}
