package org.commissioning.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The scale curve (issue 16): the cost of a KPI value and the auditor's read as the store grows. At each size the
 * store is filled up to that many contracts (registered through the gateway, each with its framework of three
 * headline KPIs), then a probe of {@code probeContracts} new contracts gets {@code probeMonths} monthly returns from
 * concurrent clients (as {@link PipelineThroughput} measures), and one contract's rating history, with
 * {@code auditMonths} months of it, is read as an auditor {@code auditSamples} times. The cost of a value is the CPU
 * time the whole stack (five services, the broker, the store) used per value rated during the probe, which does not
 * depend on how busy the machine's other work keeps its cores as the wall clock does; the wall clock is reported
 * beside it. The sizes run in increasing order on the same stack, so each point's store holds everything before it.
 */
final class ScaleCurve {

    static final double TARGET_COST_RATIO = 1.5;
    static final double TARGET_READ_RATIO = 3;

    /** One size: what the store held and what the probe and the auditor's read cost there. */
    record Point(int contracts, long storedEvents, PipelineThroughput.Result probe, AuditorReads.Read history) {
    }

    record Result(int probeContracts, int probeMonths, int clients, int auditMonths, List<Point> points) {

        double costRatio() {
            return ratio(p -> p.probe().cpuMillisPerValue());
        }

        double readRatio() {
            return ratio(p -> p.history().p99());
        }

        private double ratio(ToDoubleFunction<Point> measure) {
            if (points.size() < 2) {
                return 0;
            }
            double first = measure.applyAsDouble(points.get(0));
            return first <= 0 ? 0 : measure.applyAsDouble(points.get(points.size() - 1)) / first;
        }
    }

    private final LocalStack stack;
    private final GatewayClient officer;
    private final GatewayClient auditor;
    private final AuditorReads.Audited audited;
    private final int probeContracts;
    private final int probeMonths;
    private final int clients;
    private final int auditSamples;
    private final List<Point> points = new ArrayList<>();

    private ScaleCurve(LocalStack stack, GatewayClient officer, AuditorReads.Audited audited, int probeContracts,
                       int probeMonths, int clients, int auditSamples) {
        this.stack = stack;
        this.officer = officer;
        this.auditor = new GatewayClient(stack.credentials("auditor.khan"));
        this.audited = audited;
        this.probeContracts = probeContracts;
        this.probeMonths = probeMonths;
        this.clients = clients;
        this.auditSamples = auditSamples;
    }

    /** Registers the contract whose history the auditor reads at every point, with {@code auditYears} of returns. */
    static ScaleCurve start(LocalStack stack, GatewayClient officer, int probeContracts, int probeMonths, int clients,
                            int auditYears, int auditSamples) throws Exception {
        return new ScaleCurve(stack, officer, AuditorReads.audited(stack, officer, auditYears), probeContracts,
                probeMonths, clients, auditSamples);
    }

