package org.commissioning.contract.api;

/** A stored event of the Contract aggregate. Private to contract-service; the relay publishes each one. */
public sealed interface ContractEvent permits ContractRegisteredEvent, ContractVariedEvent, ContractExtendedEvent,
        ContractOfficersAssignedEvent, PlanStartedEvent, PlanClosedEvent, ContractWarningIssuedEvent,
        ContractTerminatedEvent, ContractExpiredEvent, ContractRecommissionedEvent, PaymentAuthorisedEvent,
        PaymentWithheldEvent, MonitoringCadenceChangedEvent, MonitoringMeetingHeldEvent,
        MonitoringMeetingOverdueEvent, ContractRatingRecordedEvent, EscalationDueEvent, VariationRecommendedEvent {

    String contractId();
}
