package io.github.geodispatch.spi.contract;

import io.github.geodispatch.spi.StockAppend;
import io.github.geodispatch.spi.StockChain;
import io.github.geodispatch.spi.StockConflictException;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.StoredStockEvent;
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
 * The contract of {@link StockEventStore}. An adapter proves itself by extending this class in its own tests and
 * returning a store from {@link #newStore()}. Each test works in a fresh random tenant and measures positions from
 * the store's last position at its start, so a persistent store may be shared by all tests.
 */
public abstract class StockEventStoreContract {

    /** A store to test: a new one, or a shared one whose tenants are left to the tests. */
    protected abstract StockEventStore newStore();

    private StockEventStore store;
    private ContractStockEvents events;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        events = new ContractStockEvents();
    }

    @Test
    void appendedEventsReadBackEqualInVersionOrder() {
        StockStreamId stream = events.location("wh-1");
        List<StockEvent> batch = events.stream(stream, 3);

        List<StoredStockEvent> stored = store.append(stream, 0, batch);

        assertThat(stored).extracting(StoredStockEvent::event).containsExactlyElementsOf(batch);
        assertThat(store.readStream(stream)).containsExactlyElementsOf(batch);
        assertThat(store.version(stream)).isEqualTo(3);
        assertThat(stored.get(2).position()).isEqualTo(store.lastPosition());
    }

    @Test
    void everyEventVariantRoundTripsWithItsHashChainIntact() {
        StockStreamId van = events.location("van-ravi");
        List<StockEvent> all = events.everyVariant(van);
        List<StockEvent> catalogue = events.catalogue();
        StockStreamId catalogueStream = catalogue.get(0).header().stream();

        store.append(catalogueStream, 0, catalogue);
        store.append(van, 0, all.subList(0, 4));
        store.append(van, 4, all.subList(4, all.size()));

        List<StockEvent> read = store.readStream(van);
        assertThat(read).containsExactlyElementsOf(all);
        for (int i = 0; i < all.size(); i++) {
            assertThat(read.get(i).toString()).as("canonical text of event %d", i).isEqualTo(all.get(i).toString());
        }
        assertThat(StockChain.verifies(read, StockChain.head(all))).isTrue();
        assertThat(store.readStream(catalogueStream)).containsExactlyElementsOf(catalogue);
    }

    @Test
    void unknownStreamIsEmptyAtVersionZero() {
        StockStreamId stream = events.location("never-written");

        assertThat(store.readStream(stream)).isEmpty();
        assertThat(store.version(stream)).isZero();
    }

    @Test
    void streamsOfOtherTenantsAreSeparate() {
        StockStreamId mine = events.location("van-shared-id");
        ContractStockEvents otherTenant = new ContractStockEvents();
        StockStreamId theirs = otherTenant.location("van-shared-id");

        store.append(mine, 0, events.stream(mine, 2));
        store.append(theirs, 0, otherTenant.stream(theirs, 1));

        assertThat(store.version(mine)).isEqualTo(2);
        assertThat(store.version(theirs)).isEqualTo(1);
        assertThat(store.readStream(theirs)).allSatisfy(e -> assertThat(e.header().tenant()).isEqualTo(otherTenant.tenant));
    }

    @Test
    void staleExpectedVersionIsATypedConflictAndStoresNothing() {
        StockStreamId stream = events.location("wh-conflict");
        List<StockEvent> first = events.stream(stream, 2);
        store.append(stream, 0, first);
        long before = store.lastPosition();
        List<StockEvent> late = events.next(first.subList(0, 1), 1);

        assertThatThrownBy(() -> store.append(stream, 1, late))
                .isInstanceOfSatisfying(StockConflictException.class, e -> {
                    assertThat(e.stream()).isEqualTo(stream);
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThat(store.readStream(stream)).containsExactlyElementsOf(first);
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void aConflictOnOneStreamOfAnAppendStoresNothingOnTheOthers() {
        StockStreamId warehouse = events.location("wh-atomic");
        StockStreamId van = events.location("van-atomic");
        List<StockEvent> vanEvents = events.stream(van, 2);
        store.append(van, 0, vanEvents.subList(0, 1));
        store.append(van, 1, vanEvents.subList(1, 2));
        long before = store.lastPosition();
        List<StockEvent> warehouseEvents = events.stream(warehouse, 1);
        List<StockEvent> staleVan = events.next(vanEvents.subList(0, 1), 1);

        assertThatThrownBy(() -> store.append(List.of(StockAppend.of(warehouse, 0, warehouseEvents),
                StockAppend.of(van, 1, staleVan))))
                .isInstanceOfSatisfying(StockConflictException.class, e -> assertThat(e.stream()).isEqualTo(van));
        assertThat(store.version(warehouse)).isZero();
        assertThat(store.readStream(van)).containsExactlyElementsOf(vanEvents);
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void anAppendToTwoStreamsStoresBothInPartOrder() {
        long start = store.lastPosition();
        StockStreamId warehouse = events.location("wh-two");
        StockStreamId van = events.location("van-two");
        List<StockEvent> w = events.stream(warehouse, 2);
        List<StockEvent> v = events.stream(van, 1);

        List<StoredStockEvent> stored = store.append(List.of(StockAppend.of(warehouse, 0, w), StockAppend.of(van, 0, v)));

        assertThat(stored).extracting(StoredStockEvent::event).containsExactly(w.get(0), w.get(1), v.get(0));
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).position()).isGreaterThan(stored.get(i - 1).position());
        }
        assertThat(mine(store.readAll(start, 100))).isEqualTo(stored);
    }

    @Test
    void theSameStreamTwiceInOneAppendIsRejected() {
        StockStreamId stream = events.location("wh-twice");
        List<StockEvent> all = events.stream(stream, 2);

        assertThatThrownBy(() -> store.append(List.of(StockAppend.of(stream, 0, all.subList(0, 1)),
                StockAppend.of(stream, 1, all.subList(1, 2))))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(stream)).isZero();
    }

    @Test
    void appendToNewStreamExpectingEventsIsAConflict() {
        StockStreamId stream = events.location("wh-missing");
        List<StockEvent> all = events.stream(stream, 2);

        assertThatThrownBy(() -> store.append(stream, 1, all.subList(1, 2))).isInstanceOf(StockConflictException.class);
        assertThat(store.version(stream)).isZero();
    }

    @Test
    void batchWithAVersionGapStoresNothing() {
        StockStreamId stream = events.location("wh-gap");
        List<StockEvent> all = events.stream(stream, 4);
        long before = store.lastPosition();

        assertThatThrownBy(() -> store.append(stream, 0, List.of(all.get(0), all.get(1), all.get(3))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(stream)).isZero();
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void batchWithAnEventOfAnotherStreamStoresNothing() {
        StockStreamId stream = events.location("wh-a");
        StockStreamId other = events.location("wh-b");
        List<StockEvent> mixed = List.of(events.opened(stream), events.stream(other, 2).get(1));

        assertThatThrownBy(() -> store.append(stream, 0, mixed)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(stream)).isZero();
        assertThat(store.version(other)).isZero();
    }

    @Test
    void emptyAppendsAreRejected() {
        StockStreamId stream = events.location("wh-empty");

        assertThatThrownBy(() -> store.append(stream, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.append(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replayingAnAppendStoresNothingAndReturnsTheStoredCopies() {
        StockStreamId warehouse = events.location("wh-replay");
        StockStreamId van = events.location("van-replay");
        List<StockAppend> append = List.of(StockAppend.of(warehouse, 0, events.stream(warehouse, 2)),
                StockAppend.of(van, 0, events.stream(van, 1)));
        List<StoredStockEvent> first = store.append(append);
        long before = store.lastPosition();

        List<StoredStockEvent> again = store.append(append);

        assertThat(again).isEqualTo(first);
        assertThat(store.version(warehouse)).isEqualTo(2);
        assertThat(store.lastPosition()).isEqualTo(before);
    }

    @Test
    void replayAfterTheStreamMovedOnStillReturnsTheStoredCopies() {
        StockStreamId stream = events.location("wh-replay-late");
        List<StockEvent> batch = events.stream(stream, 1);
        List<StoredStockEvent> first = store.append(stream, 0, batch);
        store.append(stream, 1, events.next(batch, 1));

        assertThat(store.append(stream, 0, batch)).isEqualTo(first);
        assertThat(store.version(stream)).isEqualTo(2);
    }

    @Test
    void anAppendRepeatingOnlySomeOfItsEventsIsRejected() {
        StockStreamId stream = events.location("wh-partial");
        List<StockEvent> all = events.stream(stream, 2);
        store.append(stream, 0, all.subList(0, 1));
        StockStreamId other = events.location("wh-partial-other");
        List<StockEvent> otherEvents = events.stream(other, 1);

        assertThatThrownBy(() -> store.append(List.of(StockAppend.of(stream, 0, all.subList(0, 1)),
                StockAppend.of(other, 0, otherEvents)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.version(other)).isZero();
    }

    @Test
    void reusedEventIdWithOtherContentIsRejected() {
        StockStreamId stream = events.location("wh-reuse");
        List<StockEvent> batch = events.stream(stream, 2);
        store.append(stream, 0, batch);
        StockEvent.Received original = (StockEvent.Received) batch.get(1);
        StockEvent.Received forged = new StockEvent.Received(original.header(), original.sku(), 99,
                original.unitCost(), List.of(), "FORGED");

        assertThatThrownBy(() -> store.append(stream, 1, List.of(forged))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.readStream(stream)).containsExactlyElementsOf(batch);
    }

    @Test
    void readAllPagesThroughEveryEventOnce() {
        long start = store.lastPosition();
        List<StockEvent> written = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            StockStreamId stream = events.location("wh-page-" + s);
            List<StockEvent> batch = events.stream(stream, 5);
            store.append(stream, 0, batch);
            written.addAll(batch);
        }

        List<StoredStockEvent> seen = new ArrayList<>();
        long after = start;
        int pages = 0;
        List<StoredStockEvent> page;
        while (!(page = store.readAll(after, 7)).isEmpty()) {
            assertThat(page.size()).isLessThanOrEqualTo(7);
            seen.addAll(page);
            after = page.get(page.size() - 1).position();
            pages++;
        }

        assertThat(pages).isGreaterThanOrEqualTo(4);
        assertThat(mine(seen)).extracting(StoredStockEvent::event).containsExactlyElementsOf(written);
        assertThat(store.readAll(store.lastPosition(), 10)).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentTransfersBetweenTwoStreamsLoseNothing() throws Exception {
        int threads = 6;
        int appendsPerThread = 25;
        StockStreamId a = events.location("wh-hot");
        StockStreamId b = events.location("van-hot");
        store.append(List.of(StockAppend.of(a, 0, List.of(events.opened(a))), StockAppend.of(b, 0, List.of(events.opened(b)))));
        Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < appendsPerThread; i++) {
                        while (true) {
                            List<StockEvent> currentA = store.readStream(a);
                            List<StockEvent> currentB = store.readStream(b);
                            List<StockEvent> nextA = events.next(currentA, 1);
                            List<StockEvent> nextB = events.next(currentB, 1);
                            try {
                                store.append(List.of(StockAppend.of(a, currentA.size(), nextA),
                                        StockAppend.of(b, currentB.size(), nextB)));
                                accepted.add(nextA.get(0).header().eventId());
                                accepted.add(nextB.get(0).header().eventId());
                                break;
                            } catch (StockConflictException retry) {
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
        for (StockStreamId stream : List.of(a, b)) {
            List<StockEvent> read = store.readStream(stream);
            assertThat(read).hasSize(1 + threads * appendsPerThread);
            assertThat(StockChain.verifies(read)).as("chain of %s", stream).isTrue();
            read.subList(1, read.size()).forEach(e -> stored.add(e.header().eventId()));
        }
        assertThat(stored).isEqualTo(accepted);
    }

    /** The stored events of this test's tenant (a shared store may hold other tests' events). */
    private List<StoredStockEvent> mine(List<StoredStockEvent> stored) {
        return stored.stream().filter(s -> s.event().header().tenant().equals(events.tenant)).toList();
    }
}
