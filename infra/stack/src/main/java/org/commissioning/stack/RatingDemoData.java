package org.commissioning.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ratings side of the demo.
 * <p>
 * The 2018 ratings: each demo contract's overall RAG as the 2018 monitoring report gives it (source 000, {@code rag}
 * in the demo data; NELFT has none) is recorded in rag-service through the gateway as an officer's judgement
 * ({@code POST /api/ratings/contracts/{id}/periods/2018-04/override}, X-Actor {@code demo-loader}), the rationale
 * citing the paper and its note where there is one. The paper gives no month; the report dates from spring 2018, so
 * every rating is recorded for period {@value #PERIOD_TEXT}. rag-service learns contracts from
 * {@code ContractRegistered} on Kafka, so each contract is awaited there first. Idempotent: a contract whose rating
 * history already has period {@value #PERIOD_TEXT} is left as it is, so loading again after a restart records
 * nothing twice.
 * <p>
 * NELFT's monthly returns (loaded by {@link KpiDemoData}) are rated by rag-service itself; {@link #monthByMonth}
 * reads them back as one line for the launcher's summary.
 */
public final class RatingDemoData extends DemoLoader {

    static final String PERIOD_TEXT = "2018-04";
    static final String REPORT = "the 2018 Early Help contract monitoring report";

    public RatingDemoData() {
        this(SERVICE_PATIENCE, ClientCredentials.NONE);
    }

    /** Loads as {@code credentials}' user. */
    public RatingDemoData(ClientCredentials credentials) {
        this(SERVICE_PATIENCE, credentials);
    }

    /** @param patience how long, in all, to wait for rag-service to know the demo contracts */
    public RatingDemoData(Duration patience, ClientCredentials credentials) {
        super(patience, credentials);
    }

    /** One 2018 rating of the demo data, as it is sent. */
    public record DemoRating(String contractId, String name, String rating, String rationale) {
    }

    /**
     * @param recorded     ratings recorded now
     * @param alreadyThere contracts whose history already had the period
     */
    public record Result(int recorded, int alreadyThere, List<String> failures) {
    }

    /** The 2018 rating of every demo contract that has one, with the rationale sent for it. */
    public List<DemoRating> ratings() throws IOException {
        DemoData demo = new DemoData();
        List<DemoRating> ratings = new ArrayList<>();
        for (JsonNode c : demo.contracts()) {
            if (!c.hasNonNull("rag")) {
                continue;
            }
            String rag = c.get("rag").asText();
            String district = c.path("lot").path("district").asText(null);
            String name = c.get("provider").asText() + " (" + (district == null ? c.get("serviceArea").asText() : district) + ")";
            String note = c.hasNonNull("note") ? c.get("note").asText() : null;
            String rationale = "Rated " + rag + " in " + REPORT + " (source " + reportSection(c.path("source").asText())
                    + ")" + (note == null ? "" : ": " + note);
            ratings.add(new DemoRating(demo.contractId(c), name, rag, rationale));
        }
        return ratings;
    }

    /** The part of a contract's {@code source} that cites the 2018 report (000), e.g. "000 1.2.3" of "000 1.2.3, 003". */
    static String reportSection(String source) {
        String cited = Arrays.stream(source.split(","))
                .map(String::strip)
                .filter(s -> s.startsWith("000"))
                .collect(Collectors.joining(", "));
        return cited.isEmpty() ? "000" : cited;
    }

    public Result load(String gatewayUrl) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int recorded = 0;
        int alreadyThere = 0;
        List<String> failures = new ArrayList<>();
        for (DemoRating rating : ratings()) {
            String base = gatewayUrl + "/api/ratings/contracts/" + rating.contractId();
            if (!client.awaitOk(base, deadline)) {
                failures.add(rating.name() + ": rag-service did not know contract " + rating.contractId()
                        + " within " + patience + "; 2018 rating not recorded");
                continue;
            }
            HttpResponse<String> history = client.send("GET", base + "/ratings", null);
            if (history.statusCode() != 200) {
                failures.add(rating.name() + ": its rating history could not be read: " + history.statusCode() + " "
                        + history.body());
                continue;
            }
            if (hasPeriod(json.readTree(history.body()), PERIOD_TEXT)) {
                alreadyThere++;
                continue;
            }
            ObjectNode body = json.createObjectNode();
            body.put("rating", rating.rating());
            body.put("rationale", rating.rationale());
            HttpResponse<String> response = client.send("POST", base + "/periods/" + PERIOD_TEXT + "/override",
                    json.writeValueAsString(body));
            if (response.statusCode() == 200 || response.statusCode() == 201) {
                recorded++;
            } else {
                failures.add(rating.name() + ": rating " + rating.rating() + " " + response.statusCode() + " "
                        + response.body());
            }
        }
        return new Result(recorded, alreadyThere, failures);
    }

    /**
     * One line: NELFT's rating for each month of its demo returns, as rag-service rated them (R, A, G, S for
     * STRETCH, N for NOT_RATED; * where an officer set it), waiting up to {@code wait} for rag-service to rate every
     * headline KPI of them all (they are rated from Kafka, a moment after they are accepted).
     */
    public String monthByMonth(String gatewayUrl, Duration wait) throws IOException, InterruptedException {
        String id = new KpiDemoData().nelftContractId();
        List<String> months = demoMonths();
        String url = gatewayUrl + "/api/ratings/contracts/" + id + "/ratings";
        long deadline = System.nanoTime() + wait.toNanos();
        JsonNode history = null;
        while (true) {
            try {
                HttpResponse<String> response = client.send("GET", url, null);
                if (response.statusCode() == 200) {
                    history = json.readTree(response.body());
                    JsonNode rated = history;
                    if (months.stream().allMatch(m -> fullyRated(period(rated, m)))) {
                        break;
                    }
                }
            } catch (IOException e) {
                // asked again below
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(250);
        }
        StringBuilder line = new StringBuilder("NELFT rated month by month from its returns (004), ")
                .append(months.get(0)).append("..").append(months.get(months.size() - 1)).append(":");
        int rated = 0;
        for (String month : months) {
            JsonNode period = history == null ? null : period(history, month);
            if (period == null) {
                line.append(" ?");
                continue;
            }
            rated++;
            line.append(' ').append(period.path("rating").asText("?").charAt(0));
            if ("OFFICER".equals(period.path("basis").asText())) {
                line.append('*');
            }
        }
        if (rated < months.size()) {
            line.append(" (").append(rated).append(" of ").append(months.size()).append(" rated so far)");
        } else if (history.hasNonNull("current")) {
            line.append(", now ").append(history.get("current").asText());
        }
        return line.toString();
    }

    /** The months of NELFT's demo returns (kpiTable). */
    List<String> demoMonths() throws IOException {
        List<String> months = new ArrayList<>();
        demo("kpiTable").get("months").forEach(m -> months.add(m.asText()));
        return months;
    }

    /** Rated with every headline KPI's value: a month's values are rated one by one, NOT_RATED until the last. */
    private static boolean fullyRated(JsonNode period) {
        return period != null && period.path("missingHeadlines").isEmpty();
    }

    private static boolean hasPeriod(JsonNode history, String period) {
        return period(history, period) != null;
    }

    private static JsonNode period(JsonNode history, String period) {
        for (JsonNode p : history.path("periods")) {
            if (period.equals(p.path("period").asText())) {
                return p;
            }
        }
        return null;
    }
}
