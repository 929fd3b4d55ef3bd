package org.commissioning.platform.web;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat answers some errors itself, before a request reaches Spring (an encoded {@code /}, {@code \} or NUL in
 * the path, a request line or headers too large or malformed): its host's error report valve writes an HTML
 * page. This valve takes its place and writes the same error as {@code application/problem+json}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemDetail problem = ProblemResponses.forStatus(status, detail(status));
        byte[] body = ProblemResponses.bytes(problem);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over; there is nothing more to tell it
        }
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its path, query or headers are not acceptable"
                    + " (an encoded '/', '\\' or NUL in the path, an invalid character, or a request line or headers"
                    + " that are too large).";
            case 404 -> "There is nothing at this path.";
            case 413 -> "The request is too large.";
            case 414 -> "The request URI is too long.";
            case 431 -> "The request headers are too large.";
            case 500 -> "The request could not be completed.";
            default -> "The request could not be completed (HTTP " + status + ").";
        };
    }

    /** Puts the valve in place of the host's HTML one. Runs after Spring Boot's own customizer adds that one. */
    public static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                if (parent != null) {
                    for (Valve valve : parent.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            parent.getPipeline().removeValve(valve);
                        }
                    }
                    parent.getPipeline().addValve(new ProblemErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
