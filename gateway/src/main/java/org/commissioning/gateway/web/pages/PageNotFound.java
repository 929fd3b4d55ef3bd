package org.commissioning.gateway.web.pages;

import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A path nothing answers: a browser on a page path gets the not-found page, anything else the platform's problem
 * (as {@link ProblemDetailsAdvice} answers it everywhere else).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageNotFound {

    private final ProblemDetailsAdvice problems;

    public PageNotFound(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    Object notFound(Exception missing, HttpServletRequest request) throws Exception {
        ServletWebRequest web = new ServletWebRequest(request);
        if (PagePaths.pages().matches(request) && acceptsHtml(web)) {
            return Pages.error(HttpStatus.NOT_FOUND);
        }
        return problems.handleException(missing, web);
    }

    private static boolean acceptsHtml(NativeWebRequest request) {
        try {
            return new HeaderContentNegotiationStrategy().resolveMediaTypes(request).stream()
                    .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
        } catch (HttpMediaTypeNotAcceptableException unreadable) {
            return false;
        }
    }
}
