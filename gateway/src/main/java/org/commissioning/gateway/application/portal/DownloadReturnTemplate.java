package org.commissioning.gateway.application.portal;

import java.time.YearMonth;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.OwnerApi;
import org.commissioning.gateway.application.OwnerApi.Download;
import org.commissioning.gateway.application.OwnerApi.Owner;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** kpi-service's CSV template of a month's return (a header and a row per KPI the provider reports), relayed. */
@Service
@RequiredArgsConstructor
public class DownloadReturnTemplate {

    private final PortalOwners owners;
    private final OwnerApi owner;

    /** For a caller with {@code READ_DETAIL} (403) who may see the contract (404 otherwise, as for the month). */
    public Download template(String contractId, String period) {
        PortalContract contract = owners.contract(contractId, Permission.READ_DETAIL);
        YearMonth month = owners.month(contract, period);
        return owner.download(Owner.KPI, PortalOwners.RETURNS + "/template.csv", Map.of("period", month),
                contractId);
    }
}
