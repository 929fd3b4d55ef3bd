package org.commissioning.gateway.dashboard;

import java.math.BigDecimal;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractExpired;
import org.commissioning.events.contracts.v1.ContractRecommissioned;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the dashboard rows from the contracts' published events. A registration creates the row once (a
 * redelivered registration leaves it as it is); a later event changes the row only if its sequence is higher than
 * the last one applied, so a replay never takes a row back to an older state.
 */
@Component
public class DashboardProjection {

    public static final String COLLECTION = "dashboard_contracts";
    static final String TERMINATED = "TERMINATED";
    static final String EXPIRED = "EXPIRED";
    static final String RECOMMISSIONED = "RECOMMISSIONED";

    private final MongoTemplate mongo;

    public DashboardProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(IntegrationEvent<?> event, ContractRegistered registered) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(registered.contractId())), COLLECTION)) {
            return;
        }
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

    public void on(IntegrationEvent<?> event, ContractTerminated terminated) {
        apply(event, Update.update("status", TERMINATED));
    }

    public void on(IntegrationEvent<?> event, ContractExpired expired) {
        apply(event, Update.update("status", EXPIRED));
    }

    public void on(IntegrationEvent<?> event, ContractRecommissioned recommissioned) {
        apply(event, Update.update("status", RECOMMISSIONED));
    }

    /** The rating that set the contract's monitoring cadence is its current overall rating. */
    public void on(IntegrationEvent<?> event, MonitoringCadenceChanged changed) {
        apply(event, Update.update("rag", changed.rating()));
    }

    private void apply(IntegrationEvent<?> event, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.subject()).and("lastEventSequence").lt(event.sequence())),
                update.set("lastEventSequence", event.sequence()).set("lastEventId", event.id()), COLLECTION);
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
