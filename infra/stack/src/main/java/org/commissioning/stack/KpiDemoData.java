package org.commissioning.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The KPI side of the demo: the NELFT contract's framework from the EMOTIONAL_HEALTH_AND_WELLBEING template (the
 * three KPIs of source 004 with their bands corrected), effective 2018-04, and its monthly values Apr-2018 to
 * Feb-2019 from {@code /demo/kent-2018.json} ({@code kpiTable}), through the gateway like any client (X-Actor
 * {@code demo-loader}). Idempotent: an existing framework is left as it is, and a 409 for a return counts as already
 * there. Not wired into {@link LocalStack} yet; call it after {@link DemoData#load(String)}.
 */
public final class KpiDemoData extends DemoLoader {

    /** The template's codes, in the order of {@code kpiTable.kpis} (004, Figure 2). */
    static final List<String> KPI_CODES = List.of("CALLS-TRIAGED-24H", "LAC-ASSESSED-2W", "CRISIS-TREATED-4H");

    public KpiDemoData() {
        this(SERVICE_PATIENCE, ClientCredentials.NONE);
    }

    /** Loads as {@code credentials}' user. */
    public KpiDemoData(ClientCredentials credentials) {
        this(SERVICE_PATIENCE, credentials);
    }

    /** @param patience how long to wait for kpi-service to know the contract (from {@code ContractRegistered}) */
    public KpiDemoData(Duration patience, ClientCredentials credentials) {
        super(patience, credentials);
    }

    /**
     * @param frameworkDefined 1 if the framework was defined now, 0 if it was there
     * @param returnsSubmitted returns accepted now
     * @param alreadyThere     returns answered 409
     */
    public record Result(int frameworkDefined, int returnsSubmitted, int alreadyThere, List<String> failures) {
    }

    public Result load(String gatewayUrl) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        KpiLoad loaded = loadKpis(gatewayUrl, nelftContractId(), "{\"effectiveFrom\":\"2018-04\",\"fromTemplate\":true}",
                returns(), failures);
        return new Result(loaded.frameworkDefined(), loaded.submitted(), loaded.alreadyThere(), failures);
    }

    /** The NELFT contract's id, as {@link DemoData} registers it. */
    public String nelftContractId() throws IOException {
        return new DemoData().registrations().stream()
                .filter(r -> "NELFT".equals(r.get("provider").asText()))
                .map(r -> r.get("contractId").asText())
                .findFirst().orElseThrow(() -> new IllegalStateException("No NELFT contract in the demo data"));
    }

    /** One return request per month of {@code kpiTable}, a value per KPI (a month without a value is left out). */
    public List<ObjectNode> returns() throws IOException {
        return returns(demo("kpiTable"));
    }

    List<ObjectNode> returns(JsonNode table) {
        List<ObjectNode> requests = new ArrayList<>();
        JsonNode months = table.get("months");
        JsonNode kpis = table.get("kpis");
        if (kpis.size() != KPI_CODES.size()) {
            throw new IllegalStateException("kpiTable has " + kpis.size() + " KPIs; the template has " + KPI_CODES);
        }
        for (int m = 0; m < months.size(); m++) {
            ObjectNode request = json.createObjectNode();
            request.put("period", months.get(m).asText());
            request.put("narrative", "Figures as reported to the CYPE Cabinet Committee (004, Figure 2)");
            ArrayNode values = request.putArray("values");
            for (int k = 0; k < kpis.size(); k++) {
                JsonNode value = kpis.get(k).get("values").get(m);
                if (value != null && !value.isNull()) {
                    values.addObject().put("kpiCode", KPI_CODES.get(k)).set("value", value);
                }
            }
            if (!values.isEmpty()) {
                requests.add(request);
            }
        }
        return requests;
    }
}
