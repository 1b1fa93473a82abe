package io.github.geodispatch.stock;

import io.github.geodispatch.memory.InMemoryStockEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.stock.internal.LedgerEngine;

import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One business's parts and van stock over a {@link StockEventStore}: the catalogue, warehouses and vans, every
 * movement as a hash-chained event on its location's stream, stock levels valued at weighted average cost, low-stock
 * alerts and van restock lists. Build one with {@link #builder()}; {@code GeoDispatch.stock()} is one already wired
 * to the job record (a part used on a job is taken from the technician's van).
 *
 * <p>Commands are decided against the stock the ledger holds (a fold of the store, replayed when it is built) and
 * appended with the streams' expected versions; a conflict with another writer of the same store is caught up by
 * reading what it appended, re-decided and retried. A refused command changed nothing.
 *
 * <p>Thread-safe: one lock serialises commands and reads, so every answer sees whole commands.
 */
public interface StockLedger {

    /** A new builder; {@link Builder#business} is required. */
    static Builder builder() {
        return new Builder();
    }

    TenantId tenant();

    /** Decides {@code command} for {@code actor} and, when accepted, stores its events and tells the listeners. */
    StockResult execute(Actor actor, StockCommand command);

    Optional<Sku> sku(String sku);

    /** The catalogue, by SKU. */
    List<Sku> catalogue();

    Optional<Location> location(LocationId location);

    /** Every open location, by id. */
    List<Location> locations();

    /** The technician's van, if they have one. */
    Optional<Location> van(TechnicianId technician);

    /** What the location holds of {@code sku} (zero when it never held it); empty for an unknown location. */
    Optional<StockLevel> level(LocationId location, String sku);

    /** Every holding of every location, by location and SKU (zero holdings included). */
    List<StockLevel> levels();

    /**
     * The location's stock value at weighted average cost (at most a long: a movement that would take it beyond is
     * refused); empty for an unknown location.
     */
    Optional<Money> value(LocationId location);

    /** Holdings below their location's minimum, by location and SKU. */
    List<LowStockAlert> lowStock();

    /**
     * What to load into the technician's van for a day whose planned jobs have {@code plannedJobTypes} (one entry per
     * job): for each SKU their usual parts (the builder's {@link UsualParts}) need, or the van keeps a minimum of,
     * {@code needed + minimum - onHand} when positive. Empty when the technician has no van.
     */
    List<RestockLine> restockList(TechnicianId technician, List<String> plannedJobTypes);

    /**
     * Those of {@code technicians} whose van holds at least {@code quantity} of {@code sku}, in the order given: the
     * lookup a planner's preference for a van that carries the part reads. O(technicians).
     */
    List<TechnicianId> vansHolding(Collection<TechnicianId> technicians, String sku, int quantity);

    /** The location's events in version order, as stored; empty for an unknown location. */
    List<StockEvent> history(LocationId location);

    /**
     * True when the location's stored history verifies ({@link io.github.geodispatch.spi.StockChain}) and ends in the
     * head this ledger last wrote or read: an edit of any stored event, the last included, shows.
     */
    boolean historyVerifies(LocationId location);

    /** Registers a listener for every batch of events the ledger stores or catches up on from now on. */
    void subscribe(StockListener listener);

    /**
     * Configures a {@link StockLedger}. Each setter fails at once on null or a second call, naming the setting. Not
     * thread-safe; build once and share the ledger.
     */
    final class Builder {
        static final int DEFAULT_MAX_CONFLICT_RETRIES = 8;

        private TenantId tenant;
        private Currency currency;
        private StockEventStore store;
        private InstantSource clock;
        private Supplier<UUID> eventIds;
        private UsualParts usualParts;

        private Builder() {}

        /** Required: the business and the currency its stock is valued in. */
        public Builder business(TenantId tenant, Currency currency) {
            this.tenant = once(this.tenant, tenant, "business tenant");
            this.currency = Objects.requireNonNull(currency, "business currency");
            return this;
        }

        /** Where the stock streams live; an {@link InMemoryStockEventStore} when not set. */
        public Builder store(StockEventStore value) {
            store = once(store, value, "stock store");
            return this;
        }

        /** The clock of event times; the system clock when not set. */
        public Builder clock(InstantSource value) {
            clock = once(clock, value, "clock");
            return this;
        }

        /** Where event ids come from; random UUIDs when not set. Must never repeat an id. */
        public Builder eventIds(Supplier<UUID> value) {
            eventIds = once(eventIds, value, "event ids");
            return this;
        }

        /** The usual parts of each job type, for restock lists; none when not set. */
        public Builder usualParts(UsualParts value) {
            usualParts = once(usualParts, value, "usual parts");
            return this;
        }

        /** Builds the ledger and replays the store's events of the business into it. */
        public StockLedger build() {
            if (tenant == null) {
                throw new IllegalStateException("StockLedger needs the business: call business(tenant, currency)");
            }
            return new LedgerEngine(tenant, currency, store != null ? store : new InMemoryStockEventStore(),
                    clock != null ? clock : InstantSource.system(), eventIds != null ? eventIds : UUID::randomUUID,
                    usualParts != null ? usualParts : UsualParts.none(), DEFAULT_MAX_CONFLICT_RETRIES);
        }

        private static <T> T once(T current, T value, String name) {
            Objects.requireNonNull(value, name);
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
            return value;
        }
    }
}
