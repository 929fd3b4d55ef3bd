package org.commissioning.kpi.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.commissioning.kpi.api.ContractStatus;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.Test;

/** The status of ended contracts as a plain object over a real MongoTemplate: its replay guard. */
class ContractStatusViewTest {

    final ContractStatusView view = new ContractStatusView(TestMongoTemplates.create("contract-status-view-test"));
    final String id = UUID.randomUUID().toString();

    @Test
    void appliesTerminationThenRecommissioningKeepingTheDateTheContractEnded() {
        assertThat(terminatedInOctoberThenRecommissioned()).containsExactly(true, true);

        assertThat(view.find(id)).contains(recommissionedAfterOctober());
    }

    @Test
    void aReplayedOrOlderEventNeverTakesTheStatusBack() {
        terminatedInOctoberThenRecommissioned();

        assertThat(terminatedInOctoberThenRecommissioned()).containsExactly(false, false);
        assertThat(view.apply(id, ContractStatus.EXPIRED, LocalDate.of(2019, 3, 31), 3)).isFalse();

        assertThat(view.find(id)).contains(recommissionedAfterOctober());
    }

    private ContractStatus recommissionedAfterOctober() {
        return new ContractStatus(id, ContractStatus.RECOMMISSIONED, LocalDate.of(2018, 10, 31), 5);
    }

    /** Whether each of a termination (sequence 4, ending October 2018) and a recommissioning (5) was applied. */
    private List<Boolean> terminatedInOctoberThenRecommissioned() {
        return List.of(view.apply(id, ContractStatus.TERMINATED, LocalDate.of(2018, 10, 31), 4),
                view.apply(id, ContractStatus.RECOMMISSIONED, null, 5));
    }

    @Test
    void anEventOlderThanTheFirstAppliedIsIgnoredAndANewerOneApplies() {
        view.apply(id, ContractStatus.EXPIRED, LocalDate.of(2019, 3, 31), 7);
        assertThat(view.apply(id, ContractStatus.TERMINATED, LocalDate.of(2018, 6, 30), 6)).isFalse();
        assertThat(view.find(id).orElseThrow().endedOn()).isEqualTo(LocalDate.of(2019, 3, 31));
        assertThat(view.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void takesFiguresUpToAndIncludingTheMonthTheContractEnded() {
        ContractStatus terminated = new ContractStatus(id, ContractStatus.TERMINATED, LocalDate.of(2018, 10, 15), 4);
        assertThat(terminated.accepts(YearMonth.of(2018, 9))).isTrue();
        assertThat(terminated.accepts(YearMonth.of(2018, 10))).isTrue();
        assertThat(terminated.accepts(YearMonth.of(2018, 11))).isFalse();
        assertThat(new ContractStatus(id, ContractStatus.RECOMMISSIONED, null, 1).accepts(YearMonth.of(2030, 1)))
                .isTrue();
    }
}
