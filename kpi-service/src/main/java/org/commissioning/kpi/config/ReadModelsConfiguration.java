package org.commissioning.kpi.config;

import java.util.List;

import org.commissioning.kpi.query.MonthlyReturnsProjection;
import org.commissioning.platform.readmodel.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models an operator can rebuild without downtime ({@code POST /actuator/rebuild}). */
@Configuration(proxyBeanMethods = false)
public class ReadModelsConfiguration {

    @Bean
    RebuildableReadModel monthlyReturnsReadModel(MonthlyReturnsProjection returns) {
        return readModel(returns.readModels(), MonthlyReturnsProjection.COLLECTION);
    }

    @Bean
    RebuildableReadModel overdueReturnsReadModel(MonthlyReturnsProjection returns) {
        return readModel(returns.readModels(), MonthlyReturnsProjection.OVERDUE);
    }

    private static RebuildableReadModel readModel(List<RebuildableReadModel> all, String name) {
        return all.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
