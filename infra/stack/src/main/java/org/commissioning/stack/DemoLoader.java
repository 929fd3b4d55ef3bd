package org.commissioning.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /**
     * What loading a contract's KPI data did.
     *
     * @param known            whether kpi-service knew the contract within the patience (nothing was loaded if not)
     * @param frameworkDefined 1 if the framework was defined now, 0 if it was there
     * @param submitted        returns accepted now
     * @param alreadyThere     returns answered 409
     */
    record KpiLoad(boolean known, int frameworkDefined, int submitted, int alreadyThere) {
    }

    /**
     * Waits for kpi-service to know the contract, defines its framework ({@code framework}, a request body) unless it
     * has one, and submits the returns; what fails is added to {@code failures}.
     */
    KpiLoad loadKpis(String gatewayUrl, String contractId, String framework, List<ObjectNode> returns,
                     List<String> failures) throws IOException, InterruptedException {
        String base = gatewayUrl + "/api/kpi/contracts/" + contractId;
        if (!client.awaitOk(base, System.nanoTime() + patience.toNanos())) {
            failures.add("kpi-service did not know contract " + contractId + " within " + patience);
            return new KpiLoad(false, 0, 0, 0);
        }
        int defined = 0;
        if (client.send("GET", base + "/framework", null).statusCode() == 404) {
            HttpResponse<String> put = client.send("PUT", base + "/framework", framework);
            switch (put.statusCode()) {
                case 201 -> defined = 1;
                case 200, 409 -> { }
                default -> failures.add("framework: " + put.statusCode() + " " + put.body());
            }
        }
        int submitted = 0;
        int alreadyThere = 0;
        for (ObjectNode request : returns) {
            HttpResponse<String> response = client.send("POST", base + "/returns", json.writeValueAsString(request));
            switch (response.statusCode()) {
                case 201 -> submitted++;
                case 409 -> alreadyThere++;
                default -> failures.add(request.get("period").asText() + ": " + response.statusCode() + " "
                        + response.body());
            }
        }
        return new KpiLoad(true, defined, submitted, alreadyThere);
    }
}
