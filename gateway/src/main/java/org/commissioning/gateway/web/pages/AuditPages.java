package org.commissioning.gateway.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.AuditInstants;
import org.commissioning.gateway.application.AuditWorkspace;
import org.commissioning.gateway.application.ListAuditableContracts;
import org.commissioning.gateway.application.ShowAuditWorkspace;
import org.commissioning.gateway.web.EvidencePackController;
import org.commissioning.platform.domain.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The auditor's workspace (AUDIT: officers and auditors): the contracts to audit, found by provider; one contract's
 * ratings as they stood at a picked instant, with their evidence, overrides, re-derivation, chain verification and
 * the changes between two instants; and its evidence pack as of that instant, downloaded from the page's session.
 */
@Hidden
@Controller
@RequiredArgsConstructor
public class AuditPages {

    private final ListAuditableContracts list;
    private final ShowAuditWorkspace workspace;
    private final AuditInstants instants;

    @GetMapping("/audit")
    String contracts(@RequestParam(required = false) String provider, Model model) {
        model.addAttribute("auditable", list.list(provider));
        model.addAttribute("provider", provider == null ? "" : provider);
        return "audit/contracts";
    }

    @GetMapping("/audit/contracts/{contractId}")
    String contract(@PathVariable String contractId, @RequestParam(required = false) String asOf,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    Model model, HttpServletResponse response) {
        model.addAttribute("contractId", contractId);
        model.addAttribute("zone", instants.zone().getId());
        try {
            AuditWorkspace shown = workspace.show(new ShowAuditWorkspace.Query(contractId, asOf, from, to));
            model.addAttribute("workspace", shown);
            model.addAttribute("values", Map.of("asOf", instants.local(shown.asOf()),
                    "from", shown.changes() == null ? "" : instants.local(shown.changes().from()),
                    "to", shown.changes() == null ? "" : instants.local(shown.changes().to())));
        } catch (RuleViolationException refused) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("asOf", asOf == null ? "" : asOf);
            values.put("from", from == null ? "" : from);
            values.put("to", to == null ? "" : to);
            model.addAttribute("values", values);
            model.addAttribute("errors", Map.of(refused.field() == null ? "asOf" : refused.field(),
                    refused.getMessage()));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "audit/contract";
    }

    @GetMapping("/audit/contracts/{contractId}/evidence-pack")
    ResponseEntity<byte[]> evidencePack(@PathVariable String contractId, @RequestParam(required = false) String asOf) {
        return EvidencePackController.download(workspace.evidencePack(contractId, asOf));
    }

    /** A picked instant the pack cannot be made for: the page of a bad request (the workspace names the field). */
    @ExceptionHandler(RuleViolationException.class)
    ModelAndView badInstant(RuleViolationException refused) {
        return Pages.error(HttpStatus.BAD_REQUEST);
    }
}
