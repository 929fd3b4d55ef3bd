package org.commissioning.gateway.config;

import java.time.Clock;

import org.commissioning.gateway.application.AuditInstants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auditor's pages read the date and time a person picks in the council's zone, the clock's own. */
@Configuration(proxyBeanMethods = false)
public class AuditWiring {

    @Bean
    public AuditInstants auditInstants(Clock clock) {
        return new AuditInstants(clock.getZone(), clock);
    }
}
