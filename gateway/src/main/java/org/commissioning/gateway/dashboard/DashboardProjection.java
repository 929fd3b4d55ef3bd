package org.commissioning.gateway.dashboard;

import java.math.BigDecimal;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the dashboard rows from the contracts' published events. Each write replaces the whole row keyed by
 * the contract id, so applying an event again leaves the row as it was.
 */
@Component
public class DashboardProjection {

    public static final String COLLECTION = "dashboard_contracts";

    private final MongoTemplate mongo;

    public DashboardProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(IntegrationEvent<?> event, ContractRegistered registered) {
        mongo.save(new DashboardContract(
                registered.contractId(),
                registered.provider(),
                registered.serviceArea(),
                registered.lot().scope(),
                registered.lot().areas(),
                registered.lot().districts(),
                toPence(registered.annualValueGbp()),
                registered.start(),
                registered.end(),
                DashboardContract.ACTIVE,
                null,
                event.time(),
                event.sequence(),
                event.id()), COLLECTION);
    }

    /** An amount in pounds shown to at least pence: 120000 and 1.2E+5 both read 120000.00. */
    static BigDecimal toPence(BigDecimal gbp) {
        if (gbp == null) {
            return null;
        }
        BigDecimal stripped = gbp.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()));
    }
}
