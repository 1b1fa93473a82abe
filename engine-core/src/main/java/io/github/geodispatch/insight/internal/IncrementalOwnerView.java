package io.github.geodispatch.insight.internal;
import io.github.geodispatch.insight.AttendanceDay;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.KpiReport;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.insight.LeakageRisk;
import io.github.geodispatch.insight.OwnerView;
import io.github.geodispatch.insight.PartsKpis;
import io.github.geodispatch.insight.PendingCollection;
import io.github.geodispatch.insight.Ratio;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.stock.MarginReport;
import io.github.geodispatch.stock.PartsMargin;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@link OwnerView} that keeps exact per-(day, branch, technician) sums: every input retracts the old
 * share of what it changes and adds the new one. Thread-safe (one lock).
 */
public final class IncrementalOwnerView implements OwnerView {
    private final TenantId tenant;
    private final Currency currency;
    private final ZoneId zone;
    private final Duration grace;
    private final Map<StreamId, JobTally> jobs = new HashMap<>();
    private final Map<StreamId, JobShare> shares = new HashMap<>();
    private final Map<String, AttendanceDay> attendance = new HashMap<>();
    private final Map<String, CashDeposit> deposits = new HashMap<>();
    private final Map<String, LeakageRisk> risks = new HashMap<>();
    private final TreeMap<LocalDate, Map<BucketKey, Bucket>> buckets = new TreeMap<>();
    private final PartsMargin parts;
    private final Set<UUID> stockEvents = new HashSet<>();

    public IncrementalOwnerView(TenantId tenant, Currency currency, ZoneId zone, Duration grace,
                                boolean partPricesIncludeTax) {
        this.tenant = tenant;
        this.currency = currency;
        this.zone = zone;
        this.grace = grace;
        this.parts = PartsMargin.create(currency, zone, partPricesIncludeTax);
    }

    @Override
    public synchronized void accept(JobEvent event) {
        Objects.requireNonNull(event, "event");
        StreamId stream = event.header().stream();
        if (!stream.tenant().equals(tenant)) {
            throw new IllegalArgumentException("event of tenant " + stream.tenant().value()
                    + " cannot enter the owner view of tenant " + tenant.value());
        }
        if (!CalendarRange.contains(event.header().occurredAt())) {
            throw new IllegalArgumentException("occurredAt " + event.header().occurredAt() + " of job "
                    + stream.job().value() + " at version " + event.header().version() + " is outside the years 0001-9999");
        }
        requireCurrency(event);
        JobTally tally = jobs.get(stream);
        if (tally == null) {
            if (!(event instanceof JobEvent.JobCreated created) || event.header().version() != 1) {
                throw new IllegalArgumentException("job " + stream.job().value()
                        + " must start with JobCreated at version 1, got " + event.getClass().getSimpleName()
                        + " at version " + event.header().version());
            }
            tally = new JobTally(created, zone);
            jobs.put(stream, tally);
        } else {
            if (tally.alreadyHas(event)) {
                return;
            }
            tally.apply(event);
        }
        JobShare old = shares.get(stream);
        if (old != null) {
            bucket(old.key()).add(old, -1);
        }
        JobShare now = tally.share();
        bucket(now.key()).add(now, +1);
        shares.put(stream, now);
        parts.accept(event);
    }

    @Override
    public synchronized void accept(StockEvent event) {
        Objects.requireNonNull(event, "event");
        if (!event.header().tenant().equals(tenant)) {
            throw new IllegalArgumentException("stock event of tenant " + event.header().tenant().value()
                    + " cannot enter the owner view of tenant " + tenant.value());
        }
        if (!CalendarRange.contains(event.header().occurredAt())) {
            throw new IllegalArgumentException("occurredAt " + event.header().occurredAt() + " of stock event "
                    + event.header().eventId() + " is outside the years 0001-9999");
        }
        if (stockEvents.add(event.header().eventId())) {
            parts.accept(event);
        }
    }

    @Override
    public synchronized PartsKpis parts(LocalDate from, LocalDate to) {
        DayRange.require(from, to);
        MarginReport report = parts.report(from, to);
        return new PartsKpis(from, to, report.total().revenue(), report.total().cost(), report.byBranch(),
                report.byTechnician());
    }

