package org.commissioning.gateway.application;

import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** The contracts an auditor may open, from the dashboard's rows, found by their provider's name. */
@Service
@RequiredArgsConstructor
public class ListAuditableContracts {

    private final DashboardView view;

    /** The contracts listed, and every provider they could be filtered by. */
    public record Auditable(List<DashboardContract> contracts, List<String> providers) {
    }

    /**
     * For a caller with permission AUDIT (403 otherwise): every contract the dashboard knows, by provider, whose
     * provider's name contains {@code provider} (ignoring case; blank: all).
     */
    public Auditable list(String provider) {
        Access.require(Permission.AUDIT);
        List<DashboardContract> all = view.contracts(DashboardQuery.all());
        String wanted = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
        List<DashboardContract> matching = all.stream()
                .filter(c -> c.provider() != null && c.provider().toLowerCase(Locale.ROOT).contains(wanted))
                .sorted(java.util.Comparator.comparing(DashboardContract::provider)
                        .thenComparing(c -> c.serviceArea() == null ? "" : c.serviceArea())
                        .thenComparing(DashboardContract::id))
                .toList();
        List<String> providers = all.stream().map(DashboardContract::provider).filter(p -> p != null).distinct()
                .sorted().toList();
        return new Auditable(matching, providers);
    }
}
