package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.InvoiceSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcInvoiceSequenceTest {

    @Test
    void concurrentCallersOnTwoPoolsGetEveryNumberOnceOnPostgres() throws Exception {
        String schema = TestDatabases.newSchemaName();
        try (TestDatabase one = TestDatabases.postgres(4, schema); TestDatabase two = TestDatabases.postgres(4, schema)) {
            List<Long> numbers = takeConcurrently(List.of(one.invoices(), two.invoices()), "29ABCDE1234F1Z5/25-26", 8, 25);
            assertGapless(numbers, 200);
            assertThat(two.invoices().current("29ABCDE1234F1Z5/25-26")).isEqualTo(200);
        }
    }

    @Test
    void concurrentCallersGetEveryNumberOnceAndNumbersSurviveARestartOnH2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("invoices");
        try (TestDatabase db = TestDatabases.h2File(file)) {
            assertThat(db.invoices().current("BLR/25-26")).isZero();
            assertGapless(takeConcurrently(List.of(db.invoices()), "BLR/25-26", 8, 25), 200);
            assertThat(db.invoices().next("NBO/2025")).isEqualTo(1);
        }
        try (TestDatabase reopened = TestDatabases.h2File(file)) {
            assertThat(reopened.invoices().current("BLR/25-26")).isEqualTo(200);
            assertThat(reopened.invoices().next("BLR/25-26")).isEqualTo(201);
            assertThat(reopened.invoices().next("NBO/2025")).isEqualTo(2);
        }
    }

    @Test
    void blankOrOverlongSeriesAreRejected() {
        try (TestDatabase db = TestDatabases.h2()) {
            assertThatThrownBy(() -> db.invoices().next(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("blank");
            assertThatThrownBy(() -> db.invoices().current("x".repeat(129))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("128");
        }
    }

    private static List<Long> takeConcurrently(List<InvoiceSequence> sequences, String series, int threads,
                                               int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            InvoiceSequence sequence = sequences.get(t % sequences.size());
            futures.add(pool.submit(() -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(sequence.next(series));
                }
                return mine;
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return all;
    }

    private static void assertGapless(List<Long> numbers, int expectedCount) {
        List<Long> sorted = new ArrayList<>(numbers);
        Collections.sort(sorted);
        assertThat(sorted).containsExactlyElementsOf(LongStream.rangeClosed(1, expectedCount).boxed().toList());
    }
}
