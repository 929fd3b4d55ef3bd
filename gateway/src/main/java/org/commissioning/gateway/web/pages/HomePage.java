package org.commissioning.gateway.web.pages;

import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;

/** Where a signed-in person starts: a provider's staff at their own contracts, everyone else at the overview. */
@Hidden
@Controller
public class HomePage {

    @GetMapping("/")
    String home() {
        Caller caller = Access.caller();
        return caller.isConfinedToProvider() ? "redirect:/provider" : "home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
