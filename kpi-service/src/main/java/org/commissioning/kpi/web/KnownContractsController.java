package org.commissioning.kpi.web;

import java.util.List;
import java.util.UUID;

import org.commissioning.kpi.api.KnownContract;
import org.commissioning.kpi.query.KnownContractsProjection;
import org.commissioning.platform.domain.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contracts KPI returns can be submitted for, as registered in contract-service. */
@RestController
@RequestMapping("/api/kpi/contracts")
public class KnownContractsController {

    private final KnownContractsProjection view;

    public KnownContractsController(KnownContractsProjection view) {
        this.view = view;
    }

    @GetMapping
    public List<KnownContract> list() {
        return view.all();
    }

    @GetMapping("/{contractId}")
    public KnownContract find(@PathVariable UUID contractId) {
        return view.find(contractId.toString())
                .orElseThrow(() -> new NotFoundException("No contract " + contractId + " is known here"));
    }
}
