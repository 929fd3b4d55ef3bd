package org.commissioning.gateway.web.pages;

import org.commissioning.gateway.application.OwnerRefused;
import org.commissioning.platform.domain.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that cannot be shown is a page saying why, in the service's layout: not found (also another provider's
 * contract, which the owners answer exactly as a missing one), not allowed, or an owner that refused or failed.
 * Refusals of a form are not errors: the form pages show them next to their fields.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException missing) {
        return Pages.error(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException denied) {
        return Pages.error(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(OwnerRefused.class)
    ModelAndView refused(OwnerRefused refused) {
        HttpStatus status = HttpStatus.resolve(refused.status());
        return Pages.error(status == null || status.is2xxSuccessful() ? HttpStatus.BAD_GATEWAY : status);
    }
}
