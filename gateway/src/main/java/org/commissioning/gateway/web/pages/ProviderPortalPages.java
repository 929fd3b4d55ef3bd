package org.commissioning.gateway.web.pages;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.OwnerApi.Download;
import org.commissioning.gateway.application.portal.DownloadReturnTemplate;
import org.commissioning.gateway.application.portal.FinancialYear;
import org.commissioning.gateway.application.portal.ListPortalContracts;
import org.commissioning.gateway.application.portal.ReturnMonth;
import org.commissioning.gateway.application.portal.ReturnOutcome;
import org.commissioning.gateway.application.portal.ShowContractReturns;
import org.commissioning.gateway.application.portal.ShowReturnMonth;
import org.commissioning.gateway.application.portal.SubmitReturn;
import org.commissioning.gateway.application.portal.UploadReturnCsv;
import org.commissioning.gateway.application.portal.UploadReturnCsv.CsvFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The provider portal: a provider's contracts with their rating and returns outstanding, a contract's returns by
 * financial year, and a month's return, made with a form generated from the framework in force or uploaded as a
 * CSV file.
 */
@Hidden
@Controller
@RequestMapping("/provider")
@RequiredArgsConstructor
public class ProviderPortalPages {

    /** A form field's name for a KPI: {@code kpi.<code>}. */
    static final String KPI_PARAMETER = "kpi.";

    private final ListPortalContracts contracts;
    private final ShowContractReturns returns;
    private final ShowReturnMonth month;
    private final SubmitReturn submit;
    private final UploadReturnCsv upload;
    private final DownloadReturnTemplate template;
    private final PortalText text;

    @GetMapping
    ModelAndView contracts(@RequestParam(required = false) String provider) {
        return new ModelAndView("provider/contracts", Map.of("portal", contracts.list(provider)));
    }

    @GetMapping("/contracts/{contractId}")
    ModelAndView contract(@PathVariable String contractId, @RequestParam(required = false) String year) {
        return new ModelAndView("provider/contract", Map.of("returns", returns.show(contractId, year(year))));
    }

    @GetMapping("/contracts/{contractId}/returns/{period}")
    ModelAndView month(@PathVariable String contractId, @PathVariable String period) {
        return monthPage(month.show(contractId, period), HttpStatus.OK);
    }

    @PostMapping("/contracts/{contractId}/returns/{period}")
    ModelAndView submit(@PathVariable String contractId, @PathVariable String period,
                        @RequestParam Map<String, String> form, RedirectAttributes flash) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(KPI_PARAMETER)) {
                typed.put(name.substring(KPI_PARAMETER.length()), value);
            }
        });
        return outcome(submit.submit(contractId, period, typed, form.get("narrative")), flash);
    }

    /**
     * The month's return as a CSV file ({@code enctype="multipart/form-data"}, the file in the part {@code csv}).
     * Taken: the month's page, now showing the return, with a banner naming the file; refused: the month's form
     * again with the file's errors, line by line.
     */
    @PostMapping("/contracts/{contractId}/returns/{period}/csv")
    ModelAndView upload(@PathVariable String contractId, @PathVariable String period,
                        @RequestPart(name = "csv", required = false) MultipartFile csv, RedirectAttributes flash)
            throws IOException {
        CsvFile file = csv == null ? null : new CsvFile(csv.getOriginalFilename(), csv.getContentType(),
                csv.getBytes());
        ReturnOutcome outcome = upload.upload(contractId, period, file);
        if (outcome instanceof ReturnOutcome.Submitted taken) {
            flash.addFlashAttribute("uploaded", file.name());
            return new ModelAndView("redirect:/provider/contracts/" + taken.contractId() + "/returns/"
                    + taken.period());
        }
        return outcome(outcome, flash);
    }

    @GetMapping("/contracts/{contractId}/returns/{period}/template.csv")
    ResponseEntity<byte[]> template(@PathVariable String contractId, @PathVariable String period) {
        Download csv = template.template(contractId, period);
        String name = csv.fileName() == null ? "return-" + contractId + "-" + period + ".csv" : csv.fileName();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(csv.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(csv.bytes());
    }

    /** Taken: to the contract's returns of that year, with a banner; refused: the month's form again, and why. */
    private ModelAndView outcome(ReturnOutcome outcome, RedirectAttributes flash) {
        if (outcome instanceof ReturnOutcome.Submitted taken) {
            flash.addFlashAttribute("submitted", taken.period());
            return new ModelAndView("redirect:/provider/contracts/" + taken.contractId() + "?year="
                    + FinancialYear.of(taken.period()).startYear());
        }
        ReturnOutcome.Refused refused = (ReturnOutcome.Refused) outcome;
        return monthPage(refused.page(), HttpStatus.valueOf(refused.status()));
    }

    /** The month's page; its title says "Error:" first when the form comes back refused, as GOV.UK pages do. */
    private ModelAndView monthPage(ReturnMonth page, HttpStatus status) {
        boolean refused = page.form() != null && !page.form().errors().isEmpty();
        String title = (refused ? "Error: " : "") + "Return for " + text.month(page.period());
        return new ModelAndView("provider/return", Map.of("month", page, "title", title,
                "uploadLimit", text.uploadLimit()), status);
    }

    /** A year that is not one shows the latest, as without it. */
    private static Integer year(String year) {
        return year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null;
    }
}
