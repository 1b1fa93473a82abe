package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

/** The outbox reader's delivery guarantees, run on each database by a subclass. */
abstract class OutboxReaderTestBase {
    private static final int STREAMS = 8;
    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER = 60;

    private JdbcDatabase db;

    abstract JdbcDatabase open();

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
        OutboxReader reader = db.outbox("kafka-bridge", 16);
        while (writing.get() || reader.checkpoint() < store.lastPosition()) {
            try {
                if (reader.pollOnce(flaky) == 0) {
                    Thread.sleep(5);
                }
            } catch (OutboxReader.DeliveryException e) {
                failures++;
                if (failures % 3 == 0) {
                    reader = db.outbox("kafka-bridge", 16); // a restarted host resumes from the stored checkpoint
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

        assertThat(db.outbox("kafka-bridge", 16).pollOnce(flaky)).as("a caught-up consumer gets nothing").isZero();
        List<StoredEvent> replay = new ArrayList<>();
        assertThat(db.outbox("projection-rebuild", 50).drain(replay::add)).isEqualTo(last);
        assertThat(replay).isEqualTo(all);
    }

    @Test
    void aFailingHandlerKeepsTheCheckpointJustBeforeTheFailedEvent() {
        StreamId stream = SampleEvents.stream("job-fail");
        db.events().append(stream, 0, SampleEvents.everyVariant(stream));
        OutboxReader reader = db.outbox("accounts", 100);
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
        assertThatThrownBy(() -> db.outbox(" ", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.outbox("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
