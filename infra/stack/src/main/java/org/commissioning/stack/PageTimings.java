package org.commissioning.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web pages' times with {@code contracts} contracts on the dashboard (registered through the gateway up to that
 * number): an officer signs in once through the issuer's login form, then each page is asked for {@code samples}
 * times, one request after another, after {@value #WARM_UP} untimed ones; a sample is the time from sending the
 * request until the whole page has arrived, over loopback, as the rest of the benchmark times the gateway. The
 * overview is whatever {@code /} is; the contract page, {@code /contracts/{id}} over the loaded contracts at random,
 * is reported as not present when this build answers it with 404.
 */
final class PageTimings {

    static final int WARM_UP = 10;
    static final String OFFICER = "officer.jones";
    static final String[] DISTRICTS = {"Dartford", "Gravesham", "Sevenoaks", "Canterbury", "Swale", "Thanet",
            "Ashford", "Dover", "Folkestone and Hythe", "Maidstone", "Tonbridge and Malling", "Tunbridge Wells"};
    static final String[] SERVICE_AREAS = {"YOUTH", "FAMILY_SUPPORT", "YOUNG_CARERS"};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("<title>([^<–]*)");

    /** A page's timings, or why it has none ({@code absent}); {@code title} is what the page calls itself. */
    /** @param failures the requests that did not get the whole page (counted in the latencies at the time they failed) */
    record Page(String name, String path, String title, Latencies latencies, String absent, List<String> failures) {

        Page(String name, String path, String title, Latencies latencies, String absent) {
            this(name, path, title, latencies, absent, List.of());
        }
    }

    /** The timings and the contracts they were measured with. */
    record Result(int contracts, int samples, List<Page> pages) {
    }

    private PageTimings() {
    }

    static Result measure(LocalStack stack, GatewayClient client, int contracts, int samples)
            throws IOException, InterruptedException {
        String gateway = stack.gatewayUrl();
        List<String> ids = dashboardIds(client, gateway);
        for (int i = ids.size(); i < contracts; i++) {
            ids.add(register(client, gateway, i));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (dashboardIds(client, gateway).size() < contracts) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Fewer than " + contracts + " contracts on the dashboard after 2 min");
            }
            Thread.sleep(200);
        }
        PageSession officer = new PageSession(gateway).signIn(OFFICER, stack.secret(OFFICER));
        Random random = new Random(42);
        List<Page> pages = new ArrayList<>();
        pages.add(time(officer, "overview", "/", i -> "/", samples));
        String contractPage = "/contracts/" + ids.get(0);
        HttpResponse<String> probe = officer.get(contractPage);
        if (probe.statusCode() == 404) {
            pages.add(new Page("contract", "/contracts/{id}", null, null, "not present (404 in this build)"));
        } else {
            pages.add(time(officer, "contract", "/contracts/{id}",
                    i -> "/contracts/" + ids.get(random.nextInt(ids.size())), samples));
        }
        return new Result(ids.size(), samples, pages);
    }

    private static Page time(PageSession session, String name, String path, IntFunction<String> paths, int samples)
            throws IOException, InterruptedException {
        String title = null;
        for (int i = 0; i < WARM_UP; i++) {
            title = titleOf(ok(session.get(paths.apply(i))));
        }
        List<Long> millis = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String next = paths.apply(i);
            long start = System.nanoTime();
            try {
                HttpResponse<String> page = session.get(next);
                millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                ok(page);
            } catch (IOException | IllegalStateException failed) {
                millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                failures.add(java.time.Instant.now() + " " + next + ": " + failed);
            }
        }
        return new Page(name, path, title, Latencies.of(millis), null, List.copyOf(failures));
    }

    private static HttpResponse<String> ok(HttpResponse<String> page) {
        if (page.statusCode() != 200) {
            throw new IllegalStateException("Page " + page.uri() + " answered " + page.statusCode());
        }
        return page;
    }

    private static String titleOf(HttpResponse<String> page) {
        Matcher title = TITLE.matcher(page.body());
        return title.find() ? title.group(1).trim() : "";
    }

    static List<String> dashboardIds(GatewayClient client, String gateway)
            throws IOException, InterruptedException {
        HttpResponse<String> rows = client.send("GET", gateway + "/api/dashboard/contracts", null);
        if (rows.statusCode() != 200) {
            throw new IllegalStateException("Dashboard: " + rows.statusCode() + " " + rows.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode row : JSON.readTree(rows.body())) {
            ids.add(row.get("id").asText());
        }
        return ids;
    }

    private static String register(GatewayClient client, String gateway, int i)
            throws IOException, InterruptedException {
        String body = """
                {"provider":"Page Benchmark Provider %d","serviceArea":"%s","lot":{"scope":"DISTRICT","names":["%s"]},\
                "annualValueGbp":%d,"start":"2018-04-01","end":"2021-03-31"}"""
                .formatted(i % 50, SERVICE_AREAS[i % SERVICE_AREAS.length], DISTRICTS[i % DISTRICTS.length],
                        50_000 + 1_000 * (i % 100));
        HttpResponse<String> created = client.send("POST", gateway + "/api/contracts", body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Registration failed: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("contractId").asText();
    }

    /** The report's paragraph saying how the pages were timed. */
    static String section(Result result) {
        return ("Web pages (issue 14): %d contracts on the dashboard (the demo's and contracts registered through the "
                + "gateway up to that number, one district each, no returns); an officer signed in once through the "
                + "issuer's login form, then each page was asked for %d times, one request after another, after %d "
                + "untimed; a sample is from sending the request until the whole page has arrived, over loopback, the "
                + "contract page for a loaded contract at random. Server times, no browser: no script, style or "
                + "image is fetched.%n%n").formatted(result.contracts(), result.samples(), WARM_UP);
    }

    /** The report's rows: p50, p95 and p99 of each page, or why it has none. */
    static String rows(Result result) {
        StringBuilder md = new StringBuilder();
        for (Page page : result.pages()) {
            String label = page.name() + " page `" + page.path() + "`";
            if (page.absent() != null) {
                md.append("| ").append(label).append(" | ").append(page.absent()).append(" | |\n");
                continue;
            }
            md.append("| ").append(label).append(" (\"").append(page.title()).append("\", officer, ")
                    .append(result.contracts()).append(" contracts), p50 (n=").append(page.latencies().count())
                    .append(") | ").append(page.latencies().percentile(50)).append(" ms | |\n");
            for (int p : new int[] {95, 99}) {
                md.append("| ").append(label).append(", p").append(p).append(" | ")
                        .append(page.latencies().percentile(p)).append(" ms | |\n");
            }
            md.append("| ").append(label).append(", requests without the whole page (timed until they failed) | ")
                    .append(page.failures().size()).append(" of ").append(page.latencies().count())
                    .append(page.failures().isEmpty() ? "" : ": " + page.failures().get(0)
                            .replace('|', '/')).append(" | 0 |\n");
        }
        return md.toString();
    }
}
