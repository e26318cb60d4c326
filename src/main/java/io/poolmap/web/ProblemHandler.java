package io.poolmap.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.poolmap.OutOfMemoryExit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Writes every error that reaches Spring MVC as an RFC 9457 problem detail of poolmap's shape: {@link ProblemException}s
 * (the features' refusals, translated from their own exceptions at their web edge), unreadable or invalid JSON (with a
 * pointer to the field, see {@link JsonReadProblems}; every fault listed in {@code errors}) and Spring MVC's own errors;
 * anything unexpected becomes a bare 500 without a stack trace. Errors that never reach Spring MVC are written by {@link ProblemErrorController} and
 * {@link ProblemErrorReportValve}, from the same {@link ProblemType} catalogue.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> parameterType(MethodArgumentTypeMismatchException exception) {
        Class<?> type = exception.getRequiredType();
        String expected = type != null && type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a valid " + exception.getPropertyName();
        return respond(JsonReadProblems.invalid("'" + exception.getName() + "' must be " + expected + ", not '" + exception.getValue() + "'")
                .with("parameter", exception.getName()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        OutOfMemoryExit.exitIfOutOfMemory(exception);
        log.error("unexpected error while handling a request", exception);
        return respond(new ProblemException(ProblemType.INTERNAL_ERROR, "poolmap could not handle this request; the error is in its log"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(JsonReadProblems.translate(exception));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            errors.add(error("pointer", "/" + error.getField(), "'" + error.getField() + "' " + error.getDefaultMessage()));
        }
        return respond(invalid(errors, "the request is invalid"));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String name = result.getMethodParameter().getParameterName();
            errors.add(error("parameter", name, "'" + name + "' " + error.getDefaultMessage()));
        }));
        return respond(invalid(errors, "a parameter is invalid"));
    }

    private static Map<String, Object> error(String where, Object at, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("detail", detail);
        error.put(where, at);
        return error;
    }

    /** An invalid-request problem for every error found: the first one's detail and pointer (or parameter) on top. */
    private static ProblemException invalid(List<Map<String, Object>> errors, String otherwise) {
        if (errors.isEmpty()) {
            return JsonReadProblems.invalid(otherwise);
        }
        Map<String, Object> first = errors.getFirst();
        ProblemException problem = JsonReadProblems.invalid((String) first.get("detail"));
        first.forEach((name, value) -> {
            if (!"detail".equals(name)) {
                problem.with(name, value);
            }
        });
        return problem.with("errors", errors);
    }

    /**
     * Every 400 problem ({@code invalid-request}, {@code unknown-operation}, {@code invalid-expression}) lists what is wrong in {@code errors}, one
     * entry per fault with its {@code detail} and its {@code pointer} (a body's field or item) or {@code parameter} (a
     * query parameter), so that a client reads faults in one way whether the request had one or several.
     */
    private static void listErrors(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        if (problem.getStatus() != HttpStatus.BAD_REQUEST.value() || (properties != null && properties.containsKey("errors"))) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("detail", problem.getDetail());
        for (String where : List.of("pointer", "parameter")) {
            if (properties != null && properties.get(where) != null) {
                error.put(where, properties.get(where));
            }
        }
        problem.setProperty("errors", List.of(error));
    }

    /**
     * Every error response Spring MVC builds, {@link ProblemException}s among them, goes out as
     * {@code application/problem+json}; Spring MVC's own errors (405, 415, 404 …) keep their status and detail and
     * take poolmap's type and title.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            return respond(ProblemException.ofStatus(status, problem.getDetail() == null ? status.getReasonPhrase() : problem.getDetail()), headers);
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(problemJson());
        if (body instanceof ProblemDetail problem) {
            listErrors(problem);
        }
        return ResponseEntity.status(statusCode).headers(problemHeaders).body(body);
    }

    private static ResponseEntity<Object> respond(ProblemException exception) {
        return respond(exception, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<Object> respond(ProblemException exception, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(extra);
        headers.addAll(exception.getHeaders());
        headers.setContentType(problemJson());
        listErrors(exception.getBody());
        return ResponseEntity.status(exception.getStatusCode()).headers(headers).body(exception.getBody());
    }

    /** {@code application/problem+json}, with {@code IEEE754Compatible=true} when the client asked for {@link ExactIntegers}. */
    private static MediaType problemJson() {
        return ExactIntegers.requestedByCurrentRequest() ? ExactIntegers.marked(MediaType.APPLICATION_PROBLEM_JSON)
                : MediaType.APPLICATION_PROBLEM_JSON;
    }
}