    @Override
    public synchronized void accept(AttendanceDay a) {
        Objects.requireNonNull(a, "attendance");
        LocalDate shiftDay = LocalDate.ofInstant(a.shiftStart(), zone);
        if (!shiftDay.equals(a.day())) {
            throw new IllegalArgumentException("attendance of " + a.technician().value() + " on " + a.day()
                    + " has a shift starting on " + shiftDay + " in " + zone + ": a day's shift starts on that day");
        }
        String key = a.technician().value() + '@' + a.day();
        AttendanceDay old = attendance.put(key, a);
        if (old != null) {
            bucket(new BucketKey(old.day(), old.branch(), old.technician())).add(old, punctual(old), -1);
        }
        bucket(new BucketKey(a.day(), a.branch(), a.technician())).add(a, punctual(a), +1);
    }

    @Override
    public synchronized void accept(CashDeposit d, BranchId branch) {
        Objects.requireNonNull(d, "deposit");
        Objects.requireNonNull(branch, "branch");
        requireCurrency(d.amount());
        if (d.reference() != null) {
            CashDeposit old = deposits.get(d.reference());
            if (old != null) {
                if (old.equals(d)) {
                    return;
                }
                throw new IllegalArgumentException("cash deposit " + d.reference() + " was already recorded with other details");
            }
            deposits.put(d.reference(), d);
        }
        bucket(new BucketKey(LocalDate.ofInstant(d.at(), zone), branch, d.technician())).addDeposit(d.amount().minor());
    }

    @Override
    public synchronized void accept(LeakageRisk r) {
        Objects.requireNonNull(r, "risk");
        requireCurrency(r.amount());
        LeakageRisk old = risks.get(r.key());
        if (old != null) {
            bucket(riskKey(old)).addLeakage(old.code(), old.amount().minor(), -1);
        }
        try {
            bucket(riskKey(r)).addLeakage(r.code(), r.amount().minor(), +1);
        } catch (ArithmeticException e) {
            if (old != null) { // a sum the new risk overflows leaves the view as it was
                bucket(riskKey(old)).addLeakage(old.code(), old.amount().minor(), +1);
            }
            throw e;
        }
        risks.put(r.key(), r);
    }

    @Override
    public synchronized KpiReport report(KpiQuery q) {
        Objects.requireNonNull(q, "query");
        Map<String, Merge> groups = new TreeMap<>();
        Merge total = new Merge("all");
        for (Map<BucketKey, Bucket> day : buckets.subMap(q.from(), true, q.to(), true).values()) {
            for (Map.Entry<BucketKey, Bucket> e : day.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                String label = e.getKey().label(q.grouping());
                groups.computeIfAbsent(label, Merge::new).add(e.getKey(), e.getValue());
                total.add(e.getKey(), e.getValue());
            }
        }
        List<Kpis> rows = new ArrayList<>();
        for (Merge m : groups.values()) {
            rows.add(m.kpis(q.asOf()));
        }
        return new KpiReport(q, total.kpis(q.asOf()), rows);
    }

    @Override
    public synchronized List<PendingCollection> pendingCollections(LocalDate from, LocalDate to) {
        DayRange.require(from, to);
        List<PendingCollection> out = new ArrayList<>();
        for (Map.Entry<StreamId, JobShare> e : shares.entrySet()) {
            JobShare s = e.getValue();
            LocalDate day = s.key().day();
            if (s.pending() > 0 && !day.isBefore(from) && !day.isAfter(to)) {
                out.add(jobs.get(e.getKey()).pendingCollection(currency, s));
            }
        }
        out.sort(Comparator.comparing(PendingCollection::pending).reversed()
                .thenComparing(p -> p.job().value()));
        return out;
    }

    private boolean punctual(AttendanceDay a) {
        return a.checkIn() != null && !a.checkIn().isAfter(a.shiftStart().plus(grace));
    }

    private BucketKey riskKey(LeakageRisk r) {
        return new BucketKey(LocalDate.ofInstant(r.at(), zone), r.branch(), r.technician());
    }

    private Bucket bucket(BucketKey key) {
        return buckets.computeIfAbsent(key.day(), d -> new HashMap<>()).computeIfAbsent(key, k -> new Bucket());
    }

    private void requireCurrency(JobEvent event) {
        if (event instanceof JobEvent.JobCreated c) {
            requireCurrency(c.quote());
        } else if (event instanceof JobEvent.PartUsed p) {
            requireCurrency(p.unitPrice());
        } else if (event instanceof JobEvent.ExpenseAdded e) {
            requireCurrency(e.amount());
        } else if (event instanceof JobEvent.PaymentRecorded p) {
            requireCurrency(p.amount());
        }
    }

