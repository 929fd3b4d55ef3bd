package org.commissioning.contract.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

    static final List<YearMonth> TWO_RED_MONTHS = List.of(YearMonth.of(2018, 4), YearMonth.of(2018, 5));

    @Test
    void isDueOnceTheRedStreakReachesTheThreshold() {
        assertThat(new EscalationPolicy(2).isDueAfter(TWO_RED_MONTHS)).isTrue();
        assertThat(new EscalationPolicy(3).isDueAfter(TWO_RED_MONTHS)).isFalse();
        assertThat(new EscalationPolicy(1).isDueAfter(List.of())).isFalse();
    }

    @Test
    void needsAtLeastOneRedMonth() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EscalationPolicy(0));
    }
}
