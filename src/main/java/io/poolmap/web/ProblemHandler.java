package io.poolmap.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * The one place where exceptions become RFC 9457 problem details: poolmap's own refusals, unreadable or
 * invalid JSON (with a pointer to the field), and Spring MVC's errors; anything unexpected becomes a bare
 * 500 without a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException exception) {
        return respond(exception);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> parameterType(MethodArgumentTypeMismatchException exception) {
        Class<?> type = exception.getRequiredType();
        String expected = type != null && type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a valid " + exception.getPropertyName();
        return respond(invalid("'" + exception.getName() + "' must be " + expected + ", not '" + exception.getValue() + "'")
                .with("parameter", exception.getName()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        log.error("unexpected error while handling a request", exception);
        return respond(new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "poolmap could not handle this request; the error is in its log"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(unreadable(exception));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("pointer", "/" + error.getField(), "detail", "'" + error.getField() + "' " + error.getDefaultMessage()));
        }
        ProblemException problem = invalid(errors.isEmpty() ? "the request is invalid" : (String) errors.getFirst().get("detail"));
        if (!errors.isEmpty()) {
            problem.with("pointer", errors.getFirst().get("pointer")).with("errors", errors);
        }
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> details = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                details.add("'" + result.getMethodParameter().getParameterName() + "' " + error.getDefaultMessage())));
        ProblemException problem = invalid(details.isEmpty() ? "a parameter is invalid" : String.join("; ", details));
        exception.getParameterValidationResults().stream().findFirst()
                .ifPresent(result -> problem.with("parameter", result.getMethodParameter().getParameterName()));
        return respond(problem);
    }

    /** Spring MVC's own errors (405, 415, 404 …) keep their status and detail, in poolmap's shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            return respond(new ProblemException(status, slug(status), status.getReasonPhrase(),
                    problem.getDetail() == null ? status.getReasonPhrase() : problem.getDetail()), headers);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemException unreadable(HttpMessageNotReadableException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        Throwable cause = exception.getCause();
        if (cause instanceof PropertyBindingException unknown) {
            String pointer = pointer(unknown);
            Collection<Object> known = unknown.getKnownPropertyIds();
            return invalid("unknown field '" + unknown.getPropertyName() + "'"
                    + (known == null ? "" : "; the fields are " + new TreeSet<>(known.stream().map(String::valueOf).toList())))
                    .with("pointer", pointer);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String pointer = pointer(mismatch);
            return invalid("'" + pointer.substring(1) + "' must be " + expected(mismatch.getTargetType())).with("pointer", pointer);
        }
        if (cause instanceof MismatchedInputException) {
            return invalid("the body must be one JSON object with nothing after it");
        }
        if (cause instanceof InputCoercionException outOfRange) {
            String pointer = pointerOf(outOfRange);
            return invalid("'" + (pointer == null ? "a value" : pointer.substring(1)) + "' is out of range for an integer option")
                    .with("pointer", pointer == null ? "/" : pointer);
        }
        if (cause instanceof StreamReadException malformed) {
            String message = firstLine(malformed.getOriginalMessage());
            if (cause instanceof UnexpectedEndOfInputException || message.contains("end-of-input")) {
                return invalid("the JSON body ends too early");
            }
            if (message.startsWith("Duplicate Object property")) {
                String pointer = pointerOf(malformed);
                return invalid("duplicate field '" + (pointer == null ? "?" : pointer.substring(pointer.lastIndexOf('/') + 1)) + "'")
                        .with("pointer", pointer == null ? "/" : pointer);
            }
            if (message.startsWith("Non-standard token")) {
                message = "NaN and Infinity are not JSON numbers";
            }
            String where = malformed.getLocation() == null ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr();
            ProblemException problem = invalid("malformed JSON" + where + ": " + message);
            String pointer = pointerOf(malformed);
            return pointer == null ? problem : problem.with("pointer", pointer);
        }
        if (cause instanceof StreamConstraintsException limit) {
            return beyondLimit(limit);
        }
        if (cause instanceof JacksonException jackson) {
            return invalid("the JSON body cannot be read: " + firstLine(jackson.getOriginalMessage()));
        }
        return invalid("a JSON body is required");
    }

    /** Jackson's stream-read constraints, named by the poolmap property that sets each. */
    private static ProblemException beyondLimit(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getOriginalMessage());
        String what;
        if (message.contains("nesting depth")) {
            what = "nests arrays and objects deeper than poolmap.request.max-nesting-depth allows";
        } else if (message.startsWith("Name length")) {
            what = "has a field name longer than poolmap.request.max-string-length allows";
        } else if (message.startsWith("Number value length")) {
            what = "has a number with more digits than poolmap.max-digits allows";
        } else if (message.startsWith("String value length")) {
            what = "has a string longer than poolmap.request.max-string-length allows";
        } else {
            what = "is beyond a limit of the JSON reader";
        }
        ProblemException problem = invalid("the JSON body " + what);
        String pointer = pointerOf(limit);
        return pointer == null ? problem : problem.with("pointer", pointer);
    }

    /** The JSON pointer where the parser stood when it failed, or {@code null} at the top level. */
    private static String pointerOf(JacksonException exception) {
        if (exception.processor() instanceof JsonParser parser && parser.streamReadContext() != null
                && !parser.streamReadContext().inRoot()) {
            return parser.streamReadContext().pathAsPointer().toString();
        }
        return null;
    }

    private static String pointer(JacksonException exception) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            pointer.append('/').append(reference.getPropertyName() != null ? reference.getPropertyName() : String.valueOf(reference.getIndex()));
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a " + type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    private static ResponseEntity<Object> respond(ProblemException exception) {
        return respond(exception, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<Object> respond(ProblemException exception, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(extra);
        headers.addAll(exception.headers());
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(exception.status()).headers(headers).body(exception.toProblemDetail());
    }
}
