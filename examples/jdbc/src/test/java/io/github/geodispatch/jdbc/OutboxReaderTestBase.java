package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox reader's delivery guarantees and its handling of poison events, run on each database by a subclass. */
abstract class OutboxReaderTestBase {
    private static final int STREAMS = 8;
    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER = 60;
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private TestDatabase db;

    abstract TestDatabase open();

    @BeforeEach
    void setUp() {
        db = open();
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void deliversEveryEventAtLeastOnceInOrderPerStreamAcrossFailuresAndRestarts() throws Exception {
        JdbcJobEventStore store = db.events();
        List<StreamId> streams = new ArrayList<>();
        for (int s = 0; s < STREAMS; s++) {
            StreamId stream = SampleEvents.stream("job-out-" + s);
            store.append(stream, 0, SampleEvents.everyVariant(stream).subList(0, 1));
            streams.add(stream);
        }
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writes.add(writers.submit(() -> {
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    StreamId stream = streams.get((writer * 7 + i) % STREAMS);
                    while (true) {
                        List<JobEvent> current = store.readStream(stream);
                        try {
                            store.append(stream, current.size(), SampleEvents.expenses(stream, current, 1 + i % 3, 100));
                            break;
                        } catch (ConcurrencyConflictException retry) {
                            // re-read and try again
                        }
                    }
                }
                return null;
            }));
        }
        writers.shutdown();
        Thread watcher = new Thread(() -> {
            try {
                writers.awaitTermination(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writing.set(false);
        });
        watcher.start();

        List<StoredEvent> deliveries = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        OutboxReader.Handler flaky = event -> {
            deliveries.add(event);
            if (attempts.incrementAndGet() % 23 == 0) {
                // delivered downstream, but the process "dies" before the checkpoint moves past it
                throw new IllegalStateException("broker timeout");
            }
        };
        int failures = 0;
        int restarts = 0;
        OutboxReader reader = neverParking("kafka-bridge", 16);
        while (writing.get() || reader.checkpoint() < store.lastPosition()) {
            try {
                if (reader.pollOnce(flaky) == 0) {
                    Thread.sleep(5);
                }
            } catch (OutboxReader.DeliveryException e) {
                failures++;
                if (failures % 3 == 0) {
                    reader = neverParking("kafka-bridge", 16); // a restarted host resumes from the stored checkpoint
                    restarts++;
                }
            }
        }
        watcher.join();
        for (Future<?> w : writes) {
            w.get();
        }

        long last = store.lastPosition();
        List<StoredEvent> all = store.readAll(0, (int) last + 1);
        assertThat(failures).isPositive();
        assertThat(restarts).isPositive();
        assertThat(reader.checkpoint()).isEqualTo(last);
        assertThat(deliveries.stream().map(e -> e.event().header().eventId()).distinct().count())
                .as("every stored event delivered at least once").isEqualTo(all.size());
        assertThat(deliveries.size()).as("failed deliveries are repeated").isGreaterThan(all.size());

        List<Long> firstDeliveries = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Map<StreamId, Long> highestVersion = new HashMap<>();
        for (StoredEvent delivered : deliveries) {
            StreamId stream = delivered.event().header().stream();
            long version = delivered.event().header().version();
            assertThat(version).as("no version of %s is delivered before the one preceding it", stream)
                    .isLessThanOrEqualTo(highestVersion.getOrDefault(stream, 0L) + 1);
            highestVersion.merge(stream, version, Math::max);
            if (seen.add(delivered.event().header().eventId())) {
                firstDeliveries.add(delivered.position());
            }
        }
        assertThat(firstDeliveries).as("positions are delivered without ever skipping one, even while writers commit")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(deliveries).containsAll(all);

        assertThat(neverParking("kafka-bridge", 16).pollOnce(flaky)).as("a caught-up consumer gets nothing").isZero();
        List<StoredEvent> replay = new ArrayList<>();
        assertThat(neverParking("projection-rebuild", 50).drain(replay::add)).isEqualTo(last);
        assertThat(replay).isEqualTo(all);
    }

    @Test
    void aPoisonEventIsRetriedWithBackOffThenParkedAndLaterEventsAreDelivered() {
        StreamId stream = SampleEvents.stream("job-poison");
        List<StoredEvent> stored = db.events().append(stream, 0, SampleEvents.everyVariant(stream));
        MutableClock clock = new MutableClock(T0);
        List<Long> delivered = new ArrayList<>();
        AtomicInteger handlerCalls = new AtomicInteger();
        OutboxReader.Handler accounts = event -> {
            handlerCalls.incrementAndGet();
            if (event.position() == 4) {
                throw new IllegalStateException("accounts reject proof " + event.event().header().eventId());
            }
            delivered.add(event.position());
        };

        // attempt 1: the events before the poison are delivered and checkpointed
        assertThatThrownBy(() -> poisonAware(clock).pollOnce(accounts))
                .isInstanceOfSatisfying(OutboxReader.DeliveryException.class, e -> {
                    assertThat(e.position()).isEqualTo(4);
                    assertThat(e.attempt()).isEqualTo(1);
                    assertThat(e.retryAt()).contains(T0.plusSeconds(10));
                }).hasMessageContaining("accounts reject proof");
        assertThat(delivered).containsExactly(1L, 2L, 3L);
        assertThat(poisonAware(clock).checkpoint()).isEqualTo(3);

        // during the back-off a poll (even by a restarted reader) delivers nothing
        clock.advance(Duration.ofSeconds(9));
        int callsBefore = handlerCalls.get();
        assertThat(poisonAware(clock).pollOnce(accounts)).isZero();
        assertThat(handlerCalls.get()).isEqualTo(callsBefore);

        // attempt 2 after the first back-off; the next one waits twice as long
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> poisonAware(clock).pollOnce(accounts))
                .isInstanceOfSatisfying(OutboxReader.DeliveryException.class, e -> {
                    assertThat(e.attempt()).isEqualTo(2);
                    assertThat(e.retryAt()).contains(T0.plusSeconds(30));
                });

        // attempt 3 is the last: the event is parked and the poll goes on with the later events
        clock.advance(Duration.ofSeconds(20));
        assertThat(poisonAware(clock).pollOnce(accounts)).as("parked + delivered").isEqualTo(6);
        assertThat(delivered).containsExactly(1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L);
        assertThat(poisonAware(clock).checkpoint()).isEqualTo(9);

        JobEvent poison = stored.get(3).event();
        assertThat(poisonAware(clock).parked()).singleElement().satisfies(parked -> {
            assertThat(parked.position()).isEqualTo(4);
            assertThat(parked.eventId()).isEqualTo(poison.header().eventId());
            assertThat(parked.stream()).isEqualTo(stream);
            assertThat(parked.version()).isEqualTo(4);
            assertThat(parked.eventType()).isEqualTo("ProofAdded");
            assertThat(parked.attempts()).isEqualTo(3);
            assertThat(parked.lastError()).isEqualTo("java.lang.IllegalStateException: accounts reject proof "
                    + poison.header().eventId());
            assertThat(parked.parkedAt()).isEqualTo(T0.plusSeconds(30));
        });

        // a restarted host delivers what comes next, never the parked event, and still lists it
        List<JobEvent> current = db.events().readStream(stream);
        db.events().append(stream, current.size(), SampleEvents.expenses(stream, current, 2, 700));
        delivered.clear();
        assertThat(poisonAware(clock).drain(accounts)).isEqualTo(2);
        assertThat(delivered).containsExactly(10L, 11L);
        assertThat(poisonAware(clock).parked()).extracting(OutboxReader.ParkedEvent::position).containsExactly(4L);
        assertThat(db.outbox("another-consumer", 100).parked()).as("parked events belong to their consumer").isEmpty();
    }

