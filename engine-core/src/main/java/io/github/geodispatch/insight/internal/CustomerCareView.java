package io.github.geodispatch.insight.internal;

import io.github.geodispatch.insight.CustomerCareKpis;
import io.github.geodispatch.insight.OwnerView;
import io.github.geodispatch.payment.JobAccount;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An owner's view that also keeps the customer-care KPIs: each job's customer, site, linked unit, creation,
 * completion, rating and the moment its on-site payments first came to its amount due; jobs indexed by completion day
 * and each customer's jobs by creation time, so a report reads the days asked and each job's next 30 days only.
 * Everything else goes to the view it wraps. Thread-safe: its own state is guarded by its monitor.
 */
public final class CustomerCareView extends ForwardingOwnerView {
    private static final Duration REPEAT_WINDOW = Duration.ofDays(30);

    private final ZoneId zone;
    private final Map<JobId, CareJob> jobs = new HashMap<>();
    private final TreeMap<LocalDate, List<CareJob>> completedByDay = new TreeMap<>();
    private final Map<CustomerId, TreeMap<Instant, List<CareJob>>> createdByCustomer = new HashMap<>();

    public CustomerCareView(OwnerView view, ZoneId zone) {
        super(view);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** One job as the care KPIs see it. */
    private static final class CareJob {
        final JobId id;
        final CustomerId customer;
        final SiteId site;
        final Instant created;
        final JobAccount account;
        EquipmentId equipment;
        long version = 1;
        Instant completed;
        int rating;
        Instant paid;

        CareJob(JobEvent.JobCreated created, ZoneId zone) {
            this.id = created.header().job();
            this.customer = created.customer();
            this.site = created.site().id();
            this.created = created.header().occurredAt();
            this.account = new JobAccount(zone);
            account.apply(created);
        }

        /** True when {@code later} serves what this job served: the same unit, or the same site when either names none. */
        boolean servedAgainBy(CareJob later) {
            return equipment != null && later.equipment != null ? equipment.equals(later.equipment) : site.equals(later.site);
        }
    }

    /**
     * Hands the event to the wrapped view, which checks it, then folds it here, both under this view's monitor: two
     * threads feeding one job's consecutive events cannot fold them here in the other order (the later one would
     * pass for a replay of the earlier).
     */
    @Override
    public synchronized void accept(JobEvent event) {
        view.accept(event);
        care(event);
    }

    private void care(JobEvent event) {
        JobId id = event.header().job();
        if (event instanceof JobEvent.JobCreated created) {
            if (!jobs.containsKey(id)) {
                CareJob job = new CareJob(created, zone);
                jobs.put(id, job);
                createdByCustomer.computeIfAbsent(job.customer, c -> new TreeMap<>())
                        .computeIfAbsent(job.created, t -> new ArrayList<>(1)).add(job);
            }
            return;
        }
        CareJob job = jobs.get(id);
        if (job == null || event.header().version() <= job.version) {
            return; // a replay (the wrapped view has checked the order)
        }
        job.version = event.header().version();
        job.account.apply(event);
        Instant at = event.header().occurredAt();
        if (event instanceof JobEvent.StatusChanged s && s.status() == JobStatus.COMPLETED && job.completed == null) {
            job.completed = at;
            completedByDay.computeIfAbsent(LocalDate.ofInstant(at, zone), d -> new ArrayList<>()).add(job);
        } else if (event instanceof JobEvent.FeedbackRecorded f) {
            job.rating = f.rating();
        }
        if (job.paid == null && job.completed != null && job.account.paidOnSite().isPositive()
                && !job.account.outstanding().isPositive()) {
            job.paid = at;
        }
    }

    @Override
    public synchronized void link(JobId job, EquipmentId equipment) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(equipment, "equipment");
        CareJob known = jobs.get(job);
        if (known != null) {
            known.equipment = equipment;
        }
    }

    @Override
    public synchronized CustomerCareKpis customerCare(LocalDate from, LocalDate to) {
        DayRange.require(from, to);
        int ratings = 0;
        int satisfied = 0;
        long ratingSum = 0;
        int completed = 0;
        int repeats = 0;
        List<Duration> cycles = new ArrayList<>();
        for (List<CareJob> day : completedByDay.subMap(from, true, to, true).values()) {
            for (CareJob job : day) {
                completed++;
                if (job.rating > 0) {
                    ratings++;
                    ratingSum += job.rating;
                    satisfied += job.rating >= 4 ? 1 : 0;
                }
                if (repeated(job)) {
                    repeats++;
                }
                if (job.paid != null) {
                    cycles.add(Duration.between(job.completed, job.paid));
                }
            }
        }
        cycles.sort(null);
        Optional<Duration> median = cycles.isEmpty() ? Optional.empty() : Optional.of(median(cycles));
        Optional<Duration> mean = cycles.isEmpty() ? Optional.empty()
                : Optional.of(cycles.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(cycles.size()));
        return new CustomerCareKpis(from, to, ratings, satisfied, ratingSum, completed, repeats, cycles.size(), median, mean);
    }

    /** True when another job of the customer, on what {@code job} served, was created within 30 days of its completion. */
    private boolean repeated(CareJob job) {
        TreeMap<Instant, List<CareJob>> created = createdByCustomer.get(job.customer);
        for (List<CareJob> jobsThen : created.subMap(job.completed, false, job.completed.plus(REPEAT_WINDOW), true).values()) {
            for (CareJob later : jobsThen) {
                if (later != job && job.servedAgainBy(later)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The median of sorted durations; the mean of the middle two for an even count. */
    private static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }
}
