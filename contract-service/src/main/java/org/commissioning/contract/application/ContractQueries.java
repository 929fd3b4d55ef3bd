package org.commissioning.contract.application;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks the contract projections a query and waits for the answer: one result, or a list. */
@Component
@RequiredArgsConstructor
public class ContractQueries {

    private final QueryGateway gateway;

    <R> Optional<R> one(Object query, Class<R> type) {
        return gateway.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    <R> List<R> all(Object query, Class<R> type) {
        return gateway.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }
}
