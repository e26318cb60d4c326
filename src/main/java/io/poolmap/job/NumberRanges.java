package io.poolmap.job;

import java.math.BigInteger;

import io.poolmap.operation.NumberRange;
import io.poolmap.operation.NumberSink;
import io.poolmap.operation.Numbers;

/** Reads a {@link NumberRange} into one {@link Numbers}, for the few readers that need the whole batch at once. */
final class NumberRanges {

    private NumberRanges() {
    }

    static Numbers toNumbers(NumberRange range) {
        if (range instanceof Numbers numbers) {
            return numbers;
        }
        Numbers copy = Numbers.forResults(range.size());
        range.read(0, range.size(), new Into(copy));
        return copy;
    }

    /** Writes each item at its own index. */
    record Into(Numbers target) implements NumberSink {

        @Override
        public void acceptLong(int index, long value) {
            target.setLong(index, value);
        }

        @Override
        public void acceptDouble(int index, double value) {
            target.setDouble(index, value);
        }

        @Override
        public void acceptBig(int index, BigInteger value) {
            target.setInteger(index, value);
        }

        @Override
        public void acceptBoolean(int index, boolean value) {
            target.setBoolean(index, value);
        }
    }
}
