package io.poolmap;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryBudgetTest {

    @Test
    void aReservationThatDoesNotFitTakesNothing() {
        MemoryBudget budget = new MemoryBudget(100, 90, () -> 0);

        assertThat(budget.tryReserve(60)).isTrue();
        assertThat(budget.tryReserve(41)).isFalse();
        assertThat(budget.reserved()).isEqualTo(60);
        budget.release(60);
        assertThat(budget.tryReserve(100)).isTrue();
    }

    @Test
    void theHeapIsUnderPressureWhileItStaysFullAfterACollection() {
        AtomicInteger used = new AtomicInteger(50);
        MemoryBudget budget = new MemoryBudget(100, 90, used::get);

        assertThat(budget.underPressure()).isFalse();
        used.set(90);
        assertThat(budget.underPressure()).isTrue();
    }

    @Test
    void aPressureReadingAsksForACollectionAtMostOnceEveryTenSecondsAndHearsWhenItHasPassed() {
        AtomicInteger used = new AtomicInteger(95);
        AtomicInteger collections = new AtomicInteger();
        MemoryBudget budget = new MemoryBudget(100, 90, used::get, collections::incrementAndGet);

        assertThat(budget.underPressure()).isTrue();
        assertThat(budget.underPressure()).isTrue();
        assertThat(collections).as("asked once, however often pressure is read").hasValue(1);

        MemoryBudget freed = new MemoryBudget(100, 90, used::get, () -> used.set(40));
        assertThat(freed.underPressure()).as("the collection found the heap free again").isFalse();
    }

    @Test
    void theHeapsOwnFiguresArePercentages() {
        System.gc();
        assertThat(MemoryBudget.ofHeap(1, 90).usedAfterCollectionPercent()).isBetween(0, 100);
    }

    @Test
    void budgetsFollowTheMaximumHeapUnlessSet() {
        MemoryProperties defaults = new MemoryProperties(DataSize.ofBytes(0), 40, 25, 90);
        long heap = 512L << 20;

        assertThat(defaults.inFlightBytes(heap)).isEqualTo(heap / 100 * 40);
        assertThat(defaults.retainedItems(heap)).isEqualTo(heap / 100 * 25 / 25);
        assertThat(new MemoryProperties(DataSize.ofMegabytes(64), 40, 25, 90).inFlightBytes(heap)).isEqualTo(64L << 20);
    }
}
