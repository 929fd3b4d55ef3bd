package org.commissioning.events.contracts.v1;

import java.util.List;

/** The event types of {@code contracts.events.v1}, version 1. */
public final class ContractsV1 {

    public static final List<Class<?>> TYPES = List.of(
            ContractRegistered.class);

    private ContractsV1() {
    }
}
