package io.github.geodispatch.spi.contract;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockChain;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventHeader;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.WriteOffReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds well-formed, hash-chained stock events from SPI types only, for the stock store's contract tests. Each
 * instance works in its own random tenant, so the tests can share one persistent store.
 */
final class ContractStockEvents {
    static final Instant T0 = Instant.parse("2025-06-02T03:00:00Z");

    final TenantId tenant = TenantId.of("stock-" + UUID.randomUUID().toString().substring(0, 8));
    final Actor storekeeper = Actor.dispatcher(tenant, BranchId.of("blr-east"), "store-1");

    StockStreamId location(String id) {
        return StockStreamId.location(tenant, LocationId.of(id));
    }

    StockEventHeader header(StockStreamId stream, long version, String previousHash) {
        return new StockEventHeader(UUID.randomUUID(), stream, version, T0.plusSeconds(60 * version), storekeeper,
                previousHash);
    }

    StockEvent.LocationOpened opened(StockStreamId stream) {
        return new StockEvent.LocationOpened(header(stream, 1, HashChain.GENESIS), LocationKind.WAREHOUSE,
                "Whitefield store", BranchId.of("blr-east"), null);
    }

    /** A location stream of {@code count} events: opened, then receipts. */
    List<StockEvent> stream(StockStreamId stream, int count) {
        return List.copyOf(continueStream(List.of(opened(stream)), count - 1));
    }

    /** {@code more} receipts that chain onto {@code existing}. */
    List<StockEvent> continueStream(List<StockEvent> existing, int more) {
        List<StockEvent> all = new ArrayList<>(existing);
        StockStreamId stream = existing.get(0).header().stream();
        for (int i = 0; i < more; i++) {
            all.add(new StockEvent.Received(h(stream, all), "CAP-35UF", 1 + i % 3, Money.inr(21_000), List.of(),
                    "BILL-" + all.size()));
        }
        return all;
    }

    /** The events that follow {@code existing}: {@code more} of them. */
    List<StockEvent> next(List<StockEvent> existing, int more) {
        List<StockEvent> all = continueStream(existing, more);
        return List.copyOf(all.subList(existing.size(), all.size()));
    }

    /** Catalogue definitions, with every optional field set and unset. */
    List<StockEvent> catalogue() {
        StockStreamId stream = StockStreamId.catalogue(tenant);
        List<StockEvent> all = new ArrayList<>();
        all.add(new StockEvent.SkuDefined(h(stream, all), "CAP-35UF", "Capacitor 35 uF", "85322990", "pcs", 1800,
                Money.inr(21_000), Money.inr(45_000), false));
        all.add(new StockEvent.SkuDefined(h(stream, all), "COMP-1.5T", "Compressor 1.5 t", null, "pcs", 2800,
                Money.inr(1_250_000), Money.inr(1_899_900), true));
        return all;
    }

    /** One van stream holding every movement variant with every optional field set. */
    List<StockEvent> everyVariant(StockStreamId stream) {
        List<StockEvent> all = new ArrayList<>();
        all.add(new StockEvent.LocationOpened(h(stream, all), LocationKind.VAN, "Ravi's van", BranchId.of("blr-east"),
                TechnicianId.of("ravi")));
        all.add(new StockEvent.MinimumSet(h(stream, all), "CAP-35UF", 4));
        all.add(new StockEvent.Received(h(stream, all), "COMP-1.5T", 2, Money.inr(1_250_000), List.of("SN-1", "SN-2"),
                "BILL-7"));
        all.add(new StockEvent.TransferredIn(h(stream, all), UUID.randomUUID(), LocationId.of("wh-1"), "CAP-35UF", 5,
                Money.inr(105_000), List.of()));
        all.add(new StockEvent.TransferredOut(h(stream, all), UUID.randomUUID(), LocationId.of("wh-1"), "CAP-35UF", 1,
                Money.inr(21_000), List.of()));
        all.add(new StockEvent.Used(h(stream, all), "CAP-35UF", 3, 1, 1, Money.inr(21_000), Money.inr(21_000),
                List.of(), JobId.of("J-17"), UUID.randomUUID()));
        all.add(new StockEvent.Used(h(stream, all), "COMP-1.5T", 1, 0, 0, Money.inr(1_250_000), Money.inr(0),
                List.of("SN-1"), null, null));
        all.add(new StockEvent.Returned(h(stream, all), "COMP-1.5T", 1, Money.inr(1_250_000), List.of("SN-1"),
                JobId.of("J-17")));
        all.add(new StockEvent.WrittenOff(h(stream, all), "CAP-35UF", 1, Money.inr(21_000), List.of(),
                WriteOffReason.OTHER, "dropped in the drain"));
        all.add(new StockEvent.Counted(h(stream, all), "COMP-1.5T", 2, 2, Money.inr(0), List.of("SN-2"),
                List.of("SN-9")));
        all.add(new StockEvent.Counted(h(stream, all), "CAP-35UF", 0, 1, Money.inr(-21_000), List.of(), List.of()));
        return all;
    }

    private StockEventHeader h(StockStreamId stream, List<StockEvent> before) {
        return header(stream, before.size() + 1, StockChain.head(before));
    }
}
