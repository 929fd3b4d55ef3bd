package org.commissioning.contract.command;

import java.util.List;

import org.commissioning.contract.api.Geography;
import org.commissioning.contract.api.Lot;
import org.commissioning.platform.domain.RuleViolationException;

/** Which lots a contract may deliver in: the whole county, or named areas or districts of it, each named once. */
final class LotRules {

    private LotRules() {
    }

    static void requireValid(Lot lot) {
        switch (lot.scope()) {
            case COUNTY -> {
                if (!lot.names().isEmpty()) {
                    throw new RuleViolationException("county-lot-has-no-names", "lot.names",
                            "A county-wide lot names no areas or districts, but got " + lot.names());
                }
            }
            case AREA -> requireKnown(lot.names(), Geography.areas(), "area");
            case DISTRICT -> requireKnown(lot.names(), Geography.districts(), "district");
        }
    }

    private static void requireKnown(List<String> names, List<String> known, String kind) {
        if (names.isEmpty()) {
            throw new RuleViolationException("lot-names-required", "lot.names",
                    "A " + kind + " lot names at least one " + kind + " of " + known);
        }
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("unknown-" + kind, "lot.names",
                    "Unknown " + kind + (unknown.size() > 1 ? "s " : " ") + unknown + "; known: " + known);
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new RuleViolationException("duplicate-" + kind, "lot.names", "A " + kind + " is named twice: " + names);
        }
    }
}
