package org.commissioning.contract.application;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.Geography;
import org.commissioning.contract.api.ListContractsQuery;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * The contracts matching every filter given: an area or district must be one of Kent's ({@code unknown-area},
 * {@code unknown-district}); a provider matches whole and ignoring case; a blank filter is no filter. A caller
 * confined to a provider sees that provider's contracts only.
 */
@Service
@RequiredArgsConstructor
public class ListContracts {

    private final ContractQueries queries;

    public List<ContractSummary> list(ListContractsQuery filters) {
        Access.require(Permission.READ_SUMMARIES);
        requireKnown(filters.area(), Geography.areas(), "area");
        requireKnown(filters.district(), Geography.districts(), "district");
        String rag = blankToNull(filters.rag());
        ListContractsQuery query = new ListContractsQuery(filters.serviceArea(), filters.area(), filters.district(),
                filters.status(), blankToNull(filters.provider()), rag == null ? null : rag.toUpperCase(Locale.ROOT));
        return queries.all(query, ContractSummary.class).stream()
                .filter(contract -> Access.mayRead(Permission.READ_SUMMARIES, contract.provider()))
                .toList();
    }

    private static void requireKnown(String name, Collection<String> known, String field) {
        if (name != null && !known.contains(name)) {
            throw new RuleViolationException("unknown-" + field, field,
                    "Unknown " + field + " " + name + "; known: " + known);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
