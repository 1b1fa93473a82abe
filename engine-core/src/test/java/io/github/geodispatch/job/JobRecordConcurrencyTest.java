package io.github.geodispatch.job;
import io.github.geodispatch.job.JobCommand.AddExpense;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.UsePart;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import static io.github.geodispatch.job.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Eight threads issue commands on the same jobs: no accepted event is lost, version order always holds. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JobRecordConcurrencyTest {
    private static final int THREADS = 8;
    private static final int COMMANDS_PER_THREAD = 150;
    private static final List<JobId> JOBS = List.of(JobId.of("J-1"), JobId.of("J-2"), JobId.of("J-3"));

    @Test
    void eightThreadsOnOneEngineLoseNoAcceptedEvent() throws Exception {
        InMemoryJobEventStore store = new InMemoryJobEventStore();
        JobRecord engine = records().eventStore(store).build();
        run(store, List.of(engine), false);
    }

    @Test
    void eightThreadsOnTwoEnginesSharingOneStoreRetryConflictsAndLoseNothing() throws Exception {
        InMemoryJobEventStore store = new InMemoryJobEventStore();
        AtomicInteger conflicts = new AtomicInteger();
        // Count the conflicts the engines meet, to show the retry path is exercised.
        RejectionPathsTest.ForwardingStore counting = new RejectionPathsTest.ForwardingStore(store) {
            @Override
            public List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
                try {
                    return super.append(stream, expectedVersion, events);
                } catch (io.github.geodispatch.spi.ConcurrencyConflictException e) {
                    conflicts.incrementAndGet();
                    throw e;
                }
            }
        };
        JobRecord hostA = records().eventStore(counting).maxConflictRetries(100).build();
        JobRecord hostB = records().eventStore(counting).maxConflictRetries(100).build();
        run(store, List.of(hostA, hostB), true);
        assertThat(conflicts.get()).as("the two hosts raced").isPositive();
    }

    private void run(InMemoryJobEventStore store, List<JobRecord> engines, boolean conflictsAllowed) throws Exception {
        JobRecord first = engines.get(0);
        for (JobId job : JOBS) {
            first.execute(DISPATCHER, create(job, "AC_SERVICE")).orThrow();
            first.execute(DISPATCHER, Assign.of(job, RAVI)).orThrow();
        }
        Map<JobRecord, List<StoredEvent>> delivered = new HashMap<>();
        for (JobRecord engine : engines) {
            List<StoredEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            engine.subscribe(seen::addAll);
            delivered.put(engine, seen);
        }
        Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        Map<JobRecord, Set<UUID>> acceptedBy = new ConcurrentHashMap<>();
        engines.forEach(e -> acceptedBy.put(e, ConcurrentHashMap.newKeySet()));
        AtomicInteger rejectedAsConflict = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                JobRecord engine = engines.get(t % engines.size());
                done.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    go.await();
                    for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                        JobId job = JOBS.get(random.nextInt(JOBS.size()));
                        Actor actor = random.nextBoolean() ? TECH_RAVI : DISPATCHER;
                        CommandResult result = engine.execute(actor, command(random, job, thread, i));
                        if (result instanceof CommandResult.Accepted a) {
                            a.events().forEach(s -> {
                                accepted.add(s.event().header().eventId());
                                acceptedBy.get(engine).add(s.event().header().eventId());
                            });
                            assertThat(a.state().version()).isEqualTo(a.events().isEmpty() ? a.state().version()
                                    : a.events().get(a.events().size() - 1).event().header().version());
                        } else if (((CommandResult.Rejected) result).rejection().reason()
                                == Rejection.Reason.CONCURRENCY_CONFLICT) {
                            rejectedAsConflict.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Set<UUID> stored = new HashSet<>();
        for (JobId job : JOBS) {
            List<JobEvent> stream = store.readStream(StreamId.of(TENANT, job));
            for (int v = 0; v < stream.size(); v++) {
                assertThat(stream.get(v).header().version()).isEqualTo(v + 1);
            }
            assertThat(HashChain.verifies(stream)).isTrue();
            JobState state = first.job(OWNER, job).orElseThrow();
            assertThat(state).isEqualTo(JobState.fold(stream));
            assertThat(first.verifyHistory(OWNER, job).orElseThrow().intact()).isTrue();
            stream.subList(2, stream.size()).forEach(e -> stored.add(e.header().eventId()));
        }
        assertThat(stored).as("every accepted event is stored, nothing else").isEqualTo(accepted);
        assertThat(accepted.size()).as("a real workload").isGreaterThan(THREADS * COMMANDS_PER_THREAD / 4);
        if (!conflictsAllowed) {
            assertThat(rejectedAsConflict.get()).as("one engine serialises commands per job").isZero();
        }

        for (JobRecord engine : engines) {
            List<StoredEvent> seen = List.copyOf(delivered.get(engine));
            Set<UUID> seenIds = new HashSet<>();
            Map<StreamId, Long> lastVersion = new HashMap<>();
            for (StoredEvent s : seen) {
                assertThat(seenIds.add(s.event().header().eventId())).as("delivered once").isTrue();
                long previous = lastVersion.getOrDefault(s.event().header().stream(), 0L);
                assertThat(s.event().header().version()).as("listener sees version order").isGreaterThan(previous);
                lastVersion.put(s.event().header().stream(), s.event().header().version());
            }
            Set<UUID> expected = new HashSet<>(acceptedBy.get(engine));
            seenIds.removeIf(id -> !accepted.contains(id));
            assertThat(seenIds).as("a listener gets every event its engine stored").isEqualTo(expected);
        }
    }

    private static JobCommand command(Random random, JobId job, int thread, int i) {
        return switch (random.nextInt(8)) {
            case 0 -> new AddProof(job, ProofKind.NOTE, "note", "t" + thread + "-" + i, null);
            case 1 -> new UsePart(job, "CAP-35UF", null, 1, Money.inr(45_000), true);
            case 2 -> new AddExpense(job, "parking", Money.inr(2_000), false);
            case 3 -> ChangeStatus.enRoute(job);
            case 4 -> ChangeStatus.arrived(job);
            case 5 -> ChangeStatus.onHold(job, "waiting for the customer");
            case 6 -> ChangeStatus.delayed(job, "traffic");
            default -> AddProof.photo(job, "before", "t" + thread + "-" + i + ".jpg", SHA);
        };
    }
}
