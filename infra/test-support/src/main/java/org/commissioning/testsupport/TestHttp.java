package org.commissioning.testsupport;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** HTTP to the application under test. */
public final class TestHttp {

    private TestHttp() {
    }

    /** A client of {@code http://localhost:port} that returns every response, errors included, for the test to inspect. */
    public static RestClient client(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
