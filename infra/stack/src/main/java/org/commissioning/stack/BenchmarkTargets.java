package org.commissioning.stack;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Issue 16's targets, each as a ratio or a figure of the same run, with its verdict: the report's first table. */
final class BenchmarkTargets {

    static final long TARGET_RSS_MIB = 1536;
    static final long TARGET_READY_SECONDS = 30;
    static final double TARGET_AUDIT_RATIO = 3;

    private BenchmarkTargets() {
    }

    static String table(Duration ready, PipelineThroughput.Result pipeline, PipelineThroughput.Result paced,
                        List<RebuildCheck.Outcome> rebuilds,
                        AuditorReads.Result audit, ScaleCurve.Result scale, List<RawLimits.Rate> raw,
                        Map<String, Long> memory) {
        StringBuilder md = new StringBuilder("## Targets\n\n| measure | this run | target | verdict |\n|---|---|---|---|\n");
        if (pipeline == null) {
            notMeasured(md, "pipeline KPI values/s ÷ store bound", "≥ 0.5");
        } else {
            double bound = PipelineReport.bound(pipeline, raw);
            double share = bound == 0 ? 0 : pipeline.valuesPerSecond() / bound;
            row(md, "pipeline KPI values/s ÷ store bound", String.format(Locale.ROOT, "%.3f (%.1f ÷ %.1f values/s)",
                    share, pipeline.valuesPerSecond(), bound), "≥ " + PipelineReport.TARGET_SHARE_OF_BOUND,
                    share >= PipelineReport.TARGET_SHARE_OF_BOUND);
        }
        for (RebuildCheck.Outcome rebuild : rebuilds) {
            double share = PlatformBenchmark.rebuildShare(rebuild, raw);
            row(md, rebuild.readModel() + " rebuild ÷ raw " + PlatformBenchmark.rebuildRawLimit(rebuild),
                    String.format(Locale.ROOT, "%.3f (%s)", share, rebuild.state()),
                    "≥ " + PlatformBenchmark.TARGET_REBUILD_SHARE, share >= PlatformBenchmark.TARGET_REBUILD_SHARE);
        }
        if (audit == null) {
            notMeasured(md, "auditor history p99 ÷ raw read p99", "≤ 3");
        } else {
            AuditorReads.Read history = audit.reads().get(0);
            double ratio = audit.ratio(history);
            row(md, "auditor history p99 ÷ raw read p99", String.format(Locale.ROOT, "%.1f (%d ÷ %d ms)", ratio,
                    history.p99(), audit.raw().p99()), "≤ 3", ratio <= TARGET_AUDIT_RATIO);
        }
        if (scale == null || scale.points().size() < 2) {
            notMeasured(md, "cost per value at the largest ÷ the smallest store", "≤ 1.5");
        } else {
            ScaleCurve.Point first = scale.points().get(0);
            ScaleCurve.Point last = scale.points().get(scale.points().size() - 1);
            row(md, String.format(Locale.ROOT, "CPU per value at %,d ÷ at %,d contracts", last.contracts(),
                            first.contracts()), String.format(Locale.ROOT, "%.2f", scale.costRatio()),
                    "≤ " + ScaleCurve.TARGET_COST_RATIO, scale.costRatio() <= ScaleCurve.TARGET_COST_RATIO);
        }
        long total = memory.values().stream().mapToLong(Long::longValue).filter(m -> m > 0).sum();
        row(md, "whole embedded stack RSS (five services and the launcher)", total + " MiB", "≤ " + TARGET_RSS_MIB
                + " MiB", total <= TARGET_RSS_MIB);
        row(md, "ready: launch to all five services ready", String.format(Locale.ROOT, "%.1f s", ready.toMillis() / 1000.0),
                "≤ " + TARGET_READY_SECONDS + " s", ready.toSeconds() <= TARGET_READY_SECONDS);
        if (paced == null) {
            notMeasured(md, "return to rated p99 under the sustained load", "≤ 2 s");
        } else {
            long p99 = Latencies.of(paced.latenciesMillis()).percentile(99);
            row(md, String.format(Locale.ROOT, "return to ContractRated p99 under a sustained load (%.1f values/s "
                    + "steady, %d returns; the cadence follows it: see the return to cadence rows for that step when "
                    + "idle)", paced.pacedReturnsPerSecond() * PipelineThroughput.KPIS, paced.returns()), p99 + " ms",
                    "≤ " + PipelineReport.TARGET_P99_MILLIS + " ms", p99 <= PipelineReport.TARGET_P99_MILLIS);
        }
        return md.append('\n').toString();
    }

    private static void row(StringBuilder md, String measure, String value, String target, boolean met) {
        md.append("| ").append(measure).append(" | ").append(value).append(" | ").append(target).append(" | ")
                .append(met ? "met" : "missed").append(" |\n");
    }

    private static void notMeasured(StringBuilder md, String measure, String target) {
        md.append("| ").append(measure).append(" | not measured in this run | ").append(target).append(" | - |\n");
    }
}
