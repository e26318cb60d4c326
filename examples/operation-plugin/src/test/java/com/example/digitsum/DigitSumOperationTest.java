package com.example.digitsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ServiceLoader;

import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.StopSignal;
import org.junit.jupiter.api.Test;

/** digit_sum as poolmap will run it: found by ServiceLoader, its example true, exact at any size, decimals refused. */
class DigitSumOperationTest {

    private final Operation digitSum = new DigitSumOperation();

    @Test
    void serviceLoaderFindsItAsPoolmapWill() {
        assertThat(ServiceLoader.load(Operation.class)).extracting(Operation::name).containsExactly("digit_sum");
    }

    @Test
    void itsExampleIsWhatItComputes() throws InterruptedException {
        OperationInfo.Example example = digitSum.info().example();
        Numbers in = Numbers.builder().add(0).add(1234).add(-987).add(new BigInteger("99999999999999999999")).build();
        Numbers out = Numbers.forResults(in.size());

        digitSum.applyRange(in, in.size(), out, new ItemCursor(new StopSignal(), 0));

        for (int i = 0; i < in.size(); i++) {
            assertThat(out.valueAt(i)).isEqualTo(example.results().get(i));
        }
    }

    @Test
    void everyLongIncludingTheSmallestIsExact() {
        assertThat(DigitSumOperation.digitSum(Long.MIN_VALUE)).isEqualTo(DigitSumOperation.digitSum(new BigInteger("9223372036854775808")))
                .isEqualTo(89);
        assertThat(DigitSumOperation.digitSum(Long.MAX_VALUE)).isEqualTo(88);
    }

    @Test
    void aDecimalIsOutsideItsDomain() {
        Numbers in = Numbers.builder().add(1.5).build();

        assertThat(digitSum.refusal(in, 0)).contains("digit_sum needs an integer");
        assertThatThrownBy(() -> digitSum.apply(in, 0, Numbers.forResults(1))).isInstanceOf(OperationException.class);
    }
}
