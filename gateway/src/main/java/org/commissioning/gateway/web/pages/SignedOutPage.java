package org.commissioning.gateway.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;

/** The page a person lands on after signing out. */
@Hidden
@Controller
public class SignedOutPage {

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
