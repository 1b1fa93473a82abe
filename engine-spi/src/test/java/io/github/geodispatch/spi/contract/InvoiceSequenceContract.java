package io.github.geodispatch.spi.contract;

import io.github.geodispatch.spi.InvoiceSequence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link InvoiceSequence}: numbers 1, 2, 3, ... per series, no gap and no repeat under
 * concurrent callers, series independent. Extend it and return a sequence from {@link #newSequence()}; every
 * test uses fresh random series names, so a persistent sequence may be shared.
 */
public abstract class InvoiceSequenceContract {

    protected abstract InvoiceSequence newSequence();

    private InvoiceSequence sequence;
    private String prefix;

    @BeforeEach
    void setUpSequence() {
        sequence = newSequence();
        prefix = "29ABCDE1234F1Z5/2025-26/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void newSeriesStartsAtOneAndCountsUpWithoutGaps() {
        String series = prefix + "/a";

        assertThat(sequence.current(series)).isZero();
        assertThat(List.of(sequence.next(series), sequence.next(series), sequence.next(series)))
                .containsExactly(1L, 2L, 3L);
        assertThat(sequence.current(series)).isEqualTo(3);
    }

    @Test
    void seriesAreIndependent() {
        String a = prefix + "/a";
        String b = prefix + "/b";

        sequence.next(a);
        sequence.next(a);

        assertThat(sequence.next(b)).isEqualTo(1);
        assertThat(sequence.current(a)).isEqualTo(2);
        assertThat(sequence.next(a)).isEqualTo(3);
    }

    @Test
    void blankSeriesIsRejected() {
        assertThatThrownBy(() -> sequence.next(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sequence.next(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eightConcurrentCallersGetEveryNumberExactlyOnce() throws Exception {
        String series = prefix + "/hot";
        String quiet = prefix + "/quiet";
        int threads = 8;
        int perThread = 100;
        ConcurrentLinkedQueue<Long> numbers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> quietNumbers = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        numbers.add(sequence.next(series));
                        if (thread == 0 && i % 10 == 0) {
                            quietNumbers.add(sequence.next(quiet));
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, (long) threads * perThread).boxed().toList());
        assertThat(quietNumbers).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(sequence.current(series)).isEqualTo((long) threads * perThread);
    }
}
