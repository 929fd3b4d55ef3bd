package org.commissioning.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The 2018 Kent contracts (facts from the council's public papers; values they do not give stay empty),
 * registered through the gateway's public API like any client would. Each contract has a fixed id, so loading
 * again after a restart is answered with 409 and changes nothing.
 */
public final class DemoData {

    private static final Map<String, String> SERVICE_AREAS = Map.of(
            "Family Support", "FAMILY_SUPPORT",
            "Young Carers", "YOUNG_CARERS",
            "Children's Centres", "CHILDRENS_CENTRES",
            "Youth", "YOUTH",
            "NEETs", "NEETS",
            "Emotional Health and Wellbeing", "EMOTIONAL_HEALTH_AND_WELLBEING",
            "Local Grants", "LOCAL_GRANTS");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Result(int registered, int alreadyThere, List<String> failures) {
    }

    /** The registration requests, one per contract of the demo data. */
    public List<ObjectNode> registrations() throws IOException {
        JsonNode root;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/kent-2018.json")) {
            root = json.readTree(in);
        }
        List<ObjectNode> requests = new ArrayList<>();
        for (JsonNode c : root.get("contracts")) {
            ObjectNode request = json.createObjectNode();
            String serviceArea = SERVICE_AREAS.get(c.get("serviceArea").asText());
            ObjectNode lot = lot(c.get("lot"));
            request.put("contractId", UUID.nameUUIDFromBytes(("kent-2018|" + c.get("provider").asText() + "|"
                    + serviceArea + "|" + lot).getBytes(StandardCharsets.UTF_8)).toString());
            request.put("provider", c.get("provider").asText());
            request.put("serviceArea", serviceArea);
            request.set("lot", lot);
            copyIfPresent(c, "annualValueGbp", request);
            copyIfPresent(c, "start", request);
            copyIfPresent(c, "end", request);
            requests.add(request);
        }
        return requests;
    }

    public Result load(String gatewayUrl) throws IOException, InterruptedException {
        int registered = 0;
        int alreadyThere = 0;
        List<String> failures = new ArrayList<>();
        for (ObjectNode request : registrations()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/contracts"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Actor", "demo-loader")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            switch (response.statusCode()) {
                case 201 -> registered++;
                case 409 -> alreadyThere++;
                default -> failures.add(request.get("provider").asText() + ": " + response.statusCode() + " "
                        + response.body());
            }
        }
        return new Result(registered, alreadyThere, failures);
    }

    private ObjectNode lot(JsonNode lot) {
        ObjectNode out = json.createObjectNode();
        if (lot.isTextual() && "COUNTY".equals(lot.asText())) {
            out.put("scope", "COUNTY");
        } else if (lot.has("areas")) {
            out.put("scope", "AREA");
            out.set("names", lot.get("areas").deepCopy());
        } else if (lot.has("district")) {
            out.put("scope", "DISTRICT");
            ArrayNode names = out.putArray("names");
            names.add(lot.get("district").asText());
        } else {
            throw new IllegalArgumentException("Unknown lot in demo data: " + lot);
        }
        return out;
    }

    private static void copyIfPresent(JsonNode from, String field, ObjectNode to) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value);
        }
    }
}
