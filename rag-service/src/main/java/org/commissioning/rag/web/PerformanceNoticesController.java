package org.commissioning.rag.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.rag.api.NoticeRating;
import org.commissioning.rag.api.PerformanceNotice;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.commissioning.rag.api.PerformanceNoticeSchedule;
import org.commissioning.rag.application.ConfirmPerformanceNotice;
import org.commissioning.rag.application.DraftPerformanceNotice;
import org.commissioning.rag.application.FindPerformanceNotices;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Procurement Act 2023 contract performance notices of a contract, by assessment year (named by its first month):
 * drafted from the ratings and confirmed by an officer (MANAGE_CONTRACTS), exported as JSON and scheduled
 * (READ_DETAIL, a provider its own contracts only).
 */
@RestController
@RequestMapping("/api/ratings/contracts/{contractId}/performance-notices")
@RequiredArgsConstructor
public class PerformanceNoticesController {

    /** Body of a confirmation: the officer's rationale and any KPI ratings amended. */
    public record ConfirmationRequest(
            @NotBlank @Size(max = PerformanceNoticeCommands.MAX_RATIONALE) String rationale,
            @Size(max = 100) List<@Valid @NotNull Amendment> amendments) {
    }

    /** A KPI's rating as the officer confirms it. */
    public record Amendment(@NotBlank @Size(max = 100) String kpiCode, @NotNull NoticeRating rating) {
    }

    private final DraftPerformanceNotice draftNotice;
    private final ConfirmPerformanceNotice confirmNotice;
    private final FindPerformanceNotices notices;

    @GetMapping
    public PerformanceNoticeSchedule schedule(@PathVariable UUID contractId) {
        return notices.schedule(contractId.toString());
    }

    /** The notice as recorded, as a JSON file to keep or publish. */
    @GetMapping("/{yearFrom}")
    public ResponseEntity<PerformanceNotice> export(@PathVariable UUID contractId, @PathVariable String yearFrom) {
        PerformanceNotice notice = notices.notice(contractId.toString(), yearFrom(yearFrom));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                .filename("performance-notice-" + contractId + "-" + notice.yearFrom() + ".json").build().toString())
                .body(notice);
    }

    @PostMapping("/{yearFrom}/draft")
    public PerformanceNotice draft(@PathVariable UUID contractId, @PathVariable String yearFrom) {
        return draftNotice.draft(contractId.toString(), yearFrom(yearFrom));
    }

    @PostMapping("/{yearFrom}/confirmation")
    public PerformanceNotice confirm(@PathVariable UUID contractId, @PathVariable String yearFrom,
                                     @Valid @RequestBody ConfirmationRequest request) {
        Map<String, NoticeRating> amendments = new LinkedHashMap<>();
        List<Amendment> given = request.amendments() == null ? List.of() : request.amendments();
        for (int i = 0; i < given.size(); i++) {
            if (amendments.put(given.get(i).kpiCode(), given.get(i).rating()) != null) {
                throw new RuleViolationException("amendment-once-per-kpi", "amendments[" + i + "].kpiCode",
                        "KPI " + given.get(i).kpiCode() + " is amended twice");
            }
        }
        return confirmNotice.confirm(contractId.toString(), yearFrom(yearFrom), amendments, request.rationale());
    }

    private static YearMonth yearFrom(String yearFrom) {
        try {
            return YearMonth.parse(yearFrom);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("period", "yearFrom",
                    "An assessment year is named by its first month, yyyy-MM; got " + yearFrom);
        }
    }
}
