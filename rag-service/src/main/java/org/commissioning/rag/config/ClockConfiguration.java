package org.commissioning.rag.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Now" for rag-service (the current month that bounds officer overrides and trajectory statements): the system
 * clock in the council's zone, or a fixed instant ({@code rag.clock.fixed=2018-06-01T09:00:00Z}) for a
 * demonstration or a test. Command handlers take the {@link Clock} as a parameter (Axon resolves it from this bean).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    public Clock clock(@Value("${rag.clock.zone:Europe/London}") String zone,
                       @Value("${rag.clock.fixed:}") String fixed) {
        ZoneId zoneId = ZoneId.of(zone);
        return fixed.isBlank() ? Clock.system(zoneId) : Clock.fixed(Instant.parse(fixed), zoneId);
    }
}
