package org.commissioning.platform.web;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.validation.ConstraintViolationException;

/**
 * Every error a client can cause is an RFC 9457 problem ({@code application/problem+json}) with a 4xx status
 * that names the field or rule; an {@code errors} array lists each field at fault.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://commissioning.example/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([^']*)'");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        ex.getBindingResult().getGlobalErrors().forEach(g ->
                log.debug("Global validation error {}", g));
        ProblemDetail problem = validation(errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemResponses.tooLarge(tooLarge.limit()));
        }
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(validation(List.of(Map.of("field", path(mapping), "message", fieldMessage(mapping)))));
        }
        if (cause instanceof StreamReadException read && read.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(read.getOriginalMessage());
            if (duplicate.find()) {
                return ResponseEntity.badRequest().body(validation(List.of(
                        Map.of("field", duplicate.group(1), "message", "is given more than once"))));
            }
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "Malformed request", bodyMessage(ex, cause)));
    }

    /** What is wrong with the body as a whole (no field to name). */
    private static String bodyMessage(HttpMessageNotReadableException ex, Throwable cause) {
        if (cause == null) {
            return ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                    ? "The request body is missing; it must be a JSON object."
                    : "The request body could not be read.";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            String original = String.valueOf(mismatched.getOriginalMessage());
            if (original.startsWith("Trailing token")) {
                return "The request body must be a single JSON value; there is more after it.";
            }
            if (original.startsWith("No content to map")) {
                return "The request body is missing; it must be a JSON object.";
            }
            Class<?> target = mismatched.getTargetType();
            if (target != null && (target.isArray() || Collection.class.isAssignableFrom(target))) {
                return "The request body must be a JSON array.";
            }
            return "The request body must be a JSON object.";
        }
        if (cause instanceof StreamReadException read) {
            String where = read.getLocation() == null ? ""
                    : " (line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr() + ")";
            return "The request body is not valid JSON" + where + ": " + read.getOriginalMessage();
        }
        return "The request body is not valid JSON or is missing.";
    }

    /** Why the value at a field could not be taken, in the client's terms (JSON types, allowed values). */
    private static String fieldMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "is not a known field" + (known.isEmpty() ? "" : "; known fields: " + String.join(", ", known));
        }
        if (e instanceof InvalidNullException || String.valueOf(e.getOriginalMessage()).startsWith("Cannot map `null`")) {
            return "must not be null";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "must be " + expected(invalid.getTargetType()) + ", not " + shown(invalid.getValue());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + expected(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    private static String shown(Object value) {
        if (value instanceof String text) {
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        return "that value";
    }

    /** The JSON a field of this type takes, with its article: "a string", "one of [A, B]". */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()) + " (as a string)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return switch (type.getSimpleName()) {
            case "String", "CharSequence", "char", "Character" -> "a string";
            case "LocalDate" -> "a date as a string (yyyy-MM-dd)";
            case "YearMonth" -> "a period as a string (yyyy-MM)";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "an instant as a string (ISO-8601, e.g. 2018-05-01T00:00:00Z)";
            case "LocalDateTime" -> "a date and time as a string (ISO-8601, e.g. 2018-05-01T09:30:00)";
            case "UUID" -> "a UUID as a string";
            case "BigDecimal", "BigInteger", "Double", "double", "Float", "float", "Number" -> "a number";
            case "Integer", "int", "Long", "long", "Short", "short", "Byte", "byte" -> "a whole number";
            case "Boolean", "boolean" -> "a boolean (true or false)";
            default -> "a JSON object";
        };
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    public ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemResponses.tooLarge(ex.limit()));
    }

    /** Spring MVC's own errors (404, 405, 406, 415, 413 ...) get a type and title of the platform, not about:blank. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPE_BASE + ProblemResponses.typeOf(statusCode.value())));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "There is nothing at " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = "'" + ex.getValue() + "' is not a valid " + describe(ex.getRequiredType());
        return ResponseEntity.badRequest().body(validation(List.of(Map.of("field", ex.getName(), "message", message))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @ExceptionHandler(RuleViolationException.class)
    public ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "rule-violation", "Business rule violated", ex.getMessage());
        problem.setProperty("rule", ex.rule());
        if (ex.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(StateConflictException.class)
    public ResponseEntity<ProblemDetail> stateConflict(StateConflictException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "state-conflict", "Not allowed in the current state", ex.getMessage());
        problem.setProperty("currentState", ex.currentState());
        if (ex.rule() != null) {
            problem.setProperty("rule", ex.rule());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        String correlation = CausationContext.current().map(CausationContext::correlationId).orElse("none");
        log.error("Unexpected error (correlation id {})", correlation, ex);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed. Quote correlation id " + correlation + ".");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail validation(List<Map<String, String>> errors) {
        String detail = errors.stream()
                .map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value; one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (yyyy-MM-dd)";
            case "YearMonth" -> "period (yyyy-MM)";
            case "Instant" -> "instant (ISO-8601, e.g. 2018-05-01T00:00:00Z)";
            case "UUID" -> "UUID";
            case "BigDecimal", "Double", "double", "Float", "float" -> "number";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "boolean";
            default -> type.getSimpleName();
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
