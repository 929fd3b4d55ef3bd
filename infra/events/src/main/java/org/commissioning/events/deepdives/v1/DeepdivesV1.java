package org.commissioning.events.deepdives.v1;

import java.util.List;

/** The event types of {@code deepdives.events.v1}, version 1. */
public final class DeepdivesV1 {

    public static final List<Class<?>> TYPES = List.of();

    private DeepdivesV1() {
    }
}
