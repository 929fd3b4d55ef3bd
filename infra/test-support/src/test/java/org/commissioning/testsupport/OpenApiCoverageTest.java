package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.testsupport.OpenApiCoverage.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OpenApiCoverageTest {

    static final String PROBLEM = """
            {"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}""";

    @Test
    void readsEveryMappedEndpointWithoutItsPatternsRegularExpressions() throws Exception {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        Object controller = new Object() {
            @SuppressWarnings("unused")
            public String handle() {
                return "";
            }
        };
        mapping.registerMapping(RequestMappingInfo.paths("/api/x/{period:\\d{4}-\\d{2}}")
                .methods(RequestMethod.GET, RequestMethod.POST).build(), controller,
                controller.getClass().getMethod("handle"));

        assertThat(OpenApiCoverage.mapped(mapping)).containsExactly(new Endpoint("GET", "/api/x/{period}"),
                new Endpoint("POST", "/api/x/{period}"));
    }

    @Test
    void namesAMappedEndpointTheDocumentLeavesOut() throws Exception {
        JsonNode document = json("""
                {"paths":{"/api/x/{id}":{"get":{},"parameters":[]}}}""");

        assertThat(OpenApiCoverage.undocumented(java.util.Set.of(new Endpoint("GET", "/api/x/{id}"),
                new Endpoint("POST", "/api/x/{id}"), new Endpoint("GET", "/api/y")), document))
                .containsExactly(new Endpoint("GET", "/api/y"), new Endpoint("POST", "/api/x/{id}"));
    }

    @Test
    void namesEachProblemResponseAnOperationLacks() throws Exception {
        JsonNode document = json("""
                {"paths":{
                  "/api/x":{"get":{"responses":{"400":%1$s,"401":%1$s,"403":%1$s}}},
                  "/api/x/{id}":{"post":{"responses":{"400":%1$s,"401":%1$s,"403":{"description":"no content"},\
                "409":%1$s}}}}}""".formatted(PROBLEM));

        assertThat(OpenApiCoverage.missingProblemResponses(document))
                .containsExactly("POST /api/x/{id}: 403", "POST /api/x/{id}: 404");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