    @Test
    void theHostReDeliversOrAcknowledgesParkedEvents() {
        StreamId stream = SampleEvents.stream("job-parked");
        db.events().append(stream, 0, SampleEvents.everyVariant(stream));
        MutableClock clock = new MutableClock(T0);
        OutboxReader reader = db.outboxReader("accounts").maxAttempts(1).clock(clock).build();
        assertThat(reader.drain(event -> {
            if (event.position() == 2 || event.position() == 5) {
                throw new IllegalArgumentException("no such technician");
            }
        })).isEqualTo(9);
        assertThat(reader.parked()).extracting(OutboxReader.ParkedEvent::position).containsExactly(2L, 5L);
        assertThat(reader.parked()).allSatisfy(parked -> assertThat(parked.attempts()).isEqualTo(1));

        assertThatThrownBy(() -> reader.redeliverParked(2, event -> {
            throw new IllegalStateException("still down");
        })).isInstanceOfSatisfying(OutboxReader.DeliveryException.class, e -> {
            assertThat(e.position()).isEqualTo(2);
            assertThat(e.attempt()).isEqualTo(2);
            assertThat(e.retryAt()).isEmpty();
        });
        assertThat(reader.parked().get(0).attempts()).isEqualTo(2);
        assertThat(reader.parked().get(0).lastError()).isEqualTo("java.lang.IllegalStateException: still down");

        List<StoredEvent> redelivered = new ArrayList<>();
        reader.redeliverParked(2, redelivered::add);
        assertThat(redelivered).extracting(StoredEvent::position).containsExactly(2L);
        reader.acknowledgeParked(5);
        assertThat(reader.parked()).isEmpty();
        assertThat(reader.checkpoint()).isEqualTo(9);

        assertThatThrownBy(() -> reader.redeliverParked(2, redelivered::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parked event at position 2");
        assertThatThrownBy(() -> reader.acknowledgeParked(5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parked event at position 5");
        assertThat(redelivered).hasSize(1);
    }

    @Test
    void aFailingHandlerKeepsTheCheckpointJustBeforeTheFailedEvent() {
        StreamId stream = SampleEvents.stream("job-fail");
        db.events().append(stream, 0, SampleEvents.everyVariant(stream));
        OutboxReader reader = neverParking("accounts", 100);
        assertThatThrownBy(() -> reader.pollOnce(event -> {
            if (event.position() == 4) {
                throw new IllegalStateException("accounts down");
            }
        })).isInstanceOfSatisfying(OutboxReader.DeliveryException.class, e -> assertThat(e.position()).isEqualTo(4))
                .hasMessageContaining("accounts down");
        assertThat(reader.checkpoint()).isEqualTo(3);
        List<Long> positions = new ArrayList<>();
        assertThat(reader.drain(event -> positions.add(event.position()))).isEqualTo(6);
        assertThat(positions).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(reader.parked()).isEmpty();
    }

    @Test
    void badSettingsAreRejectedAtOnceWithTheirName() {
        assertThatThrownBy(() -> db.outboxReader(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consumer name");
        assertThatThrownBy(() -> db.outboxReader("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.outboxReader("x").batchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch size");
        assertThatThrownBy(() -> db.outboxReader("x").maxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> db.outboxReader("x").backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff");
        assertThatThrownBy(() -> db.outboxReader("x").backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff");
        assertThatThrownBy(() -> db.outboxReader("x").clock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> db.outboxReader("x").batchSize(5).batchSize(6)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batchSize is already set");
        assertThatThrownBy(() -> db.outbox("x", 10).pollOnce(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theBackOffDoublesFromTheFirstDelayUpToTheLongest() {
        OutboxReader reader = db.outboxReader("x").backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)).build();
        assertThat(reader.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(reader.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(reader.backoffAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(reader.backoffAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(reader.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
        OutboxReader immediate = db.outboxReader("y").backoff(Duration.ZERO, Duration.ZERO).build();
        assertThat(immediate.backoffAfter(3)).isZero();
    }

    /** The reader of the poison test: 3 attempts, 10 s back-off doubling, on the test's clock. */
    private OutboxReader poisonAware(MutableClock clock) {
        return db.outboxReader("accounts").maxAttempts(3).backoff(Duration.ofSeconds(10), Duration.ofMinutes(5))
                .clock(clock).build();
    }

    /** A reader that retries a failed event at its next poll and never parks it. */
    private OutboxReader neverParking(String consumer, int batchSize) {
        return db.outboxReader(consumer).batchSize(batchSize).maxAttempts(Integer.MAX_VALUE)
                .backoff(Duration.ZERO, Duration.ZERO).build();
    }
}
