package org.commissioning.events;

/**
 * The CloudEvents type of a payload class, read from its {@link PublishedEvent} annotation.
 *
 * @param qualifiedName e.g. {@code org.commissioning.contracts.ContractRegistered.v1}
 */
public record EventType(String qualifiedName, Context context, String name, int version, Class<?> payloadType) {

    public static final String PREFIX = "org.commissioning.";

    public static EventType of(Class<?> payloadType) {
        PublishedEvent published = payloadType.getAnnotation(PublishedEvent.class);
        if (published == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not annotated with @PublishedEvent");
        }
        String qualified = PREFIX + published.context().code() + "." + published.name() + ".v" + published.version();
        return new EventType(qualified, published.context(), published.name(), published.version(), payloadType);
    }

    public String topic() {
        return context.topic();
    }
}
