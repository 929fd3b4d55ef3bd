package org.commissioning.gateway.config;

import java.util.List;

import org.commissioning.gateway.application.EvidenceOwners;
import org.commissioning.gateway.application.EvidencePackParts;
import org.commissioning.gateway.application.EvidencePartOwner;
import org.commissioning.gateway.integration.EvidenceOwnersOverHttp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The parts of a contract's evidence pack, in the pack's order, and how the gateway asks their owners for them. */
@Configuration(proxyBeanMethods = false)
public class EvidencePackWiring {

    /** One line per context that serves a part ({@code <prefix>/contracts/{id}/evidence}, the platform's evidence). */
    @Bean
    public EvidencePackParts evidencePackParts(OwnerServices services) {
        return new EvidencePackParts(List.of(
                new EvidencePartOwner("contract", "contract-service", services.contract().url(),
                        "/api/contracts/{contractId}/evidence"),
                new EvidencePartOwner("kpi", "kpi-service", services.kpi().url(),
                        "/api/kpi/contracts/{contractId}/evidence"),
                new EvidencePartOwner("ratings", "rag-service", services.rag().url(),
                        "/api/ratings/contracts/{contractId}/evidence"),
                new EvidencePartOwner("deepdives", "deepdive-service", services.deepdive().url(),
                        "/api/deepdives/contracts/{contractId}/evidence")));
    }

    /** With the HTTP client settings of the proxy ({@code spring.http.client.*}: connect and read timeouts). */
    @Bean
    public EvidenceOwners evidenceOwners(RestClient.Builder http,
                                         @Value("${platform.security.enabled:false}") boolean securityOn) {
        return new EvidenceOwnersOverHttp(http.build(), securityOn);
    }
}
