package io.github.geodispatch.leakage.internal;

import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The leakage rules stock opens up, fed the stock events: OFF_BOOK_PART, STOCK_SHRINKAGE and VAN_USE_UNEXPLAINED,
 * one finding per job and SKU (off-book) or per location and SKU (the others), summing every occurrence up to the
 * audit time; and, for PARTS_NOT_BILLED, the parts that left stock for a job beyond what its record lists. Not
 * thread-safe (the monitor's lock guards it).
 */
public final class StockRules {

    /** Units of {@code sku} that left stock for a job beyond its record's part lines, and what they would bill. */
    public record Unrecorded(String sku, long quantity, Money amount, List<String> evidence) {}

    /** What left stock for one job and SKU, net of returns, with its cost and the takes that moved it. */
    private static final class Out {
        long quantity;
        long cost;
        Currency currency;
        final List<String> takes = new ArrayList<>(1);
    }

    private final Map<String, StockEvent.SkuDefined> skus = new HashMap<>();
    private final Map<LocationId, StockEvent.LocationOpened> locations = new HashMap<>();
    private final Map<JobId, Map<String, Out>> outByJob = new HashMap<>();
    private final List<StockEvent.Used> offBook = new ArrayList<>();
    private final List<StockEvent.Used> takes = new ArrayList<>();
    private final List<StockEvent.Counted> shortages = new ArrayList<>();

    /** Takes in one stock event; returns the job whose PARTS_NOT_BILLED it may change, else null. */
    public JobId apply(StockEvent event) {
        if (event instanceof StockEvent.SkuDefined s) {
            skus.put(s.sku(), s);
        } else if (event instanceof StockEvent.LocationOpened l) {
            locations.put(l.location(), l);
        } else if (event instanceof StockEvent.Used u) {
            if (u.offBook() > 0) {
                offBook.add(u);
            }
            if (u.partEvent() == null) {
                takes.add(u);
            }
            if (u.job() != null) {
                Out out = outByJob.computeIfAbsent(u.job(), j -> new HashMap<>(2)).computeIfAbsent(u.sku(), s -> new Out());
                out.quantity += u.quantity() - u.alreadyTaken();
                out.cost += u.cost().minor() + u.offBookCost().minor();
                out.currency = u.cost().currency();
                if (u.partEvent() == null) {
                    out.takes.add(u.header().eventId().toString());
                }
                return u.job();
            }
        } else if (event instanceof StockEvent.Returned r) {
            Map<String, Out> outs = outByJob.get(r.job());
            Out out = outs == null ? null : outs.get(r.sku());
            if (out != null) {
                out.quantity -= r.quantity();
                out.cost -= r.cost().minor();
            }
            return r.job();
        } else if (event instanceof StockEvent.Counted c && c.difference() < 0) {
            shortages.add(c);
        }
        return null;
    }

    /**
     * Lets go of jobs the monitor retired, all known to it: their takes stand explained, and what left stock for them
     * was judged already.
     */
    public void forget(Set<JobId> jobs) {
        outByJob.keySet().removeAll(jobs);
        takes.removeIf(u -> u.job() != null && jobs.contains(u.job()));
    }

    /**
     * For each SKU, the units that left stock for {@code job} beyond the quantity its record's part lines name (a
     * take for the job nobody recorded on it), valued at the catalogue sell price (at their cost when the SKU is
     * not in the catalogue).
     */
    public List<Unrecorded> unrecorded(JobId job, List<JobEvent.PartUsed> parts) {
        Map<String, Out> outs = outByJob.get(job);
        if (outs == null || !anyTake(outs)) {
            return List.of();
        }
        List<Unrecorded> out = new ArrayList<>(1);
        for (Map.Entry<String, Out> e : new TreeMap<>(outs).entrySet()) {
            long recorded = 0;
            for (JobEvent.PartUsed p : parts) {
                if (p.sku().equals(e.getKey())) {
                    recorded += p.quantity();
                }
            }
            Out o = e.getValue();
            long excess = o.quantity - recorded;
            if (excess > 0 && !o.takes.isEmpty()) {
                StockEvent.SkuDefined sku = skus.get(e.getKey());
                Money amount = sku != null ? sku.sellPrice().times(excess)
                        : Money.ofMinor(o.cost * excess / o.quantity, o.currency);
                out.add(new Unrecorded(e.getKey(), excess, amount, o.takes));
            }
        }
        return out;
    }

    /** Whether a take with no part line moved any of {@code outs} (else nothing can be unrecorded). */
    private static boolean anyTake(Map<String, Out> outs) {
        for (Out o : outs.values()) {
            if (!o.takes.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The stock findings whose first occurrence is not after {@code asOf}, each summing occurrences up to it. */
    public List<Finding> findings(Instant asOf, Predicate<JobId> knownJob) {
        Map<String, Group> groups = new TreeMap<>();
        for (StockEvent.Used u : offBook) {
            if (!u.header().occurredAt().isAfter(asOf)) {
                group(groups, LeakageCode.OFF_BOOK_PART, u, u.job(), u.sku())
                        .add(u.offBookCost(), u.header().eventId().toString(), u.partEvent().toString());
            }
        }
        for (StockEvent.Used u : takes) {
            if (!u.header().occurredAt().isAfter(asOf) && (u.job() == null || !knownJob.test(u.job()))) {
                group(groups, LeakageCode.VAN_USE_UNEXPLAINED, u, null, u.header().location() + ":" + u.sku())
                        .add(u.cost(), u.header().eventId().toString(), null);
            }
        }
        for (StockEvent.Counted c : shortages) {
            if (!c.header().occurredAt().isAfter(asOf)) {
                group(groups, LeakageCode.STOCK_SHRINKAGE, c, null, c.header().location() + ":" + c.sku())
                        .add(c.adjustment().negate(), c.header().eventId().toString(), null);
            }
        }
        List<Finding> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            out.add(new Finding(g.code, g.job, g.technician, g.branch, g.reference, g.amount, g.evidence, g.first));
        }
        return out;
    }

    private Group group(Map<String, Group> groups, LeakageCode code, StockEvent event, JobId job, String reference) {
        return groups.computeIfAbsent(code + "|" + job + "|" + reference, k -> {
            StockEvent.LocationOpened l = locations.get(event.header().location());
            return new Group(code, job, l == null ? null : l.technician(), l == null ? null : l.branch(), reference,
                    event.header().occurredAt());
        });
    }

    /** One finding being summed. */
    private static final class Group {
        final LeakageCode code;
        final JobId job;
        final TechnicianId technician;
        final BranchId branch;
        final String reference;
        final Instant first;
        Money amount;
        final List<String> evidence = new ArrayList<>(2);

        Group(LeakageCode code, JobId job, TechnicianId technician, BranchId branch, String reference, Instant first) {
            this.code = code;
            this.job = job;
            this.technician = technician;
            this.branch = branch;
            this.reference = reference;
            this.first = first;
        }

        Group add(Money value, String event, String alsoEvidence) {
            amount = amount == null ? value : amount.plus(value);
            evidence.add(event);
            if (alsoEvidence != null) {
                evidence.add(alsoEvidence);
            }
            return this;
        }
    }
}
