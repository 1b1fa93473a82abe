package io.github.geodispatch.insight.internal;
import io.github.geodispatch.insight.PendingCollection;
import io.github.geodispatch.payment.JobAccount;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The facts of one job the KPIs need, folded from its stream. Its money (amount due, paid on site,
 * outstanding) is the payments engine's {@link JobAccount}, so the dashboard and the collections view
 * agree. Mutable; guarded by the view's lock.
 */
final class JobTally {
    private final JobId job;
    private final List<UUID> eventIds = new ArrayList<>();
    private final Instant createdAt;
    private final LocalDate day;
    private final BranchId branch;
    private final Instant slaDeadline;
    private final JobAccount account;
    private TechnicianId technician;
    private Instant firstArrived;
    private int arrivals;
    private boolean rescheduled;
    private boolean cancelled;
    private Instant completedAt;
    private long cash;

    JobTally(JobEvent.JobCreated created, ZoneId zone) {
        this.job = created.header().job();
        this.eventIds.add(created.header().eventId());
        this.createdAt = created.header().occurredAt();
        this.day = LocalDate.ofInstant(createdAt, zone);
        this.branch = created.branch();
        this.slaDeadline = created.slaDeadline();
        this.account = new JobAccount(zone);
        account.apply(created);
    }

    JobId job() {
        return job;
    }

    long version() {
        return eventIds.size();
    }

    /** True when this exact event was already folded (a replay). */
    boolean alreadyHas(JobEvent event) {
        long v = event.header().version();
        if (v > version()) {
            return false;
        }
        if (!eventIds.get((int) v - 1).equals(event.header().eventId())) {
            throw new IllegalArgumentException("job " + job.value() + " already has a different event at version " + v);
        }
        return true;
    }

    void apply(JobEvent event) {
        long v = event.header().version();
        if (v != version() + 1) {
            throw new IllegalArgumentException("job " + job.value() + " event out of order: expected version "
                    + (version() + 1) + ", got " + v);
        }
        Instant at = event.header().occurredAt();
        if (event instanceof JobEvent.JobCreated) {
            throw new IllegalArgumentException("job " + job.value() + " was already created");
        } else if (event instanceof JobEvent.JobAssigned a) {
            technician = a.technician();
        } else if (event instanceof JobEvent.JobUnassigned u) {
            if (u.technician().equals(technician) && completedAt == null) {
                technician = null;
            }
        } else if (event instanceof JobEvent.StatusChanged s) {
            status(s.status(), at);
        }
        boolean counts = account.apply(event);
        if (counts && event instanceof JobEvent.PaymentRecorded p && p.mode() == PaymentMode.CASH) {
            cash = Money.addExact(cash, p.amount().minor(), "a job's cash");
        }
        eventIds.add(event.header().eventId());
    }

    private void status(JobStatus status, Instant at) {
        switch (status) {
            case ARRIVED -> {
                if (completedAt == null) {
                    arrivals++;
                    if (firstArrived == null) {
                        firstArrived = at;
                    }
                }
            }
            case RESCHEDULED -> {
                if (completedAt == null) {
                    rescheduled = true;
                }
            }
            case CANCELLED -> {
                if (completedAt == null) {
                    cancelled = true;
                }
            }
            case COMPLETED, CLOSED -> {
                if (completedAt == null) {
                    completedAt = at;
                }
            }
            default -> {
                // NEW, ASSIGNED, EN_ROUTE, WORK_STARTED, ON_HOLD, DELAYED do not move a KPI
            }
        }
    }

    JobShare share() {
        BucketKey key = new BucketKey(day, branch, technician);
        boolean completed = completedAt != null;
        long response = firstArrived == null ? -1 : Math.max(0, Duration.between(createdAt, firstArrived).toSeconds());
        long completion = completed && firstArrived != null
                ? Math.max(0, Duration.between(firstArrived, completedAt).toSeconds()) : -1;
        boolean slaJudged = completed && slaDeadline != null;
        boolean slaMet = slaJudged && !completedAt.isAfter(slaDeadline);
        Instant openDeadline = !completed && !cancelled ? slaDeadline : null;
        long revenue = completed && !account.waived() ? account.amountDue().minor() : 0;
        long pending = completed ? account.outstanding().minor() : 0;
        return new JobShare(key, completed, completed && arrivals == 1 && !rescheduled, response, completion,
                slaJudged, slaMet, openDeadline, revenue, account.paidOnSite().minor(), pending, cash);
    }

    PendingCollection pendingCollection(io.github.geodispatch.spi.Currency currency, JobShare share) {
        return new PendingCollection(job, branch, technician, completedAt, Money.ofMinor(share.revenue(), currency),
                Money.ofMinor(share.collected(), currency), Money.ofMinor(share.pending(), currency));
    }
}
