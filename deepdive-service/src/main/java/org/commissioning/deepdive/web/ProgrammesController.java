package org.commissioning.deepdive.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.deepdive.api.ProgrammeSummary;
import org.commissioning.deepdive.application.FindProgramme;
import org.commissioning.deepdive.application.OpenProgramme;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deep-dive programme of a financial year: opened by an officer (MANAGE_CONTRACTS), read as a table with totals
 * (READ_SUMMARIES; a provider sees its own contracts' rows).
 */
@RestController
@RequestMapping("/api/deepdives/programmes/{year}")
@RequiredArgsConstructor
public class ProgrammesController {

    /** The answer to opening a programme: the contracts given a deep dive. */
    public record OpenedResponse(int programmeYear, int planned, List<String> contractIds) {
    }

    private final OpenProgramme openProgramme;
    private final FindProgramme findProgramme;

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public OpenedResponse open(@PathVariable int year) {
        OpenProgramme.Opened opened = openProgramme.open(ProgrammeYears.checked(year));
        return new OpenedResponse(opened.programmeYear(), opened.planned().size(), opened.planned());
    }

    @GetMapping
    public ProgrammeSummary programme(@PathVariable int year) {
        return findProgramme.find(ProgrammeYears.checked(year));
    }
}
