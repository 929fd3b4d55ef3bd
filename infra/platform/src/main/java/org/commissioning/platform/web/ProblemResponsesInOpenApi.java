package org.commissioning.platform.web;

import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents on every operation the RFC 9457 problems the platform answers with ({@link ProblemDetailsAdvice},
 * {@code SecurityProblems}), as {@code application/problem+json} of the schema {@code Problem}: 400 (a field or a
 * rule at fault), 401 and 403 on every operation; 404 where the path names something (a path variable); 409 (a state
 * conflict) on every write; 413 and 415 where the operation takes a body. A response an operation declares itself
 * is kept as it is.
 */
public class ProblemResponsesInOpenApi implements OpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(FIELD_ERROR, fieldError()).addSchemas(PROBLEM, problem());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        add(responses, "400", "Bad request: each field at fault is named in errors[].field, a business rule broken in "
                + "rule; nothing was changed");
        add(responses, "401", "No valid bearer token (missing, expired, of another issuer or wrongly signed)");
        add(responses, "403", "The caller's roles do not allow this (the problem names no role)");
        if (path.contains("{")) {
            add(responses, "404", "Not found: unknown, or another provider's (a provider's staff cannot tell the two "
                    + "apart)");
        }
        if (WRITES.contains(method)) {
            add(responses, "409", "Not allowed in the current state: currentState and the rule broken");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The request body is over the limit (limit, in bytes)");
            add(responses, "415", "A media type this operation does not take");
        }
    }

    private static void add(ApiResponses responses, String status, String description) {
        responses.computeIfAbsent(status, s -> new ApiResponse().description(description).content(new Content()
                .addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("An RFC 9457 problem, with the platform's extension members")
                .properties(Map.of(
                        "type", new StringSchema().format("uri")
                                .example(ProblemDetailsAdvice.TYPE_BASE + "validation"),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "instance", new StringSchema().format("uri"),
                        "rule", new StringSchema().description("the business rule broken, e.g. period-within-term"),
                        "currentState", new StringSchema().description("of a 409: the state the change met"),
                        "errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR)),
                        "limit", new IntegerSchema().format("int64").description("of a 413: the bytes allowed")));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().description("a JSON path, e.g. actions[0].owner"))
                .addProperty("message", new StringSchema());
    }
}
