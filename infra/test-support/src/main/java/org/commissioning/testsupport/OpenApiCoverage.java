package org.commissioning.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares what a service maps with what its OpenAPI description documents: the endpoints of its request mappings
 * (every {@code @RequestMapping} of every controller, whoever added it) against the operations of its
 * {@code /v3/api-docs}, and every operation against the problem responses the platform promises.
 */
public final class OpenApiCoverage {

    /** Answered on every operation. */
    public static final List<String> EVERY_OPERATION = List.of("400", "401", "403");
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiCoverage() {
    }

    /** An endpoint as {@code METHOD /path/{name}}: a pattern's regular expressions are left out. */
    public record Endpoint(String method, String path) implements Comparable<Endpoint> {

        public Endpoint {
            method = method.toUpperCase();
            path = withoutRegularExpressions(path);
        }

        /** {@code /x/{period:\d{4}-\d{2}}} is {@code /x/{period}}: the expression may hold braces of its own. */
        private static String withoutRegularExpressions(String pattern) {
            StringBuilder path = new StringBuilder();
            int depth = 0;
            boolean expression = false;
            for (char c : pattern.toCharArray()) {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        expression = false;
                        path.append(c);
                        continue;
                    }
                } else if (c == ':' && depth == 1) {
                    expression = true;
                }
                if (!expression) {
                    path.append(c);
                }
            }
            return path.toString();
        }

        @Override
        public int compareTo(Endpoint other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Every endpoint of the application's {@code requestMappingHandlerMapping} but those of springdoc itself, of the
     * error controller and of controllers hidden from the API's description ({@code @Hidden}: the web pages, which
     * are for people); a mapping without a method stands for every method.
     */
    public static Set<Endpoint> mapped(RequestMappingHandlerMapping mapping) {
        Set<Endpoint> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            Class<?> type = handler.getBeanType();
            if (type.getName().startsWith("org.springdoc.") || ErrorController.class.isAssignableFrom(type)
                    || hidden(type)) {
                return;
            }
            Collection<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
                    RequestMethod.DELETE)
                    : info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern));
                }
            }
        });
        return endpoints;
    }

    private static boolean hidden(Class<?> type) {
        return Arrays.stream(type.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals("io.swagger.v3.oas.annotations.Hidden"));
    }

    /** Every operation of an OpenAPI document ({@code paths}). */
    public static Set<Endpoint> documented(JsonNode openApi) {
        Set<Endpoint> endpoints = new TreeSet<>();
        openApi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (isOperation(operation.getKey())) {
                endpoints.add(new Endpoint(operation.getKey(), path.getKey()));
            }
        }));
        return endpoints;
    }

    /** What {@code mapped} has that the document does not describe. */
    public static Set<Endpoint> undocumented(Set<Endpoint> mapped, JsonNode openApi) {
        Set<Endpoint> documented = documented(openApi);
        return mapped.stream().filter(e -> !documented.contains(e)).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Each operation missing a problem response, as {@code METHOD /path: status}: 400, 401 and 403 everywhere, 404
     * where the path has a variable, 409 on writes, each as {@code application/problem+json} of the
     * {@code Problem} schema.
     */
    public static List<String> missingProblemResponses(JsonNode openApi) {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : documented(openApi)) {
            JsonNode responses = openApi.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase())
                    .path("responses");
            List<String> wanted = new ArrayList<>(EVERY_OPERATION);
            if (endpoint.path().contains("{")) {
                wanted.add("404");
            }
            if (WRITES.contains(endpoint.method())) {
                wanted.add("409");
            }
            for (String status : wanted) {
                String ref = responses.path(status).path("content").path(PROBLEM_JSON).path("schema").path("$ref")
                        .asText("");
                if (!ref.endsWith("/Problem")) {
                    missing.add(endpoint + ": " + status);
                }
            }
        }
        return missing;
    }

    private static boolean isOperation(String key) {
        return Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(key);
    }
}
