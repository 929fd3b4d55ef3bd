package org.commissioning.gateway.web.pages;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/** The pages' shared bits: the error page and its words. */
final class Pages {

    private Pages() {
    }

    /** The path and query of this request, for a live region that fetches its page again. */
    static String self(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** The error page for {@code status}: {@code error/404}, {@code error/403}, {@code error/413} or {@code error/error}. */
    static ModelAndView error(HttpStatus status) {
        String view = switch (status) {
            case NOT_FOUND -> "error/404";
            case FORBIDDEN -> "error/403";
            case PAYLOAD_TOO_LARGE -> "error/413";
            default -> "error/error";
        };
        return new ModelAndView(view, Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
    }
}
