package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter-specific behaviour of {@link JdbcJobEventStore}, run on each database by a subclass. */
abstract class JdbcJobEventStoreTestBase {
    private TestDatabase db;
    private JdbcJobEventStore store;

    abstract TestDatabase open();

    @BeforeEach
    void setUp() {
        db = open();
        store = db.events();
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyVariantRoundTripsThroughTheDatabaseWithItsHashes() {
        StreamId stream = SampleEvents.stream("job-1");
        List<JobEvent> events = SampleEvents.everyVariant(stream);

        List<StoredEvent> stored = store.append(stream, 0, events);

        assertThat(stored).extracting(StoredEvent::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        List<JobEvent> back = store.readStream(stream);
        assertThat(back).isEqualTo(events);
        assertThat(back).extracting(Object::toString).isEqualTo(events.stream().map(Object::toString).toList());
        assertThat(HashChain.verifies(back)).isTrue();
        assertThat(HashChain.head(back)).isEqualTo(HashChain.head(events));
        assertThat(store.version(stream)).isEqualTo(9);
        assertThat(store.lastPosition()).isEqualTo(9);
        assertThat(store.readAll(0, 100)).isEqualTo(stored);
        assertThat(store.readAll(7, 100)).extracting(StoredEvent::position).containsExactly(8L, 9L);
        assertThat(store.readStream(SampleEvents.stream("job-none"))).isEmpty();
        assertThat(store.version(SampleEvents.stream("job-none"))).isZero();
    }

    @Test
    void doublesAtTheEdgesAndSignedZeroKeepTheirHash() {
        StreamId stream = SampleEvents.stream("job-edge");
        for (GeoPoint point : List.of(GeoPoint.of(-0.0, -0.0), GeoPoint.of(1.0E-300, -179.99999999999997),
                GeoPoint.of(89.99999999999999, 0.1 + 0.2), GeoPoint.of(-90, 180))) {
            long version = store.version(stream);
            List<JobEvent> before = store.readStream(stream);
            EventHeader header = SampleEvents.header(stream, version + 1, HashChain.head(before));
            JobEvent.JobCreated template = SampleEvents.created(SampleEvents.header(stream, 1, HashChain.GENESIS));
            JobEvent event = version == 0
                    ? new JobEvent.JobCreated(header, template.branch(), template.customer(),
                    new Site(SiteId.of("s-edge"), point, 1.0E-9, ""), "", "AC_SERVICE", List.of(),
                    template.priority(), null, null, 1, template.quote(), null, null)
                    : new JobEvent.StatusChanged(header, JobStatus.ON_HOLD, "at " + point, null);
            store.append(stream, version, List.of(event));
            JobEvent back = store.readStream(stream).get((int) version);
            assertThat(back).isEqualTo(event);
            assertThat(HashChain.hash(back)).isEqualTo(HashChain.hash(event));
        }
        assertThat(HashChain.verifies(store.readStream(stream))).isTrue();
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndStoresNothing() {
        StreamId stream = SampleEvents.stream("job-2");
        List<JobEvent> first = SampleEvents.everyVariant(stream).subList(0, 2);
        store.append(stream, 0, first);
        List<JobEvent> rival = SampleEvents.everyVariant(stream).subList(0, 1);

        assertThatThrownBy(() -> store.append(stream, 0, rival))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.actualVersion()).isEqualTo(2);
                    assertThat(e.stream()).isEqualTo(stream);
                });
        // a stream that is behind the expected version: appending would leave a hole
        List<JobEvent> ahead = SampleEvents.expenses(stream, List.of(first.get(0), first.get(1), first.get(1),
                first.get(1)), 1, 100);
        assertThatThrownBy(() -> store.append(stream, 4, ahead))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(2));
        assertThat(store.readStream(stream)).isEqualTo(first);
        assertThat(store.lastPosition()).isEqualTo(2);
    }

    @Test
    void reAppendingStoredEventsIsIdempotentAndReusedIdsAreRejected() {
        StreamId stream = SampleEvents.stream("job-3");
        List<JobEvent> events = SampleEvents.everyVariant(stream).subList(0, 3);
        List<StoredEvent> stored = store.append(stream, 0, events);

        assertThat(store.append(stream, 0, events)).isEqualTo(stored);
        assertThat(store.append(stream, 1, events.subList(1, 3))).isEqualTo(stored.subList(1, 3));
        assertThat(store.lastPosition()).isEqualTo(3);

        JobEvent.JobAssigned assigned = (JobEvent.JobAssigned) events.get(1);
        JobEvent changed = new JobEvent.JobAssigned(assigned.header(), assigned.technician(), "other reason");
        assertThatThrownBy(() -> store.append(stream, 1, List.of(changed, events.get(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other content");

        StreamId elsewhere = SampleEvents.stream("job-3b");
        EventHeader h = events.get(0).header();
        JobEvent moved = SampleEvents.created(new EventHeader(h.eventId(), elsewhere, 1, h.occurredAt(), h.actor(),
                HashChain.GENESIS));
        assertThatThrownBy(() -> store.append(elsewhere, 0, List.of(moved)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already stored at acme-cool/job-3");
        assertThat(store.lastPosition()).isEqualTo(3);
        assertThat(store.version(elsewhere)).isZero();
    }

    /** Over 64 rows: the bulk path (a binary COPY on PostgreSQL, multi-row INSERTs on H2). */
    @Test
    void aBulkAppendIsIdempotentWhenRepeatedAndStoresNothingWhenOneOfItsStreamsMovedOn() {
        List<JdbcJobEventStore.Append> bulk = newJobs("job-bulk-", 30);
        List<StoredEvent> stored = store.appendAll(bulk);
        assertThat(stored).extracting(StoredEvent::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 150).boxed().toList());
        assertThat(store.readAll(0, 1_000)).isEqualTo(stored);

        assertThat(store.appendAll(bulk)).as("a repeat returns the stored copies").isEqualTo(stored);

        StreamId rival = SampleEvents.stream("job-bulk-rival");
        List<JdbcJobEventStore.Append> conflicting = new ArrayList<>(newJobs("job-bulk-other-", 20));
        conflicting.add(new JdbcJobEventStore.Append(rival, 0, SampleEvents.everyVariant(rival).subList(0, 1)));
        store.append(rival, 0, List.of(SampleEvents.created(SampleEvents.header(rival, 1, HashChain.GENESIS))));
        long before = store.lastPosition();
        assertThatThrownBy(() -> store.appendAll(conflicting))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> assertThat(e.stream()).isEqualTo(rival));
        assertThat(store.lastPosition()).as("nothing of the batch stored, no position used").isEqualTo(before);
        assertThat(store.version(SampleEvents.stream("job-bulk-other-0"))).isZero();
    }

    /** {@code jobs} new five-event streams named {@code prefix} and a number. */
    private static List<JdbcJobEventStore.Append> newJobs(String prefix, int jobs) {
        List<JdbcJobEventStore.Append> appends = new ArrayList<>();
        for (int job = 0; job < jobs; job++) {
            StreamId stream = SampleEvents.stream(prefix + job);
            List<JobEvent> events = new ArrayList<>(SampleEvents.everyVariant(stream).subList(0, 1));
            events.addAll(SampleEvents.expenses(stream, events, 4, job));
            appends.add(new JdbcJobEventStore.Append(stream, 0, events));
        }
        return appends;
    }

    @Test
    void malformedAppendsAreRejectedBeforeAnyWrite() {
        StreamId stream = SampleEvents.stream("job-4");
        List<JobEvent> events = SampleEvents.everyVariant(stream);
        assertThatThrownBy(() -> store.append(SampleEvents.stream("job-x"), 0, events.subList(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to stream acme-cool/job-4");
        assertThatThrownBy(() -> store.append(stream, 0, events.subList(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has version 2, expected 1");
        assertThatThrownBy(() -> store.append(stream, -1, events.subList(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected version");
        JobEvent first = events.get(0);
        EventHeader h = first.header();
        JobEvent sameId = new JobEvent.StatusChanged(new EventHeader(h.eventId(), stream, 2, h.occurredAt(), h.actor(),
                HashChain.hash(first)), JobStatus.ON_HOLD, "", null);
        assertThatThrownBy(() -> store.append(stream, 0, List.of(first, sameId)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> store.readAll(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.lastPosition()).isZero();
    }

    @Test
    void appendAllStoresEveryStreamOrNone() {
        StreamId a = SampleEvents.stream("job-a");
        StreamId b = SampleEvents.stream("job-b");
        List<JobEvent> aEvents = SampleEvents.everyVariant(a);
        List<JobEvent> bEvents = SampleEvents.everyVariant(b);
        store.append(b, 0, bEvents.subList(0, 1));

        assertThatThrownBy(() -> store.appendAll(List.of(new JdbcJobEventStore.Append(a, 0, aEvents),
                new JdbcJobEventStore.Append(b, 0, bEvents))))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> assertThat(e.stream()).isEqualTo(b));
        assertThat(store.version(a)).isZero();

        List<StoredEvent> stored = store.appendAll(List.of(new JdbcJobEventStore.Append(a, 0, aEvents),
                new JdbcJobEventStore.Append(b, 1, bEvents.subList(1, 9))));
        assertThat(stored).extracting(StoredEvent::position).containsExactlyElementsOf(
                LongStream.rangeClosed(2, 18).boxed().toList());
        assertThat(store.readStream(a)).isEqualTo(aEvents);
        assertThat(store.readStream(b)).isEqualTo(bEvents);
    }

    @Test
    void racingAppendersAtOneStreamCommitOneEventPerVersionAndPositionsStayGapless() throws Exception {
        StreamId stream = SampleEvents.stream("job-race");
        store.append(stream, 0, SampleEvents.everyVariant(stream).subList(0, 1));
        int threads = 6;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // each round, every appender still racing reads before any appends: all but one of a round's first readers
        // collide, however the threads are scheduled (a loaded machine could otherwise run them one after another)
        Phaser round = new Phaser(threads);
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                int conflicts = 0;
                for (int done = 0; done < perThread; ) {
                    List<JobEvent> current = store.readStream(stream);
                    round.arriveAndAwaitAdvance();
                    try {
                        store.append(stream, current.size(), SampleEvents.expenses(stream, current, 1, 100));
                        done++;
                    } catch (ConcurrencyConflictException e) {
                        conflicts++;
                    }
                }
                round.arriveAndDeregister();
                return new int[] {conflicts};
            }));
        }
        int conflicts = 0;
        for (Future<int[]> f : results) {
            conflicts += f.get(60, TimeUnit.SECONDS)[0];
        }
        pool.shutdown();

        List<JobEvent> all = store.readStream(stream);
        assertThat(all).hasSize(1 + threads * perThread);
        assertThat(HashChain.verifies(all)).isTrue();
        assertThat(conflicts).as("racing appenders must have collided").isPositive();
        assertThat(store.readAll(0, 10_000)).extracting(StoredEvent::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
    }

    @Test
    void aNulCharacterIsStoredExactly() {
        StreamId stream = SampleEvents.stream("job-nul");
        JobEvent created = SampleEvents.everyVariant(stream).get(0);
        store.append(stream, 0, List.of(created));
        JobEvent nul = new JobEvent.StatusChanged(SampleEvents.next(stream, List.of(created)), JobStatus.ON_HOLD,
                "bad\u0000byte", null);
        store.append(stream, 1, List.of(nul));
        assertThat(store.readStream(stream)).containsExactly(created, nul);
    }

    @Test
    void generatedEventsOfEveryVariantRoundTripThroughTheDatabaseExactly() {
        List<JobEvent> events = EventJsonPropertiesTest.events(EventJsonPropertiesTest.firstHeaders())
                .filter(e -> !SampleEvents.hasUnpairedSurrogate(e))
                .sampleStream().limit(200).toList();
        List<JdbcJobEventStore.Append> appends = events.stream()
                .map(e -> new JdbcJobEventStore.Append(e.header().stream(), 0, List.of(e))).toList();
        store.appendAll(appends);
        for (JobEvent event : events) {
            JobEvent back = store.readStream(event.header().stream()).get(0);
            assertThat(back.toString()).isEqualTo(event.toString());
            assertThat(HashChain.hash(back)).isEqualTo(HashChain.hash(event));
        }
    }

    @Test
    void anUnpairedSurrogateIsRejectedBecauseUtf8CannotKeepIt() {
        StreamId stream = SampleEvents.stream("job-surrogate");
        JobEvent created = SampleEvents.everyVariant(stream).get(0);
        store.append(stream, 0, List.of(created));
        JobEvent broken = new JobEvent.StatusChanged(SampleEvents.next(stream, List.of(created)), JobStatus.ON_HOLD,
                "half an emoji \ud83d", null);
        assertThatThrownBy(() -> store.append(stream, 1, List.of(broken)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired UTF-16 surrogate")
                .hasMessageContaining(broken.header().eventId().toString());
        assertThat(store.version(stream)).isEqualTo(1);
    }

    @Test
    void streamsOfTwoTenantsWithTheSameJobIdStaySeparate() {
        StreamId mine = SampleEvents.stream("job-7");
        StreamId theirs = StreamId.of(TenantId.of("other-co"), mine.job());
        store.append(mine, 0, SampleEvents.everyVariant(mine).subList(0, 2));
        JobEvent.JobCreated template = SampleEvents.created(SampleEvents.header(mine, 1, HashChain.GENESIS));
        EventHeader header = new EventHeader(UUID.randomUUID(), theirs, 1, SampleEvents.T0,
                Actor.owner(theirs.tenant(), "owner-1"), HashChain.GENESIS);
        JobEvent other = new JobEvent.JobCreated(header, template.branch(), template.customer(), template.site(), "",
                "RO_SERVICE", List.of(), template.priority(), null, null, 30, template.quote(), null, null);
        store.append(theirs, 0, List.of(other));
        assertThat(store.readStream(theirs)).containsExactly(other);
        assertThat(store.version(mine)).isEqualTo(2);
        assertThat(store.version(theirs)).isEqualTo(1);
    }

    @Test
    void replayHandsOverEveryEventAfterAPositionInOrderAcrossPages() {
        List<StoredEvent> stored = new ArrayList<>();
        List<JdbcJobEventStore.Append> batch = new ArrayList<>();
        for (int job = 0; job < 1_005; job++) {
            StreamId stream = SampleEvents.stream("job-replay-" + job);
            List<JobEvent> events = new ArrayList<>(SampleEvents.everyVariant(stream).subList(0, 1));
            events.addAll(SampleEvents.expenses(stream, events, 9, job));
            batch.add(new JdbcJobEventStore.Append(stream, 0, events));
            if (batch.size() == 500 || job == 1_004) {
                stored.addAll(store.appendAll(batch));
                batch.clear();
            }
        }
        assertThat(stored).hasSizeGreaterThan(JdbcJobEventStore.PAGE);

        List<StoredEvent> replayed = new ArrayList<>();
        List<Thread> consumers = new ArrayList<>();
        List<Thread> decoders = new ArrayList<>();
        assertThat(store.replay(0, e -> {
            replayed.add(e);
            if (e.position() == 1) {
                consumers.add(Thread.currentThread());
                decoders.addAll(ReplayDecoderTest.decoderThreads());
            }
        })).isEqualTo(stored.size());
        assertThat(replayed).isEqualTo(stored);
        assertThat(consumers).containsExactly(Thread.currentThread());
        assertThat(decoders).singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
        assertThat(ReplayDecoderTest.decoderThreads()).as("ended with the replay").isEmpty();

        // a consumer that stops early, with the second page decoded or in flight
        assertThatThrownBy(() -> store.replay(0, e -> {
            throw new IllegalStateException("projection full");
        })).hasMessage("projection full");
        assertThat(ReplayDecoderTest.decoderThreads()).as("ended with the replay").isEmpty();

        List<StoredEvent> tail = new ArrayList<>();
        assertThat(store.replay(4_321, tail::add)).isEqualTo(stored.size());
        assertThat(tail).isEqualTo(stored.subList(4_321, stored.size()));
        assertThat(store.replay(stored.size(), e -> { throw new AssertionError("nothing is left to replay"); }))
                .isEqualTo(stored.size());

        assertThat(store.readAll(0, JdbcJobEventStore.PAGE + 20)).isEqualTo(stored.subList(0, JdbcJobEventStore.PAGE + 20));
        assertThat(store.readAll(stored.size() - 3, Integer.MAX_VALUE)).isEqualTo(stored.subList(stored.size() - 3, stored.size()));

        // an event committed while the replay runs (by its consumer, at the first event) is handed over too
        StreamId later = SampleEvents.stream("job-replay-later");
        List<StoredEvent> withLater = new ArrayList<>();
        assertThat(store.replay(0, e -> {
            withLater.add(e);
            if (e.position() == 1) {
                store.append(later, 0, SampleEvents.everyVariant(later).subList(0, 1));
            }
        })).isEqualTo(stored.size() + 1);
        assertThat(withLater).hasSize(stored.size() + 1);
        assertThat(withLater.get(stored.size()).event().header().stream()).isEqualTo(later);

        // a damaged body in the second page: every event before it is handed over, then its position is named
        long damaged = JdbcJobEventStore.PAGE + 5;
        damageBody(damaged);
        List<Long> before = new ArrayList<>();
        assertThatThrownBy(() -> store.replay(0, e -> before.add(e.position())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the event stored at position " + damaged
                        + " cannot be read: not a job event body")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(before).isEqualTo(LongStream.rangeClosed(1, damaged - 1).boxed().toList());
    }

    private void damageBody(long position) {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "UPDATE " + db.database().jobEventTable() + " SET body = ? WHERE position = ?")) {
            ps.setBytes(1, new byte[] {1, 2});
            ps.setLong(2, position);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFailingReplayConsumerStopsTheReplayWithItsOwnException() {
        StreamId stream = SampleEvents.stream("job-replay-stop");
        store.append(stream, 0, SampleEvents.everyVariant(stream));
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> store.replay(0, e -> {
            seen.add(e.position());
            if (e.position() == 3) {
                throw new IllegalStateException("projection full");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("projection full");
        assertThat(seen).containsExactly(1L, 2L, 3L);
        assertThatThrownBy(() -> store.replay(-1, e -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("afterPosition");
        assertThatThrownBy(() -> store.replay(0, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.readAll(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxCount");
        assertThat(store.readAll(0, 0)).isEmpty();
    }
}
