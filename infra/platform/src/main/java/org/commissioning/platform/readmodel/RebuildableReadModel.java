package org.commissioning.platform.readmodel;

import java.util.function.Function;

/**
 * A read model an operator can rebuild without downtime ({@code POST /actuator/rebuild}). Declare one as a bean beside
 * the projection. The projection must resolve its collection through {@link ReadModelCollections#live(String)} for
 * its reads and for its live handlers' writes.
 *
 * @param name              the read model's name in {@code read_models}, also the name of its first collection
 * @param processingGroup   the Axon processing group of the live handlers (a tracking processor)
 * @param handlersWritingTo a second instance of the projection's event handlers, writing to the collection given
 */
public record RebuildableReadModel(String name, String processingGroup, Function<String, Object> handlersWritingTo) {
}
