package org.commissioning.gateway.config;

import java.net.URI;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services that own each part of the API listen: {@code services.contract.url} and so on
 * (environment {@code SERVICES_CONTRACT_URL} etc.). Defaults are in application.yml.
 */
@ConfigurationProperties("services")
public record OwnerServices(Owner contract, Owner kpi, Owner rag, Owner deepdive) {

    public OwnerServices {
        Objects.requireNonNull(contract, "services.contract.url is not set");
        Objects.requireNonNull(kpi, "services.kpi.url is not set");
        Objects.requireNonNull(rag, "services.rag.url is not set");
        Objects.requireNonNull(deepdive, "services.deepdive.url is not set");
    }

    public record Owner(URI url) {

        public Owner {
            Objects.requireNonNull(url, "url");
        }
    }
}
