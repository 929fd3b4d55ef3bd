package org.commissioning.platform.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.commissioning.events.IntegrationEvent;

/**
 * Routes each decoded event to the handler registered for its payload type; other types are ignored.
 * Handlers must themselves be idempotent (upserts keyed by id): the consumer drops redeliveries it has
 * recorded, but an event whose handling succeeded just before a crash is delivered again.
 */
public final class IntegrationEventHandlers {

    private final Map<Class<?>, BiConsumer<IntegrationEvent<?>, Object>> handlers;

    private IntegrationEventHandlers(Map<Class<?>, BiConsumer<IntegrationEvent<?>, Object>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return whether a handler for the event's type ran */
    boolean dispatch(IntegrationEvent<?> event) {
        BiConsumer<IntegrationEvent<?>, Object> handler = handlers.get(event.data().getClass());
        if (handler == null) {
            return false;
        }
        handler.accept(event, event.data());
        return true;
    }

    public static final class Builder {

        private final Map<Class<?>, BiConsumer<IntegrationEvent<?>, Object>> handlers = new LinkedHashMap<>();

        /**
         * Handles events of {@code type}; a type given more than once runs its handlers in the order given (a
         * service adds its own handlers to those of a shared view on the same binding).
         */
        @SuppressWarnings("unchecked")
        public <T> Builder on(Class<T> type, BiConsumer<IntegrationEvent<?>, T> handler) {
            handlers.merge(type, (event, data) -> handler.accept(event, (T) data), BiConsumer::andThen);
            return this;
        }

        public IntegrationEventHandlers build() {
            return new IntegrationEventHandlers(handlers);
        }
    }
}
