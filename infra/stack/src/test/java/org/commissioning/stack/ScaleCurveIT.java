package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's scale curve in its smallest form, on the shared stack: two points, the second after the store was
 * filled with more contracts, each with its probe's cost per value and the auditor's read timed, and the chart drawn.
 * No timing is asserted (the benchmark reports the curve).
 */
class ScaleCurveIT {

    @Test
    void fillsTheStoreBetweenPointsAndCostsEveryProbedValue(@TempDir Path dir) throws Exception {
        LocalStack stack = SharedStack.get();
        GatewayClient officer = new GatewayClient(stack.demoLoader());
        ScaleCurve curve = ScaleCurve.start(stack, officer, 2, 1, 2, 1, 3);
        int before = PageTimings.dashboardIds(officer, stack.gatewayUrl()).size();

        ScaleCurve.Point small = curve.pointAt(before);
        ScaleCurve.Point larger = curve.pointAt(small.contracts() + 2 + 5);
        ScaleCurve.Result result = curve.result();
        Path chart = dir.resolve("scale-curve.svg");
        ScaleCurve.writeChart(result, chart);

        assertThat(larger.contracts()).as("the probe's and the filled contracts")
                .isGreaterThanOrEqualTo(small.contracts() + 2 + 5);
        assertThat(larger.storedEvents()).isGreaterThan(small.storedEvents());
        for (ScaleCurve.Point point : List.of(small, larger)) {
            assertThat(point.probe().values()).isEqualTo(2L * PipelineThroughput.KPIS);
            assertThat(point.probe().refused()).isZero();
            assertThat(point.probe().cpuMillisPerValue()).as("CPU the stack used per value").isPositive();
            assertThat(point.history().millis()).hasSize(3);
        }
        assertThat(result.auditMonths()).isEqualTo(12);
        assertThat(result.costRatio()).isPositive();
        assertThat(Files.readString(chart)).startsWith("<svg").contains("<polyline").containsPattern(
                "(?s)(<circle.*){4}");
        assertThat(ScaleCurve.section(result, "scale-curve.svg")).contains("| " + String.format("%,d",
                larger.contracts()) + " |");
        assertThat(BenchmarkTargets.table(java.time.Duration.ofSeconds(20), larger.probe(), null, List.of(), null, result,
                List.of(), java.util.Map.of("gateway", 300L))).contains("| ready: launch to all five services ready "
                + "| 20.0 s | ≤ 30 s | met |", "| whole embedded stack RSS (five services and the launcher) | 300 MiB");
    }
}
