package org.commissioning.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the payload of a published integration event.
 * Its CloudEvents type is {@code org.commissioning.<context>.<name>.v<version>}.
 * A published version never loses or renames a field; a breaking change is a new version in a new package.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublishedEvent {

    /** The bounded context that publishes it; also selects the topic. */
    Context context();

    /** The event's name, past tense, without suffix: {@code ContractRegistered}. */
    String name();

    int version();
}
