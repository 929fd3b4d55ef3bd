package org.commissioning.stack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fault suite's load: contracts registered through the gateway with kpi-service's three-KPI framework
 * (EMOTIONAL_HEALTH_AND_WELLBEING's template, effective from the first month of their term), then, from a few client
 * threads, each contract's monthly returns month by month (three KPI values each), with an officer's override of a
 * month's rating, a formal warning, and an improvement plan started and closed mixed in.
 * <p>
 * A return is retried whatever the failure (the same return for the same contract and month: a 409 on a retry means
 * an earlier attempt was stored, which a read of the return confirms). The other writes are not idempotent: they are
 * retried only when the gateway could not be reached at all; any other failure leaves their outcome unknown, and
 * the suite looks for them on their topic at the end (each carries a marker text of its own).
 */
final class FaultLoad {

    static final List<String> KPI_CODES = KpiDemoData.KPI_CODES;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    enum StepKind { OVERRIDE, WARNING, PLAN_START, PLAN_CLOSE }

    /** A return the platform accepted: {@code how} says whether at the first attempt or found stored after a retry. */
    record AcceptedReturn(String contractId, YearMonth period, Map<String, Integer> values, int attempts, String how) {
    }

    /**
     * A lifecycle step or override sent; {@code outcome} is ACCEPTED (2xx), UNKNOWN (no answer; resolved from the
     * topics at the end) or REFUSED (4xx, with the answer).
     */
    record Step(StepKind kind, String contractId, YearMonth period, String marker, String outcome, String detail) {
    }

    private final GatewayClient client;
    private final String gateway;
    private final int months;
    private final double returnsPerSecond;
    private final List<String> contracts = new ArrayList<>();
    private final List<AcceptedReturn> accepted = new CopyOnWriteArrayList<>();
    private final List<Step> steps = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger begun = new AtomicInteger();
    private volatile int allowed = Integer.MAX_VALUE;
    private final AtomicLong nextSlot = new AtomicLong();
    private final Map<String, Integer> failedAttemptsByCause = new ConcurrentHashMap<>();
    private YearMonth firstMonth;
    private volatile boolean finished;

    FaultLoad(GatewayClient client, String gateway, int months, double returnsPerSecond) {
        this.client = client;
        this.gateway = gateway;
        this.months = months;
        this.returnsPerSecond = returnsPerSecond;
    }

    /** Registers {@code count} contracts and defines their frameworks, waiting until kpi- and rag-service know them. */
    void registerContracts(int count) throws IOException, InterruptedException {
        YearMonth now = YearMonth.now(ZoneId.of("Europe/London"));
        firstMonth = now.minusMonths(months + 1L);
        LocalDate start = firstMonth.atDay(1);
        LocalDate end = start.plusYears(3).minusDays(1);
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < count; i++) {
            // the id is chosen here, so that a registration whose answer was lost can be sent again
            String id = UUID.randomUUID().toString();
            String body = """
                    {"contractId":"%s","provider":"Fault Suite Provider %s-%d",\
                    "serviceArea":"EMOTIONAL_HEALTH_AND_WELLBEING","lot":{"scope":"COUNTY"},"start":"%s","end":"%s"}"""
                    .formatted(id, run, i, start, end);
            int status = sendUntilAnswered("POST", "/api/contracts", body, "registration of " + id);
            if (status != 201 && status != 409) {
                throw new IllegalStateException("Registration of " + id + " failed: HTTP " + status);
            }
            contracts.add(id);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String framework = "{\"effectiveFrom\":\"" + firstMonth + "\",\"fromTemplate\":true}";
        for (String id : contracts) {
            if (!client.awaitOk(gateway + "/api/kpi/contracts/" + id, deadline)
                    || !client.awaitOk(gateway + "/api/ratings/contracts/" + id, deadline)) {
                throw new IllegalStateException("Contract " + id + " not known to kpi-service and rag-service in time");
            }
            int defined = sendUntilAnswered("PUT", "/api/kpi/contracts/" + id + "/framework", framework,
                    "framework of " + id);
            if (defined != 201 && defined != 200 && defined != 409) {
                throw new IllegalStateException("Framework of " + id + " not defined: HTTP " + defined);
            }
        }
    }

    /** Sends an idempotent request until it is answered other than 5xx (the machine may be slow), for 5 minutes. */
    private int sendUntilAnswered(String method, String path, String body, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = client.send(method, gateway + path, body);
                if (response.statusCode() < 500) {
                    return response.statusCode();
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(what + " not answered within 5 minutes", e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(what + " answered 5xx for 5 minutes");
            }
            Thread.sleep(500);
        }
    }

    List<String> contracts() {
        return contracts;
    }

    int totalReturns() {
        return contracts.size() * months;
    }

    /** Returns sent to their end (accepted or given up) so far, of {@link #totalReturns()}. */
    int progress() {
        return done.get();
    }

    /**
     * Lets the load begin returns up to the {@code returns}th in all and holds it there, so that the suite can keep a
     * share of the load for each fault.
     */
    void allow(int returns) {
        allowed = returns;
    }

    boolean finished() {
        return finished;
    }

    /** Runs the load on {@code threads} threads (contract i on thread i mod threads) until every return is done. */
    void run(int threads) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                try {
                    for (int m = 0; m < months; m++) {
                        for (int c = first; c < contracts.size(); c += threads) {
                            oneMonth(c, m);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "fault-load-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        finished = true;
    }

    private void oneMonth(int c, int m) throws InterruptedException {
        String id = contracts.get(c);
        YearMonth period = firstMonth.plusMonths(m);
        int ticket = begun.incrementAndGet();
        while (ticket > allowed) {
            Thread.sleep(100);
        }
        pace();
        submitReturn(c, id, period, m);
        done.incrementAndGet();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String marker = "fault suite " + id.substring(0, 8) + " " + period;
        if (c % 10 == 3 && m == 1) {
            step(StepKind.OVERRIDE, id, period, marker, "POST", "/api/ratings/contracts/" + id + "/periods/" + period
                    + "/override", "{\"rating\":\"AMBER\",\"rationale\":\"Officer judgement, " + marker + "\"}");
        }
        if (c % 10 == 5 && m == 2) {
            step(StepKind.WARNING, id, period, marker, "POST", "/api/contracts/" + id + "/warnings",
                    "{\"reasons\":[\"Returns late, " + marker + "\"],\"responseDeadline\":\"" + today.plusDays(28)
                            + "\"}");
        }
        if (c % 10 == 7 && m == 1) {
            step(StepKind.PLAN_START, id, period, marker, "POST", "/api/contracts/" + id + "/plans",
                    "{\"kind\":\"IMPROVEMENT_PLAN\",\"reason\":\"KPIs below target, " + marker + "\",\"actions\":["
                            + "{\"description\":\"Recover the triage KPI\",\"owner\":\"Provider lead\",\"dueDate\":\""
                            + today.plusDays(60) + "\"}]}");
        }
        if (c % 10 == 7 && m == 3) {
            step(StepKind.PLAN_CLOSE, id, period, marker, "POST", "/api/contracts/" + id + "/plans/current/closure",
                    "{\"outcome\":\"KPIs recovered, " + marker + "\"}");
        }
    }

    /** The values of a contract's month: 60 to 99, spread so that every band occurs. */
    static Map<String, Integer> values(int c, int m) {
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        for (int k = 0; k < KPI_CODES.size(); k++) {
            values.put(KPI_CODES.get(k), 60 + Math.floorMod(c * 7 + m * 13 + k * 11, 40));
        }
        return values;
    }

    private void submitReturn(int c, String id, YearMonth period, int m) throws InterruptedException {
        Map<String, Integer> values = values(c, m);
        ObjectNode body = JSON.createObjectNode();
        body.put("period", period.toString());
        body.put("narrative", "Fault suite return");
        ArrayNode array = body.putArray("values");
        values.forEach((code, value) -> array.addObject().put("kpiCode", code).put("value", value));
        String url = gateway + "/api/kpi/contracts/" + id + "/returns";
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        int attempts = 0;
        String last = null;
        while (System.nanoTime() < deadline) {
            attempts++;
            try {
                HttpResponse<String> response = client.send("POST", url, body.toString());
                int status = response.statusCode();
                if (status == 201 || status == 200) {
                    accepted.add(new AcceptedReturn(id, period, values, attempts,
                            attempts == 1 ? "accepted at once" : "accepted after " + (attempts - 1) + " failed attempts"));
                    return;
                }
                if (status == 409 && attempts == 1) {
                    failures.add("return " + id + " " + period + " refused at once: 409 " + response.body());
                    return;
                }
                if (status == 409) {
                    HttpResponse<String> stored = client.send("GET", url + "/" + period, null);
                    if (stored.statusCode() == 200) {
                        accepted.add(new AcceptedReturn(id, period, values, attempts,
                                "409 on a retry, found stored"));
                        return;
                    }
                }
                if (status >= 400 && status < 500 && status != 404 && status != 401 && status != 408
                        && status != 429 && status != 409) {
                    failures.add("return " + id + " " + period + " refused: " + status + " " + response.body());
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            retries.incrementAndGet();
            failedAttemptsByCause.merge(last, 1, Integer::sum);
            Thread.sleep(Math.min(2000, 200L * attempts));
        }
        failures.add("return " + id + " " + period + " given up after " + attempts + " attempts (" + last + ")");
    }

    private void step(StepKind kind, String id, YearMonth period, String marker, String method, String path,
                      String body) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        int attempts = 0;
        while (System.nanoTime() < deadline) {
            attempts++;
            try {
                HttpResponse<String> response = client.send(method, gateway + path, body);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    steps.add(new Step(kind, id, period, marker, "ACCEPTED", "HTTP " + status));
                } else if (status >= 500 || status == 401) {
                    steps.add(new Step(kind, id, period, marker, "UNKNOWN", "HTTP " + status));
                } else {
                    steps.add(new Step(kind, id, period, marker, "REFUSED", status + " " + response.body()));
                }
                return;
            } catch (ConnectException | HttpConnectTimeoutException e) {
                retries.incrementAndGet();
                failedAttemptsByCause.merge(e.getClass().getSimpleName() + " (step)", 1, Integer::sum);
                Thread.sleep(Math.min(2000, 200L * attempts));
            } catch (IOException e) {
                steps.add(new Step(kind, id, period, marker, "UNKNOWN", e.toString()));
                return;
            }
        }
        steps.add(new Step(kind, id, period, marker, "UNKNOWN", "gateway unreachable for " + GIVE_UP));
    }

    /** Spreads the returns evenly at {@code returnsPerSecond} over all threads (no limit when 0). */
    private void pace() throws InterruptedException {
        if (returnsPerSecond <= 0) {
            return;
        }
        long interval = (long) (1_000_000_000L / returnsPerSecond);
        long slot = nextSlot.updateAndGet(previous -> Math.max(previous + interval, System.nanoTime()));
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    List<AcceptedReturn> accepted() {
        return Collections.unmodifiableList(accepted);
    }

    List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    List<String> failures() {
        return Collections.unmodifiableList(failures);
    }

    int retries() {
        return retries.get();
    }

    Map<String, Integer> failedAttemptsByCause() {
        return Map.copyOf(failedAttemptsByCause);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send("GET", gateway + path, null);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