    private void requireCurrency(Money money) {
        if (money.currency() != currency) {
            throw new IllegalArgumentException("the owner view counts " + currency + ", got " + money);
        }
    }

    /** Sums buckets into one row. */
    private final class Merge {
        private final String label;
        private final Set<TechnicianId> technicians = new HashSet<>();
        private final TreeMap<Long, Integer> response = new TreeMap<>();
        private final TreeMap<Long, Integer> completion = new TreeMap<>();
        private final TreeMap<String, Long> leakage = new TreeMap<>();
        private int created;
        private int completed;
        private int ftf;
        private int slaJudged;
        private int slaMet;
        private final List<TreeMap<Instant, Integer>> openDeadlines = new ArrayList<>();
        private long revenue;
        private long collected;
        private long pending;
        private long cash;
        private long deposited;
        private long shiftSeconds;
        private long onSite;
        private long travel;
        private int shifts;
        private int punctualShifts;

        Merge(String label) {
            this.label = label;
        }

        void add(BucketKey key, Bucket b) {
            if (key.technician() != null && b.staffRefs > 0) {
                technicians.add(key.technician());
            }
            b.response.forEach((k, v) -> response.merge(k, v, Integer::sum));
            b.completion.forEach((k, v) -> completion.merge(k, v, Integer::sum));
            b.leakage.forEach((k, v) -> leakage.merge(k, v, (x, y) -> Money.addExact(x, y, "amount at risk")));
            created += b.jobsCreated;
            completed += b.jobsCompleted;
            ftf += b.firstTimeFixes;
            slaJudged += b.slaJudged;
            slaMet += b.slaMet;
            openDeadlines.add(b.openDeadlines);
            revenue = Money.addExact(revenue, b.revenue, "revenue");
            collected = Money.addExact(collected, b.collected, "collected money");
            pending = Money.addExact(pending, b.pending, "pending money");
            cash = Money.addExact(cash, b.cash, "cash collected");
            deposited = Money.addExact(deposited, b.deposits, "cash deposits");
            shiftSeconds += b.shiftSeconds;
            onSite = addSeconds(onSite, b.onSiteSeconds, "on-site time");
            travel = addSeconds(travel, b.travelSeconds, "travel time");
            shifts += b.shifts;
            punctualShifts += b.punctualShifts;
        }

        /**
         * A sum of seconds. Each attendance day's are at most {@link AttendanceDay#MAX_TIME}, so it overflows only
         * over some 29 million days of that length.
         */
        private static long addSeconds(long sum, long seconds, String what) {
            try {
                return Math.addExact(sum, seconds);
            } catch (ArithmeticException e) {
                throw new ArithmeticException("the sum of " + what + " overflows: " + sum + " + " + seconds
                        + " seconds leave the range of a long");
            }
        }

        Kpis kpis(Instant asOf) {
            long breachedOpen = 0;
            for (TreeMap<Instant, Integer> open : openDeadlines) {
                for (int n : open.headMap(asOf, false).values()) {
                    breachedOpen += n;
                }
            }
            int techs = technicians.size();
            Map<String, Money> risk = new TreeMap<>();
            leakage.forEach((k, v) -> risk.put(k, money(v)));
            return new Kpis(label, created, completed, techs, new Ratio(ftf, completed),
                    percentile(response, 50), percentile(response, 90),
                    percentile(completion, 50), percentile(completion, 90),
                    new Ratio(slaMet, slaJudged + breachedOpen), new Ratio(completed, techs),
                    new Ratio(onSite, shiftSeconds), new Ratio(travel, shiftSeconds),
                    new Ratio(punctualShifts, shifts), money(revenue),
                    techs == 0 ? money(0) : money(Math.floorDiv(Money.addExact(revenue, techs / 2, "revenue"), techs)),
                    money(collected), money(pending), money(cash).minus(money(deposited)), new TreeMap<>(risk));
        }

        private Money money(long minor) {
            return Money.ofMinor(minor, currency);
        }
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
    static Optional<Duration> percentile(TreeMap<Long, Integer> multiset, int p) {
        long n = 0;
        for (int c : multiset.values()) {
            n += c;
        }
        if (n == 0) {
            return Optional.empty();
        }
        long rank = (p * n + 99) / 100;
        long seen = 0;
        for (Map.Entry<Long, Integer> e : multiset.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return Optional.of(Duration.ofSeconds(e.getKey()));
            }
        }
        throw new IllegalStateException("unreachable: rank " + rank + " beyond " + n);
    }
}
