package io.github.geodispatch.stock.internal;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockChain;
import io.github.geodispatch.spi.StockConflictException;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.StoredStockEvent;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.stock.Location;
import io.github.geodispatch.stock.LowStockAlert;
import io.github.geodispatch.stock.RestockLine;
import io.github.geodispatch.stock.Sku;
import io.github.geodispatch.stock.StockCommand;
import io.github.geodispatch.stock.StockLedger;
import io.github.geodispatch.stock.StockLevel;
import io.github.geodispatch.stock.StockListener;
import io.github.geodispatch.stock.StockRejection;
import io.github.geodispatch.stock.StockResult;
import io.github.geodispatch.stock.UsualParts;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The {@link StockLedger} the builder makes: a {@link StockBook} over a store, behind one lock. It keeps
 * {@code applied}, the position up to which every event of the store has been applied; an append that lands after
 * events it has not seen (another writer's) first catches up on them, so the book is always the store's fold in
 * position order. Thread-safe.
 */
public final class LedgerEngine implements StockLedger {
    private static final int PAGE = 1_000;

    private final StockEventStore store;
    private final InstantSource clock;
    private final StockBook.Ids ids;
    private final UsualParts usualParts;
    private final int maxConflictRetries;
    private final StockBook book;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<StockListener> listeners = new CopyOnWriteArrayList<>();
    private long applied;

    public LedgerEngine(TenantId tenant, Currency currency, StockEventStore store, InstantSource clock,
                        Supplier<UUID> eventIds, UsualParts usualParts, int maxConflictRetries) {
        this.store = store;
        this.clock = clock;
        this.ids = (stream, version) -> eventIds.get();
        this.usualParts = usualParts;
        this.maxConflictRetries = maxConflictRetries;
        this.book = new StockBook(tenant, currency, true);
        lock.lock();
        try {
            catchUp();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TenantId tenant() {
        return book.tenant();
    }

    @Override
    public StockResult execute(Actor actor, StockCommand command) {
        lock.lock();
        try {
            for (int attempt = 0; ; attempt++) {
                StockBook.Decision decision = book.decide(actor, command, clock.instant(), ids);
                if (!decision.accepted()) {
                    return new StockResult.Rejected(decision.rejection());
                }
                if (decision.appends().isEmpty()) {
                    return new StockResult.Accepted(List.of());
                }
                try {
                    List<StoredStockEvent> stored = store.append(decision.appends());
                    if (stored.get(0).position() == applied + 1) {
                        apply(stored);
                    } else {
                        catchUp();
                    }
                    return new StockResult.Accepted(stored);
                } catch (StockConflictException e) {
                    catchUp();
                    if (attempt >= maxConflictRetries) {
                        return new StockResult.Rejected(new StockRejection(StockRejection.Reason.CONCURRENCY_CONFLICT,
                                e.getMessage() + "; gave up after " + (attempt + 1) + " attempts"));
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Applies every event stored after {@code applied} (this tenant's), and tells the listeners. */
    private void catchUp() {
        List<StoredStockEvent> page;
        while (!(page = store.readAll(applied, PAGE)).isEmpty()) {
            List<StoredStockEvent> mine = new ArrayList<>(page.size());
            for (StoredStockEvent s : page) {
                if (s.event().header().tenant().equals(book.tenant())) {
                    mine.add(s);
                }
            }
            applied = page.get(page.size() - 1).position();
            applyMine(mine);
        }
    }

    private void apply(List<StoredStockEvent> stored) {
        applied = stored.get(stored.size() - 1).position();
        applyMine(stored);
    }

    private void applyMine(List<StoredStockEvent> mine) {
        for (StoredStockEvent s : mine) {
            book.apply(s.event());
        }
        if (!mine.isEmpty()) {
            for (StockListener listener : listeners) {
                listener.stored(List.copyOf(mine));
            }
        }
    }

    @Override
    public Optional<Sku> sku(String sku) {
        return read(() -> book.sku(sku));
    }

    @Override
    public List<Sku> catalogue() {
        return read(book::catalogue);
    }

    @Override
    public Optional<Location> location(LocationId location) {
        return read(() -> book.location(location));
    }

    @Override
    public List<Location> locations() {
        return read(book::locations);
    }

    @Override
    public Optional<Location> van(TechnicianId technician) {
        return read(() -> book.van(technician));
    }

    @Override
    public Optional<StockLevel> level(LocationId location, String sku) {
        return read(() -> book.level(location, sku));
    }

    @Override
    public List<StockLevel> levels() {
        return read(book::levels);
    }

    @Override
    public Optional<Money> value(LocationId location) {
        return read(() -> book.value(location));
    }

    @Override
    public List<LowStockAlert> lowStock() {
        return read(book::lowStock);
    }

    @Override
    public List<RestockLine> restockList(TechnicianId technician, List<String> plannedJobTypes) {
        return read(() -> book.restock(technician, plannedJobTypes, usualParts));
    }

    @Override
    public List<TechnicianId> vansHolding(Collection<TechnicianId> technicians, String sku, int quantity) {
        return read(() -> book.vansHolding(technicians, sku, quantity));
    }

    @Override
    public List<StockEvent> history(LocationId location) {
        return store.readStream(StockStreamId.location(book.tenant(), location));
    }

    @Override
    public boolean historyVerifies(LocationId location) {
        return read(() -> StockChain.verifies(history(location), book.head(location)));
    }

    @Override
    public void subscribe(StockListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }
}
