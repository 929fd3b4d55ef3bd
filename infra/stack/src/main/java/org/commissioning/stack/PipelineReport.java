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
        md.append(String.format(Locale.ROOT, "| pipeline: store bound (raw appends/s / writes per value) | %.1f values/s "
                + "| |%n", bound));
        md.append(String.format(Locale.ROOT, "| pipeline ÷ store bound | %.3f | ≥ %.1f: %s |%n", share,
                TARGET_SHARE_OF_BOUND, share >= TARGET_SHARE_OF_BOUND ? "met" : "missed"));
        md.append(String.format(Locale.ROOT, "| pipeline: return to ContractRated under that load, p50 / p95 / p99 / max "
                        + "| %d / %d / %d / %d ms | p99 ≤ %d ms: %s |%n", latency.percentile(50), latency.percentile(95),
                latency.percentile(99), latency.max(), TARGET_P99_MILLIS,
                latency.percentile(99) <= TARGET_P99_MILLIS ? "met" : "missed"));
        return md.toString();
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
