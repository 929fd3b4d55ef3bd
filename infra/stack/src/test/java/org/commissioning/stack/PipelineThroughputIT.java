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
        assertThat(result.valuesPerSecond()).isPositive();
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
    }

    @Test
    void givesEveryKpiOfAReturnAValueInRange() {
        String body = PipelineThroughput.returnOf(YearMonth.of(2025, 4), 7);

        assertThat(body).contains("\"period\":\"2025-04\"", "\"kpiCode\":\"KPI-1\"", "\"kpiCode\":\"KPI-3\"");
        assertThat(PipelineThroughput.framework(YearMonth.of(2025, 4))).contains("\"effectiveFrom\":\"2025-04\"",
                "\"code\":\"KPI-2\"");
    }
}
