package org.commissioning.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The 2018 Kent contracts (facts from the council's public papers; values they do not give stay empty), and one
 * illustrative contract under the Procurement Act 2023 ({@value #ACT_RESOURCE}, see {@link NoticeDemoData}),
 * registered through the gateway's public API like any client would. Each contract has a fixed id, so loading
 * again after a restart is answered with 409 and changes nothing.
 * <p>
 * Then the escalations the 2018 report tells (000, Fig. 2; {@code escalation} in the demo data): Sk8side (Ashford)
 * and West Kent YMCA (Tonbridge and Malling; Tunbridge Wells) had a formal contract warning, were terminated by the
 * provider and are recommissioned by a mini procurement (no successor yet: the exercise "has been instigated");
 * Play Place (Dartford) is on an action plan; Pie Factory (Dover) and Optivo (Swale) are on improvement plans.
 * The papers give no dates, so each step is dated as the API accepts it, "today" by the contract service's clock
 * (a warning's response deadline and a plan's action due date a few weeks or months from today, a termination
 * effective today), and the reasons quote the paper's wording. Each contract's history is read first and only the
 * steps not yet taken are taken, so loading again after a restart repeats nothing.
 */
public final class DemoData extends DemoLoader {

    private static final Map<String, String> SERVICE_AREAS = Map.of(
            "Family Support", "FAMILY_SUPPORT",
            "Young Carers", "YOUNG_CARERS",
            "Children's Centres", "CHILDRENS_CENTRES",
            "Youth", "YOUTH",
            "NEETs", "NEETS",
            "Emotional Health and Wellbeing", "EMOTIONAL_HEALTH_AND_WELLBEING",
            "Local Grants", "LOCAL_GRANTS");

    /** @param escalationSteps the escalation steps of the demo contracts taken by this load (0 when all were taken) */
    public record Result(int registered, int alreadyThere, List<String> failures, int escalationSteps) {
    }

    static final String SOURCE = " (KCC Early Help contract monitoring report, 2018, Fig. 2)";

    /** Waits up to 20 s for the history of a contract registered a moment ago to be readable. */
    public DemoData() {
        this(Duration.ofSeconds(20), ClientCredentials.NONE);
    }

    /** Loads as {@code credentials}' user. */
    public DemoData(ClientCredentials credentials) {
        this(Duration.ofSeconds(20), credentials);
    }

    /** @param patience how long to wait for the history of a contract registered a moment ago to be readable */
    public DemoData(Duration patience, ClientCredentials credentials) {
        super(patience, credentials);
    }

    /** The registration requests, one per contract of the demo data. */
    public List<ObjectNode> registrations() throws IOException {
        List<ObjectNode> requests = new ArrayList<>();
        for (JsonNode c : contracts()) {
            ObjectNode request = json.createObjectNode();
            String serviceArea = SERVICE_AREAS.get(c.get("serviceArea").asText());
            ObjectNode lot = lot(c.get("lot"));
            request.put("contractId", contractId(c));
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
            HttpResponse<String> response = client.send("POST", gatewayUrl + "/api/contracts",
                    json.writeValueAsString(request));
            switch (response.statusCode()) {
                case 201 -> registered++;
                case 409 -> alreadyThere++;
                default -> failures.add(request.get("provider").asText() + ": " + response.statusCode() + " "
                        + response.body());
            }
        }
        int steps = 0;
        for (JsonNode c : contracts()) {
            if (c.hasNonNull("escalation") && !c.get("escalation").isEmpty()) {
                steps += escalate(gatewayUrl, c, failures);
            }
        }
        return new Result(registered, alreadyThere, failures, steps);
    }

    /** The contracts of the 2018 demo data as the resource gives them, then the one under the Procurement Act 2023. */
    JsonNode contracts() throws IOException {
        ArrayNode contracts = ((ArrayNode) demo("contracts")).deepCopy();
        contracts.add(demo(ACT_RESOURCE, "contract"));
        return contracts;
    }

    /** The fixed id under which the contract of the demo data is registered. */
    String contractId(JsonNode c) {
        String serviceArea = SERVICE_AREAS.get(c.get("serviceArea").asText());
        return UUID.nameUUIDFromBytes(("kent-2018|" + c.get("provider").asText() + "|" + serviceArea + "|"
                + lot(c.get("lot"))).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Takes the steps of the contract's escalation that its history does not show yet; returns how many it took. */
    private int escalate(String gatewayUrl, JsonNode c, List<String> failures) throws IOException, InterruptedException {
        String id = contractId(c);
        String provider = c.get("provider").asText();
        String district = c.path("lot").path("district").asText("Kent");
        String name = provider + " (" + district + ")";
        Set<String> done = historyTypes(gatewayUrl, id);
        if (done == null) {
            failures.add(name + ": its history could not be read; escalation not loaded");
            return 0;
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        int steps = 0;
        for (JsonNode step : c.get("escalation")) {
            String path;
            ObjectNode body = json.createObjectNode();
            switch (step.asText()) {
                case "CONTRACT_WARNING" -> {
                    if (done.contains("ContractWarningIssued")) {
                        continue;
                    }
                    path = "/warnings";
                    body.putArray("reasons").add("Despite ongoing support from Commissioning Officers and EHPS staff "
                            + "the provider has not been able to reach the required standard" + SOURCE);
                    body.put("responseDeadline", today.plusDays(28).toString());
                }
                case "TERMINATED_BY_PROVIDER" -> {
                    if (done.contains("ContractTerminated")) {
                        continue;
                    }
                    path = "/termination";
                    body.put("initiatedBy", "PROVIDER");
                    body.put("effectiveDate", today.toString());
                    body.put("reason", "Following a formal contract warning, the provider has taken the decision to "
                            + "terminate their contract with KCC" + SOURCE);
                }
                case "MINI_PROCUREMENT" -> {
                    if (done.contains("ContractRecommissioned")) {
                        continue;
                    }
                    path = "/recommissioning";
                    body.put("route", "MINI_PROCUREMENT");
                    body.put("reason", "A 'mini procurement' exercise open only to the current providers has been "
                            + "instigated to ensure continued provision in " + district + SOURCE);
                }
                case "ACTION_PLAN", "IMPROVEMENT_PLAN" -> {
                    if (done.contains("PlanStarted")) {
                        continue;
                    }
                    path = "/plans";
                    body.put("kind", step.asText());
                    body.put("reason", planReason(provider, c));
                    ObjectNode action = body.putArray("actions").addObject();
                    action.put("description", "Deliver the improvements the plan sets out and report progress at "
                            + "each monitoring meeting");
                    action.put("owner", provider);
                    action.put("dueDate", today.plusMonths(3).toString());
                }
                default -> {
                    failures.add(name + ": unknown escalation step " + step.asText());
                    continue;
                }
            }
            HttpResponse<String> response = client.send("POST", gatewayUrl + "/api/contracts/" + id + path,
                    json.writeValueAsString(body));
            if (response.statusCode() != 200) {
                failures.add(name + ": " + step.asText() + " " + response.statusCode() + " " + response.body());
                return steps;
            }
            steps++;
        }
        return steps;
    }

    private static String planReason(String provider, JsonNode c) {
        String district = c.path("lot").path("district").asText();
        return switch (provider + "|" + district) {
            case "Play Place|Dartford" -> "Play Place remain on an action plan; progress and the ongoing trajectory "
                    + "towards amber are good" + SOURCE;
            case "Pie Factory|Dover" -> "Following the instigation of an improvement plan, Pie Factory have worked hard "
                    + "to improve performance and provision across the district" + SOURCE;
            case "Optivo|Swale" -> "Data collection and inputting has impacted on their ability to evidence reach; an "
                    + "improvement plan is being implemented to address these issues" + SOURCE;
            default -> "Plan recorded in the 2018 monitoring report" + SOURCE;
        };
    }

    /**
     * The types of the contract's history, waiting briefly for a contract registered a moment ago to be readable;
     * null if it cannot be read.
     */
    private Set<String> historyTypes(String gatewayUrl, String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> response = client.send("GET", gatewayUrl + "/api/contracts/" + id + "/history", null);
            if (response.statusCode() == 200) {
                JsonNode history = json.readTree(response.body());
                if (!history.isEmpty()) {
                    Set<String> types = new HashSet<>();
                    history.forEach(e -> types.add(e.get("type").asText()));
                    return types;
                }
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(250);
        }
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
