package io.github.geodispatch.spi.contract;

import io.github.geodispatch.spi.CustomerConflictException;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerEventHeader;
import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.CustomerHashChain;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.CustomerStreamId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StoredCustomerEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link CustomerEventStore}. An adapter proves itself by extending this class in its own tests
 * and returning a store from {@link #newStore()}. Each test works in a fresh random tenant and measures
 * positions from the store's last position at its start, so a persistent store may be shared by all tests.
 */
public abstract class CustomerEventStoreContract {

    /** A store to test: a new one, or a shared one whose tenants are left to the tests. */
    protected abstract CustomerEventStore newStore();

    private CustomerEventStore store;
    private CustomerContractEvents events;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        events = new CustomerContractEvents();
    }

    @Test
    void appendedEventsReadBackEqualInVersionOrder() {
        CustomerStreamId stream = events.stream("C-1");
        List<CustomerEvent> batch = events.stream(stream, 3);

        List<StoredCustomerEvent> stored = store.append(stream, 0, batch);

        assertThat(stored).extracting(StoredCustomerEvent::event).containsExactlyElementsOf(batch);
        assertThat(store.readStream(stream)).containsExactlyElementsOf(batch);
        assertThat(store.version(stream)).isEqualTo(3);
        assertThat(stored.get(2).position()).isEqualTo(store.lastPosition());
    }

    @Test
    void everyEventVariantRoundTripsWithItsHashChainIntact() {
        CustomerStreamId stream = events.stream("C-variants");
        List<CustomerEvent> all = events.everyVariant(stream);

        store.append(stream, 0, all.subList(0, 4));
        store.append(stream, 4, all.subList(4, all.size()));

        List<CustomerEvent> read = store.readStream(stream);
        assertThat(read).containsExactlyElementsOf(all);
        for (int i = 0; i < all.size(); i++) {
            assertThat(read.get(i).toString()).as("canonical text of event %d", i).isEqualTo(all.get(i).toString());
        }
        assertThat(CustomerHashChain.verifies(read, CustomerHashChain.head(all))).isTrue();
    }

    @Test
    void unknownStreamIsEmptyAtVersionZeroAndTenantsAreSeparate() {
        CustomerStreamId mine = events.stream("C-shared-id");
        CustomerContractEvents otherTenant = new CustomerContractEvents();
        CustomerStreamId theirs = otherTenant.stream("C-shared-id");
        assertThat(store.readStream(mine)).isEmpty();
        assertThat(store.version(mine)).isZero();

        store.append(mine, 0, events.stream(mine, 2));
        store.append(theirs, 0, otherTenant.stream(theirs, 1));

        assertThat(store.version(mine)).isEqualTo(2);
        assertThat(store.version(theirs)).isEqualTo(1);
        assertThat(store.readStream(theirs)).allSatisfy(e -> assertThat(e.header().tenant()).isEqualTo(otherTenant.tenant));
    }

    @Test
    void staleExpectedVersionIsATypedConflictAndStoresNothing() {
        CustomerStreamId stream = events.stream("C-conflict");
        List<CustomerEvent> first = events.stream(stream, 2);
        store.append(stream, 0, first);
        long before = store.lastPosition();
        List<CustomerEvent> late = events.next(first.subList(0, 1), 1);

        assertThatThrownBy(() -> store.append(stream, 1, late))
                .isInstanceOfSatisfying(CustomerConflictException.class, e -> {
                    assertThat(e.stream()).isEqualTo(stream);
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThat(store.readStream(stream)).containsExactlyElementsOf(first);
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void appendToNewStreamExpectingEventsIsAConflict() {
        CustomerStreamId stream = events.stream("C-missing");
        List<CustomerEvent> all = events.stream(stream, 2);

        assertThatThrownBy(() -> store.append(stream, 1, all.subList(1, 2))).isInstanceOf(CustomerConflictException.class);
        assertThat(store.version(stream)).isZero();
    }

    @Test
    void malformedBatchesStoreNothing() {
        CustomerStreamId stream = events.stream("C-gap");
        CustomerStreamId other = events.stream("C-other");
        List<CustomerEvent> all = events.stream(stream, 4);
        long before = store.lastPosition();

        assertThatThrownBy(() -> store.append(stream, 0, List.of(all.get(0), all.get(1), all.get(3))))
                .as("a version gap").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.append(stream, 0, List.of(all.get(0), events.stream(other, 2).get(1))))
                .as("an event of another stream").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.append(stream, 0, List.of())).as("nothing").isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(stream)).isZero();
        assertThat(store.version(other)).isZero();
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void batchWhoseLastEventReusesAStoredIdStoresNothing() {
        CustomerStreamId first = events.stream("C-first");
        List<CustomerEvent> firstEvents = events.stream(first, 1);
        store.append(first, 0, firstEvents);
        CustomerStreamId second = events.stream("C-second");
        List<CustomerEvent> secondEvents = events.stream(second, 2);
        CustomerEvent reusing = withEventId(secondEvents.get(1), firstEvents.get(0).header().eventId());
        long before = store.lastPosition();

        assertThatThrownBy(() -> store.append(second, 0, List.of(secondEvents.get(0), reusing)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(second)).isZero();
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void replayingAnAppendStoresNothingAndReturnsTheStoredCopiesEvenAfterTheStreamMovedOn() {
        CustomerStreamId stream = events.stream("C-replay");
        List<CustomerEvent> batch = events.stream(stream, 2);
        List<StoredCustomerEvent> first = store.append(stream, 0, batch);
        store.append(stream, 2, events.next(batch, 1));
        long before = store.lastPosition();

        assertThat(store.append(stream, 0, batch)).isEqualTo(first);
        assertThat(store.version(stream)).isEqualTo(3);
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void reusedEventIdWithOtherContentIsRejected() {
        CustomerStreamId stream = events.stream("C-reuse");
        List<CustomerEvent> batch = events.stream(stream, 2);
        store.append(stream, 0, batch);
        CustomerEvent.SiteAdded original = (CustomerEvent.SiteAdded) batch.get(1);
        CustomerEvent forged = new CustomerEvent.SiteAdded(original.header(),
                new CustomerSite(SiteId.of("S-forged"), GeoPoint.of(1, 1), "", ""));

        assertThatThrownBy(() -> store.append(stream, 1, List.of(forged))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.readStream(stream)).containsExactlyElementsOf(batch);
    }

    @Test
    void readAllPagesThroughEveryEventOnceInAppendOrder() {
        long start = store.lastPosition();
        List<CustomerEvent> written = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            CustomerStreamId stream = events.stream("C-page-" + s);
            List<CustomerEvent> batch = events.stream(stream, 5);
            store.append(stream, 0, batch.subList(0, 2));
            store.append(stream, 2, batch.subList(2, 5));
            written.addAll(batch);
        }

        List<StoredCustomerEvent> seen = readEverything(start, 7);

        assertThat(mine(seen)).extracting(StoredCustomerEvent::event).containsExactlyElementsOf(written);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).position()).isGreaterThan(seen.get(i - 1).position());
        }
        assertThat(store.readAll(store.lastPosition(), 10)).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentWritersLoseNothingAndKeepVersionOrder() throws Exception {
        int threads = 4;
        int appendsPerThread = 15;
        List<CustomerStreamId> streams = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            CustomerStreamId stream = events.stream("C-hot-" + s);
            store.append(stream, 0, List.of(events.registered(stream)));
            streams.add(stream);
        }
        Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < appendsPerThread; i++) {
                        CustomerStreamId stream = streams.get((thread + i) % streams.size());
                        while (true) {
                            List<CustomerEvent> current = store.readStream(stream);
                            List<CustomerEvent> next = events.next(current, 1 + (i % 2));
                            try {
                                store.append(stream, current.size(), next);
                                next.forEach(e -> accepted.add(e.header().eventId()));
                                break;
                            } catch (CustomerConflictException retry) {
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
        for (CustomerStreamId stream : streams) {
            List<CustomerEvent> read = store.readStream(stream);
            assertThat(CustomerHashChain.verifies(read, null)).as("chain of %s", stream).isTrue();
            read.subList(1, read.size()).forEach(e -> stored.add(e.header().eventId()));
        }
        assertThat(stored).isEqualTo(accepted);
    }

    private List<StoredCustomerEvent> readEverything(long after, int page) {
        List<StoredCustomerEvent> all = new ArrayList<>();
        List<StoredCustomerEvent> read;
        while (!(read = store.readAll(after, page)).isEmpty()) {
            assertThat(read.size()).isLessThanOrEqualTo(page);
            all.addAll(read);
            after = read.get(read.size() - 1).position();
        }
        return all;
    }

    /** The stored events of this test's tenant (a shared store may hold other tests' events). */
    private List<StoredCustomerEvent> mine(List<StoredCustomerEvent> stored) {
        return stored.stream().filter(s -> s.event().header().tenant().equals(events.tenant)).toList();
    }

    private static CustomerEvent withEventId(CustomerEvent event, UUID id) {
        CustomerEvent.SiteAdded s = (CustomerEvent.SiteAdded) event;
        CustomerEventHeader h = s.header();
        return new CustomerEvent.SiteAdded(new CustomerEventHeader(id, h.stream(), h.version(), h.occurredAt(),
                h.actor(), h.previousHash()), s.site());
    }
}
