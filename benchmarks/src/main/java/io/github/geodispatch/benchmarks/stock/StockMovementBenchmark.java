package io.github.geodispatch.benchmarks.stock;

import io.github.geodispatch.memory.InMemoryStockEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockAppend;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventHeader;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.stock.Location;
import io.github.geodispatch.stock.Sku;
import io.github.geodispatch.stock.StockCommand;
import io.github.geodispatch.stock.StockLedger;
import io.github.geodispatch.stock.internal.StockBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one stock movement, a transfer of one unit between a warehouse and a van (there and back, so the
 * stock stays put), in a book of {@code holdings} holdings (100 locations, {@code holdings / 100} SKUs each):
 * <ul>
 *   <li>{@code book}: the stock book's decision and fold of the two events (weighted average cost, serial and
 *       holding maps), without the hash chain: what applying a movement costs;</li>
 *   <li>{@code bookChained}: the same with the SHA-256 of each event for the chain;</li>
 *   <li>{@code ledger}: the whole command through {@link StockLedger} over the in-memory store (lock, decision,
 *       chain, append, fold);</li>
 *   <li>{@code naiveRefold}: the baseline: the warehouse's quantity and value of the SKU folded from a stream of
 *       {@code holdings} events before each movement, as a book without state would (only this share of it).</li>
 * </ul>
 * Constant time means the first three do not grow with {@code holdings}; the baseline does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StockMovementBenchmark {
    private static final TenantId TENANT = TenantId.of("bench");
    private static final Actor SYSTEM = Actor.system(TENANT);
    private static final BranchId BRANCH = BranchId.of("B-1");
    private static final int LOCATIONS = 100;
    private static final Instant AT = Instant.parse("2026-11-02T03:30:00Z");

    @Param({"1000", "100000"})
    public int holdings;

    private StockBook book;
    private StockBook chained;
    private StockLedger ledger;
    private List<StockEvent> warehouseStream;
    private StockCommand[] there;
    private StockCommand[] back;
    private long ids;
    private int next;
    private final StockBook.Ids idSource = (stream, version) -> new UUID(9, ++ids);

    @Setup(Level.Trial)
    public void prepare() {
        int skus = holdings / LOCATIONS;
        book = new StockBook(TENANT, Currency.INR, false);
        chained = new StockBook(TENANT, Currency.INR, true);
        ledger = StockLedger.builder().business(TENANT, Currency.INR).store(new InMemoryStockEventStore())
                .clock(InstantSource.fixed(AT)).eventIds(() -> new UUID(8, ++ids)).build();
        List<StockCommand> setup = new ArrayList<>();
        for (int s = 0; s < skus; s++) {
            setup.add(new StockCommand.DefineSku(new Sku(sku(s), "part " + s, null, "pcs", 1800, Money.inr(10_000),
                    Money.inr(20_000), false)));
        }
        setup.add(new StockCommand.OpenLocation(Location.warehouse(location(0), "store", BRANCH)));
        for (int l = 1; l < LOCATIONS; l++) {
            setup.add(new StockCommand.OpenLocation(Location.van(location(l), "van " + l, BRANCH, TechnicianId.of("t" + l))));
        }
        for (int l = 0; l < LOCATIONS; l++) {
            for (int s = 0; s < skus; s++) {
                setup.add(new StockCommand.Receive(location(l), sku(s), 1_000, Money.inr(9_000 + s % 7 * 100), null, null));
            }
        }
        for (StockCommand c : setup) {
            decideAndApply(book, c);
            decideAndApply(chained, c);
            ledger.execute(SYSTEM, c).orThrow();
        }
        warehouseStream = new ArrayList<>();
        StockStreamId warehouse = StockStreamId.location(TENANT, location(0));
        for (int e = 0; e < holdings; e++) {
            warehouseStream.add(new StockEvent.Received(new StockEventHeader(new UUID(7, e), warehouse, e + 1L, AT, SYSTEM,
                    HashChain.GENESIS), sku(e % skus), 10, Money.inr(9_000), List.of(), null));
        }
        there = new StockCommand[1024];
        back = new StockCommand[1024];
        Random random = new Random(42);
        for (int i = 0; i < there.length; i++) {
            LocationId van = location(1 + random.nextInt(LOCATIONS - 1));
            String sku = sku(random.nextInt(skus));
            there[i] = new StockCommand.Transfer(location(0), van, sku, 1, List.of());
            back[i] = new StockCommand.Transfer(van, location(0), sku, 1, List.of());
        }
    }

    private static String sku(int s) {
        return "SKU-" + s;
    }

    private static LocationId location(int l) {
        return LocationId.of(l == 0 ? "WH" : "VAN-" + l);
    }

    private void decideAndApply(StockBook target, StockCommand command) {
        StockBook.Decision d = target.decide(SYSTEM, command, AT, idSource);
        for (StockAppend append : d.appends()) {
            for (StockEvent e : append.events()) {
                target.apply(e);
            }
        }
    }

    /** One movement: a transfer there or back, alternately. */
    @Benchmark
    public StockBook book() {
        int i = next++;
        decideAndApply(book, (i & 1) == 0 ? there[(i >> 1) & 1023] : back[(i >> 1) & 1023]);
        return book;
    }

    @Benchmark
    public StockBook bookChained() {
        int i = next++;
        decideAndApply(chained, (i & 1) == 0 ? there[(i >> 1) & 1023] : back[(i >> 1) & 1023]);
        return chained;
    }

    /** Shorter runs: the in-memory store keeps every event appended (two per call). */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Object ledger() {
        int i = next++;
        return ledger.execute(SYSTEM, (i & 1) == 0 ? there[(i >> 1) & 1023] : back[(i >> 1) & 1023]);
    }

    /** The baseline's share of a movement: the warehouse's holding of the SKU, refolded from its stream. */
    @Benchmark
    public long naiveRefold() {
        StockCommand.Transfer t = (StockCommand.Transfer) there[next++ & 1023];
        long quantity = 0;
        long value = 0;
        for (StockEvent e : warehouseStream) {
            if (e instanceof StockEvent.Received r && r.sku().equals(t.sku())) {
                quantity += r.quantity();
                value += r.value().minor();
            }
        }
        return value / Math.max(1, quantity);
    }
}
