package org.commissioning.stack;

import java.util.List;
import java.util.Locale;

/** The pipeline's rows and paragraph in the benchmark's report, its throughput read against the store's bound. */
final class PipelineReport {

    static final double TARGET_SHARE_OF_BOUND = 0.5;
    static final long TARGET_P99_MILLIS = 2_000;

    private PipelineReport() {
    }

    /** The store's bound in KPI values per second: its raw append rate divided by the writes made per value. */
    static double bound(PipelineThroughput.Result pipeline, List<RawLimits.Rate> raw) {
        double appends = raw.stream().filter(r -> r.name().equals("store appends")).mapToDouble(RawLimits.Rate::perSecond)
                .findFirst().orElse(0);
        return pipeline.writesPerValue() <= 0 ? 0 : appends / pipeline.writesPerValue();
    }

    static String rows(PipelineThroughput.Result pipeline, List<RawLimits.Rate> raw) {
        Latencies latency = Latencies.of(pipeline.latenciesMillis());
        double bound = bound(pipeline, raw);
        double share = bound == 0 ? 0 : pipeline.valuesPerSecond() / bound;
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "| pipeline: KPI values rated per second, sustained (%d contracts x %d "
                        + "months x %d KPIs = %d values in %d returns, %d clients; %d refused) | %.1f values/s | |%n",
                pipeline.contracts(), pipeline.months(), PipelineThroughput.KPIS, pipeline.values(), pipeline.returns(),
                pipeline.clients(), pipeline.refused(), pipeline.valuesPerSecond()));
        md.append(String.format(Locale.ROOT, "| pipeline: store writes per KPI value (write commands of all services: "
                + "%s) | %.2f | |%n", pipeline.writesByService(), pipeline.writesPerValue()));
        md.append(String.format(Locale.ROOT, "| pipeline: CPU per KPI value, whole stack (ms), and the share of the "
                        + "machine's %d cores it kept busy | %.1f ms, %.0f%% | |%n", Runtime.getRuntime().availableProcessors(),
                pipeline.cpuMillisPerValue(), pipeline.machineShare() * 100));
        md.append(String.format(Locale.ROOT, "| pipeline: CPU per KPI value by process (ms) | %s | |%n",
                cpuByProcess(pipeline)));
        md.append(String.format(Locale.ROOT, "| pipeline: store commands per KPI value, reads and writes (the bound "
                + "counts only the writes) | %.2f | |%n", pipeline.commandsPerValue()));
        md.append(String.format(Locale.ROOT, "| pipeline: store writes per KPI value by collection, the largest "
                + "(service/collection: writes per value) | %s | |%n", largestWriters(pipeline, 12)));
        md.append(String.format(Locale.ROOT, "| pipeline: store bound (raw appends/s / writes per value) | %.1f values/s "
                + "| |%n", bound));
        md.append(String.format(Locale.ROOT, "| pipeline ÷ store bound | %.3f | ≥ %.1f: %s |%n", share,
                TARGET_SHARE_OF_BOUND, share >= TARGET_SHARE_OF_BOUND ? "met" : "missed"));
        md.append(String.format(Locale.ROOT, "| pipeline: return to ContractRated with the clients flat out (the "
                        + "queue they build, not the target's load), p50 / p95 / p99 / max | %d / %d / %d / %d ms | |%n",
                latency.percentile(50), latency.percentile(95), latency.percentile(99), latency.max()));
        return md.toString();
    }

    static String cpuByProcess(PipelineThroughput.Result pipeline) {
        return pipeline.cpuSecondsByProcess().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(),
                        pipeline.values() == 0 ? 0.0 : e.getValue() * 1000 / pipeline.values()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The {@code n} collections written most per value, as {@code service/collection: writes per value}. */
    static String largestWriters(PipelineThroughput.Result pipeline, int n) {
        return pipeline.writesByCollection().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%s: %.2f", e.getKey(),
                        pipeline.values() == 0 ? 0.0 : (double) e.getValue() / pipeline.values()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static String pacedRows(PipelineThroughput.Result paced) {
        Latencies latency = Latencies.of(paced.latenciesMillis());
        return String.format(Locale.ROOT, "| sustained load: return to ContractRated at %.2f returns/s (%.1f values/s) "
                        + "steady, %d returns of %d contracts, p50 / p95 / p99 / max | %d / %d / %d / %d ms | p99 ≤ %d "
                        + "ms: %s |%n", paced.pacedReturnsPerSecond(), paced.pacedReturnsPerSecond() * PipelineThroughput.KPIS,
                paced.returns(), paced.contracts(), latency.percentile(50), latency.percentile(95),
                latency.percentile(99), latency.max(), TARGET_P99_MILLIS,
                latency.percentile(99) <= TARGET_P99_MILLIS ? "met" : "missed");
    }

    static String pacedSection(PipelineThroughput.Result paced) {
        return String.format(Locale.ROOT, "Sustained load (issue 16): the clients of the throughput run send as fast as "
                + "they are answered, so returns queue up behind the pipeline and their latency grows with the length of "
                + "the run. Return to rating under a sustained load is therefore timed afterwards on %d fresh contracts "
                + "(same frameworks), whose %d returns were sent at a steady %.2f returns/s, the share of the measured "
                + "throughput given by `--paced-share`: the n-th return n / rate seconds after the first, however long "
                + "the earlier ones took (open loop). Latency runs from each return's HTTP response to its "
                + "ContractRated first seen on ratings.events.v1.%n%n", paced.contracts(), paced.returns(),
                paced.pacedReturnsPerSecond());
    }

    static String section(PipelineThroughput.Result pipeline) {
        return String.format(Locale.ROOT, "Pipeline throughput (issue 16): %d contracts registered through the gateway, "
                + "each given a framework of %d headline KPIs; then %d clients submitted their monthly returns month "
                + "after month (%d returns, %d KPI values) and the run ended when every return's ContractRated was on "
                + "ratings.events.v1. Values per second run from the first submission to the last rating. Store writes "
                + "are the MongoDB write commands (insert, update, delete, findAndModify) the services' drivers sent "
                + "meanwhile (their `mongodb_driver_commands_seconds_count`), by service: %s. The bound divides the "
                + "store's raw append rate (below) by that count per value.%n%n", pipeline.contracts(),
                PipelineThroughput.KPIS, pipeline.clients(), pipeline.returns(), pipeline.values(),
                pipeline.writesByService());
    }
}
