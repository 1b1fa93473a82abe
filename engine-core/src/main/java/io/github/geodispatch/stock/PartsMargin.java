package io.github.geodispatch.stock;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.stock.internal.StockBook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Parts margin per job, technician and branch, by day, fed job events and stock events as they happen.
 * <ul>
 *   <li>Revenue: a job's billable parts ({@link JobEvent.PartUsed} with {@code billable}), price times quantity,
 *       before tax: when prices include tax, the tax at the SKU's catalogue GST rate is backed out of each line
 *       (rounded half up; an SKU not in the catalogue is taken as untaxed). Counted on the day of the part line.</li>
 *   <li>Cost: what left stock for the job, at the cost its movement recorded (weighted average cost, off-book units at
 *       the catalogue cost price), less what came back from it; counted on the day of the movement. A take from a
 *       van with no job costs its van's technician and branch, with no job.</li>
 *   <li>A job belongs to its branch (from its creation, else its van's) and to its last assigned technician (else
 *       the technician of the van its parts came from).</li>
 * </ul>
 * Each event must be given once (the owner's view and the stock ledger see to it). Not thread-safe.
 */
public final class PartsMargin {
    private static final String NONE = "-";

    /**
     * Revenue and cost, by day, of one job or of one van's takes with no job. Most jobs take parts on one day only:
     * that day's sums are kept in fields, and a map is made only when a second day comes (there is an account per
     * job for the whole run).
     */
    private static final class Account {
        BranchId branch;
        TechnicianId technician;
        /** The first day added, or null; its sums while {@link #byDay} is null. */
        private LocalDate firstDay;
        private long firstRevenue;
        private long firstCost;
        /** Every day's {revenue, cost} once a second day was added, else null. */
        private TreeMap<LocalDate, long[]> byDay;

        void add(LocalDate day, long revenue, long cost) {
            if (byDay == null && (firstDay == null || firstDay.equals(day))) {
                firstDay = day;
                firstRevenue = Math.addExact(firstRevenue, revenue);
                firstCost = Math.addExact(firstCost, cost);
                return;
            }
            if (byDay == null) {
                byDay = new TreeMap<>();
                byDay.put(firstDay, new long[] {firstRevenue, firstCost});
            }
            long[] sums = byDay.computeIfAbsent(day, d -> new long[2]);
            sums[0] = Math.addExact(sums[0], revenue);
            sums[1] = Math.addExact(sums[1], cost);
        }

        /** The {revenue, cost} of the days {@code from} to {@code to} inclusive, or null when none was added. */
        long[] sums(LocalDate from, LocalDate to) {
            if (byDay == null) {
                boolean inRange = firstDay != null && !firstDay.isBefore(from) && !firstDay.isAfter(to);
                return inRange ? new long[] {firstRevenue, firstCost} : null;
            }
            Map<LocalDate, long[]> days = byDay.subMap(from, true, to, true);
            if (days.isEmpty()) {
                return null;
            }
            long revenue = 0;
            long cost = 0;
            for (long[] sums : days.values()) {
                revenue = Math.addExact(revenue, sums[0]);
                cost = Math.addExact(cost, sums[1]);
            }
            return new long[] {revenue, cost};
        }
    }

    private final Currency currency;
    private final ZoneId zone;
    private final boolean pricesIncludeTax;
    private final Map<String, Integer> gstRates = new HashMap<>();
    private final Map<LocationId, StockEvent.LocationOpened> locations = new HashMap<>();
    private final Map<JobId, Account> jobs = new HashMap<>();
    private final Map<LocationId, Account> takesWithoutJob = new HashMap<>();

    private PartsMargin(Currency currency, ZoneId zone, boolean pricesIncludeTax) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.pricesIncludeTax = pricesIncludeTax;
    }

    /** Margins in {@code currency}, days in {@code zone}; {@code pricesIncludeTax} when part prices include GST. */
    public static PartsMargin create(Currency currency, ZoneId zone, boolean pricesIncludeTax) {
        return new PartsMargin(currency, zone, pricesIncludeTax);
    }

    public void accept(JobEvent event) {
        JobId job = event.header().job();
        if (event instanceof JobEvent.JobCreated created) {
            jobs.computeIfAbsent(job, j -> new Account()).branch = created.branch();
        } else if (event instanceof JobEvent.JobAssigned assigned) {
            jobs.computeIfAbsent(job, j -> new Account()).technician = assigned.technician();
        } else if (event instanceof JobEvent.PartUsed part && part.billable()) {
            long line = part.lineTotal().minor();
            if (pricesIncludeTax) {
                int rate = gstRates.getOrDefault(part.sku(), 0);
                line = StockBook.share(line, 10_000, 10_000L + rate);
            }
            jobs.computeIfAbsent(job, j -> new Account()).add(day(event.header().occurredAt()), line, 0);
        }
    }

    public void accept(StockEvent event) {
        if (event instanceof StockEvent.SkuDefined s) {
            gstRates.put(s.sku(), s.gstRateBasisPoints());
        } else if (event instanceof StockEvent.LocationOpened opened) {
            locations.put(opened.location(), opened);
        } else if (event instanceof StockEvent.Used used) {
            long cost = Math.addExact(used.cost().minor(), used.offBookCost().minor());
            account(used.job(), event).add(day(event.header().occurredAt()), 0, cost);
        } else if (event instanceof StockEvent.Returned returned) {
            account(returned.job(), event).add(day(event.header().occurredAt()), 0, -returned.cost().minor());
        }
    }

    /** The job's account (or the van's takes with no job), filling in branch and technician from the van. */
    private Account account(JobId job, StockEvent event) {
        LocationId location = event.header().location();
        Account account = job == null ? takesWithoutJob.computeIfAbsent(location, l -> new Account())
                : jobs.computeIfAbsent(job, j -> new Account());
        StockEvent.LocationOpened van = locations.get(location);
        if (van != null) {
            if (account.branch == null) {
                account.branch = van.branch();
            }
            if (account.technician == null) {
                account.technician = van.technician();
            }
        }
        return account;
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** Every day so far. */
    public MarginReport report() {
        return report(LocalDate.MIN, LocalDate.MAX);
    }

    /** The days {@code from} to {@code to}, inclusive, in the zone. */
    public MarginReport report(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("report range ends before it starts: " + from + " .. " + to);
        }
        Map<String, long[]> byBranch = new TreeMap<>();
        Map<String, long[]> byTechnician = new TreeMap<>();
        Map<String, long[]> byJob = new TreeMap<>();
        long[] total = new long[2];
        for (Map.Entry<JobId, Account> e : jobs.entrySet()) {
            add(e.getValue(), e.getKey().value(), from, to, byBranch, byTechnician, byJob, total);
        }
        for (Account takes : takesWithoutJob.values()) {
            add(takes, null, from, to, byBranch, byTechnician, byJob, total);
        }
        return new MarginReport(line("total", total), lines(byBranch), lines(byTechnician), lines(byJob));
    }

    private static void add(Account account, String job, LocalDate from, LocalDate to, Map<String, long[]> byBranch,
                            Map<String, long[]> byTechnician, Map<String, long[]> byJob, long[] total) {
        long[] sums = account.sums(from, to);
        if (sums == null) {
            return;
        }
        merge(byBranch, account.branch == null ? NONE : account.branch.value(), sums);
        merge(byTechnician, account.technician == null ? NONE : account.technician.value(), sums);
        if (job != null) {
            merge(byJob, job, sums);
        }
        merge(total, sums);
    }

    private static void merge(Map<String, long[]> lines, String group, long[] sums) {
        merge(lines.computeIfAbsent(group, g -> new long[2]), sums);
    }

    private static void merge(long[] into, long[] sums) {
        into[0] = Math.addExact(into[0], sums[0]);
        into[1] = Math.addExact(into[1], sums[1]);
    }

    private List<MarginLine> lines(Map<String, long[]> groups) {
        return groups.entrySet().stream().map(e -> line(e.getKey(), e.getValue())).toList();
    }

    private MarginLine line(String group, long[] sums) {
        return new MarginLine(group, Money.ofMinor(sums[0], currency), Money.ofMinor(sums[1], currency));
    }
}
