package org.commissioning.rag.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.rag.api.Rederivation;
import org.commissioning.rag.application.RederiveRatings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The re-derivation check of a contract's recorded ratings (see {@link RederiveRatings}). */
@RestController
@RequestMapping("/api/ratings/contracts/{contractId}")
@RequiredArgsConstructor
public class RederivationController {

    private final RederiveRatings rederive;

    /** 404 for a contract neither known nor rated. */
    @GetMapping("/rederivation")
    public Rederivation rederivation(@PathVariable UUID contractId) {
        return rederive.check(contractId.toString());
    }
}
