package org.commissioning.deepdive.api;

import java.time.LocalDate;

/**
 * A contract's term as this service knows it (infra/known-contracts): either end null where not recorded.
 */
public record ContractTerm(LocalDate start, LocalDate end) {

    public boolean contains(LocalDate date) {
        return (start == null || !date.isBefore(start)) && (end == null || !date.isAfter(end));
    }

    @Override
    public String toString() {
        return (start == null ? "(start not recorded)" : start) + ".." + (end == null ? "(open)" : end);
    }
}
