package io.poolmap.web;

import java.util.Collection;
import java.util.TreeSet;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Translates what Jackson says about an unreadable body into a 400 problem with a pointer to the field at fault.
 * Exception types decide wherever Jackson has one; where it has none (a duplicate key, which stream-read constraint
 * was passed, a non-standard token) the message's opening words decide, each one a constant here with a test that
 * triggers the real Jackson error, so that a Jackson upgrade that rewords one fails that test instead of a client.
 */
final class JsonReadProblems {

    static final String DUPLICATE_PROPERTY = "Duplicate Object property";
    static final String NON_STANDARD_TOKEN = "Non-standard token";
    static final String NESTING_DEPTH = "nesting depth";
    static final String NAME_LENGTH = "Name length";
    static final String NUMBER_LENGTH = "Number value length";
    static final String STRING_LENGTH = "String value length";

    private JsonReadProblems() {
    }

    static ProblemException translate(HttpMessageNotReadableException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        Throwable cause = exception.getCause();
        return switch (cause) {
            case PropertyBindingException unknown -> unknownField(unknown);
            case MismatchedInputException mismatch when !mismatch.getPath().isEmpty() -> {
                String pointer = pathPointer(mismatch);
                yield invalid("'" + pointer.substring(1) + "' must be " + expected(mismatch.getTargetType())).with("pointer", pointer);
            }
            case MismatchedInputException notOneObject -> invalid("the body must be one JSON object with nothing after it");
            case InputCoercionException outOfRange -> {
                String pointer = parserPointer(outOfRange);
                yield invalid("'" + (pointer == null ? "a value" : pointer.substring(1)) + "' is out of range for an integer option")
                        .with("pointer", pointer == null ? "/" : pointer);
            }
            case UnexpectedEndOfInputException endsEarly -> invalid("the JSON body ends too early");
            case StreamReadException malformed -> malformed(malformed);
            case StreamConstraintsException limit -> beyondLimit(limit);
            case JacksonException other -> invalid("the JSON body cannot be read: " + firstLine(other.getOriginalMessage()));
            case null, default -> invalid("a JSON body is required");
        };
    }

    private static ProblemException unknownField(PropertyBindingException unknown) {
        Collection<Object> known = unknown.getKnownPropertyIds();
        return invalid("unknown field '" + unknown.getPropertyName() + "'"
                + (known == null ? "" : "; the fields are " + new TreeSet<>(known.stream().map(String::valueOf).toList())))
                .with("pointer", pathPointer(unknown));
    }

    private static ProblemException malformed(StreamReadException malformed) {
        String message = firstLine(malformed.getOriginalMessage());
        String pointer = parserPointer(malformed);
        if (message.contains("end-of-input")) {
            return invalid("the JSON body ends too early");
        }
        if (message.startsWith(DUPLICATE_PROPERTY)) {
            return invalid("duplicate field '" + (pointer == null ? "?" : pointer.substring(pointer.lastIndexOf('/') + 1)) + "'")
                    .with("pointer", pointer == null ? "/" : pointer);
        }
        if (message.startsWith(NON_STANDARD_TOKEN)) {
            message = "NaN and Infinity are not JSON numbers";
        }
        String where = malformed.getLocation() == null ? ""
                : " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr();
        ProblemException problem = invalid("malformed JSON" + where + ": " + message);
        return pointer == null ? problem : problem.with("pointer", pointer);
    }

    /** Jackson's stream-read constraints, named by the poolmap property that sets each. */
    private static ProblemException beyondLimit(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getOriginalMessage());
        String what;
        if (message.contains(NESTING_DEPTH)) {
            what = "nests arrays and objects deeper than poolmap.request.max-nesting-depth allows";
        } else if (message.startsWith(NAME_LENGTH)) {
            what = "has a field name longer than poolmap.request.max-string-length allows";
        } else if (message.startsWith(NUMBER_LENGTH)) {
            what = "has a number with more digits than poolmap.max-digits allows";
        } else if (message.startsWith(STRING_LENGTH)) {
            what = "has a string longer than poolmap.request.max-string-length allows";
        } else {
            what = "is beyond a limit of the JSON reader";
        }
        ProblemException problem = invalid("the JSON body " + what);
        String pointer = parserPointer(limit);
        return pointer == null ? problem : problem.with("pointer", pointer);
    }

    /** The JSON pointer where the parser stood when it failed, or {@code null} at the top level. */
    private static String parserPointer(JacksonException exception) {
        if (exception.processor() instanceof JsonParser parser && parser.streamReadContext() != null
                && !parser.streamReadContext().inRoot()) {
            return parser.streamReadContext().pathAsPointer().toString();
        }
        return null;
    }

    /** The JSON pointer of the path that databind was reading. */
    private static String pathPointer(JacksonException exception) {
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

    static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail);
    }
}
