package io.github.geodispatch.stock;

import io.github.geodispatch.memory.InMemoryStockEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small business's stock for the tests: branch BLR-1 with warehouse WH-1 and Ravi's van, a capacitor (no serials,
 * cost 210.00, sell 450.00, GST 18%) and a compressor (serials, cost 12,500.00).
 */
final class StockFixture {
    static final TenantId TENANT = TenantId.of("coolair");
    static final BranchId BRANCH = BranchId.of("BLR-1");
    static final Actor STOREKEEPER = Actor.dispatcher(TENANT, BRANCH, "store-1");
    static final Actor SYSTEM = Actor.system(TENANT);
    static final TechnicianId RAVI = TechnicianId.of("ravi");
    static final TechnicianId ASHA = TechnicianId.of("asha");
    static final LocationId WAREHOUSE = LocationId.of("WH-1");
    static final LocationId VAN = LocationId.of("VAN-ravi");
    static final LocationId ASHA_VAN = LocationId.of("VAN-asha");
    static final String CAP = "CAP-35";
    static final String COMP = "COMP-1.5T";
    static final Instant T0 = Instant.parse("2026-11-02T03:30:00Z");

    final StockEventStore store;
    final StockLedger ledger;
    private final AtomicLong ids = new AtomicLong();

    StockFixture() {
        this(new InMemoryStockEventStore());
    }

    StockFixture(StockEventStore store) {
        this.store = store;
        this.ledger = ledger(store);
    }

    StockLedger ledger(StockEventStore over) {
        return StockLedger.builder().business(TENANT, Currency.INR).store(over).clock(InstantSource.fixed(T0))
                .eventIds(() -> new UUID(42, ids.incrementAndGet()))
                .usualParts(UsualParts.builder().jobType("AC_SERVICE", new UsualParts.Need(CAP, 1))
                        .jobType("AC_INSTALL", new UsualParts.Need(COMP, 1), new UsualParts.Need(CAP, 2)).build())
                .build();
    }

    /** The catalogue, the warehouse and both vans. */
    StockFixture opened() {
        ok(SYSTEM, new StockCommand.DefineSku(new Sku(CAP, "Capacitor 35 uF", "85322200", "pcs", 1800, Money.inr(21_000),
                Money.inr(45_000), false)));
        ok(SYSTEM, new StockCommand.DefineSku(new Sku(COMP, "Compressor 1.5 t", "84143000", "pcs", 1800,
                Money.inr(1_250_000), Money.inr(1_899_900), true)));
        ok(STOREKEEPER, new StockCommand.OpenLocation(Location.warehouse(WAREHOUSE, "Koramangala store", BRANCH)));
        ok(STOREKEEPER, new StockCommand.OpenLocation(Location.van(VAN, "Ravi's van", BRANCH, RAVI)));
        ok(STOREKEEPER, new StockCommand.OpenLocation(Location.van(ASHA_VAN, "Asha's van", BRANCH, ASHA)));
        return this;
    }

    StockResult run(Actor actor, StockCommand command) {
        return ledger.execute(actor, command);
    }

    StockResult ok(Actor actor, StockCommand command) {
        StockResult result = ledger.execute(actor, command);
        result.orThrow();
        return result;
    }

    StockFixture receive(LocationId at, String sku, int quantity, long unitCostPaise, String... serials) {
        ok(STOREKEEPER, new StockCommand.Receive(at, sku, quantity, Money.inr(unitCostPaise), List.of(serials), "BILL"));
        return this;
    }

    StockFixture transfer(LocationId from, LocationId to, String sku, int quantity, String... serials) {
        ok(STOREKEEPER, new StockCommand.Transfer(from, to, sku, quantity, List.of(serials)));
        return this;
    }

    StockResult use(String job, TechnicianId technician, String sku, int quantity, UUID partEvent) {
        return run(SYSTEM, new StockCommand.UseOnJob(JobId.of(job), technician, sku, quantity, partEvent));
    }

    StockLevel level(LocationId at, String sku) {
        return ledger.level(at, sku).orElseThrow();
    }

    static StockRejection.Reason rejected(StockResult result) {
        if (result instanceof StockResult.Rejected r) {
            return r.rejection().reason();
        }
        throw new AssertionError("expected a rejection, was " + result);
    }
}
