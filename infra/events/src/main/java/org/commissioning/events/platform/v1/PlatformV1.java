package org.commissioning.events.platform.v1;

import java.util.List;

/** The message types of {@code platform.redelivery.v1}, version 1. */
public final class PlatformV1 {

    public static final List<Class<?>> TYPES = List.of(EventsRedeliveryRequested.class);

    private PlatformV1() {
    }
}
