package org.commissioning.gateway.web.pages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commissioning.platform.web.ProblemErrorController;
import org.commissioning.platform.web.RequestBodyLimitFilter;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The gateway's error path: a browser (which asks for HTML) gets an error page in the service's layout, any other
 * client the platform's problem, as every service answers it. A body over the platform's limit (a file too big) is
 * said so with the limit, and a link back to the form where the page knows it.
 */
@Hidden
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class PageErrorController implements ErrorController {

    private final ProblemErrorController problems = new ProblemErrorController();

    /** A form that posts a file has its page at the form's path without this last segment. */
    private static final Pattern FILE_FORM = Pattern.compile("^(/provider/contracts/[^/]+/returns/[^/]+)/csv$");

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ModelAndView page = Pages.error(status);
        if (status == HttpStatus.PAYLOAD_TOO_LARGE
                && request.getAttribute(RequestBodyLimitFilter.LIMIT_ATTRIBUTE) instanceof Long limit) {
            page.addObject("limit", PortalText.size(limit));
            Matcher form = FILE_FORM.matcher(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
            page.addObject("back", form.matches() ? form.group(1) : null);
        }
        return page;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        return problems.error(request);
    }
}
