package org.commissioning.kpi.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.kpi.application.DefineOrReviseFramework;
import org.commissioning.kpi.application.FindFramework;
import org.commissioning.kpi.application.FrameworkRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** A contract's KPI framework: defined once, then revised in versions, each effective from a period. */
@RestController
@RequestMapping("/api/kpi/contracts/{contractId}/framework")
@RequiredArgsConstructor
public class KpiFrameworkController {

    private final DefineOrReviseFramework write;
    private final FindFramework find;

    /** Defines the framework (201) or, where one exists, revises it from {@code effectiveFrom} on (200). */
    @PutMapping
    public ResponseEntity<FrameworkResponse> put(@PathVariable UUID contractId,
                                                 @Valid @RequestBody FrameworkRequest request) {
        DefineOrReviseFramework.Written written = write.handle(contractId.toString(), request);
        FrameworkResponse body = FrameworkResponse.of(written.framework());
        return written.defined()
                ? ResponseEntity.created(URI.create("/api/kpi/contracts/" + contractId + "/framework")).body(body)
                : ResponseEntity.ok(body);
    }

    /** The version in force in {@code period} (yyyy-MM), or the latest version without a period. */
    @GetMapping
    public FrameworkResponse get(@PathVariable UUID contractId, @RequestParam(required = false) YearMonth period) {
        return FrameworkResponse.of(find.find(contractId.toString(), period));
    }
}
