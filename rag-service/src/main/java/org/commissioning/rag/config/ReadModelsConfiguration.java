package org.commissioning.rag.config;

import org.commissioning.platform.readmodel.RebuildableReadModel;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models an operator can rebuild without downtime ({@code POST /actuator/rebuild}). */
@Configuration(proxyBeanMethods = false)
public class ReadModelsConfiguration {

    @Bean
    RebuildableReadModel ratingHistoryReadModel(RatingHistoryProjection ratingHistory) {
        return ratingHistory.readModel();
    }
}
