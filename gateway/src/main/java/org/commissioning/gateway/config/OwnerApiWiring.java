package org.commissioning.gateway.config;

import org.commissioning.gateway.application.OwnerApi;
import org.commissioning.gateway.integration.OwnerApiOverHttp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The owners' API for the pages, with the proxy's HTTP client settings ({@code spring.http.client.*}). */
@Configuration(proxyBeanMethods = false)
public class OwnerApiWiring {

    @Bean
    public OwnerApi ownerApi(RestClient.Builder http, OwnerServices services, ObjectMapper json) {
        return new OwnerApiOverHttp(http.build(), owner -> switch (owner) {
            case CONTRACT -> services.contract().url();
            case KPI -> services.kpi().url();
            case RAG -> services.rag().url();
            case DEEPDIVE -> services.deepdive().url();
        }, json);
    }
}
