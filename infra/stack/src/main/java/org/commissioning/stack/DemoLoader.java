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
    /** The illustrative contract under the Procurement Act 2023 (not from the papers; see its {@code about}). */
    static final String ACT_RESOURCE = "/demo/pa2023-notices.json";
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
        return demo(RESOURCE, section);
    }

    /** One section of a demo resource. */
    JsonNode demo(String resource, String section) throws IOException {
        try (InputStream in = DemoLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the classpath");
            }
            return json.readTree(in).get(section);
        }
    }
}
