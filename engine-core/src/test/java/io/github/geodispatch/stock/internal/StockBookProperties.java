package io.github.geodispatch.stock.internal;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockAppend;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.WriteOffReason;
import io.github.geodispatch.stock.Location;
import io.github.geodispatch.stock.Sku;
import io.github.geodispatch.stock.StockCommand;
import io.github.geodispatch.stock.StockLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random movement sequences over a warehouse, two vans and a third technician without one, for a SKU without serials
 * and one with them. The book must agree with a brute-force model that moves explicit units (which commands it
 * refuses, what each location holds, in which order its serials arrived, where every serial is), and every cost a
 * movement records must equal the weighted average recomputed from scratch from the events before it.
 */
class StockBookProperties {
    static final TenantId TENANT = TenantId.of("t");
    static final Actor SYSTEM = Actor.system(TENANT);
    static final BranchId BRANCH = BranchId.of("B-1");
    static final LocationId WH = LocationId.of("WH");
    static final LocationId VA = LocationId.of("VA");
    static final LocationId VB = LocationId.of("VB");
    static final List<LocationId> LOCATIONS = List.of(WH, VA, VB);
    static final TechnicianId A = TechnicianId.of("a");
    static final TechnicianId B = TechnicianId.of("b");
    static final List<TechnicianId> TECHNICIANS = List.of(A, B, TechnicianId.of("c-without-van"));
    static final List<JobId> JOBS = List.of(JobId.of("J1"), JobId.of("J2"), JobId.of("J3"));
    static final String PLAIN = "P";
    static final String SERIAL = "S";
    static final long PLAIN_COST = 100;
    static final long SERIAL_COST = 1_000;
    static final Instant AT = Instant.parse("2026-11-02T03:30:00Z");

