package org.commissioning.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;

import org.commissioning.embedded.KafkaBroker;
import org.commissioning.gateway.application.EvidencePartOwner;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;

/** An owner that cannot be reached, asked for its part: the gateway's own "service unavailable" problem. */
class EvidenceOwnersOverHttpTest {

    @Test
    void answersAnOwnerThatIsDownWithServiceUnavailableNamingIt() {
        EvidencePartOwner down = new EvidencePartOwner("kpi", "kpi-service",
                URI.create("http://127.0.0.1:" + KafkaBroker.freePort()), "/api/kpi/contracts/{contractId}/evidence");
        EvidenceOwnersOverHttp owners = new EvidenceOwnersOverHttp(RestClient.create(), true);

        assertThatThrownBy(() -> owners.part(down, "c-1", Instant.parse("2018-05-16T10:00:00Z")))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getBody().getType().toString()).endsWith("/service-unavailable");
                    assertThat(e.getBody().getProperties()).containsEntry("service", "kpi-service");
                });
    }
}
