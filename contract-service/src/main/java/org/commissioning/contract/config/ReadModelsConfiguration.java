package org.commissioning.contract.config;

import org.commissioning.contract.query.ContractHistoryProjection;
import org.commissioning.contract.query.ContractSummaryProjection;
import org.commissioning.platform.readmodel.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models an operator can rebuild without downtime ({@code POST /actuator/rebuild}). */
@Configuration(proxyBeanMethods = false)
public class ReadModelsConfiguration {

    @Bean
    RebuildableReadModel contractSummariesReadModel(ContractSummaryProjection summaries) {
        return summaries.readModel();
    }

    @Bean
    RebuildableReadModel contractHistoryReadModel(ContractHistoryProjection history) {
        return history.readModel();
    }
}
