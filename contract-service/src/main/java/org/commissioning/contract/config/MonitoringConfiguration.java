package org.commissioning.contract.config;

import org.commissioning.contract.command.EscalationPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Monitoring and escalation: the escalation policy the Contract aggregate's command handlers are given
 * ({@code contract.escalation.red-months}, default 3) and the scheduling of the overdue-meeting scan
 * ({@code contract.monitoring.scan-interval}, default {@code PT1M}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MonitoringConfiguration {

    @Bean
    public EscalationPolicy escalationPolicy(
            @Value("${contract.escalation.red-months:" + EscalationPolicy.DEFAULT_RED_MONTHS + "}") int redMonths) {
        return new EscalationPolicy(redMonths);
    }
}
