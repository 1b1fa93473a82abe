package io.github.geodispatch.spi.contract;

import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.ChainFormat;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link JobEventStore}. An adapter proves itself by extending this class in its own tests
 * and returning a store from {@link #newStore()}. Each test works in a fresh random tenant and measures
 * positions from the store's last position at its start, so a persistent store may be shared by all tests.
 */
public abstract class JobEventStoreContract {

    /** A store to test: a new one, or a shared one whose tenants are left to the tests. */
    protected abstract JobEventStore newStore();

    private JobEventStore store;
    private ContractEvents events;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        events = new ContractEvents();
    }

    @Test
    void appendedEventsReadBackEqualInVersionOrder() {
        StreamId stream = events.stream("job-1");
        List<JobEvent> batch = events.stream(stream, 3);

        List<StoredEvent> stored = store.append(stream, 0, batch);

        assertThat(stored).extracting(StoredEvent::event).containsExactlyElementsOf(batch);
        assertThat(store.readStream(stream)).containsExactlyElementsOf(batch);
        assertThat(store.version(stream)).isEqualTo(3);
        assertThat(stored.get(2).position()).isEqualTo(store.lastPosition());
    }

    @Test
    void everyEventVariantRoundTripsWithItsHashChainIntact() {
        StreamId stream = events.stream("job-variants");
        List<JobEvent> all = events.everyVariant(stream);

        store.append(stream, 0, all.subList(0, 5));
        store.append(stream, 5, all.subList(5, all.size()));

        List<JobEvent> read = store.readStream(stream);
        assertThat(read).containsExactlyElementsOf(all);
        for (int i = 0; i < all.size(); i++) {
            assertThat(HashChain.bytes(read.get(i))).as("hashed bytes of event %d", i).isEqualTo(HashChain.bytes(all.get(i)));
        }
        assertThat(HashChain.verifies(read, HashChain.head(all))).isTrue();
    }

    @Test
    void formatOneStreamsReadBackInFormatOne() {
        // streams written before the canonical encoding must keep their format, or they would stop verifying
        StreamId stream = events.stream("job-format-1");
        List<JobEvent> legacy = events.formatOne(events.everyVariant(stream));

        store.append(stream, 0, legacy);

        List<JobEvent> read = store.readStream(stream);
        assertThat(read).containsExactlyElementsOf(legacy);
        assertThat(read).extracting(e -> e.header().format()).containsOnly(ChainFormat.TEXT_V1);
        assertThat(HashChain.verifies(read, HashChain.head(legacy))).isTrue();
    }

    @Test
    void unknownStreamIsEmptyAtVersionZero() {
        StreamId stream = events.stream("never-written");

        assertThat(store.readStream(stream)).isEmpty();
        assertThat(store.version(stream)).isZero();
    }

    @Test
    void streamsOfOtherTenantsAreSeparate() {
        StreamId mine = events.stream("job-shared-id");
        ContractEvents otherTenant = new ContractEvents();
        StreamId theirs = otherTenant.stream("job-shared-id");

        store.append(mine, 0, events.stream(mine, 2));
        store.append(theirs, 0, otherTenant.stream(theirs, 1));

        assertThat(store.version(mine)).isEqualTo(2);
        assertThat(store.version(theirs)).isEqualTo(1);
        assertThat(store.readStream(theirs)).allSatisfy(e -> assertThat(e.header().tenant()).isEqualTo(otherTenant.tenant));
    }

    @Test
    void staleExpectedVersionIsATypedConflictAndStoresNothing() {
        StreamId stream = events.stream("job-conflict");
        List<JobEvent> first = events.stream(stream, 2);
        store.append(stream, 0, first);
        long before = store.lastPosition();
        List<JobEvent> late = events.next(first.subList(0, 1), 1);

        assertThatThrownBy(() -> store.append(stream, 1, late))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.stream()).isEqualTo(stream);
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThat(store.readStream(stream)).containsExactlyElementsOf(first);
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void appendToNewStreamExpectingEventsIsAConflict() {
        StreamId stream = events.stream("job-missing");
        List<JobEvent> all = events.stream(stream, 2);

        assertThatThrownBy(() -> store.append(stream, 1, all.subList(1, 2)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.version(stream)).isZero();
    }

    @Test
    void batchWithAVersionGapStoresNothing() {
        StreamId stream = events.stream("job-gap");
        List<JobEvent> all = events.stream(stream, 4);
        long before = store.lastPosition();
        List<JobEvent> gapped = List.of(all.get(0), all.get(1), all.get(3));

        assertThatThrownBy(() -> store.append(stream, 0, gapped)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(stream)).isZero();
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void batchWithAnEventOfAnotherStreamStoresNothing() {
        StreamId stream = events.stream("job-a");
        StreamId other = events.stream("job-b");
        List<JobEvent> mixed = List.of(events.created(stream), events.stream(other, 2).get(1));

        assertThatThrownBy(() -> store.append(stream, 0, mixed)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(stream)).isZero();
        assertThat(store.version(other)).isZero();
    }

    @Test
    void batchWhoseLastEventReusesAStoredIdStoresNothing() {
        StreamId first = events.stream("job-first");
        List<JobEvent> firstEvents = events.stream(first, 1);
        store.append(first, 0, firstEvents);
        StreamId second = events.stream("job-second");
        List<JobEvent> secondEvents = events.stream(second, 2);
        JobEvent reusing = withEventId(secondEvents.get(1), firstEvents.get(0).header().eventId());
        long before = store.lastPosition();

        assertThatThrownBy(() -> store.append(second, 0, List.of(secondEvents.get(0), reusing)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(second)).isZero();
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void emptyAppendIsRejected() {
        StreamId stream = events.stream("job-empty");

        assertThatThrownBy(() -> store.append(stream, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replayingAnAppendStoresNothingAndReturnsTheStoredCopies() {
        StreamId stream = events.stream("job-replay");
        List<JobEvent> batch = events.stream(stream, 2);
        List<StoredEvent> first = store.append(stream, 0, batch);
        long before = store.lastPosition();

        List<StoredEvent> again = store.append(stream, 0, batch);

        assertThat(again).isEqualTo(first);
        assertThat(store.readStream(stream)).containsExactlyElementsOf(batch);
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void replayAfterTheStreamMovedOnStillReturnsTheStoredCopies() {
        StreamId stream = events.stream("job-replay-late");
        List<JobEvent> batch = events.stream(stream, 1);
        List<StoredEvent> first = store.append(stream, 0, batch);
        store.append(stream, 1, events.next(batch, 1));

        assertThat(store.append(stream, 0, batch)).isEqualTo(first);
        assertThat(store.version(stream)).isEqualTo(2);
    }

    @Test
    void reusedEventIdWithOtherContentIsRejected() {
        StreamId stream = events.stream("job-reuse");
        List<JobEvent> batch = events.stream(stream, 2);
        store.append(stream, 0, batch);
        JobEvent.ProofAdded original = (JobEvent.ProofAdded) batch.get(1);
        JobEvent.ProofAdded forged = new JobEvent.ProofAdded(original.header(), ProofKind.NOTE, "forged",
                "note-forged", null);

        assertThatThrownBy(() -> store.append(stream, 1, List.of(forged))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.readStream(stream)).containsExactlyElementsOf(batch);
    }

    @Test
    void positionsIncreaseAcrossStreamsInAppendOrder() {
        long start = store.lastPosition();
        StreamId a = events.stream("job-pos-a");
        StreamId b = events.stream("job-pos-b");
        List<JobEvent> aEvents = events.stream(a, 3);
        List<JobEvent> bEvents = events.stream(b, 2);

        List<StoredEvent> stored = new ArrayList<>();
        stored.addAll(store.append(a, 0, aEvents.subList(0, 1)));
        stored.addAll(store.append(b, 0, bEvents));
        stored.addAll(store.append(a, 1, aEvents.subList(1, 3)));

        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).position()).isGreaterThan(stored.get(i - 1).position());
        }
        assertThat(stored.get(0).position()).isGreaterThan(start);
        List<StoredEvent> mine = mine(store.readAll(start, 1000));
        assertThat(mine).isEqualTo(stored);
    }

    @Test
    void readAllPagesThroughEveryEventOnce() {
        long start = store.lastPosition();
        List<JobEvent> written = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            StreamId stream = events.stream("job-page-" + s);
            List<JobEvent> batch = events.stream(stream, 5);
            store.append(stream, 0, batch);
            written.addAll(batch);
        }

        List<StoredEvent> seen = new ArrayList<>();
        long after = start;
        int pages = 0;
        while (true) {
            List<StoredEvent> page = store.readAll(after, 7);
            assertThat(page.size()).isLessThanOrEqualTo(7);
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            after = page.get(page.size() - 1).position();
            pages++;
        }

        assertThat(pages).isGreaterThanOrEqualTo(4);
        assertThat(mine(seen)).extracting(StoredEvent::event).containsExactlyElementsOf(written);
        assertThat(store.readAll(store.lastPosition(), 10)).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eightConcurrentWritersLoseNothingAndKeepVersionOrder() throws Exception {
        int threads = 8;
        int appendsPerThread = 40;
        List<StreamId> streams = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            StreamId stream = events.stream("job-hot-" + s);
            store.append(stream, 0, List.of(events.created(stream)));
            streams.add(stream);
        }
        long start = store.lastPosition();
        Set<UUID> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < appendsPerThread; i++) {
                        StreamId stream = streams.get((thread + i) % streams.size());
                        while (true) {
                            List<JobEvent> current = store.readStream(stream);
                            List<JobEvent> next = events.next(current, 1 + (i % 2));
                            try {
                                store.append(stream, current.size(), next);
                                next.forEach(e -> accepted.add(e.header().eventId()));
                                break;
                            } catch (ConcurrencyConflictException retry) {
                                // another writer got there first: re-read and try again
                            }
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

        Set<UUID> stored = new HashSet<>();
        for (StreamId stream : streams) {
            List<JobEvent> read = store.readStream(stream);
            for (int v = 0; v < read.size(); v++) {
                assertThat(read.get(v).header().version()).isEqualTo(v + 1);
            }
            assertThat(HashChain.verifies(read)).as("chain of %s", stream).isTrue();
            read.subList(1, read.size()).forEach(e -> stored.add(e.header().eventId()));
        }
        assertThat(stored).isEqualTo(accepted);

        List<StoredEvent> log = mine(readEverything(start));
        assertThat(log).hasSize(accepted.size());
        Map<StreamId, Long> lastVersion = new HashMap<>();
        long lastPosition = start;
        for (StoredEvent s : log) {
            assertThat(s.position()).isGreaterThan(lastPosition);
            lastPosition = s.position();
            EventHeader h = s.event().header();
            long previous = lastVersion.getOrDefault(h.stream(), 1L);
            assertThat(h.version()).as("version order of %s in readAll", h.stream()).isEqualTo(previous + 1);
            lastVersion.put(h.stream(), h.version());
        }
    }

    private List<StoredEvent> readEverything(long after) {
        List<StoredEvent> all = new ArrayList<>();
        List<StoredEvent> page;
        while (!(page = store.readAll(after, 100)).isEmpty()) {
            all.addAll(page);
            after = page.get(page.size() - 1).position();
        }
        return all;
    }

    /** The stored events of this test's tenant (a shared store may hold other tests' events). */
    private List<StoredEvent> mine(List<StoredEvent> stored) {
        return stored.stream().filter(s -> s.event().header().tenant().equals(events.tenant)).toList();
    }

    private static JobEvent withEventId(JobEvent event, UUID id) {
        JobEvent.ProofAdded p = (JobEvent.ProofAdded) event;
        EventHeader h = p.header();
        return new JobEvent.ProofAdded(new EventHeader(id, h.stream(), h.version(), h.occurredAt(), h.actor(),
                h.previousHash()), p.kind(), p.label(), p.reference(), p.sha256());
    }
}
