package io.github.geodispatch.jdbc;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two host instances over one PostgreSQL: two {@link JobRecord}s, each over its own pool, 8 threads
 * each, commanding the same four jobs. Each engine serialises its own commands per job, so every version
 * conflict comes from the other instance: the store surfaces it as a {@link ConcurrencyConflictException}
 * (counted here), the engine re-reads, re-decides and retries, and a command that still loses is reported
 * as {@link Rejection.Reason#CONCURRENCY_CONFLICT} and retried by the caller. No accepted event is lost and
 * both instances fold every job to the same state.
 */
class TwoInstancesOnePostgresTest {
    private static final int THREADS_PER_INSTANCE = 8;
    private static final int COMMANDS_PER_THREAD = 15;
    private static final int JOBS = 4;
    private static final TenantId TENANT = TenantId.of("two-hosts");
    private static final BranchId BRANCH = BranchId.of("blr");

    /** The store as an engine sees it, counting the conflicts it surfaces. */
    private record CountingStore(JobEventStore delegate, AtomicInteger conflicts) implements JobEventStore {
        @Override
        public List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
            try {
                return delegate.append(stream, expectedVersion, events);
            } catch (ConcurrencyConflictException e) {
                conflicts.incrementAndGet();
                throw e;
            }
        }

        @Override
        public List<JobEvent> readStream(StreamId stream) {
            return delegate.readStream(stream);
        }

        @Override
        public long version(StreamId stream) {
            return delegate.version(stream);
        }

        @Override
        public List<StoredEvent> readAll(long afterPosition, int maxCount) {
            return delegate.readAll(afterPosition, maxCount);
        }

        @Override
        public long lastPosition() {
            return delegate.lastPosition();
        }
    }

    /** What one worker thread saw. */
    private record Outcome(List<StoredEvent> accepted, int reportedConflicts) {
    }

    @Test
    void noAcceptedEventIsLostEveryConflictIsSurfacedAndRetriedAndTheFoldsAgree() throws Exception {
        String schema = TestDatabases.newSchemaName();
        AtomicInteger storeConflicts = new AtomicInteger();
        try (TestDatabase poolOne = TestDatabases.postgres(THREADS_PER_INSTANCE, schema);
             TestDatabase poolTwo = TestDatabases.postgres(THREADS_PER_INSTANCE, schema)) {
            // few engine retries, so that some conflicts also reach the caller as a typed rejection
            JobRecord one = JobRecord.builder().eventStore(new CountingStore(poolOne.events(), storeConflicts))
                    .maxConflictRetries(1).build();
            JobRecord two = JobRecord.builder().eventStore(new CountingStore(poolTwo.events(), storeConflicts))
                    .maxConflictRetries(1).build();
            Actor dispatcher = Actor.dispatcher(TENANT, BRANCH, "disp-1");
            List<JobId> jobs = new ArrayList<>();
            for (int j = 0; j < JOBS; j++) {
                JobId job = JobId.of("job-shared-" + j);
                one.execute(dispatcher, JobCommand.CreateJob.builder(job, BRANCH, CustomerId.of("cust-" + j),
                        new Site(SiteId.of("site-" + j), GeoPoint.of(12.97, 77.59), 80, ""), "AC_SERVICE")
                        .quote(Money.inr(99_900)).build()).orThrow();
                two.execute(dispatcher, JobCommand.Assign.of(job, TechnicianId.of("tech-" + j))).orThrow();
                jobs.add(job);
            }

            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
                JobRecord engine = t % 2 == 0 ? one : two;
                int worker = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<StoredEvent> accepted = new ArrayList<>();
                    int reported = 0;
                    for (int c = 0; c < COMMANDS_PER_THREAD; c++) {
                        JobId job = jobs.get((worker + c) % JOBS);
                        // the amount names the command, so the fold can be checked command by command
                        JobCommand command = new JobCommand.AddExpense(job, "parking", Money.inr(100L * (worker + 1) + c), false);
                        while (true) {
                            CommandResult result = engine.execute(dispatcher, command);
                            if (result instanceof CommandResult.Accepted ok) {
                                accepted.addAll(ok.events());
                                break;
                            }
                            Rejection rejection = ((CommandResult.Rejected) result).rejection();
                            assertThat(rejection.reason()).as(rejection.toString())
                                    .isEqualTo(Rejection.Reason.CONCURRENCY_CONFLICT);
                            reported++;
                        }
                    }
                    return new Outcome(accepted, reported);
                }));
            }
            start.countDown();
            List<StoredEvent> accepted = new ArrayList<>();
            int reported = 0;
            for (Future<Outcome> f : futures) {
                Outcome outcome = f.get(3, TimeUnit.MINUTES);
                accepted.addAll(outcome.accepted());
                reported += outcome.reportedConflicts();
            }
            pool.shutdown();

            int commands = 2 * THREADS_PER_INSTANCE * COMMANDS_PER_THREAD;
            System.out.printf("%d commands accepted; the store surfaced %d conflicts, %d reached the callers%n",
                    accepted.size(), storeConflicts.get(), reported);
            assertThat(accepted).as("every command was eventually accepted, once").hasSize(commands);
            assertThat(storeConflicts.get()).as("two instances on four jobs must collide").isPositive();
            assertThat(storeConflicts.get()).as("every conflict the caller saw was surfaced by the store first")
                    .isGreaterThanOrEqualTo(reported);

            long last = poolOne.events().lastPosition();
            assertThat(last).isEqualTo(2L * JOBS + commands);
            List<StoredEvent> all = poolTwo.events().readAll(0, (int) last + 1);
            assertThat(all).extracting(StoredEvent::position)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
            assertThat(all).as("no accepted event is lost").containsAll(accepted);

            Map<StreamId, Long> acceptedTotals = new HashMap<>();
            accepted.forEach(e -> acceptedTotals.merge(e.event().header().stream(),
                    ((JobEvent.ExpenseAdded) e.event()).amount().minor(), Long::sum));
            for (JobId job : jobs) {
                JobState viaOne = one.job(dispatcher, job).orElseThrow();
                JobState viaTwo = two.job(dispatcher, job).orElseThrow();
                assertThat(viaOne).as("both instances fold %s the same", job).isEqualTo(viaTwo);
                assertThat(viaOne.expenses().stream().mapToLong(e -> e.amount().minor()).sum())
                        .isEqualTo(acceptedTotals.get(StreamId.of(TENANT, job)));
                assertThat(viaOne.headHash()).isEqualTo(HashChain.head(two.history(dispatcher, job)));
                // each instance checks the stored history against the head the other one folded
                assertThat(one.verifyHistory(dispatcher, job, viaTwo.headHash()).orElseThrow().intact()).isTrue();
                assertThat(two.verifyHistory(dispatcher, job, viaOne.headHash()).orElseThrow().intact()).isTrue();
            }
        }
    }
}
