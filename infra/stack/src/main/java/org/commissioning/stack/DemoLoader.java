package org.commissioning.stack;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What each part of the demo loads with: the demo data ({@value #RESOURCE}), and the gateway as the demo's user
 * ({@value GatewayClient#DEMO_USER}, an officer, with its access token), with the patience a service needs before it can take the data of a contract
 * it learns from Kafka a moment after its registration.
 */
abstract class DemoLoader {

    static final String RESOURCE = "/demo/kent-2018.json";
    /** How long, by default, a service may take to learn the demo contracts. */
    static final Duration SERVICE_PATIENCE = Duration.ofSeconds(60);

    final ObjectMapper json = new ObjectMapper();
    final GatewayClient client;
    final Duration patience;

    DemoLoader(Duration patience, ClientCredentials credentials) {
        this.patience = patience;
        this.client = new GatewayClient(credentials);
    }

    /** One section of the demo data ({@code contracts}, {@code kpiTable}), as the resource gives it. */
    JsonNode demo(String section) throws IOException {
        try (InputStream in = DemoLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the classpath");
            }
            return json.readTree(in).get(section);
        }
    }
}
