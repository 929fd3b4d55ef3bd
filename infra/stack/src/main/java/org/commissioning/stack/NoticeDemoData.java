package org.commissioning.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Procurement Act 2023 side of the demo ({@value #ACT_RESOURCE}, illustrative, not from the papers): the
 * contract {@link DemoData} registers from it gets the EMOTIONAL_HEALTH_AND_WELLBEING template's framework (three
 * KPIs) from 2025-04 and twelve monthly returns, 2025-04 to 2026-03; once rag-service has rated them, the contract
 * performance notice of the assessment year from 2025-04 is drafted from its ratings, for an officer to confirm.
 * Idempotent: an existing framework is left as it is, a 409 for a return counts as already there, and a notice
 * already drafted (or confirmed) is not drafted again.
 */
public final class NoticeDemoData extends DemoLoader {

    /**
     * @param returnsSubmitted returns accepted now
     * @param alreadyThere     returns answered 409
     * @param drafted          whether the notice was drafted now (false: it was there, or it failed)
     */
    public record Result(int returnsSubmitted, int alreadyThere, boolean drafted, List<String> failures) {
    }

    public NoticeDemoData(ClientCredentials credentials) {
        this(SERVICE_PATIENCE, credentials);
    }

    public NoticeDemoData(Duration patience, ClientCredentials credentials) {
        super(patience, credentials);
    }

    /** The contract's id, as {@link DemoData} registers it. */
    public String contractId() throws IOException {
        return new DemoData().contractId(demo(ACT_RESOURCE, "contract"));
    }

    /** The assessment year whose notice the demo drafts, by its first month. */
    public String noticeYear() throws IOException {
        return demo(ACT_RESOURCE, "notice").get("yearFrom").asText();
    }

    public Result load(String gatewayUrl) throws IOException, InterruptedException {
        String id = contractId();
        List<String> failures = new ArrayList<>();
        List<ObjectNode> returns = returns();
        KpiLoad loaded = loadKpis(gatewayUrl, id, json.writeValueAsString(demo(ACT_RESOURCE, "framework")), returns,
                failures);
        boolean drafted = loaded.known() && draft(gatewayUrl, id, returns.size(), failures);
        return new Result(loaded.submitted(), loaded.alreadyThere(), drafted, failures);
    }

    /** Drafts the notice once rag-service has rated every month, unless one is drafted already. */
    private boolean draft(String gatewayUrl, String id, int months, List<String> failures)
            throws IOException, InterruptedException {
        String notices = gatewayUrl + "/api/ratings/contracts/" + id + "/performance-notices";
        String year = noticeYear();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> schedule = client.send("GET", notices, null);
            HttpResponse<String> ratings = client.send("GET", gatewayUrl + "/api/ratings/contracts/" + id + "/ratings",
                    null);
            if (schedule.statusCode() == 200 && ratings.statusCode() == 200
                    && json.readTree(ratings.body()).path("periods").size() >= months) {
                for (JsonNode y : json.readTree(schedule.body()).path("years")) {
                    if (y.path("yearFrom").asText().equals(year) && !y.path("status").asText().equals("NONE")) {
                        return false;
                    }
                }
                HttpResponse<String> drafted = client.send("POST", notices + "/" + year + "/draft", null);
                if (drafted.statusCode() != 200) {
                    failures.add("notice " + year + ": " + drafted.statusCode() + " " + drafted.body());
                    return false;
                }
                return true;
            }
            if (System.nanoTime() > deadline) {
                failures.add("rag-service had not rated the " + months + " months of contract " + id + " within "
                        + patience + "; its notice was not drafted");
                return false;
            }
            Thread.sleep(250);
        }
    }

    /** One return request per month, a value per KPI. */
    List<ObjectNode> returns() throws IOException {
        JsonNode table = demo(ACT_RESOURCE, "returns");
        List<ObjectNode> requests = new ArrayList<>();
        JsonNode months = table.get("months");
        for (int m = 0; m < months.size(); m++) {
            ObjectNode request = json.createObjectNode();
            request.put("period", months.get(m).asText());
            request.put("narrative", "Illustrative return of the Procurement Act 2023 demo contract");
            ArrayNode values = request.putArray("values");
            for (JsonNode kpi : table.get("kpis")) {
                values.addObject().put("kpiCode", kpi.get("code").asText()).set("value", kpi.get("values").get(m));
            }
            requests.add(request);
        }
        return requests;
    }
}
