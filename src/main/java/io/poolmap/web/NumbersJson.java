package io.poolmap.web;

import java.math.BigInteger;

import io.poolmap.operation.NumberRange;
import io.poolmap.operation.NumberSink;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.NumbersBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads a JSON array of numbers straight into {@link Numbers}' primitive arrays and writes it back from
 * them, with no box per item; integers stay exact at any size up to {@code poolmap.max-digits}, and are written as
 * strings beyond ±(2^53 − 1) for a client that asked for {@link ExactIntegers}.
 */
public final class NumbersJson {

    private NumbersJson() {
    }

    /** A Jackson module that reads and writes {@link Numbers} within the given limits. */
    public static SimpleModule module(int maxBatchSize, int maxDigits) {
        SimpleModule module = new SimpleModule("poolmap-numbers");
        module.addDeserializer(Numbers.class, new Reader(maxBatchSize, maxDigits));
        module.addSerializer(NumberRange.class, new Writer());
        return module;
    }

    static final class Reader extends ValueDeserializer<Numbers> {

        private final int maxBatchSize;
        private final int maxDigits;

        Reader(int maxBatchSize, int maxDigits) {
            this.maxBatchSize = maxBatchSize;
            this.maxDigits = maxDigits;
        }

        @Override
        public Numbers deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw invalid("/numbers", "'numbers' must be an array of numbers, not " + describe(parser.currentToken()));
            }
            NumbersBuilder numbers = Numbers.builder();
            for (JsonToken token = next(parser, 0); token != JsonToken.END_ARRAY; token = next(parser, numbers.size())) {
                int index = numbers.size();
                if (index == maxBatchSize) {
                    throw new ProblemException(ProblemType.BATCH_TOO_LARGE,
                            "a job holds at most " + maxBatchSize + " numbers (poolmap.max-batch-size)")
                            .with("pointer", "/numbers").with("limit", maxBatchSize);
                }
                switch (token) {
                    case VALUE_NUMBER_INT -> readInteger(parser, numbers, index);
                    case VALUE_NUMBER_FLOAT -> readDouble(parser, numbers, index);
                    default -> throw invalid("/numbers/" + index, "numbers[" + index + "] must be a number, not " + describe(token));
                }
            }
            if (numbers.size() == 0) {
                throw invalid("/numbers", "'numbers' must hold at least one number");
            }
            return numbers.build();
        }

        private JsonToken next(JsonParser parser, int index) {
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw invalid("/numbers", "the JSON body ends inside 'numbers'");
                }
                return token;
            } catch (StreamConstraintsException tooLong) {
                throw tooManyDigits(index);
            }
        }

        private void readInteger(JsonParser parser, NumbersBuilder numbers, int index) {
            JsonParser.NumberType type = parser.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                numbers.add(parser.getLongValue());
                return;
            }
            int digits = parser.getTextLength() - (parser.getString().startsWith("-") ? 1 : 0);
            if (digits > maxDigits) {
                throw tooManyDigits(index);
            }
            BigInteger value = parser.getBigIntegerValue();
            numbers.add(value);
        }

        private void readDouble(JsonParser parser, NumbersBuilder numbers, int index) {
            double value = parser.getDoubleValue();
            if (!Double.isFinite(value)) {
                throw invalid("/numbers/" + index, "numbers[" + index + "] = " + parser.getString()
                        + " is too large for a double (decimals are IEEE-754 doubles, as Python's float)");
            }
            numbers.add(value);
        }

        private ProblemException tooManyDigits(int index) {
            return invalid("/numbers/" + index, "numbers[" + index + "] has more than " + maxDigits
                    + " digits (poolmap.max-digits)");
        }

        private static String describe(JsonToken token) {
            if (token == null) {
                return "nothing";
            }
            return switch (token) {
                case VALUE_STRING -> "a string";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a single number";
                default -> "a " + token.name().toLowerCase(java.util.Locale.ROOT);
            };
        }

        private static ProblemException invalid(String pointer, String detail) {
            return JsonReadProblems.invalid(detail).with("pointer", pointer);
        }
    }

    /**
     * Writes a {@link NumberRange} as one JSON array: a batch of longs in one call, anything else item by item in
     * bounded steps (so packed results stream from the store); integers beyond ±(2^53 − 1) as strings when the client
     * asked for exact integers ({@link ExactIntegers}).
     */
    static final class Writer extends ValueSerializer<NumberRange> {

        /** Items read from the range at a time, so that packed results stream in bounded steps. */
        private static final int STEP = 8192;

        @Override
        public void serialize(NumberRange numbers, JsonGenerator generator, SerializationContext context) {
            int size = numbers.size();
            boolean exact = ExactIntegers.asStrings(context);
            long[] longs = numbers instanceof Numbers batch ? batch.longsOrNull() : null;
            if (longs != null && !exact) {
                generator.writeArray(longs, 0, size);
                return;
            }
            generator.writeStartArray(numbers, size);
            NumberSink sink = new GeneratorSink(generator, exact);
            for (int from = 0; from < size; from += STEP) {
                numbers.read(from, Math.min(size, from + STEP), sink);
            }
            generator.writeEndArray();
        }
    }

    private record GeneratorSink(JsonGenerator generator, boolean exact) implements NumberSink {

        @Override
        public void acceptLong(int index, long value) {
            if (exact && ExactIntegers.unsafe(value)) {
                generator.writeString(Long.toString(value));
            } else {
                generator.writeNumber(value);
            }
        }

        @Override
        public void acceptDouble(int index, double value) {
            generator.writeNumber(value);
        }

        @Override
        public void acceptBig(int index, BigInteger value) {
            if (exact && ExactIntegers.unsafe(value)) {
                generator.writeString(value.toString());
            } else {
                generator.writeNumber(value);
            }
        }

        @Override
        public void acceptBoolean(int index, boolean value) {
            generator.writeBoolean(value);
        }
    }
}
