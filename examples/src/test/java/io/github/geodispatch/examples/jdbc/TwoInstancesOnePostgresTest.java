package io.github.geodispatch.examples.jdbc;

import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two host instances (two pools) over one PostgreSQL, 8 threads each, commanding the same jobs: every
 * command is decided on a fresh read, conflicts surface as {@link ConcurrencyConflictException} and are
 * retried, no accepted event is lost, and both instances fold every job to the same state.
 */
class TwoInstancesOnePostgresTest {
    private static final int THREADS_PER_INSTANCE = 8;
    private static final int COMMANDS_PER_THREAD = 20;
    private static final int JOBS = 4;

    /** The result of one worker: the events it got accepted and the conflicts it retried. */
    private record Outcome(List<StoredEvent> accepted, int conflicts) {
    }

    @Test
    void noAcceptedEventIsLostEveryConflictIsRetriedAndTheFoldsAgree() throws Exception {
        String schema = TestDatabases.newSchemaName();
        try (JdbcDatabase one = TestDatabases.postgres(THREADS_PER_INSTANCE, schema);
             JdbcDatabase two = TestDatabases.postgres(THREADS_PER_INSTANCE, schema)) {
            List<StreamId> jobs = new ArrayList<>();
            for (int j = 0; j < JOBS; j++) {
                StreamId stream = SampleEvents.stream("job-shared-" + j);
                one.events().append(stream, 0, SampleEvents.everyVariant(stream).subList(0, 1));
                jobs.add(stream);
            }

            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
                JdbcJobEventStore store = (t % 2 == 0 ? one : two).events();
                int worker = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<StoredEvent> accepted = new ArrayList<>();
                    int conflicts = 0;
                    for (int c = 0; c < COMMANDS_PER_THREAD; c++) {
                        StreamId job = jobs.get((worker + c) % JOBS);
                        long amount = 100L * (worker + 1) + c; // identifies the command in the fold
                        while (true) {
                            List<JobEvent> current = store.readStream(job);
                            try {
                                accepted.addAll(store.append(job, current.size(),
                                        SampleEvents.expenses(job, current, 1, amount)));
                                break;
                            } catch (ConcurrencyConflictException e) {
                                conflicts++;
                                assertThat(e.actualVersion()).isGreaterThan(e.expectedVersion());
                            }
                        }
                    }
                    return new Outcome(accepted, conflicts);
                }));
            }
            start.countDown();
            List<StoredEvent> accepted = new ArrayList<>();
            int conflicts = 0;
            for (Future<Outcome> f : futures) {
                Outcome outcome = f.get(2, TimeUnit.MINUTES);
                accepted.addAll(outcome.accepted());
                conflicts += outcome.conflicts();
            }
            pool.shutdown();

            int commands = 2 * THREADS_PER_INSTANCE * COMMANDS_PER_THREAD;
            assertThat(accepted).as("every command was eventually accepted").hasSize(commands);
            assertThat(conflicts).as("16 writers on 4 jobs must collide, and each collision was surfaced").isPositive();

            long last = one.events().lastPosition();
            assertThat(last).isEqualTo(JOBS + commands);
            List<StoredEvent> all = two.events().readAll(0, (int) last + 1);
            assertThat(all).extracting(StoredEvent::position)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
            Set<UUID> stored = new HashSet<>();
            all.forEach(e -> stored.add(e.event().header().eventId()));
            assertThat(accepted).allSatisfy(e -> assertThat(stored).contains(e.event().header().eventId()));
            assertThat(all).containsAll(accepted);

            Map<StreamId, Long> expectedTotals = new HashMap<>();
            accepted.forEach(e -> expectedTotals.merge(e.event().header().stream(),
                    ((JobEvent.ExpenseAdded) e.event()).amount().minor(), Long::sum));
            for (StreamId job : jobs) {
                List<JobEvent> viaOne = one.events().readStream(job);
                List<JobEvent> viaTwo = two.events().readStream(job);
                assertThat(viaOne).isEqualTo(viaTwo);
                assertThat(HashChain.verifies(viaOne)).isTrue();
                assertThat(fold(viaOne)).isEqualTo(fold(viaTwo)).isEqualTo(Money.inr(expectedTotals.get(job)));
            }
        }
    }

    /** The job's expense total: the state both instances must agree on. */
    private static Money fold(List<JobEvent> stream) {
        Money total = Money.inr(0);
        for (JobEvent event : stream) {
            if (event instanceof JobEvent.ExpenseAdded expense) {
                total = total.plus(expense.amount());
            }
        }
        return total;
    }
}
