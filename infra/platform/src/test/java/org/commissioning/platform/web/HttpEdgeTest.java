package org.commissioning.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP edge every service and the gateway share, on a real Tomcat at a random port, called over real HTTP (and
 * raw sockets for what a well-behaved client will not send): strict JSON, the body limit, every error a problem.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpEdgeTest {

    static final int MAX_BODY = 64 * 1024;
    static final int MAX_UPLOAD = 2 * 1024 * 1024;
    static final String VALID = """
            {"kind":"ACTION_PLAN","start":"2018-04-01","period":"2018-05","decidedAt":"2018-05-01T09:00:00Z",\
            "leadOfficer":"officer.jones","rationale":"agreed","actions":3,"attendees":4,"annualValueGbp":120000,\
            "urgent":true,"lot":{"scope":"DISTRICT","names":["Ashford"]}}""";

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Nested
    class StrictJson {

        @Test
        void acceptsABodyOfTheRightTypes() throws Exception {
            HttpResponse<String> response = postJson(VALID);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode echoed = json.readTree(response.body());
            assertThat(echoed.get("kind").asText()).isEqualTo("ACTION_PLAN");
            assertThat(echoed.get("start").asText()).isEqualTo("2018-04-01");
            assertThat(echoed.get("annualValueGbp").decimalValue()).isEqualByComparingTo("120000");
        }

        /**
         * The valid body with one value replaced by one of the wrong JSON type: refused naming the field, with a
         * message that says what the field takes where one is given.
         */
        @ParameterizedTest(name = "refuses {1}")
        @CsvSource(delimiter = '|', textBlock = """
                "kind":"ACTION_PLAN"                | "kind":1                      | IMPROVEMENT_PLAN, ACTION_PLAN
                "start":"2018-04-01"                | "start":123                   | date
                "start":"2018-04-01"                | "start":[2018,4,1]            |
                "period":"2018-05"                  | "period":201805               | period
                "period":"2018-05"                  | "period":[2018,5]             |
                "decidedAt":"2018-05-01T09:00:00Z"  | "decidedAt":1525165200        | instant
                "decidedAt":"2018-05-01T09:00:00Z"  | "decidedAt":1525165200.5      |
                "leadOfficer":"officer.jones"       | "leadOfficer":7               | string
                "rationale":"agreed"                | "rationale":5                 |
                "rationale":"agreed"                | "rationale":true              |
                "rationale":"agreed"                | "rationale":{"text":"agreed"} |
                "actions":3                         | "actions":"3"                 | whole number
                "actions":3                         | "actions":3.5                 |
                "attendees":4                       | "attendees":"4"               |
                "attendees":4                       | "attendees":4.0               |
                "attendees":4                       | "attendees":null              | null
                "annualValueGbp":120000             | "annualValueGbp":"120000"     |
                "urgent":true                       | "urgent":1                    | boolean
                "urgent":true                       | "urgent":"true"               |
                """)
        void refusesAValueOfTheWrongJsonType(String valid, String wrong, String mentions) throws Exception {
            String field = valid.substring(1, valid.indexOf('"', 1));

            JsonNode error = refusedField(with(valid, wrong), field);

            if (mentions != null) {
                assertThat(error.get("message").asText()).contains(mentions.split(", "));
            }
        }

        @Test
        void leavesAPrimitiveLeftOutAtItsDefault() throws Exception {
            HttpResponse<String> response = postJson(with("\"attendees\":4,", ""));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("attendees").asInt()).isZero();
        }

        @Test
        void namesAFieldTheRequestDoesNotHave() throws Exception {
            JsonNode error = refusedField(with("\"leadOfficer\":", "\"leadOfficr\":"), "leadOfficr");
            assertThat(error.get("message").asText()).contains("is not a known field", "leadOfficer");
            refusedField(with("\"names\":", "\"nmes\":"), "lot.nmes");
        }

        @Test
        void namesAFieldGivenTwice() throws Exception {
            refusedField(VALID.replace("\"rationale\":\"agreed\"", "\"rationale\":\"agreed\",\"rationale\":\"other\""),
                    "rationale");
        }

        @Test
        void refusesABodyThatIsNotAJsonObject() throws Exception {
            for (String body : new String[] {"[" + VALID + "]", "[]", "5", "\"plan\"", "true"}) {
                HttpResponse<String> response = postJson(body);
                JsonNode problem = problem(response, 400);
                assertThat(problem.get("detail").asText()).as(body).contains("must be a JSON object");
            }
        }

        @Test
        void refusesMalformedJsonAndAnythingAfterTheBody() throws Exception {
            assertThat(problem(postJson("{\"kind\":"), 400).get("detail").asText()).contains("not valid JSON");
            problem(postJson(VALID + " {}"), 400);
        }
    }

    @Nested
    class BodyLimit {

        @Test
        void refusesABodyWhoseLengthIsAboveTheLimitBeforeReadingIt() throws Exception {
            HttpResponse<String> response = post("/test/plans", "application/json",
                    BodyPublishers.ofString(jsonOfSize(MAX_BODY + 1)));

            JsonNode problem = problem(response, 413);
            assertThat(problem.get("limit").asLong()).isEqualTo(MAX_BODY);
        }

        @Test
        void refusesAChunkedBodyWhenItPassesTheLimit() throws Exception {
            HttpResponse<String> response = post("/test/plans", "application/json", chunked(jsonOfSize(MAX_BODY + 1)));

            problem(response, 413);
        }

        @Test
        void acceptsABodyAtTheLimit() throws Exception {
            assertThat(post("/test/plans", "application/json", BodyPublishers.ofString(jsonOfSize(MAX_BODY)))
                    .statusCode()).isEqualTo(200);
            assertThat(post("/test/plans", "application/json", chunked(jsonOfSize(MAX_BODY))).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void refusesAOneMebibyteTextField() throws Exception {
            problem(post("/test/plans", "application/json", BodyPublishers.ofString(jsonOfSize(1024 * 1024))), 413);
        }

        @Test
        void acceptsAnUploadAboveTheBodyLimitUpToTheUploadLimit() throws Exception {
            String csv = "a".repeat(MAX_BODY * 4);
            HttpResponse<String> response = post("/test/returns/csv", "text/csv", BodyPublishers.ofString(csv));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("length").asInt()).isEqualTo(csv.length());
            assertThat(post("/test/returns/csv", "text/csv", chunked(csv)).statusCode()).isEqualTo(200);
        }

        @Test
        void refusesAnUploadAboveTheUploadLimit() throws Exception {
            String csv = "a".repeat(MAX_UPLOAD + 1);
            assertThat(problem(post("/test/returns/csv", "text/csv", BodyPublishers.ofString(csv)), 413)
                    .get("limit").asLong()).isEqualTo(MAX_UPLOAD);
            problem(post("/test/returns/csv", "text/plain", chunked(csv)), 413);
        }
    }

    @Nested
    class EveryErrorAProblem {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/test/plans/a%2Fb", "/test/plans/a%5Cb", "/test/plans/a%00b"})
        void answersAnEncodedSlashBackslashOrNulInThePathWithAProblem(String path) throws Exception {
            problem(get(path), 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/test/plans/a\0b", "/test/plans/a{b}", "/test/plans/a b c", "/test/\u00e9"})
        void answersCharactersAnHttpClientWouldNotSendWithAProblem(String target) throws Exception {
            RawHttp.Response response = RawHttp.send(port,
                    "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertProblem(response, target);
        }

        @Test
        void answersAMalformedRequestLineOrHeaderWithAProblem() throws Exception {
            assertProblem(RawHttp.send(port, "GARBAGE\r\n\r\n"), "no version");
            assertProblem(RawHttp.send(port, "GET /test/plans/1 HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n"
                    + "Connection: close\r\n\r\n"), "space in a header name");
        }

        @Test
        void answersAnOversizedQueryStringWithAProblem() throws Exception {
            problem(get("/test/plans/1?q=" + "x".repeat(20_000)), 400);
        }

        @Test
        void answersAnUnknownPathWithAProblem() throws Exception {
            assertThat(problem(get("/test/nowhere"), 404).get("type").asText()).endsWith("/not-found");
            problem(get("/"), 404);
        }

        @Test
        void answersAWrongMethodWithAProblem() throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/test/plans"))
                    .method("DELETE", BodyPublishers.noBody()).build(), BodyHandlers.ofString());

            assertThat(problem(response, 405).get("type").asText()).endsWith("/method-not-allowed");
        }

        @Test
        void answersAnUnsupportedMediaTypeWithAProblem() throws Exception {
            HttpResponse<String> response = post("/test/plans", "application/xml", BodyPublishers.ofString("<plan/>"));

            assertThat(problem(response, 415).get("type").asText()).endsWith("/unsupported-media-type");
        }

        @Test
        void answersAnUnacceptableMediaTypeWithAProblem() throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/test/plans/1"))
                    .header("Accept", "text/csv").GET().build(), BodyHandlers.ofString());

            problem(response, 406);
        }

        @Test
        void answersTheErrorPathWithAProblem() throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/error"))
                    .header("Accept", "text/html").GET().build(), BodyHandlers.ofString());

            assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private JsonNode refusedField(String body, String field) throws Exception {
        HttpResponse<String> response = postJson(body);
        JsonNode problem = problem(response, 400);
        JsonNode errors = problem.get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        assertThat(errors).as(response.body()).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asText()).as(response.body()).doesNotContain("com.", "java.", "`");
        return errors.get(0);
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return problem(status, response.headers().firstValue("Content-Type").orElse(null), response.body(), "");
    }

    private void assertProblem(RawHttp.Response response, String what) throws IOException {
        assertThat(response.status()).as(what + ": " + response.body()).isBetween(400, 499);
        problem(response.status(), response.header("Content-Type"), response.body(), what);
    }

    /** An RFC 9457 problem of HTTP status {@code status}, typed and titled as the platform writes every one. */
    private JsonNode problem(int status, String contentType, String body, String what) throws IOException {
        assertThat(contentType).as(what + ": " + body).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.get("type").asText()).as(what).startsWith(ProblemDetailsAdvice.TYPE_BASE);
        assertThat(problem.get("title").asText()).as(what).isNotBlank();
        assertThat(problem.get("detail").asText()).as(what).isNotBlank();
        return problem;
    }

    private static String with(String original, String replacement) {
        assertThat(VALID).contains(original);
        return VALID.replace(original, replacement);
    }

    /** A valid plan whose rationale makes the body exactly {@code size} bytes. */
    private static String jsonOfSize(int size) {
        String body = with("\"rationale\":\"agreed\"", "\"rationale\":\"\"");
        return body.replace("\"rationale\":\"\"", "\"rationale\":\"" + "r".repeat(size - body.length()) + "\"");
    }

    private static BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private HttpResponse<String> postJson(String body) throws Exception {
        return post("/test/plans", "application/json", BodyPublishers.ofString(body));
    }

    private HttpResponse<String> post(String path, String contentType, BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body).build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
