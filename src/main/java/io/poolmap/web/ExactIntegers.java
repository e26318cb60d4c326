package io.poolmap.web;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The opt-in for clients whose JSON numbers are IEEE-754 doubles (JavaScript's {@code JSON.parse}, so every
 * TypeScript client): a media type parameter {@code IEEE754Compatible=true} on {@code Accept} (as OData defines it)
 * makes every integer beyond ±(2^53 − 1) in the answer a JSON string of its digits, so that it reaches the client
 * exactly ({@code BigInt("9223372037000250000")}); smaller integers, decimals and booleans stay as they are. The
 * answer's {@code Content-Type} carries the parameter back. One piece for every body poolmap writes with Jackson,
 * whatever its media type ({@code application/json}, {@code application/problem+json}, {@code application/x-ndjson}):
 * a writer configured by {@link #writer} tells {@link NumbersJson} and the integer serializers of {@link #module}.
 */
public final class ExactIntegers {

    /** The media type parameter, as OData's JSON format names it. */
    public static final String PARAMETER = "IEEE754Compatible";

    /** The largest integer that a double holds exactly along with all smaller ones: 2^53 − 1. */
    static final long MAX_SAFE = (1L << 53) - 1;

    private static final BigInteger MAX_SAFE_BIG = BigInteger.valueOf(MAX_SAFE);
    private static final Object AS_STRINGS = new Object();

    private ExactIntegers() {
    }

    /** Whether this media type asks for integers beyond ±(2^53 − 1) as strings. */
    public static boolean requested(MediaType type) {
        return type != null && "true".equalsIgnoreCase(type.getParameter(PARAMETER));
    }

    /** Whether any media range of this request's {@code Accept} header asks for it; a malformed header does not. */
    public static boolean requested(HttpServletRequest request) {
        List<String> accept = request.getHeaders(HttpHeaders.ACCEPT) == null ? List.of()
                : Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        try {
            return accept.stream().flatMap(header -> MediaType.parseMediaTypes(header).stream()).anyMatch(ExactIntegers::requested);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /** Whether the request being handled on this thread asks for it (false outside a request). */
    public static boolean requestedByCurrentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && requested(attributes.getRequest());
    }

    /** {@code type} with {@code IEEE754Compatible=true}, for the answer's {@code Content-Type}. */
    public static MediaType marked(MediaType type) {
        Map<String, String> parameters = new LinkedHashMap<>(type.getParameters());
        parameters.put(PARAMETER, "true");
        return new MediaType(type, parameters);
    }

    /** A writer that writes integers beyond ±(2^53 − 1) as strings when {@code asStrings}, as numbers otherwise. */
    public static ObjectWriter writer(ObjectWriter writer, boolean asStrings) {
        return asStrings ? writer.withAttribute(AS_STRINGS, Boolean.TRUE) : writer.withoutAttribute(AS_STRINGS);
    }

    static boolean asStrings(SerializationContext context) {
        return Boolean.TRUE.equals(context.getAttribute(AS_STRINGS));
    }

    static boolean unsafe(long value) {
        return value > MAX_SAFE || value < -MAX_SAFE;
    }

    static boolean unsafe(BigInteger value) {
        return value.abs().compareTo(MAX_SAFE_BIG) > 0;
    }

    /** Serializers for {@code long}, {@code Long} and {@code BigInteger} anywhere in a body that follow the writer's choice. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("poolmap-exact-integers");
        LongWriter longs = new LongWriter();
        module.addSerializer(Long.class, longs);
        module.addSerializer(long.class, longs);
        module.addSerializer(BigInteger.class, new BigIntegerWriter());
        return module;
    }

    private static final class LongWriter extends ValueSerializer<Long> {

        @Override
        public void serialize(Long value, JsonGenerator generator, SerializationContext context) {
            if (unsafe(value) && asStrings(context)) {
                generator.writeString(Long.toString(value));
            } else {
                generator.writeNumber(value);
            }
        }
    }

    private static final class BigIntegerWriter extends ValueSerializer<BigInteger> {

        @Override
        public void serialize(BigInteger value, JsonGenerator generator, SerializationContext context) {
            if (unsafe(value) && asStrings(context)) {
                generator.writeString(value.toString());
            } else {
                generator.writeNumber(value);
            }
        }
    }
}
