package io.github.geodispatch.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Arbitrary stock events of every type, optional components set and unset, for the stock encoding's properties. */
final class StockEventArbitraries {
    private StockEventArbitraries() {}

    static Arbitrary<StockEvent> events() {
        return Arbitraries.oneOf(List.of(skuDefined(), locationOpened(), minimumSet(), received(), transferredOut(),
                transferredIn(), used(), returned(), writtenOff(), counted()));
    }

    /** Printable text with Kannada, never blank. */
    private static Arbitrary<String> name() {
        return EventArbitraries.text().map(t -> "x" + t.replaceAll("\\p{Cntrl}", "").strip());
    }

    private static Arbitrary<String> sku() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars("-").ofMinLength(1)
                .ofMaxLength(12);
    }

    private static Arbitrary<Money> cost() {
        return Combinators.combine(Arbitraries.longs().between(0, 10_000_000_000L), Arbitraries.of(Currency.class))
                .as(Money::new);
    }

    private static Arbitrary<UUID> uuids() {
        return Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()));
    }

    private static Arbitrary<StockEventHeader> header(boolean catalogue) {
        Arbitrary<Actor> actor = Combinators.combine(EventArbitraries.token(), Arbitraries.of(Role.class),
                EventArbitraries.token().map(BranchId::new).injectNull(0.4))
                .as((id, role, branch) -> new Actor(id, role, TenantId.of("placeholder"), branch));
        Arbitrary<String> previous = Arbitraries.bytes().array(byte[].class).ofSize(32)
                .map(b -> java.util.HexFormat.of().formatHex(b));
        Arbitrary<Instant> at = Combinators.combine(Arbitraries.longs().between(0, 4_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
        return Combinators.combine(uuids(), EventArbitraries.token(), EventArbitraries.token(),
                Arbitraries.longs().between(1, 1_000_000), at, actor, previous)
                .as((id, tenant, location, version, time, a, hash) -> {
                    TenantId t = TenantId.of(tenant);
                    StockStreamId stream = catalogue ? StockStreamId.catalogue(t) : StockStreamId.location(t, LocationId.of(location));
                    return new StockEventHeader(id, stream, version, time, new Actor(a.id(), a.role(), t, a.branch()), hash);
                });
    }

    /** {@code quantity} distinct serials, or none. */
    private static Arbitrary<List<String>> serials(int quantity) {
        return Arbitraries.oneOf(List.of(Arbitraries.just(List.of()), EventArbitraries.token().list().ofSize(quantity)
                .uniqueElements()));
    }

    private static Arbitrary<StockEvent> skuDefined() {
        Arbitrary<List<Long>> costAndSell = Arbitraries.longs().between(0, 1_000_000_000L).list().ofSize(2);
        return Combinators.combine(header(true), sku(), name(), Arbitraries.strings().numeric().ofMinLength(4)
                        .ofMaxLength(8).injectNull(0.3), Arbitraries.of("pcs", "m", "kg"),
                Arbitraries.integers().between(0, 10_000), costAndSell, Arbitraries.of(true, false))
                .as((h, sku, name, hsn, unit, rate, prices, serial) -> new StockEvent.SkuDefined(h, sku, name, hsn,
                        unit, rate, Money.inr(prices.get(0)), Money.inr(prices.get(1)), serial));
    }

    private static Arbitrary<StockEvent> locationOpened() {
        return Combinators.combine(header(false), Arbitraries.of(LocationKind.class), name(), EventArbitraries.token())
                .as((h, kind, name, who) -> new StockEvent.LocationOpened(h, kind, name, BranchId.of("b" + who),
                        kind == LocationKind.VAN ? TechnicianId.of("t" + who) : null));
    }

    private static Arbitrary<StockEvent> minimumSet() {
        return Combinators.combine(header(false), sku(), Arbitraries.integers().between(0, 1000))
                .as(StockEvent.MinimumSet::new);
    }

    private static Arbitrary<StockEvent> received() {
        return Arbitraries.integers().between(1, 3).flatMap(q -> Combinators.combine(header(false), sku(), cost(),
                serials(q), name().injectNull(0.5))
                .as((h, sku, cost, serials, reference) -> new StockEvent.Received(h, sku, q, cost, serials, reference)));
    }

    private static Arbitrary<StockEvent> transferredOut() {
        return Arbitraries.integers().between(1, 3).flatMap(q -> Combinators.combine(header(false), uuids(), sku(), cost(),
                serials(q)).as((h, transfer, sku, cost, serials) -> new StockEvent.TransferredOut(h, transfer,
                LocationId.of("other-" + h.location().value()), sku, q, cost, serials)));
    }

    private static Arbitrary<StockEvent> transferredIn() {
        return Arbitraries.integers().between(1, 3).flatMap(q -> Combinators.combine(header(false), uuids(), sku(), cost(),
                serials(q)).as((h, transfer, sku, cost, serials) -> new StockEvent.TransferredIn(h, transfer,
                LocationId.of("other-" + h.location().value()), sku, q, cost, serials)));
    }

    private static Arbitrary<StockEvent> used() {
        // from the job record (a job, a part event, maybe already taken or off-book units) or a plain take
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2), Arbitraries.of(true, false)).as(List::of).flatMap(n -> {
            int fromBook = (Integer) n.get(0);
            boolean fromRecord = (Boolean) n.get(3);
            int taken = fromRecord ? (Integer) n.get(1) : 0;
            int offBook = fromRecord ? (Integer) n.get(2) : 0;
            int quantity = Math.max(1, fromBook + taken + offBook);
            int onBook = quantity - taken - offBook;
            return Combinators.combine(header(false), sku(), cost(), Arbitraries.longs().between(1, 1_000_000),
                    serials(onBook), EventArbitraries.token(), uuids())
                    .as((h, sku, cost, offCost, serials, job, part) -> (StockEvent) new StockEvent.Used(h, sku, quantity,
                            taken, offBook, cost, new Money(offBook == 0 ? 0 : offCost, cost.currency()),
                            onBook == 0 ? List.of() : serials, fromRecord || part.getLeastSignificantBits() % 2 == 0
                            ? JobId.of(job) : null, fromRecord ? part : null));
        });
    }

    private static Arbitrary<StockEvent> returned() {
        return Arbitraries.integers().between(1, 3).flatMap(q -> Combinators.combine(header(false), sku(), cost(),
                serials(q), EventArbitraries.token()).as((h, sku, cost, serials, job) -> new StockEvent.Returned(h, sku, q,
                cost, serials, JobId.of(job))));
    }

    private static Arbitrary<StockEvent> writtenOff() {
        return Arbitraries.integers().between(1, 3).flatMap(q -> Combinators.combine(header(false), sku(), cost(),
                serials(q), Arbitraries.of(WriteOffReason.class), name().injectNull(0.5))
                .as((h, sku, cost, serials, reason, note) -> new StockEvent.WrittenOff(h, sku, q, cost, serials, reason,
                        reason == WriteOffReason.OTHER && note == null ? "other" : note)));
    }

    private static Arbitrary<StockEvent> counted() {
        return Combinators.combine(header(false), sku(), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 5), Arbitraries.longs().between(1, 1_000_000))
                .as((h, sku, counted, expected, value) -> {
                    long adjustment = Integer.signum(counted - expected) * value;
                    List<String> missing = new ArrayList<>();
                    List<String> found = new ArrayList<>();
                    for (int i = 0; i < expected - counted; i++) {
                        missing.add("M" + i);
                    }
                    for (int i = 0; i < counted - expected; i++) {
                        found.add("F" + i);
                    }
                    return new StockEvent.Counted(h, sku, counted, expected, Money.inr(adjustment), missing, found);
                });
    }
}
