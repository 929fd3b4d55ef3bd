package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's pipeline measure in its smallest form, on the shared stack: every return submitted is found rated
 * and timed, and the store writes are counted from every service's metrics. No timing is asserted (the benchmark
 * reports the rates).
 */
class PipelineThroughputIT {

    @Test
    void timesEveryReturnToItsRatingAndCountsTheStoreWritesOfEachService() throws Exception {
        LocalStack stack = SharedStack.get();

        PipelineThroughput.Result result = PipelineThroughput.measure(stack, new GatewayClient(stack.demoLoader()),
                3, 2, 2);
        System.out.print(PipelineReport.rows(result, java.util.List.of()));

        assertThat(result.refused()).isZero();
        assertThat(result.returns()).isEqualTo(6);
        assertThat(result.values()).isEqualTo(6L * PipelineThroughput.KPIS);
        assertThat(result.latenciesMillis()).hasSize(6);
        assertThat(result.writesByService()).containsOnlyKeys("contract-service", "kpi-service", "rag-service",
                "deepdive-service", "gateway");
        assertThat(result.writesByService().get("kpi-service")).as("kpi-service stores every return").isPositive();
        assertThat(result.writesByService().get("rag-service")).as("rag-service stores every rating").isPositive();
        assertThat(result.writesPerValue()).isPositive();
        assertThat(result.writesByCollection()).containsKey("kpi-service/domainevents");
        assertThat(result.commands()).as("reads as well as writes").isGreaterThan(result.writes());
        assertThat(result.cpuSecondsByProcess()).containsKeys("kpi-service", "rag-service", "launcher");
        assertThat(result.cpuSecondsByProcess().get("rag-service")).as("rag-service rated the returns").isPositive();
        assertThat(PipelineReport.rows(result, java.util.List.of())).contains("| pipeline: CPU per KPI value by process");
        assertThat(result.writesByCollection().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(result.writes());
        assertThat(PipelineReport.largestWriters(result, 3)).containsPattern("^[a-z-]+/\\w+: \\d+\\.\\d\\d");
        assertThat(result.valuesPerSecond()).isPositive();
    }

    @Test
    void sendsTheReturnsAtTheSteadyRateAskedAndTimesEachToItsRating() throws Exception {
        LocalStack stack = SharedStack.get();

        PipelineThroughput.Result paced = PipelineThroughput.measure(stack, new GatewayClient(stack.demoLoader()),
                2, 2, 2, 2.0, "Paced Provider");
        String rows = PipelineReport.pacedRows(paced);
        System.out.print(rows);

        assertThat(paced.returns()).isEqualTo(4);
        assertThat(paced.latenciesMillis()).hasSize(4);
        assertThat(paced.seconds()).as("the fourth return is sent 1.5 s after the first").isGreaterThanOrEqualTo(1.5);
        assertThat(rows).contains("at 2.00 returns/s (6.0 values/s) steady, 4 returns of 2 contracts");
        assertThat(BenchmarkTargets.table(java.time.Duration.ofSeconds(20), null, paced, java.util.List.of(), null,
                null, java.util.List.of(), java.util.Map.of())).contains("sustained load (6.0 values/s steady, 4 returns");
    }

    @Test
    void readsTheWriteCommandsOfADriverFromItsPrometheusMetrics() {
        String metrics = """
                # TYPE mongodb_driver_commands_seconds summary
                mongodb_driver_commands_seconds_count{application="kpi-service",cluster_id="x",collection="domainevents",command="insert",server_address="127.0.0.1:1",status="SUCCESS"} 12
                mongodb_driver_commands_seconds_count{application="kpi-service",cluster_id="x",collection="trackingtokens",command="update",server_address="127.0.0.1:1",status="SUCCESS"} 30
                mongodb_driver_commands_seconds_count{application="kpi-service",cluster_id="x",collection="domainevents",command="find",server_address="127.0.0.1:1",status="SUCCESS"} 99
                mongodb_driver_commands_seconds_count{application="kpi-service",cluster_id="x",collection="outbox_entries",command="findAndModify",server_address="127.0.0.1:1",status="SUCCESS"} 4
                mongodb_driver_commands_seconds_sum{application="kpi-service",cluster_id="x",collection="domainevents",command="insert",server_address="127.0.0.1:1",status="SUCCESS"} 0.5
                """;

        assertThat(PipelineThroughput.writeCommands(metrics)).isEqualTo(46);
        assertThat(PipelineThroughput.allCommands(metrics)).as("the find too, not the sum").isEqualTo(46 + 99);
        assertThat(PipelineThroughput.writeCommandsByCollection(metrics)).containsEntry("outbox_entries", 4L)
                .doesNotContainKey("?");
    }

    @Test
    void givesEveryKpiOfAReturnAValueInRange() {
        String body = PipelineThroughput.returnOf(YearMonth.of(2025, 4), 7);

        assertThat(body).contains("\"period\":\"2025-04\"", "\"kpiCode\":\"KPI-1\"", "\"kpiCode\":\"KPI-3\"");
        assertThat(PipelineThroughput.framework(YearMonth.of(2025, 4))).contains("\"effectiveFrom\":\"2025-04\"",
                "\"code\":\"KPI-2\"");
    }
}
