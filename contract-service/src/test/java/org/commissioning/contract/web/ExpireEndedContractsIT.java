package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.commissioning.contract.application.ExpireEndedContracts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Contracts expire at their end date; "today" is fixed at 1 April 2019 and the test runs the scan itself. */
class ExpireEndedContractsIT extends OnFirstApril2019 {

    @Autowired
    ExpireEndedContracts scan;

    @Test
    void expiresOnlyActiveContractsWhoseEndDateHasComeAndOnlyOnce() throws Exception {
        String ended = register("\"start\":\"2016-04-01\",\"end\":\"2019-03-31\"");
        String running = register("\"start\":\"2016-04-01\",\"end\":\"2020-03-31\"");
        String open = register("\"start\":\"2016-04-01\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(open).equals("ACTIVE") && status(running).equals("ACTIVE")
                && status(ended).equals("ACTIVE"));

        assertThat(scan.scan()).containsExactly(ended);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(ended).equals("EXPIRED"));
        assertThat(status(running)).isEqualTo("ACTIVE");
        assertThat(status(open)).isEqualTo("ACTIVE");
        assertThat(scan.scan()).isEmpty();
        assertThat(historyTypes(ended)).containsExactly("ContractRegistered", "ContractExpired");
    }
}