    record Step(int kind, int a, int b, int c, int d, int e) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 99);
        return Combinators.combine(Arbitraries.integers().between(0, 6), any, any, any, any, any).as(Step::new)
                .list().ofMinSize(1).ofMaxSize(60);
    }

    /** Defines the two SKUs at the given catalogue costs and opens the warehouse and both vans. */
    private static void openCatalogueAndLocations(StockBook book, StockBook.Ids next, List<StockEvent> history,
            long plainCost, long serialCost) {
        for (StockCommand c : List.of(
                new StockCommand.DefineSku(new Sku(PLAIN, "plain", null, "pcs", 1800, Money.inr(plainCost), Money.inr(300), false)),
                new StockCommand.DefineSku(new Sku(SERIAL, "serial", null, "pcs", 1800, Money.inr(serialCost), Money.inr(3000), true)),
                new StockCommand.OpenLocation(Location.warehouse(WH, "store", BRANCH)),
                new StockCommand.OpenLocation(Location.van(VA, "van a", BRANCH, A)),
                new StockCommand.OpenLocation(Location.van(VB, "van b", BRANCH, B)))) {
            apply(book, book.decide(SYSTEM, c, AT, next), history);
        }
    }

    @Property(tries = 300)
    void randomMovementsAgreeWithTheUnitModelAndTheBruteForceWeightedAverage(@ForAll("steps") List<Step> steps) {
        StockBook book = new StockBook(TENANT, Currency.INR, true);
        List<StockEvent> history = new ArrayList<>();
        long[] ids = {0};
        StockBook.Ids next = (stream, version) -> new UUID(1, ++ids[0]);
        openCatalogueAndLocations(book, next, history, PLAIN_COST, SERIAL_COST);
        UnitModel model = new UnitModel();
        for (Step step : steps) {
            StockCommand command = model.command(step);
            boolean expected = model.accepts(command);
            StockBook.Decision decision = book.decide(SYSTEM, command, AT, next);
            assertThat(decision.accepted()).as("%s -> %s", command, decision.rejection()).isEqualTo(expected);
            if (expected) {
                model.apply(command);
                apply(book, decision, history);
            }
        }

        for (LocationId location : LOCATIONS) {
            for (String sku : List.of(PLAIN, SERIAL)) {
                StockLevel level = book.level(location, sku).orElseThrow();
                List<String> units = model.units(location, sku);
                assertThat(level.quantity()).as("%s %s", location, sku).isEqualTo(units.size());
                if (sku.equals(SERIAL)) {
                    assertThat(level.serials()).as("serials at %s in arrival order", location).isEqualTo(units);
                }
            }
        }
        assertThat(book.serialCount()).isEqualTo(model.places.size());
        model.places.forEach((serial, place) -> assertThat(book.serial(SERIAL, serial)).as("serial %s", serial)
                .hasValue(place));
        BruteForce.check(history, book);
    }

    @Provide
    Arbitrary<Long> dearCosts() {
        return Arbitraries.longs().between(Long.MAX_VALUE / 8, Long.MAX_VALUE / 2);
    }

    /**
     * At catalogue costs near the limit, counts' surpluses, transfers and off-book uses push a holding's value and its
     * location's towards the range of a long. A command the book refuses leaves it answering exactly as before (an
     * overflow was caught in the fold after the event was stored, and a refused movement from a location that never
     * held the SKU left an empty holding behind); one it accepts folds, to the values recomputed from scratch.
     */
    @Property(tries = 300)
    void aRefusedCommandLeavesTheBookAsItWasAndAnAcceptedOneFolds(@ForAll("steps") List<Step> steps,
            @ForAll("dearCosts") long plainCost, @ForAll("dearCosts") long serialCost) {
        StockBook book = new StockBook(TENANT, Currency.INR, true);
        List<StockEvent> history = new ArrayList<>();
        long[] ids = {0};
        StockBook.Ids next = (stream, version) -> new UUID(1, ++ids[0]);
        openCatalogueAndLocations(book, next, history, plainCost, serialCost);
        UnitModel model = new UnitModel();
        for (Step step : steps) {
            StockCommand command = model.command(step);
            List<Object> before = answers(book, model);
            StockBook.Decision decision = book.decide(SYSTEM, command, AT, next);
            if (decision.accepted()) {
                assertThat(model.accepts(command)).as("%s", command).isTrue();
                model.apply(command);
                apply(book, decision, history);
            } else {
                assertThat(answers(book, model)).as("%s -> %s", command, decision.rejection()).isEqualTo(before);
            }
        }
        BruteForce.check(history, book);
        for (LocationId location : LOCATIONS) {
            assertThat(book.value(location).orElseThrow().minor()).isEqualTo(sums(history, location).longValueExact());
        }
    }

    /** What the book answers: its holdings, alerts, locations, catalogue, values, heads and every serial's place. */
    private static List<Object> answers(StockBook book, UnitModel model) {
        List<Object> out = new ArrayList<>(List.of(book.levels(), book.lowStock(), book.locations(), book.catalogue(),
                book.serialCount()));
        for (LocationId location : LOCATIONS) {
            out.add(book.value(location));
            out.add(book.head(location));
        }
        for (int token = 0; token < model.tokens; token++) {
            out.add(book.serial(SERIAL, "SN-" + token));
        }
        return out;
    }

    /** The value of everything at {@code location} after {@code events}, exact. */
    private static BigInteger sums(List<StockEvent> events, LocationId location) {
        return BruteForce.sums(events, location, PLAIN)[1].add(BruteForce.sums(events, location, SERIAL)[1]);
    }

    @Test
    void sharesOfHugeValuesAreExact() {
        long value = Long.MAX_VALUE / 3;
        BigInteger exact = BigInteger.valueOf(value).multiply(BigInteger.valueOf(5_000_000));
        BigInteger[] qr = exact.divideAndRemainder(BigInteger.valueOf(7_000_001));
        long expected = qr[0].longValueExact() + (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(7_000_001)) >= 0 ? 1 : 0);
        assertThat(StockBook.share(value, 5_000_000, 7_000_001)).isEqualTo(expected);
        assertThat(StockBook.share(10, 1, 4)).isEqualTo(3);
        assertThat(StockBook.share(10, 1, 3)).isEqualTo(3);
        assertThat(StockBook.share(5, 1, 2)).isEqualTo(3);
    }

    private static void apply(StockBook book, StockBook.Decision decision, List<StockEvent> history) {
        assertThat(decision.accepted()).as("%s", decision.rejection()).isTrue();
        for (StockAppend append : decision.appends()) {
            for (StockEvent e : append.events()) {
                book.apply(e);
                history.add(e);
            }
        }
    }

    /** The stock as explicit units: serials for S, anonymous tokens for P, in arrival order. */
    static final class UnitModel {
        final Map<String, List<String>> units = new HashMap<>();
        /** Where each serial ever received is. */
        final Map<String, StockBook.SerialPlace> places = new LinkedHashMap<>();
        /** Per job and SKU: units out for the job (net of returns) and units the job record named. */
        final Map<String, long[]> jobs = new HashMap<>();
        final Set<UUID> usedParts = new HashSet<>();
        final List<UUID> partEvents = new ArrayList<>();
        int tokens;

        List<String> units(LocationId location, String sku) {
            return units.computeIfAbsent(location + "|" + sku, k -> new ArrayList<>());
        }

        long[] job(JobId job, String sku) {
            return jobs.computeIfAbsent(job + "|" + sku, k -> new long[2]);
        }

        StockCommand command(Step s) {
            LocationId location = LOCATIONS.get(s.a() % 3);
            String sku = s.c() % 2 == 0 ? PLAIN : SERIAL;
            int quantity = 1 + s.d() % 3;
            return switch (s.kind()) {
                case 0 -> new StockCommand.Receive(location, sku, quantity, Money.inr(s.e() * 37L),
                        sku.equals(SERIAL) ? received(quantity, s.b()) : List.of(), null);
                case 1 -> new StockCommand.Transfer(location, LOCATIONS.get((s.a() + 1 + s.b() % 2) % 3), sku, quantity,
                        picked(location, sku, quantity, s.e()));
                case 2 -> new StockCommand.Take(s.a() % 2 == 0 ? VA : VB, sku, quantity,
                        picked(s.a() % 2 == 0 ? VA : VB, sku, quantity, s.e()), s.b() % 3 == 0 ? null : JOBS.get(s.b() % 3));
                case 3 -> new StockCommand.UseOnJob(JOBS.get(s.a() % 3), TECHNICIANS.get(s.b() % 3), sku, quantity,
                        s.e() % 5 == 0 && !partEvents.isEmpty() ? partEvents.get(s.e() % partEvents.size())
                                : new UUID(7, partEvents.size() + 1000L * s.e() + s.b()));
                case 4 -> new StockCommand.Return(location, JOBS.get(s.b() % 3), sku, 1 + s.d() % 2,
                        sku.equals(SERIAL) ? usedOn(JOBS.get(s.b() % 3), 1 + s.d() % 2) : List.of());
                case 5 -> new StockCommand.WriteOff(location, sku, quantity, WriteOffReason.DAMAGED, null,
                        picked(location, sku, quantity, s.e()));
                default -> {
                    List<String> serials = sku.equals(SERIAL) ? counted(location, s.d(), s.e()) : List.of();
                    yield new StockCommand.Count(location, sku, sku.equals(SERIAL) ? serials.size() : s.d() % 6, serials);
                }
            };
        }

        /** Fresh serials, or now and then one already received (refused when it is at a location). */
        private List<String> received(int quantity, int choice) {
            List<String> out = new ArrayList<>();
            if (choice % 6 == 0 && !places.isEmpty()) {
                out.add(new ArrayList<>(places.keySet()).get(choice % places.size()));
            }
            while (out.size() < quantity) {
                out.add("SN-" + tokens++);
            }
            return out;
        }

        /** The first serials at the location (too few when it holds too few), or now and then a wrong one. */
        private List<String> picked(LocationId location, String sku, int quantity, int choice) {
            if (!sku.equals(SERIAL)) {
                return List.of();
            }
            List<String> held = units(location, SERIAL);
            List<String> out = new ArrayList<>(held.subList(0, Math.min(quantity, held.size())));
            if (choice % 7 == 0 && !out.isEmpty() && !places.isEmpty()) {
                out.set(0, new ArrayList<>(places.keySet()).get(choice % places.size()));
            }
            while (out.size() < quantity) {
                out.add("SN-" + tokens++);
            }
            return out.stream().distinct().count() == out.size() ? out : List.of();
        }

        private List<String> usedOn(JobId job, int quantity) {
            List<String> out = new ArrayList<>();
            places.forEach((serial, place) -> {
                if (out.size() < quantity && place.kind() == StockBook.SerialPlace.Kind.USED && job.equals(place.job())) {
                    out.add(serial);
                }
            });
            return out;
        }

        /** Some of the serials held, and now and then fresh ones or one held elsewhere. */
        private List<String> counted(LocationId location, int keep, int extra) {
            List<String> held = units(location, SERIAL);
            List<String> out = new ArrayList<>(held.subList(0, Math.min(held.size(), keep % 4)));
            for (int i = 0; i < extra % 3; i++) {
                out.add("SN-" + tokens++);
            }
            if (extra % 11 == 0 && !places.isEmpty()) {
                String other = new ArrayList<>(places.keySet()).get(extra % places.size());
                if (!out.contains(other)) {
                    out.add(other);
                }
            }
            return out;
        }

        boolean accepts(StockCommand command) {
            if (command instanceof StockCommand.Receive r) {
                return r.serials().stream().noneMatch(s -> at(s) != null);
            } else if (command instanceof StockCommand.Transfer t) {
                return holds(t.from(), t.sku(), t.quantity(), t.serials());
            } else if (command instanceof StockCommand.Take t) {
                return holds(t.van(), t.sku(), t.quantity(), t.serials());
            } else if (command instanceof StockCommand.UseOnJob u) {
                return usedParts.contains(u.partEvent()) || !u.technician().value().startsWith("c");
            } else if (command instanceof StockCommand.Return r) {
                return job(r.job(), r.sku())[0] >= r.quantity()
                        && (r.sku().equals(PLAIN) || r.serials().size() == r.quantity());
            } else if (command instanceof StockCommand.WriteOff w) {
                return holds(w.location(), w.sku(), w.quantity(), w.serials());
            } else {
                StockCommand.Count c = (StockCommand.Count) command;
                return c.serials().stream().noneMatch(s -> at(s) != null && !at(s).equals(c.location()));
            }
        }

        private boolean holds(LocationId location, String sku, int quantity, List<String> serials) {
            List<String> held = units(location, sku);
            return held.size() >= quantity && (sku.equals(PLAIN) || (serials.size() == quantity && held.containsAll(serials)));
        }

        private LocationId at(String serial) {
            StockBook.SerialPlace place = places.get(serial);
            return place != null && place.kind() == StockBook.SerialPlace.Kind.AT ? place.location() : null;
        }

        void apply(StockCommand command) {
            if (command instanceof StockCommand.Receive r) {
                arrive(r.location(), r.sku(), r.quantity(), r.serials());
            } else if (command instanceof StockCommand.Transfer t) {
                List<String> moved = leave(t.from(), t.sku(), t.quantity(), t.serials(), null);
                arrive(t.to(), t.sku(), moved.size(), t.sku().equals(SERIAL) ? moved : List.of());
            } else if (command instanceof StockCommand.Take t) {
                leave(t.van(), t.sku(), t.quantity(), t.serials(), used(t.job()));
                if (t.job() != null) {
                    job(t.job(), t.sku())[0] += t.quantity();
                }
            } else if (command instanceof StockCommand.UseOnJob u) {
                if (!usedParts.add(u.partEvent())) {
                    return;
                }
                partEvents.add(u.partEvent());
                long[] parts = job(u.job(), u.sku());
                int alreadyTaken = (int) Math.min(u.quantity(), Math.max(0, parts[0] - parts[1]));
                LocationId van = u.technician().equals(A) ? VA : VB;
                int fromBook = Math.min(u.quantity() - alreadyTaken, units(van, u.sku()).size());
                List<String> first = new ArrayList<>(units(van, u.sku()).subList(0, fromBook));
                leave(van, u.sku(), fromBook, u.sku().equals(SERIAL) ? first : List.of(), used(u.job()));
                parts[0] += u.quantity() - alreadyTaken;
                parts[1] += u.quantity();
            } else if (command instanceof StockCommand.Return r) {
                arrive(r.location(), r.sku(), r.quantity(), r.serials());
                job(r.job(), r.sku())[0] -= r.quantity();
            } else if (command instanceof StockCommand.WriteOff w) {
                leave(w.location(), w.sku(), w.quantity(), w.serials(),
                        new StockBook.SerialPlace(StockBook.SerialPlace.Kind.WRITTEN_OFF, w.location(), null));
            } else {
                StockCommand.Count c = (StockCommand.Count) command;
                List<String> held = units(c.location(), c.sku());
                if (c.sku().equals(PLAIN)) {
                    int difference = c.counted() - held.size();
                    if (difference < 0) {
                        leave(c.location(), PLAIN, -difference, List.of(), null);
                    } else {
                        arrive(c.location(), PLAIN, difference, List.of());
                    }
                } else {
                    List<String> missing = held.stream().filter(s -> !c.serials().contains(s)).toList();
                    List<String> found = c.serials().stream().filter(s -> !held.contains(s)).toList();
                    leave(c.location(), SERIAL, missing.size(), missing,
                            new StockBook.SerialPlace(StockBook.SerialPlace.Kind.MISSING, c.location(), null));
                    arrive(c.location(), SERIAL, found.size(), found);
                }
            }
        }

        private static StockBook.SerialPlace used(JobId job) {
            return new StockBook.SerialPlace(StockBook.SerialPlace.Kind.USED, null, job);
        }

        private List<String> leave(LocationId location, String sku, int quantity, List<String> serials,
                                   StockBook.SerialPlace to) {
            List<String> held = units(location, sku);
            List<String> gone = sku.equals(SERIAL) ? serials : new ArrayList<>(held.subList(0, quantity));
            held.removeAll(gone);
            if (sku.equals(SERIAL)) {
                for (String s : gone) {
                    places.put(s, Objects.requireNonNullElseGet(to, () -> new StockBook.SerialPlace(
                            StockBook.SerialPlace.Kind.MOVING, null, null)));
                }
            }
            return gone;
        }

        private void arrive(LocationId location, String sku, int quantity, List<String> serials) {
            List<String> held = units(location, sku);
            if (sku.equals(SERIAL)) {
                held.addAll(serials);
                serials.forEach(s -> places.put(s, new StockBook.SerialPlace(StockBook.SerialPlace.Kind.AT, location, null)));
            } else {
                for (int i = 0; i < quantity; i++) {
                    held.add("u" + tokens++);
                }
            }
        }
    }

    /** Recomputes each recorded cost from the events before it, from scratch, by the weighted-average rule. */
    static final class BruteForce {
        static void check(List<StockEvent> history, StockBook book) {
            Map<String, Long> costPrices = new HashMap<>();
            for (int i = 0; i < history.size(); i++) {
                StockEvent e = history.get(i);
                if (e instanceof StockEvent.SkuDefined s) {
                    costPrices.put(s.sku(), s.costPrice().minor());
                }
                if (!(e instanceof StockEvent.Movement m)) {
                    continue;
                }
                BigInteger[] held = sums(history.subList(0, i), e.header().location(), m.sku());
                long quantity = held[0].longValueExact();
                if (e instanceof StockEvent.TransferredOut t) {
                    assertThat(t.cost().minor()).as("transfer cost, event %d", i).isEqualTo(out(held, t.quantity()));
                } else if (e instanceof StockEvent.TransferredIn t) {
                    StockEvent.TransferredOut out = (StockEvent.TransferredOut) history.get(i - 1);
                    assertThat(t.cost()).isEqualTo(out.cost());
                    assertThat(t.transfer()).isEqualTo(out.transfer());
                } else if (e instanceof StockEvent.Used u) {
                    assertThat(u.cost().minor()).as("use cost, event %d", i).isEqualTo(out(held, u.fromBook()));
                    assertThat(u.fromBook()).isEqualTo(Math.min(u.quantity() - u.alreadyTaken(), quantity));
                    assertThat(u.offBookCost().minor()).isEqualTo(u.offBook() * costPrices.get(u.sku()));
                } else if (e instanceof StockEvent.WrittenOff w) {
                    assertThat(w.cost().minor()).as("write-off cost, event %d", i).isEqualTo(out(held, w.quantity()));
                } else if (e instanceof StockEvent.Returned r) {
                    BigInteger[] job = jobSums(history.subList(0, i), r.job(), r.sku());
                    assertThat(r.cost().minor()).as("return cost, event %d", i)
                            .isEqualTo(share(job[1], BigInteger.valueOf(r.quantity()), job[0]));
                } else if (e instanceof StockEvent.Counted c) {
                    assertThat(c.expected()).isEqualTo(quantity);
                    long difference = c.difference();
                    long expected = difference < 0 ? -out(held, -difference)
                            : difference == 0 ? 0
                            : quantity > 0 ? share(held[1], BigInteger.valueOf(difference), held[0])
                            : difference * costPrices.get(c.sku());
                    assertThat(c.adjustment().minor()).as("count adjustment, event %d", i).isEqualTo(expected);
                }
            }
            for (LocationId location : LOCATIONS) {
                for (String sku : List.of(PLAIN, SERIAL)) {
                    BigInteger[] held = sums(history, location, sku);
                    StockLevel level = book.level(location, sku).orElseThrow();
                    assertThat(level.quantity()).isEqualTo(held[0].longValueExact());
                    assertThat(level.value().minor()).as("value of %s at %s", sku, location).isEqualTo(held[1].longValueExact());
                    if (level.quantity() == 0) {
                        assertThat(level.value().minor()).as("an empty holding keeps no value").isZero();
                    }
                }
            }
        }

        /** Quantity and value of {@code sku} at {@code location} after {@code events}. */
        static BigInteger[] sums(List<StockEvent> events, LocationId location, String sku) {
            BigInteger quantity = BigInteger.ZERO;
            BigInteger value = BigInteger.ZERO;
            for (StockEvent e : events) {
                if (!(e instanceof StockEvent.Movement m) || !m.sku().equals(sku) || !location.equals(e.header().location())) {
                    continue;
                }
                long q;
                long v;
                if (e instanceof StockEvent.Received r) {
                    q = r.quantity();
                    v = r.unitCost().minor() * r.quantity();
                } else if (e instanceof StockEvent.TransferredIn t) {
                    q = t.quantity();
                    v = t.cost().minor();
                } else if (e instanceof StockEvent.TransferredOut t) {
                    q = -t.quantity();
                    v = -t.cost().minor();
                } else if (e instanceof StockEvent.Used u) {
                    q = -u.fromBook();
                    v = -u.cost().minor();
                } else if (e instanceof StockEvent.Returned r) {
                    q = r.quantity();
                    v = r.cost().minor();
                } else if (e instanceof StockEvent.WrittenOff w) {
                    q = -w.quantity();
                    v = -w.cost().minor();
                } else {
                    StockEvent.Counted c = (StockEvent.Counted) e;
                    q = c.difference();
                    v = c.adjustment().minor();
                }
                quantity = quantity.add(BigInteger.valueOf(q));
                value = value.add(BigInteger.valueOf(v));
            }
            return new BigInteger[] {quantity, value};
        }

        /** Units out for the job (net of returns) and their cost, after {@code events}. */
        static BigInteger[] jobSums(List<StockEvent> events, JobId job, String sku) {
            BigInteger quantity = BigInteger.ZERO;
            BigInteger cost = BigInteger.ZERO;
            for (StockEvent e : events) {
                if (e instanceof StockEvent.Used u && job.equals(u.job()) && u.sku().equals(sku)) {
                    quantity = quantity.add(BigInteger.valueOf(u.quantity() - u.alreadyTaken()));
                    cost = cost.add(BigInteger.valueOf(u.cost().minor() + u.offBookCost().minor()));
                } else if (e instanceof StockEvent.Returned r && job.equals(r.job()) && r.sku().equals(sku)) {
                    quantity = quantity.subtract(BigInteger.valueOf(r.quantity()));
                    cost = cost.subtract(BigInteger.valueOf(r.cost().minor()));
                }
            }
            return new BigInteger[] {quantity, cost};
        }

        /** What {@code n} units take out of a holding: all of it for the last units, else the rounded share. */
        static long out(BigInteger[] held, long n) {
            if (n == 0) {
                return 0;
            }
            return BigInteger.valueOf(n).equals(held[0]) ? held[1].longValueExact()
                    : share(held[1], BigInteger.valueOf(n), held[0]);
        }

        static long share(BigInteger value, BigInteger n, BigInteger of) {
            BigInteger[] qr = value.multiply(n).divideAndRemainder(of);
            return qr[0].add(qr[1].shiftLeft(1).compareTo(of) >= 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
        }
    }
}
