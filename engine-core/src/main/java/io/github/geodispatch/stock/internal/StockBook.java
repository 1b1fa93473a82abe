package io.github.geodispatch.stock.internal;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.StockAppend;
import io.github.geodispatch.spi.StockChain;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventHeader;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.stock.Location;
import io.github.geodispatch.stock.LowStockAlert;
import io.github.geodispatch.stock.RestockLine;
import io.github.geodispatch.stock.Sku;
import io.github.geodispatch.stock.StockCommand;
import io.github.geodispatch.stock.StockLevel;
import io.github.geodispatch.stock.StockRejection;
import io.github.geodispatch.stock.StockRejection.Reason;
import io.github.geodispatch.stock.UsualParts;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One tenant's stock as a fold of its stock events, and the decisions that make new events from commands. Every
 * change goes through {@link #apply}: a decision only reads the book and returns the events it would append; the
 * caller stores them and then applies them, and a replay of the store applies the same events. Applying one event
 * is O(1) (hash maps, a linked set of serials per holding).
 *
 * <p>Weighted average cost: a location's value of a SKU changes only by what each movement records. Units that
 * leave take {@code value × n / quantity} rounded half-up (all of the value when the last units leave); units that
 * come in bring their receipt cost, or the cost they left another location or a job at. A count's surplus is
 * valued at the holding's average cost (the catalogue cost price when it held none); off-book units at the
 * catalogue cost price.
 *
 * <p>{@code chained = false} leaves every previous-hash at genesis and hashes nothing, for an audit that stores
 * nothing (as {@code JournalImporter.unchained} does). Not thread-safe: the ledger guards it.
 */
public final class StockBook {

    /** Where the events of a decision get their ids. */
    public interface Ids {
        UUID next(StockStreamId stream, long version);
    }

    /** A decision: the events to append (empty when the command repeated a recorded part use), or a rejection. */
    public record Decision(StockRejection rejection, List<StockAppend> appends) {
        static Decision reject(Reason reason, String message) {
            return new Decision(new StockRejection(reason, message), List.of());
        }

        static Decision of(StockAppend... appends) {
            return new Decision(null, List.of(appends));
        }

        public boolean accepted() {
            return rejection == null;
        }
    }

    /** Where a serial is: at a location, used on a job (or taken with no job), written off, missing, moving. */
    public record SerialPlace(Kind kind, LocationId location, JobId job) {
        public enum Kind { AT, USED, WRITTEN_OFF, MISSING, MOVING }
    }

    private record SerialKey(String sku, String serial) {}

    /** A stream's version and head hash. */
    private static final class Head {
        long version;
        String hash = HashChain.GENESIS;
    }

    private static final class Place {
        final LocationId id;
        final StockStreamId stream;
        final Head head = new Head();
        StockEvent.LocationOpened opened;
        final Map<String, Holding> holdings = new HashMap<>();
        /** The sum of the holdings' values: at most a long, as each decision checks. */
        long value;

        Place(LocationId id, StockStreamId stream) {
            this.id = id;
            this.stream = stream;
        }
    }

    private static final class Holding {
        /** What a decision reads of a holding the location never had; never changed. */
        static final Holding NONE = new Holding(true);

        long quantity;
        long value;
        int minimum;
        /** The serials held, in arrival order; null for a SKU without serials. */
        final LinkedHashSet<String> serials;

        Holding(boolean serialTracked) {
            serials = serialTracked ? new LinkedHashSet<>() : null;
        }
    }

    /** What left stock for one job and SKU: units (net of returns), their cost, and the units the job record named. */
    private static final class JobParts {
        long out;
        long cost;
        long recorded;
    }

    /** What the book keeps of one job: what left stock for it, by SKU, and its part events taken from a van. */
    private static final class JobStock {
        final Map<String, JobParts> bySku = new HashMap<>(2);
        final List<UUID> partEvents = new ArrayList<>(1);
    }

    private final TenantId tenant;
    private final Currency currency;
    private final boolean chained;
    private final StockStreamId catalogueStream;
    private final Head catalogue = new Head();
    private final Map<String, StockEvent.SkuDefined> skus = new HashMap<>();
    private final Map<LocationId, Place> places = new HashMap<>();
    private final Map<TechnicianId, Place> vans = new HashMap<>();
    private final Map<SerialKey, SerialPlace> serials = new HashMap<>();
    private final Map<JobId, JobStock> jobs = new HashMap<>();
    /** The job part events already taken from a van (whatever job they name). */
    private final Set<UUID> usedParts = new HashSet<>();

    public StockBook(TenantId tenant, Currency currency, boolean chained) {
        this.tenant = tenant;
        this.currency = currency;
        this.chained = chained;
        this.catalogueStream = StockStreamId.catalogue(tenant);
    }

    public TenantId tenant() {
        return tenant;
    }

    // ---------------------------------------------------------------- decisions

    /**
     * The events {@code command} would append for {@code actor} at {@code at}, or why it is refused (a value it
     * would make that is beyond the range of an amount, a holding's or a location's value beyond a long, is
     * INVALID_INPUT). Reads the book only: a refused command leaves it as it was.
     */
    public Decision decide(Actor actor, StockCommand command, Instant at, Ids ids) {
        if (!actor.tenant().equals(tenant)) {
            return Decision.reject(Reason.NOT_PERMITTED, "actor " + actor.id() + " of tenant " + actor.tenant().value()
                    + " cannot change the stock of " + tenant.value());
        }
        try {
            Decision decision = decideUnchecked(actor, command, at, ids);
            if (decision.accepted()) {
                requireValuesFit(decision);
            }
            return decision;
        } catch (IllegalArgumentException | ArithmeticException e) {
            // a value the command would make beyond a long (off-book units, a count surplus at a dear catalogue cost,
            // a holding's or a location's value)
            return Decision.reject(Reason.INVALID_INPUT, e.getMessage());
        }
    }

    private Decision decideUnchecked(Actor actor, StockCommand command, Instant at, Ids ids) {
        if (command instanceof StockCommand.UseOnJob c) {
            return useOnJob(actor, c, at);
        } else if (command instanceof StockCommand.Transfer c) {
            return transfer(actor, c, at, ids);
        } else if (command instanceof StockCommand.Take c) {
            return take(actor, c, at, ids);
        } else if (command instanceof StockCommand.Receive c) {
            return receive(actor, c, at, ids);
        } else if (command instanceof StockCommand.Return c) {
            return returnFromJob(actor, c, at, ids);
        } else if (command instanceof StockCommand.WriteOff c) {
            return writeOff(actor, c, at, ids);
        } else if (command instanceof StockCommand.Count c) {
            return count(actor, c, at, ids);
        } else if (command instanceof StockCommand.SetMinimum c) {
            return setMinimum(actor, c, at, ids);
        } else if (command instanceof StockCommand.OpenLocation c) {
            return open(actor, c, at, ids);
        } else {
            return defineSku(actor, (StockCommand.DefineSku) command, at, ids);
        }
    }

    /**
     * Throws the {@link ArithmeticException} {@link #decide} refuses a command with when one of its movements would
     * take a holding's value, or its location's (the sum of its holdings'), beyond a long: refused before anything is
     * stored, rather than failing in the fold after. A decision moves at most one holding per location.
     */
    private void requireValuesFit(Decision decision) {
        for (StockAppend append : decision.appends()) {
            for (StockEvent event : append.events()) {
                if (event instanceof StockEvent.Movement m) {
                    Place place = places.get(event.header().location());
                    long change = valueChange(m);
                    Money.addExact(peek(place, m.sku()).value, change, "value of " + m.sku() + " at " + place.id);
                    Money.addExact(place.value, change, "value of location " + place.id);
                }
            }
        }
    }

    private Decision defineSku(Actor actor, StockCommand.DefineSku c, Instant at, Ids ids) {
        if (actor.role() == Role.TECHNICIAN || actor.branch() != null) {
            return Decision.reject(Reason.NOT_PERMITTED, "the catalogue is the whole business's: " + actor.role()
                    + " " + actor.id() + (actor.branch() == null ? "" : " of branch " + actor.branch())
                    + " may not define SKUs");
        }
        Sku s = c.sku();
        StockEvent.SkuDefined known = skus.get(s.sku());
        if (known != null && known.serialTracked() != s.serialTracked()) {
            return Decision.reject(Reason.SERIAL_TRACKING_FIXED, "SKU " + s.sku() + " is "
                    + (known.serialTracked() ? "" : "not ") + "serial-tracked; that cannot change");
        }
        requireCurrency(s.costPrice(), "cost price of " + s.sku());
        return Decision.of(append(catalogueStream, catalogue, new StockEvent.SkuDefined(header(catalogueStream,
                catalogue, actor, at, ids), s.sku(), s.name(), s.hsn(), s.unit(), s.gstRateBasisPoints(), s.costPrice(),
                s.sellPrice(), s.serialTracked())));
    }

    private Decision open(Actor actor, StockCommand.OpenLocation c, Instant at, Ids ids) {
        Location l = c.location();
        if (actor.role() == Role.TECHNICIAN || !actor.covers(l.branch())) {
            return Decision.reject(Reason.NOT_PERMITTED, actor.role() + " " + actor.id() + " may not open a location in "
                    + l.branch());
        }
        if (places.containsKey(l.id())) {
            return Decision.reject(Reason.LOCATION_EXISTS, "location " + l.id() + " is already open");
        }
        if (l.kind() == LocationKind.VAN && vans.containsKey(l.technician())) {
            return Decision.reject(Reason.LOCATION_EXISTS, "technician " + l.technician() + " already has van "
                    + vans.get(l.technician()).id);
        }
        StockStreamId stream = StockStreamId.location(tenant, l.id());
        Head fresh = new Head();
        return Decision.of(append(stream, fresh, new StockEvent.LocationOpened(header(stream, fresh, actor, at, ids),
                l.kind(), l.name(), l.branch(), l.technician())));
    }

    private Decision setMinimum(Actor actor, StockCommand.SetMinimum c, Instant at, Ids ids) {
        Place place = places.get(c.location());
        Decision problem = place == null ? unknown(c.location()) : unknownSku(c.sku());
        if (problem == null) {
            problem = permitted(actor, place, false);
        }
        if (problem != null) {
            return problem;
        }
        return Decision.of(append(place, new StockEvent.MinimumSet(header(place, actor, at, ids), c.sku(), c.minimum())));
    }

    private Decision receive(Actor actor, StockCommand.Receive c, Instant at, Ids ids) {
        Place place = places.get(c.location());
        Decision problem = checkMovement(actor, place, c.location(), c.sku(), false);
        if (problem != null) {
            return problem;
        }
        requireCurrency(c.unitCost(), "unit cost");
        problem = serialsFor(c.sku(), c.quantity(), c.serials());
        if (problem != null) {
            return problem;
        }
        for (String serial : c.serials()) {
            SerialPlace where = serials.get(new SerialKey(c.sku(), serial));
            if (where != null && where.kind() == SerialPlace.Kind.AT) {
                return Decision.reject(Reason.SERIAL_MISMATCH, c.sku() + " serial " + serial + " is already at "
                        + where.location() + "; a serial is in one place at a time");
            }
        }
        return Decision.of(append(place, new StockEvent.Received(header(place, actor, at, ids), c.sku(), c.quantity(),
                c.unitCost(), c.serials(), c.reference())));
    }

    private Decision transfer(Actor actor, StockCommand.Transfer c, Instant at, Ids ids) {
        Place from = places.get(c.from());
        Place to = places.get(c.to());
        Decision problem = checkMovement(actor, from, c.from(), c.sku(), false);
        if (problem == null) {
            problem = to == null ? unknown(c.to()) : permitted(actor, to, false);
        }
        if (problem == null && from == to) {
            problem = Decision.reject(Reason.INVALID_INPUT, "a transfer needs two locations, both were " + c.from());
        }
        if (problem == null) {
            problem = takeable(from, c.sku(), c.quantity(), c.serials());
        }
        if (problem != null) {
            return problem;
        }
        Money cost = outCost(peek(from, c.sku()), c.quantity());
        StockEventHeader outHeader = header(from, actor, at, ids);
        UUID transfer = outHeader.eventId();
        return Decision.of(
                append(from, new StockEvent.TransferredOut(outHeader, transfer, to.id, c.sku(), c.quantity(), cost,
                        c.serials())),
                append(to, new StockEvent.TransferredIn(header(to, actor, at, ids), transfer, from.id, c.sku(),
                        c.quantity(), cost, c.serials())));
    }

    private Decision take(Actor actor, StockCommand.Take c, Instant at, Ids ids) {
        Place van = places.get(c.van());
        Decision problem = checkMovement(actor, van, c.van(), c.sku(), true);
        if (problem == null && van.opened.kind() != LocationKind.VAN) {
            problem = Decision.reject(Reason.INVALID_INPUT, "parts are taken from a van; " + c.van() + " is a "
                    + van.opened.kind());
        }
        if (problem == null) {
            problem = takeable(van, c.sku(), c.quantity(), c.serials());
        }
        if (problem != null) {
            return problem;
        }
        Money cost = outCost(peek(van, c.sku()), c.quantity());
        return Decision.of(append(van, withJobCostChecked(new StockEvent.Used(header(van, actor, at, ids), c.sku(),
                c.quantity(), 0, 0, cost, Money.zero(currency), c.serials(), c.job(), null))));
    }

    private Decision useOnJob(Actor actor, StockCommand.UseOnJob c, Instant at) {
        if (usedParts.contains(c.partEvent())) {
            return new Decision(null, List.of());
        }
        Place van = vans.get(c.technician());
        if (van == null) {
            return Decision.reject(Reason.NO_VAN, "technician " + c.technician() + " has no van to take " + c.sku()
                    + " from for job " + c.job());
        }
        StockEvent.SkuDefined sku = skus.get(c.sku());
        if (sku == null) {
            return Decision.reject(Reason.UNKNOWN_SKU, "part " + c.sku() + " of job " + c.job()
                    + " is not in the catalogue; stock does not track it");
        }
        Decision problem = permitted(actor, van, true);
        if (problem != null) {
            return problem;
        }
        Holding h = peek(van, c.sku());
        JobParts parts = jobParts(c.job(), c.sku());
        long takenForJob = parts == null ? 0 : Math.max(0, parts.out - parts.recorded);
        int alreadyTaken = (int) Math.min(c.quantity(), takenForJob);
        int rest = c.quantity() - alreadyTaken;
        int fromBook = (int) Math.min(rest, h.quantity);
        int offBook = rest - fromBook;
        List<String> picked = h.serials == null ? List.of() : first(h.serials, fromBook);
        StockEventHeader header = header(van, actor, at, usedId(c.partEvent()));
        return Decision.of(append(van, withJobCostChecked(new StockEvent.Used(header, c.sku(), c.quantity(),
                alreadyTaken, offBook, outCost(h, fromBook), sku.costPrice().times(offBook), picked, c.job(),
                c.partEvent()))));
    }

    /**
     * {@code used}, once the cost of what left stock for its job and SKU after it is known to fit a long: else the
     * {@link ArithmeticException} {@link #decide} refuses the command with, before anything is stored, rather than
     * a cost wrapped in the fold.
     */
    private StockEvent.Used withJobCostChecked(StockEvent.Used used) {
        if (used.job() != null) {
            jobCostAfter(jobParts(used.job(), used.sku()), used);
        }
        return used;
    }

    /** What left stock for a job and SKU ({@code parts}, null for nothing yet) cost after {@code used}; exact. */
    private static long jobCostAfter(JobParts parts, StockEvent.Used used) {
        String what = "parts cost of job " + used.job() + " and " + used.sku();
        long before = parts == null ? 0 : parts.cost;
        return Money.addExact(Money.addExact(before, used.cost().minor(), what), used.offBookCost().minor(), what);
    }

    private Decision returnFromJob(Actor actor, StockCommand.Return c, Instant at, Ids ids) {
        Place place = places.get(c.location());
        Decision problem = checkMovement(actor, place, c.location(), c.sku(), true);
        if (problem == null) {
            problem = serialsFor(c.sku(), c.quantity(), c.serials());
        }
        if (problem != null) {
            return problem;
        }
        JobParts parts = jobParts(c.job(), c.sku());
        long out = parts == null ? 0 : parts.out;
        if (out < c.quantity()) {
            return Decision.reject(Reason.NOTHING_TO_RETURN, out + " of " + c.sku() + " left stock for job " + c.job()
                    + "; cannot return " + c.quantity());
        }
        for (String serial : c.serials()) {
            SerialPlace where = serials.get(new SerialKey(c.sku(), serial));
            if (where == null || where.kind() != SerialPlace.Kind.USED || !c.job().equals(where.job())) {
                return Decision.reject(Reason.SERIAL_MISMATCH, c.sku() + " serial " + serial + " was not used on job "
                        + c.job() + (where == null ? "" : " (" + describe(where) + ")"));
            }
        }
        Money cost = Money.ofMinor(share(parts.cost, c.quantity(), out), currency);
        return Decision.of(append(place, new StockEvent.Returned(header(place, actor, at, ids), c.sku(), c.quantity(),
                cost, c.serials(), c.job())));
    }

    private Decision writeOff(Actor actor, StockCommand.WriteOff c, Instant at, Ids ids) {
        Place place = places.get(c.location());
        Decision problem = checkMovement(actor, place, c.location(), c.sku(), false);
        if (problem == null) {
            problem = takeable(place, c.sku(), c.quantity(), c.serials());
        }
        if (problem != null) {
            return problem;
        }
        Money cost = outCost(peek(place, c.sku()), c.quantity());
        return Decision.of(append(place, new StockEvent.WrittenOff(header(place, actor, at, ids), c.sku(), c.quantity(),
                cost, c.serials(), c.reason(), c.note())));
    }

    private Decision count(Actor actor, StockCommand.Count c, Instant at, Ids ids) {
        Place place = places.get(c.location());
        Decision problem = checkMovement(actor, place, c.location(), c.sku(), true);
        if (problem != null) {
            return problem;
        }
        StockEvent.SkuDefined sku = skus.get(c.sku());
        Holding h = peek(place, c.sku());
        List<String> missing = List.of();
        List<String> found = List.of();
        if (sku.serialTracked()) {
            if (c.serials().size() != c.counted()) {
                return Decision.reject(Reason.SERIAL_MISMATCH, "a count of serial-tracked " + c.sku()
                        + " names each serial found: " + c.serials().size() + " serials for " + c.counted() + " units");
            }
            Set<String> given = new LinkedHashSet<>(c.serials());
            missing = h.serials.stream().filter(s -> !given.contains(s)).toList();
            found = given.stream().filter(s -> !h.serials.contains(s)).toList();
            for (String serial : found) {
                SerialPlace where = serials.get(new SerialKey(c.sku(), serial));
                if (where != null && where.kind() == SerialPlace.Kind.AT) {
                    return Decision.reject(Reason.SERIAL_MISMATCH, c.sku() + " serial " + serial + " is on the book at "
                            + where.location() + "; record its transfer before counting it here");
                }
            }
        } else if (!c.serials().isEmpty()) {
            return Decision.reject(Reason.SERIAL_MISMATCH, c.sku() + " has no serials; a count of it names none");
        }
        int expected = Math.toIntExact(h.quantity);
        int difference = c.counted() - expected;
        long adjustment;
        if (difference < 0) {
            adjustment = -outCost(h, -difference).minor();
        } else if (difference > 0) {
            adjustment = h.quantity > 0 ? share(h.value, difference, h.quantity)
                    : Math.multiplyExact(sku.costPrice().minor(), difference);
        } else {
            adjustment = 0;
        }
        return Decision.of(append(place, new StockEvent.Counted(header(place, actor, at, ids), c.sku(), c.counted(),
                expected, Money.ofMinor(adjustment, currency), missing, found)));
    }

    // ---------------------------------------------------------------- the fold

    /** Applies one event of this tenant (decided here, or read back from the store) to the book. */
    public void apply(StockEvent event) {
        StockEventHeader header = event.header();
        if (!header.tenant().equals(tenant)) {
            throw new IllegalArgumentException("event of tenant " + header.tenant().value() + " cannot enter the stock of "
                    + tenant.value());
        }
        if (event instanceof StockEvent.SkuDefined s) {
            advance(catalogue, event);
            skus.put(s.sku(), s);
            return;
        }
        Place place = places.get(header.location());
        if (event instanceof StockEvent.LocationOpened opened) {
            if (place != null) {
                throw new IllegalStateException("location " + header.location() + " opened twice");
            }
            place = new Place(header.location(), header.stream());
            advance(place.head, event);
            place.opened = opened;
            places.put(place.id, place);
            if (opened.kind() == LocationKind.VAN) {
                vans.put(opened.technician(), place);
            }
            return;
        }
        if (place == null) {
            throw new IllegalStateException("event " + header.eventId() + " on location " + header.location()
                    + " that was never opened");
        }
        advance(place.head, event);
        if (event instanceof StockEvent.MinimumSet m) {
            holding(place, m.sku()).minimum = m.minimum();
        } else {
            move(place, (StockEvent.Movement) event);
        }
    }

    private void move(Place place, StockEvent.Movement event) {
        Holding h = holding(place, event.sku());
        long value = valueChange(event);
        if (event instanceof StockEvent.Used u) {
            change(place, h, -u.fromBook(), value);
            leave(u.sku(), u.serials(), h, new SerialPlace(SerialPlace.Kind.USED, null, u.job()));
            if (u.job() != null) {
                JobStock job = jobs.computeIfAbsent(u.job(), k -> new JobStock());
                JobParts parts = job.bySku.computeIfAbsent(u.sku(), k -> new JobParts());
                parts.out += u.quantity() - u.alreadyTaken();
                parts.cost = jobCostAfter(parts, u);
                if (u.partEvent() != null) {
                    parts.recorded += u.quantity();
                    job.partEvents.add(u.partEvent());
                }
            }
            if (u.partEvent() != null) {
                usedParts.add(u.partEvent());
            }
        } else if (event instanceof StockEvent.TransferredOut t) {
            change(place, h, -t.quantity(), value);
            leave(t.sku(), t.serials(), h, new SerialPlace(SerialPlace.Kind.MOVING, t.to(), null));
        } else if (event instanceof StockEvent.TransferredIn t) {
            change(place, h, t.quantity(), value);
            arrive(t.sku(), t.serials(), h, place.id);
        } else if (event instanceof StockEvent.Received r) {
            change(place, h, r.quantity(), value);
            arrive(r.sku(), r.serials(), h, place.id);
        } else if (event instanceof StockEvent.Returned r) {
            change(place, h, r.quantity(), value);
            arrive(r.sku(), r.serials(), h, place.id);
            JobParts parts = jobParts(r.job(), r.sku());
            parts.out -= r.quantity();
            parts.cost -= r.cost().minor();
        } else if (event instanceof StockEvent.WrittenOff w) {
            change(place, h, -w.quantity(), value);
            leave(w.sku(), w.serials(), h, new SerialPlace(SerialPlace.Kind.WRITTEN_OFF, place.id, null));
        } else {
            StockEvent.Counted c = (StockEvent.Counted) event;
            change(place, h, c.difference(), value);
            leave(c.sku(), c.missingSerials(), h, new SerialPlace(SerialPlace.Kind.MISSING, place.id, null));
            arrive(c.sku(), c.foundSerials(), h, place.id);
        }
    }

    /** How much a movement changes its holding's value (and its location's). */
    private static long valueChange(StockEvent.Movement event) {
        if (event instanceof StockEvent.Used u) {
            return -u.cost().minor();
        } else if (event instanceof StockEvent.TransferredOut t) {
            return -t.cost().minor();
        } else if (event instanceof StockEvent.TransferredIn t) {
            return t.cost().minor();
        } else if (event instanceof StockEvent.Received r) {
            return r.value().minor();
        } else if (event instanceof StockEvent.Returned r) {
            return r.cost().minor();
        } else if (event instanceof StockEvent.WrittenOff w) {
            return -w.cost().minor();
        } else {
            return ((StockEvent.Counted) event).adjustment().minor();
        }
    }

    private static void change(Place place, Holding h, long quantity, long value) {
        long units = h.quantity + quantity;
        long worth = Math.addExact(h.value, value);
        long total = Math.addExact(place.value, value);
        if (units < 0 || worth < 0) {
            throw new IllegalStateException("a movement left " + units + " units worth " + worth
                    + " minor units: the stream does not fold");
        }
        h.quantity = units;
        h.value = worth;
        place.value = total;
    }

    private void leave(String sku, List<String> serialList, Holding h, SerialPlace to) {
        for (String serial : serialList) {
            if (h.serials != null) {
                h.serials.remove(serial);
            }
            serials.put(new SerialKey(sku, serial), to);
        }
    }

    private void arrive(String sku, List<String> serialList, Holding h, LocationId at) {
        SerialPlace here = serialList.isEmpty() ? null : new SerialPlace(SerialPlace.Kind.AT, at, null);
        for (String serial : serialList) {
            if (h.serials != null) {
                h.serials.add(serial);
            }
            serials.put(new SerialKey(sku, serial), here);
        }
    }

    private void advance(Head head, StockEvent event) {
        if (event.header().version() != head.version + 1) {
            throw new IllegalStateException("stream " + event.header().stream() + " is at version " + head.version
                    + "; event " + event.header().eventId() + " has version " + event.header().version());
        }
        head.version++;
        if (chained) {
            head.hash = StockChain.hash(event);
        }
    }

    /**
     * Lets go of what the book keeps per job for {@code jobs} (a batch audit's retention): what left stock for them
     * and their part events already taken. Afterwards a part line of such a job is taken from the van again and a
     * return for it finds nothing to return. Serials used on them stay used.
     */
    public void forget(Collection<JobId> jobs) {
        for (JobId job : jobs) {
            JobStock stock = this.jobs.remove(job);
            if (stock != null) {
                // one by one: Set.removeAll over a list at least as long as the set asks the list for each element
                stock.partEvents.forEach(usedParts::remove);
            }
        }
    }

    private JobParts jobParts(JobId job, String sku) {
        JobStock stock = jobs.get(job);
        return stock == null ? null : stock.bySku.get(sku);
    }

    // ---------------------------------------------------------------- reading

    public Optional<Sku> sku(String sku) {
        StockEvent.SkuDefined s = skus.get(sku);
        return s == null ? Optional.empty() : Optional.of(toSku(s));
    }

    public List<Sku> catalogue() {
        return skus.values().stream().sorted(Comparator.comparing(StockEvent.SkuDefined::sku)).map(StockBook::toSku)
                .toList();
    }

    public Optional<Location> location(LocationId id) {
        Place place = places.get(id);
        return place == null ? Optional.empty() : Optional.of(toLocation(place));
    }

    public List<Location> locations() {
        return places.values().stream().sorted(Comparator.comparing(p -> p.id)).map(StockBook::toLocation).toList();
    }

    public Optional<Location> van(TechnicianId technician) {
        Place van = vans.get(technician);
        return van == null ? Optional.empty() : Optional.of(toLocation(van));
    }

    /** What the location holds of {@code sku} (zero when it never held it); empty for an unknown location. */
    public Optional<StockLevel> level(LocationId location, String sku) {
        Place place = places.get(location);
        if (place == null) {
            return Optional.empty();
        }
        Holding h = place.holdings.get(sku);
        return Optional.of(h == null ? new StockLevel(location, sku, 0, Money.zero(currency), 0, List.of())
                : toLevel(place, sku, h));
    }

    /** Every holding a location has had, by location and SKU. */
    public List<StockLevel> levels() {
        List<StockLevel> out = new ArrayList<>();
        for (Place place : new TreeMap<>(places).values()) {
            for (Map.Entry<String, Holding> e : new TreeMap<>(place.holdings).entrySet()) {
                out.add(toLevel(place, e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /** The value of everything the location holds, at weighted average cost. */
    public Optional<Money> value(LocationId location) {
        Place place = places.get(location);
        if (place == null) {
            return Optional.empty();
        }
        return Optional.of(Money.ofMinor(place.value, currency));
    }

    public List<LowStockAlert> lowStock() {
        List<LowStockAlert> out = new ArrayList<>();
        for (Place place : new TreeMap<>(places).values()) {
            for (Map.Entry<String, Holding> e : new TreeMap<>(place.holdings).entrySet()) {
                Holding h = e.getValue();
                if (h.minimum > 0 && h.quantity < h.minimum) {
                    out.add(new LowStockAlert(place.id, place.opened.branch(), place.opened.technician(), e.getKey(),
                            h.quantity, h.minimum));
                }
            }
        }
        return out;
    }

    /** The van's restock list for the planned jobs' types (see {@link RestockLine}); empty when it has no van. */
    public List<RestockLine> restock(TechnicianId technician, List<String> plannedJobTypes, UsualParts usual) {
        Place van = vans.get(technician);
        if (van == null) {
            return List.of();
        }
        Map<String, Integer> needed = new TreeMap<>();
        for (String jobType : plannedJobTypes) {
            for (UsualParts.Need need : usual.forJobType(jobType)) {
                needed.merge(need.sku(), need.quantity(), Math::addExact);
            }
        }
        for (Map.Entry<String, Holding> e : van.holdings.entrySet()) {
            if (e.getValue().minimum > 0) {
                needed.putIfAbsent(e.getKey(), 0);
            }
        }
        List<RestockLine> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : needed.entrySet()) {
            Holding h = van.holdings.get(e.getKey());
            long onHand = h == null ? 0 : h.quantity;
            int minimum = h == null ? 0 : h.minimum;
            long toLoad = (long) e.getValue() + minimum - onHand;
            if (toLoad > 0) {
                out.add(new RestockLine(van.id, e.getKey(), e.getValue(), minimum, onHand, toLoad,
                        warehouseStock(van.opened.branch(), e.getKey())));
            }
        }
        return out;
    }

    private long warehouseStock(BranchId branch, String sku) {
        long total = 0;
        for (Place place : places.values()) {
            Holding h = place.holdings.get(sku);
            if (h != null && place.opened.kind() == LocationKind.WAREHOUSE && place.opened.branch().equals(branch)) {
                total += h.quantity;
            }
        }
        return total;
    }

    /** Those of {@code technicians} whose van holds at least {@code quantity} of {@code sku}, in the order given. */
    public List<TechnicianId> vansHolding(Collection<TechnicianId> technicians, String sku, int quantity) {
        List<TechnicianId> out = new ArrayList<>();
        for (TechnicianId t : technicians) {
            Place van = vans.get(t);
            Holding h = van == null ? null : van.holdings.get(sku);
            if (h != null && h.quantity >= quantity) {
                out.add(t);
            }
        }
        return out;
    }

    /** Where the serial {@code serial} of {@code sku} is; empty for a serial never received. */
    public Optional<SerialPlace> serial(String sku, String serial) {
        return Optional.ofNullable(serials.get(new SerialKey(sku, serial)));
    }

    /** How many serials the book knows, wherever they are. */
    public int serialCount() {
        return serials.size();
    }

    /** The hash of the last event applied to the location's stream (genesis when unknown or unchained). */
    public String head(LocationId location) {
        Place place = places.get(location);
        return place == null ? HashChain.GENESIS : place.head.hash;
    }

    // ---------------------------------------------------------------- helpers

    private Decision checkMovement(Actor actor, Place place, LocationId id, String sku, boolean technicianMay) {
        if (place == null) {
            return unknown(id);
        }
        Decision problem = unknownSku(sku);
        return problem != null ? problem : permitted(actor, place, technicianMay);
    }

    /** Branch staff act within their branch; a technician only on their own van, and only where allowed. */
    private static Decision permitted(Actor actor, Place place, boolean technicianMay) {
        StockEvent.LocationOpened l = place.opened;
        if (actor.role() == Role.TECHNICIAN) {
            if (technicianMay && l.kind() == LocationKind.VAN && l.technician().value().equals(actor.id())) {
                return null;
            }
            return Decision.reject(Reason.NOT_PERMITTED, "technician " + actor.id() + " may not do this at "
                    + place.id + (technicianMay ? " (not their van)" : ""));
        }
        if (!actor.covers(l.branch())) {
            return Decision.reject(Reason.NOT_PERMITTED, actor.role() + " " + actor.id() + " of branch "
                    + actor.branch() + " cannot change stock of branch " + l.branch());
        }
        return null;
    }

    private static Decision unknown(LocationId id) {
        return Decision.reject(Reason.UNKNOWN_LOCATION, "no location " + id + " is open");
    }

    private Decision unknownSku(String sku) {
        return skus.containsKey(sku) ? null
                : Decision.reject(Reason.UNKNOWN_SKU, "SKU " + sku + " is not in the catalogue");
    }

    /** Serials, one per unit, for a serial-tracked SKU; none for any other. */
    private Decision serialsFor(String sku, int quantity, List<String> given) {
        boolean tracked = skus.get(sku).serialTracked();
        if (tracked && given.size() != quantity) {
            return Decision.reject(Reason.SERIAL_MISMATCH, sku + " is serial-tracked: name one serial per unit ("
                    + given.size() + " serials for " + quantity + " units)");
        }
        if (!tracked && !given.isEmpty()) {
            return Decision.reject(Reason.SERIAL_MISMATCH, sku + " has no serials; name none");
        }
        return null;
    }

    /** The location holds the units (and the named serials) a movement takes out. */
    private Decision takeable(Place place, String sku, int quantity, List<String> given) {
        Decision problem = serialsFor(sku, quantity, given);
        if (problem != null) {
            return problem;
        }
        Holding h = peek(place, sku);
        if (h.quantity < quantity) {
            return Decision.reject(Reason.INSUFFICIENT_STOCK, place.id + " holds " + h.quantity + " of " + sku
                    + "; cannot take " + quantity);
        }
        for (String serial : given) {
            if (!h.serials.contains(serial)) {
                SerialPlace where = serials.get(new SerialKey(sku, serial));
                return Decision.reject(Reason.SERIAL_MISMATCH, sku + " serial " + serial + " is not at " + place.id
                        + (where == null ? " (never received)" : " (" + describe(where) + ")"));
            }
        }
        return null;
    }

    private static String describe(SerialPlace where) {
        return switch (where.kind()) {
            case AT -> "at " + where.location();
            case USED -> where.job() == null ? "taken with no job" : "used on job " + where.job();
            case WRITTEN_OFF -> "written off at " + where.location();
            case MISSING -> "counted missing at " + where.location();
            case MOVING -> "moving to " + where.location();
        };
    }

    /** The location's holding of {@code sku}, or {@link Holding#NONE}: a decision's read, which makes none. */
    private static Holding peek(Place place, String sku) {
        return place.holdings.getOrDefault(sku, Holding.NONE);
    }

    private Holding holding(Place place, String sku) {
        Holding h = place.holdings.get(sku);
        if (h == null) {
            StockEvent.SkuDefined s = skus.get(sku);
            h = new Holding(s != null && s.serialTracked());
            place.holdings.put(sku, h);
        }
        return h;
    }

    /** The cost of {@code n} units leaving a holding: all of its value for the last units, else its share. */
    private Money outCost(Holding h, long n) {
        if (n == 0) {
            return Money.zero(currency);
        }
        return Money.ofMinor(n == h.quantity ? h.value : share(h.value, n, h.quantity), currency);
    }

    /** {@code value × n / of}, rounded half up; exact for any size (a long product is checked for overflow). */
    public static long share(long value, long n, long of) {
        long high = Math.multiplyHigh(value, n);
        long low = value * n;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            long q = low / of;
            long r = low % of;
            return r >= of - r ? q + 1 : q;
        }
        BigInteger[] qr = BigInteger.valueOf(value).multiply(BigInteger.valueOf(n)).divideAndRemainder(BigInteger.valueOf(of));
        BigInteger q = qr[0];
        if (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(of)) >= 0) {
            q = q.add(BigInteger.ONE);
        }
        return q.longValueExact();
    }

    private void requireCurrency(Money money, String what) {
        if (money.currency() != currency) {
            throw new IllegalArgumentException(what + " is in " + money.currency() + "; this business keeps stock in "
                    + currency);
        }
    }

    private static List<String> first(LinkedHashSet<String> set, int n) {
        List<String> out = new ArrayList<>(n);
        for (String s : set) {
            if (out.size() == n) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** A part use's event id, derived from the job record's event so that recording it twice stores it once. */
    private static UUID usedId(UUID partEvent) {
        return new UUID(partEvent.getMostSignificantBits() ^ 0x53544F434B555345L, partEvent.getLeastSignificantBits());
    }

    private StockEventHeader header(Place place, Actor actor, Instant at, Ids ids) {
        return header(place.stream, place.head, actor, at, ids);
    }

    private StockEventHeader header(Place place, Actor actor, Instant at, UUID id) {
        return new StockEventHeader(id, place.stream, place.head.version + 1, at, actor, place.head.hash);
    }

    private static StockEventHeader header(StockStreamId stream, Head head, Actor actor, Instant at, Ids ids) {
        long version = head.version + 1;
        return new StockEventHeader(ids.next(stream, version), stream, version, at, actor, head.hash);
    }

    private static StockAppend append(Place place, StockEvent event) {
        return append(place.stream, place.head, event);
    }

    private static StockAppend append(StockStreamId stream, Head head, StockEvent event) {
        return new StockAppend(stream, head.version, List.of(event));
    }

    private static Sku toSku(StockEvent.SkuDefined s) {
        return new Sku(s.sku(), s.name(), s.hsn(), s.unit(), s.gstRateBasisPoints(), s.costPrice(), s.sellPrice(),
                s.serialTracked());
    }

    private static Location toLocation(Place place) {
        StockEvent.LocationOpened l = place.opened;
        return new Location(place.id, l.kind(), l.name(), l.branch(), l.technician());
    }

    private StockLevel toLevel(Place place, String sku, Holding h) {
        return new StockLevel(place.id, sku, h.quantity, Money.ofMinor(h.value, currency), h.minimum,
                h.serials == null ? List.of() : List.copyOf(h.serials));
    }
}
