package org.commissioning.gateway.api;

/**
 * The dashboard projection has applied a published event to a contract's row (published once the write is done).
 *
 * @param contractId the row's contract
 * @param change     the published event's type that changed it, e.g. {@code RagChanged}, {@code MonitoringCadenceChanged},
 *                   {@code ContractTerminated}, {@code DeepDiveCompleted}
 */
public record DashboardRowChanged(String contractId, String change) {
}