    /**
     * Fills the store up to {@code size} contracts, the probe's included, and measures the point there; a store that
     * already holds more is measured as it is.
     */
    Point pointAt(int size) throws Exception {
        String gateway = stack.gatewayUrl();
        int fill = size - probeContracts - PageTimings.dashboardIds(officer, gateway).size();
        if (fill > 0) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                PipelineThroughput.registerWithFrameworks(stack, officer, pool, fill,
                        PipelineThroughput.firstMonth(probeMonths), "Scale Provider");
            } finally {
                pool.shutdownNow();
            }
        }
        PipelineThroughput.Result probe = PipelineThroughput.measure(stack, officer, probeContracts, probeMonths,
                clients);
        AuditorReads.Read history = AuditorReads.time(auditor, gateway, "rating history",
                "/api/ratings/contracts/" + audited.contractId() + "/ratings", auditSamples);
        Point point = new Point(PageTimings.dashboardIds(officer, gateway).size(), storedEvents(stack), probe, history);
        points.add(point);
        return point;
    }

    Result result() {
        return new Result(probeContracts, probeMonths, clients, audited.months(), List.copyOf(points));
    }

    /** The events in the four services' event stores. */
    static long storedEvents(LocalStack stack) {
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            long events = 0;
            for (String database : List.of("contracts", "kpi", "ratings", "deepdives")) {
                events += mongo.getDatabase(database).getCollection("domainevents").countDocuments();
            }
            return events;
        }
    }

    static String section(Result result, String chart) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Scale curve (issue 16): at each size the "
                        + "store was filled with contracts registered through the gateway (each with its framework of "
                        + "%d headline KPIs) up to that many, then a probe of %d new contracts got %d monthly returns "
                        + "each from %d clients (%d KPI values) and was timed until every ContractRated was on the "
                        + "topic; then one contract's rating history (%d months) was read %d times as an auditor. The "
                        + "sizes ran one after another on the same stack, so each store holds everything before it. "
                        + "Cost per value is the CPU time the whole stack used (the five services from /proc, the "
                        + "launcher's broker and store from its JVM) per value rated during the probe; the wall clock "
                        + "beside it depends on what else the two cores were doing.%n%n", PipelineThroughput.KPIS,
                result.probeContracts(), result.probeMonths(), result.clients(),
                result.probeContracts() * result.probeMonths() * PipelineThroughput.KPIS, result.auditMonths(),
                result.points().isEmpty() ? 0 : result.points().get(0).history().millis().size()));
        md.append("| contracts | stored events | values/s | CPU per value | wall per value | store writes per value "
                + "| return to ContractRated p99 | auditor history p50 / p99 |\n|---|---|---|---|---|---|---|---|\n");
        for (Point p : result.points()) {
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.1f ms | %.1f ms | %.2f | %d ms | %d / %d ms |%n",
                    p.contracts(), p.storedEvents(), p.probe().valuesPerSecond(), p.probe().cpuMillisPerValue(),
                    p.probe().valuesPerSecond() <= 0 ? 0 : 1000 / p.probe().valuesPerSecond(),
                    p.probe().writesPerValue(), Latencies.of(p.probe().latenciesMillis()).percentile(99),
                    p.history().p50(), p.history().p99()));
        }
        md.append("\n![Cost per KPI value and the auditor's read as contracts grow](").append(chart).append(")\n\n");
        return md.toString();
    }

    static String rows(Result result) {
        if (result.points().size() < 2) {
            return "";
        }
        Point first = result.points().get(0);
        Point last = result.points().get(result.points().size() - 1);
        return String.format(Locale.ROOT, "| scale: CPU per KPI value at %,d contracts ÷ at %,d (%.1f ÷ %.1f ms) | %.2f "
                        + "| ≤ %.1f: %s |%n", last.contracts(), first.contracts(), last.probe().cpuMillisPerValue(),
                first.probe().cpuMillisPerValue(), result.costRatio(), TARGET_COST_RATIO,
                result.costRatio() <= TARGET_COST_RATIO ? "met" : "missed")
                + String.format(Locale.ROOT, "| scale: auditor history p99 at %,d contracts ÷ at %,d (%d ÷ %d ms) | "
                        + "%.2f | |%n", last.contracts(), first.contracts(), last.history().p99(),
                first.history().p99(), result.readRatio());
    }

    /**
     * The curve as an SVG of two panels on a logarithmic axis of contracts: CPU per value and the auditor's p99.
     * Written by hand: three points on two axes need no charting library (and no fonts of a headless JDK).
     */
    static void writeChart(Result result, Path file) throws IOException {
        StringBuilder svg = new StringBuilder("""
                <svg xmlns="http://www.w3.org/2000/svg" width="760" height="300" viewBox="0 0 760 300" \
                font-family="sans-serif" font-size="12">
                <rect width="760" height="300" fill="white"/>
                """);
        panel(svg, result, 0, "CPU per KPI value (ms)", p -> p.probe().cpuMillisPerValue());
        panel(svg, result, 380, "Auditor rating history p99 (ms)", p -> p.history().p99());
        svg.append("</svg>\n");
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, svg.toString());
    }

    private static void panel(StringBuilder svg, Result result, int x0, String title, ToDoubleFunction<Point> measure) {
        int left = x0 + 60;
        int right = x0 + 360;
        int top = 40;
        int bottom = 250;
        List<Point> points = result.points();
        double max = points.stream().mapToDouble(measure).max().orElse(1);
        double yMax = max <= 0 ? 1 : niceCeiling(max * 1.1);
        double minLog = Math.log10(points.stream().mapToInt(Point::contracts).min().orElse(1));
        double maxLog = Math.log10(points.stream().mapToInt(Point::contracts).max().orElse(10));
        if (maxLog - minLog < 1e-9) {
            maxLog = minLog + 1;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-weight=\"bold\">%s</text>%n", left, title));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left, bottom, right, bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left, top, left, bottom));
        for (int tick = 0; tick <= 4; tick++) {
            double value = yMax * tick / 4;
            double y = bottom - (bottom - top) * tick / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, y, right, y, left - 6, y + 4,
                    value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value)));
        }
        StringBuilder line = new StringBuilder();
        for (Point p : points) {
            double x = left + 20 + (right - left - 40) * (Math.log10(p.contracts()) - minLog) / (maxLog - minLog);
            double y = bottom - (bottom - top) * measure.applyAsDouble(p) / yMax;
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1d70b8\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n", x, y, x, bottom + 18,
                    p.contracts()));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" points=\"").append(line.toString().strip())
                .append("\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">contracts "
                + "(logarithmic)</text>%n", (left + right) / 2, bottom + 38));
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static List<Integer> sizes(String list) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : list.split(",")) {
            if (!size.isBlank()) {
                sizes.add(Integer.parseInt(size.strip()));
            }
        }
        return sizes;
    }
}
