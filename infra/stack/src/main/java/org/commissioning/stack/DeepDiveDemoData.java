package org.commissioning.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The deep-dive side of the demo: the 2018-19 programme of the 2018 monitoring report's Fig. 1 (source 000, 1.1.9;
 * {@code deepDive} and {@code deepDiveDue} in the demo data), loaded into deepdive-service through the gateway.
 * <ul>
 *   <li>Porchlight's deep dive ("Pending - May") is planned first, due {@value #PORCHLIGHT_DUE_TEXT} (the last day of
 *       May 2018), so that opening the programme leaves its date as the paper gives it;</li>
 *   <li>the programme of {@value #YEAR} is opened ({@code POST /api/deepdives/programmes/2018}): every contract
 *       deepdive-service knows whose term overlaps the year gets a deep dive due in its anniversary month;</li>
 *   <li>each contract Fig. 1 gives as Complete is recorded complete from that historic source
 *       ({@code historic-completion}), without grades: the papers give none, and none is invented. The paper gives no
 *       completion dates either; the report's 2018 ratings are recorded for 2018-04 ({@link RatingDemoData}), so the
 *       completions are recorded as of {@value #COMPLETED_ON_TEXT}, and the source reference says so;</li>
 *   <li>each Pending one is left as planned (open);</li>
 *   <li>a demo contract that is not in Fig. 1 (NELFT's Section 76 agreement) but joined the programme by its term is
 *       cancelled out of it, with that reason.</li>
 * </ul>
 * Idempotent: each step reads the deep dive first and does only what is not done, so a second start changes nothing.
 * deepdive-service learns contracts from {@code ContractRegistered} on Kafka, so each contract is awaited there first.
 */
public final class DeepDiveDemoData extends DemoLoader {

    static final int YEAR = 2018;
    static final String PORCHLIGHT_DUE_TEXT = "2018-05-31";
    static final String COMPLETED_ON_TEXT = "2018-04-30";
    static final String SOURCE = "KCC Early Help contract monitoring report, 2018 (000), Fig. 1: Complete; the report "
            + "gives no grade and no date (recorded as of " + COMPLETED_ON_TEXT + ")";
    static final String NOT_IN_FIG_1 = "Not in the 2018-19 deep-dive programme of the 2018 monitoring report (000, "
            + "Fig. 1), which covers the Early Help contracts";

    /** One demo contract's place in Fig. 1: COMPLETE, PENDING (with its due date where the paper gives a month) or none. */
    public record DemoDeepDive(String contractId, String name, String status, LocalDate due) {

        boolean complete() {
            return "COMPLETE".equals(status);
        }

        boolean inProgramme() {
            return status != null;
        }
    }

    /**
     * @param planned   deep dives planned now (the programme's and Porchlight's)
     * @param completed historic completions recorded now
     * @param cancelled deep dives of contracts not in Fig. 1 cancelled now
     * @param summary   the programme's line as deepdive-service counts it ({@link #summaryLine}), or why it is missing
     */
    public record Result(int planned, int completed, int cancelled, String summary, List<String> failures) {
    }

    public DeepDiveDemoData(ClientCredentials credentials) {
        super(SERVICE_PATIENCE, credentials);
    }

    public DeepDiveDemoData(Duration patience, ClientCredentials credentials) {
        super(patience, credentials);
    }

    /** Every demo contract with its place in Fig. 1 (NELFT's and the Procurement Act demo's: none). */
    public List<DemoDeepDive> deepDives() throws IOException {
        DemoData demo = new DemoData();
        List<DemoDeepDive> deepDives = new ArrayList<>();
        for (JsonNode c : demo.contracts()) {
            String district = c.path("lot").path("district").asText(null);
            String name = c.get("provider").asText() + " (" + (district == null ? c.get("serviceArea").asText() : district) + ")";
            String status = c.hasNonNull("deepDive") ? c.get("deepDive").asText() : null;
            deepDives.add(new DemoDeepDive(demo.contractId(c), name, status, due(c.path("deepDiveDue").asText(null))));
        }
        return deepDives;
    }

    /** A month the paper names ("May (000 Fig. 1: Pending - May)") as the last day of that month of the programme year. */
    static LocalDate due(String text) {
        if (text == null) {
            return null;
        }
        Month month = Month.valueOf(text.strip().split("\\s+")[0].toUpperCase(Locale.ROOT));
        int year = month.compareTo(Month.APRIL) >= 0 ? YEAR : YEAR + 1;
        return YearMonth.of(year, month).atEndOfMonth();
    }

    public Result load(String gatewayUrl) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> failures = new ArrayList<>();
        List<DemoDeepDive> deepDives = deepDives();
        List<DemoDeepDive> known = new ArrayList<>();
        for (DemoDeepDive d : deepDives) {
            if (client.awaitOk(gatewayUrl + "/api/deepdives/contracts/" + d.contractId(), deadline)) {
                known.add(d);
            } else if (d.inProgramme()) {
                failures.add(d.name() + ": deepdive-service did not know contract " + d.contractId() + " within "
                        + patience);
            }
        }
        int planned = 0;
        for (DemoDeepDive d : known) {
            if (d.due() != null && status(gatewayUrl, d) == null) {
                planned += expect(client.send("POST", deepDive(gatewayUrl, d), "{\"dueDate\":\"" + d.due() + "\"}"),
                        201, d.name() + ": planning due " + d.due(), failures);
            }
        }
        HttpResponse<String> opened = client.send("POST", gatewayUrl + "/api/deepdives/programmes/" + YEAR, null);
        if (opened.statusCode() == 201) {
            planned += json.readTree(opened.body()).path("planned").asInt();
        } else if (opened.statusCode() != 409) {
            failures.add("opening the programme of " + YEAR + ": " + opened.statusCode() + " " + opened.body());
        }
        int completed = 0;
        int cancelled = 0;
        for (DemoDeepDive d : known) {
            String status = status(gatewayUrl, d);
            if (d.inProgramme() && status == null) {
                planned += expect(client.send("POST", deepDive(gatewayUrl, d), null), 201, d.name() + ": planning",
                        failures);
                status = "PLANNED";
            }
            if (d.complete() && status != null && !status.equals("COMPLETE")) {
                ObjectNode body = json.createObjectNode().put("completedOn", COMPLETED_ON_TEXT).put("sourceReference", SOURCE);
                completed += expect(client.send("POST", deepDive(gatewayUrl, d) + "/historic-completion",
                        json.writeValueAsString(body)), 200, d.name() + ": historic completion", failures);
            } else if (!d.inProgramme() && status != null && !status.equals("CANCELLED")) {
                ObjectNode body = json.createObjectNode().put("reason", NOT_IN_FIG_1);
                cancelled += expect(client.send("POST", deepDive(gatewayUrl, d) + "/cancellation",
                        json.writeValueAsString(body)), 200, d.name() + ": cancellation", failures);
            }
        }
        return new Result(planned, completed, cancelled, summaryLine(gatewayUrl), failures);
    }

    /**
     * "deep dives 2018-19: 13 complete, 5 pending" as deepdive-service counts the programme ({@code pending}: neither
     * complete nor cancelled, as Fig. 1's Pending), with the overdue among them, by today's date, where there are any.
     */
    public String summaryLine(String gatewayUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send("GET", gatewayUrl + "/api/deepdives/programmes/" + YEAR, null);
        if (response.statusCode() != 200) {
            return "deep dives " + label() + ": the programme could not be read: " + response.statusCode();
        }
        JsonNode totals = json.readTree(response.body()).path("totals");
        int overdue = totals.path("overdue").asInt();
        return "deep dives " + label() + ": " + totals.path("complete").asInt() + " complete, "
                + totals.path("pending").asInt() + " pending"
                + (overdue == 0 ? "" : System.lineSeparator() + "   " + overdue
                + " of the pending are past their due date by today's date (OVERDUE)")
                + System.lineSeparator() + "   " + gatewayUrl + "/api/dashboard/deepdives?year=" + YEAR;
    }

    private static String label() {
        return YEAR + "-" + String.format("%02d", (YEAR + 1) % 100);
    }

    /** The deep dive's status, or null when the contract has none in the year. */
    private String status(String gatewayUrl, DemoDeepDive d) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send("GET", deepDive(gatewayUrl, d), null);
        return response.statusCode() == 200 ? json.readTree(response.body()).path("status").asText(null) : null;
    }

    private static String deepDive(String gatewayUrl, DemoDeepDive d) {
        return gatewayUrl + "/api/deepdives/contracts/" + d.contractId() + "/deep-dives/" + YEAR;
    }

    /** 1 if the response has the status wanted; else 0, and the failure is added. */
    private static int expect(HttpResponse<String> response, int wanted, String what, List<String> failures) {
        if (response.statusCode() == wanted) {
            return 1;
        }
        failures.add(what + ": " + response.statusCode() + " " + response.body());
        return 0;
    }
}
