package org.commissioning.gateway.web.pages;

import lombok.RequiredArgsConstructor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.commissioning.gateway.application.ActOnContract;
import org.commissioning.gateway.application.ContractPage;
import org.commissioning.gateway.application.OwnerRefused;
import org.commissioning.gateway.application.ShowContractPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The contract page ({@code /contracts/{id}}), its live status fragment, and the officer's actions: each a plain
 * form posted here, sent to the owner by {@link ActOnContract}; a refusal shows the page again with the owner's
 * status, an error summary and the message next to each field; a success goes back to the page with a banner.
 */
@Hidden
@Controller
@RequiredArgsConstructor
public class ContractPageController {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final ShowContractPage pages;
    private final ActOnContract actions;
    private final ObjectMapper json;


    @GetMapping("/contracts/{contractId}")
    ModelAndView page(@PathVariable String contractId) {
        return page(contractId, null);
    }

    @GetMapping("/contracts/{contractId}/fragments/status")
    ModelAndView status(@PathVariable String contractId) {
        return new ModelAndView("contract :: status", Map.of("status", pages.status(contractId)));
    }

    @PostMapping("/contracts/{contractId}/override")
    ModelAndView override(@PathVariable String contractId, @RequestParam(required = false) String period,
                          @RequestParam(required = false) String rating,
                          @RequestParam(required = false) String rationale, RedirectAttributes done) {
        Map<String, String> values = values("period", period, "rating", rating, "rationale", rationale);
        if (!isMonth(period)) {
            return page(contractId, notAMonth("override", values));
        }
        return act(contractId, "override", values, done, "The rating of " + period + " was overridden",
                () -> actions.overrideRating(contractId, period.strip(), rating, rationale));
    }

    @PostMapping("/contracts/{contractId}/meetings")
    ModelAndView meeting(@PathVariable String contractId, @RequestParam(required = false) String heldOn,
                         @RequestParam(required = false) String attendees,
                         @RequestParam(required = false) String notes, RedirectAttributes done) {
        Map<String, String> values = values("heldOn", heldOn, "attendees", attendees, "notes", notes);
        return act(contractId, "meeting", values, done, "The monitoring meeting of " + heldOn + " was recorded",
                () -> actions.recordMeeting(contractId, heldOn, attendees, notes));
    }

    @PostMapping("/contracts/{contractId}/plans")
    ModelAndView plan(@PathVariable String contractId, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String actionDescription,
                      @RequestParam(required = false) String actionOwner,
                      @RequestParam(required = false) String actionDueDate, RedirectAttributes done) {
        Map<String, String> values = values("kind", kind, "reason", reason, "actionDescription", actionDescription,
                "actionOwner", actionOwner, "actionDueDate", actionDueDate);
        return act(contractId, "plan", values, done, "The plan was started",
                () -> actions.startPlan(contractId, kind, reason, actionDescription, actionOwner, actionDueDate));
    }

    @PostMapping("/contracts/{contractId}/warnings")
    ModelAndView warning(@PathVariable String contractId, @RequestParam(required = false) String reasons,
                         @RequestParam(required = false) String responseDeadline, RedirectAttributes done) {
        Map<String, String> values = values("reasons", reasons, "responseDeadline", responseDeadline);
        return act(contractId, "warning", values, done, "The warning was issued",
                () -> actions.issueWarning(contractId, reasons, responseDeadline));
    }

    @PostMapping("/contracts/{contractId}/payments")
    ModelAndView payment(@PathVariable String contractId, @RequestParam(required = false) String period,
                         @RequestParam(required = false) String decision,
                         @RequestParam(required = false) String rationale,
                         @RequestParam(required = false) String supersedingReason, RedirectAttributes done) {
        Map<String, String> values = values("period", period, "decision", decision, "rationale", rationale,
                "supersedingReason", supersedingReason);
        if (!isMonth(period)) {
            return page(contractId, notAMonth("payment", values));
        }
        return act(contractId, "payment", values, done, "The payment of " + period + " was "
                        + ("WITHHELD".equals(decision) ? "withheld" : "authorised"),
                () -> actions.decidePayment(contractId, period.strip(), decision, rationale, supersedingReason));
    }

    private ModelAndView act(String contractId, String form, Map<String, String> values, RedirectAttributes done,
                             String banner, Runnable action) {
        try {
            action.run();
        } catch (OwnerRefused refused) {
            return page(contractId, FormRefusal.of(form, values, refused));
        } catch (ErrorResponseException unavailable) {
            return page(contractId, FormRefusal.unavailable(form, values, unavailable));
        }
        done.addFlashAttribute("done", banner);
        return new ModelAndView("redirect:/contracts/" + contractId);
    }

    /** A month in the owner's path must be there to be sent: the page refuses a missing or malformed one itself. */
    private static boolean isMonth(String period) {
        return period != null && MONTH.matcher(period.strip()).matches();
    }

    private static FormRefusal notAMonth(String form, Map<String, String> values) {
        return FormRefusal.of(form, values, "period", "Enter the month as a year and month, for example 2018-05");
    }

    /** contract-service down, and the dashboard without the contract: the page cannot be shown at all. */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView ownerUnavailable(ErrorResponseException unavailable) {
        HttpStatus status = HttpStatus.resolve(unavailable.getStatusCode().value());
        return Pages.error(status == null ? HttpStatus.SERVICE_UNAVAILABLE : status);
    }

    private ModelAndView page(String contractId, FormRefusal refusal) {
        ContractPage page = pages.show(contractId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("page", page);
        model.put("status", page.status());
        model.put("chartJson", chartJson(page));
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        HttpStatus status = refusal == null ? HttpStatus.OK : HttpStatus.resolve(refusal.status());
        return new ModelAndView("contract", model, status == null ? HttpStatus.BAD_REQUEST : status);
    }

    private String chartJson(ContractPage page) {
        if (!page.chart().available() || page.chart().content() == null) {
            return null;
        }
        try {
            return json.writeValueAsString(page.chart().content());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data not written as JSON", e);
        }
    }

    private static Map<String, String> values(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return values;
    }
}
