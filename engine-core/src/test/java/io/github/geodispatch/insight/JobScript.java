package io.github.geodispatch.insight;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes one job's stream with correct versions and hash chain, for tests. */
final class JobScript {
    private final StreamId stream;
    private final Actor actor;
    private final List<JobEvent> events = new ArrayList<>();
    private final String customer;
    private final String site;
    private long uuidCounter;

    JobScript(TenantId tenant, String job) {
        this(tenant, job, "C-" + job, "S-" + job);
    }

    /** A job of {@code customer} at {@code site}, so several jobs may share them. */
    JobScript(TenantId tenant, String job, String customer, String site) {
        this.stream = StreamId.of(tenant, new JobId(job));
        this.actor = Actor.system(tenant);
        this.customer = customer;
        this.site = site;
    }

    List<JobEvent> events() {
        return List.copyOf(events);
    }

    JobId job() {
        return stream.job();
    }

    private EventHeader next(Instant at) {
        UUID id = new UUID(stream.job().value().hashCode(), ++uuidCounter);
        return new EventHeader(id, stream, events.size() + 1, at, actor, HashChain.head(events));
    }

    private JobScript add(JobEvent e) {
        events.add(e);
        return this;
    }

    JobScript created(Instant at, String branch, String jobType, long quotePaise, Instant sla, Coverage coverage) {
        return add(new JobEvent.JobCreated(next(at), new BranchId(branch), new CustomerId(customer),
                new Site(new SiteId(site), GeoPoint.of(12.97, 77.59), 80, ""), "", jobType,
                List.of(), Priority.NORMAL, null, sla, 60, Money.inr(quotePaise), coverage, null));
    }

    JobScript assigned(Instant at, String technician) {
        return add(new JobEvent.JobAssigned(next(at), new TechnicianId(technician), null));
    }

    JobScript unassigned(Instant at, String technician) {
        return add(new JobEvent.JobUnassigned(next(at), new TechnicianId(technician), "moved"));
    }

    JobScript status(Instant at, JobStatus status) {
        return add(new JobEvent.StatusChanged(next(at), status, null, null));
    }

    JobScript part(Instant at, int qty, long unitPaise, boolean billable) {
        return add(new JobEvent.PartUsed(next(at), "CAP-35", "85322200", qty, Money.inr(unitPaise), billable));
    }

    JobScript expense(Instant at, long paise, boolean billable) {
        return add(new JobEvent.ExpenseAdded(next(at), "PARKING", Money.inr(paise), billable));
    }

    JobScript feedback(Instant at, int rating) {
        return add(new JobEvent.FeedbackRecorded(next(at), rating, ""));
    }

    JobScript proof(Instant at) {
        return add(new JobEvent.ProofAdded(next(at), ProofKind.NOTE, "done", "note-1", null));
    }

    JobScript invoiced(Instant at, long totalPaise) {
        return add(new JobEvent.InvoiceHandedOff(next(at), "INV-" + stream.job().value() + "-" + events.size(),
                Money.inr(totalPaise), List.of("CAP-35")));
    }

    /** A payment record; a WAIVED one carries an approver unless {@code unapprovedWaiver}. */
    JobScript paid(Instant at, PaymentMode mode, long paise, boolean unapprovedWaiver) {
        String ref = switch (mode) {
            case UPI -> String.format("%012d", Math.abs(stream.job().value().hashCode()) % 1_000_000_000_000L);
            case MPESA -> "QWE1234567";
            default -> null;
        };
        return add(new JobEvent.PaymentRecorded(next(at), mode, Money.inr(paise), ref, null,
                mode == PaymentMode.WAIVED && !unapprovedWaiver ? "owner" : null));
    }

    JobScript paid(Instant at, PaymentMode mode, long paise) {
        return paid(at, mode, paise, false);
    }
}
