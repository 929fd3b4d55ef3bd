package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's auditor reads in their smallest form, on the shared stack: a contract with a year of rated months,
 * each auditor read answered and timed, and the raw driver read finding the contract's history entries. No timing is
 * asserted (the benchmark reports the ratios).
 */
class AuditorReadsIT {

    @Test
    void timesEveryAuditorReadOfAYearOfRatingsAgainstTheRawReadOfTheSameEntries() throws Exception {
        LocalStack stack = SharedStack.get();

        AuditorReads.Result result = AuditorReads.measure(stack, new GatewayClient(stack.demoLoader()), 1, 3);
        System.out.print(AuditorReads.rows(result));

        assertThat(result.months()).isEqualTo(12);
        assertThat(result.reads()).extracting(AuditorReads.Read::name).containsExactly("rating history",
                "rating history as of half-way", "re-derivation of every rating", "evidence pack");
        assertThat(result.reads()).allSatisfy(read -> assertThat(read.millis()).hasSize(3));
        assertThat(result.raw().millis()).hasSize(3);
        assertThat(result.entries()).as("ContractRated of each month at least").isGreaterThanOrEqualTo(12);
    }
}
