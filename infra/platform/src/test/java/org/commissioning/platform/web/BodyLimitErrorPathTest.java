package org.commissioning.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A body refused for its length goes through the container's error path, so an application with an error
 * controller of its own (the gateway's, which shows a browser an error page) answers it in its own terms, told the
 * limit; the platform's problem is only the default error controller's answer.
 */
@SpringBootTest(classes = {EdgeTestApplication.class, BodyLimitErrorPathTest.OwnErrorController.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BodyLimitErrorPathTest {

    @LocalServerPort
    int port;

    @RestController
    static class OwnErrorController implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<String> error(HttpServletRequest request) {
            return ResponseEntity.status((Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))
                    .contentType(MediaType.TEXT_HTML)
                    .body("<p>The file is too big: at most " + request.getAttribute(RequestBodyLimitFilter.LIMIT_ATTRIBUTE)
                            + " bytes</p>");
        }
    }

    @Test
    void answersAnUploadAboveTheLimitWithTheApplicationsErrorControllerToldTheLimit() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/test/returns/csv"))
                .header("Content-Type", "text/csv").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("a".repeat(HttpEdgeTest.MAX_UPLOAD + 1))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(response.body()).isEqualTo("<p>The file is too big: at most " + HttpEdgeTest.MAX_UPLOAD + " bytes</p>");
    }
}
