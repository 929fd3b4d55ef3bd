package org.commissioning.contract.config;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link ContractRegisteredEvent} without a revision (stored before {@code extensionMonths} was recorded, or before
 * events had revisions) to revision 1: a missing or null {@code extensionMonths} becomes 0, the "no extension" it
 * always meant, so revision 1 always carries it.
 */
@Component
public class ContractRegisteredEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType UNREVISED =
            new SimpleSerializedType(ContractRegisteredEvent.class.getName(), null);
    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ContractRegisteredEvent.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return UNREVISED.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_1, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode event
                    && !event.hasNonNull("extensionMonths")) {
                event.put("extensionMonths", 0);
            }
            return payload;
        });
    }
}
