package io.github.geodispatch.job;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEvent.ExpenseAdded;
import io.github.geodispatch.spi.JobEvent.InvoiceHandedOff;
import io.github.geodispatch.spi.JobEvent.PartUsed;
import io.github.geodispatch.spi.JobEvent.PaymentRecorded;
import io.github.geodispatch.spi.JobEvent.ProofAdded;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as it stands: the fold of its event stream ({@link #fold}), one event at a time ({@link #apply}).
 * Fields that have not happened yet are null ({@code technician}, {@code arrivedAt}, {@code invoice}, ...).
 * {@code enRouteAt}, {@code arrivedAt}/{@code arrivalEvidence} and {@code workStartedAt} are the first such
 * moment of the current visit: assigning, unassigning and rescheduling clear them; {@link #arrival()} reads the
 * arrival's evidence (a checked geofence visit, with any spoof signals, or a dispatcher's override, by whom and
 * why). {@code version} is the
 * stream version folded so far and {@code headHash} the {@link HashChain#hash hash} of the last event, i.e.
 * the previous-hash the next event must carry. {@code contact} is what the record says about talking with the
 * customer (one-time codes, messages, payment requests, feedback). Immutable and thread-safe.
 */
public record JobState(
        StreamId stream, BranchId branch, CustomerId customer, Site site, String issue, String jobType,
        List<SkillRequirement> requiredSkills, Priority priority, TimeWindow window, Instant slaDeadline,
        int estimatedMinutes, Money quote, Coverage coverage, TechnicianId preferredTechnician,
        JobStatus status, String statusReason, TechnicianId technician, String overrideReason,
        Instant createdAt, Instant assignedAt, Instant enRouteAt, Instant arrivedAt, String arrivalEvidence,
        Instant workStartedAt, Instant completedAt, Instant closedAt, Instant cancelledAt,
        List<ProofAdded> proofs, List<PartUsed> parts, List<ExpenseAdded> expenses, List<PaymentRecorded> payments,
        InvoiceHandedOff invoice, long version, String headHash, CustomerContact contact) {

    public JobState {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(status, "status");
        requiredSkills = List.copyOf(requiredSkills);
        proofs = List.copyOf(proofs);
        parts = List.copyOf(parts);
        expenses = List.copyOf(expenses);
        payments = List.copyOf(payments);
        Objects.requireNonNull(contact, "contact");
        if (version < 1) {
            throw new IllegalArgumentException("a job state folds at least its JobCreated event, version was " + version);
        }
    }

    /** The state after the job's first event. */
    public static JobState of(JobEvent.JobCreated created) {
        return of(created, HashChain.hash(created));
    }

    private static JobState of(JobEvent.JobCreated created, String headHash) {
        if (created.header().version() != 1) {
            throw new IllegalArgumentException("JobCreated must be version 1 of its stream, was "
                    + created.header().version());
        }
        return new JobState(created.header().stream(), created.branch(), created.customer(), created.site(),
                created.issue(), created.jobType(), created.requiredSkills(), created.priority(), created.window(),
                created.slaDeadline(), created.estimatedMinutes(), created.quote(), created.coverage(),
                created.preferredTechnician(), JobStatus.NEW, "", null, null, created.header().occurredAt(),
                null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), null, 1,
                headHash, CustomerContact.NONE);
    }

    /**
     * Folds a whole stream. Throws {@link IllegalArgumentException} when it is empty, does not start with
     * {@code JobCreated}, mixes streams or skips a version.
     */
    public static JobState fold(List<? extends JobEvent> events) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("cannot fold an empty stream: a job starts with JobCreated");
        }
        if (!(events.get(0) instanceof JobEvent.JobCreated created)) {
            throw new IllegalArgumentException("a job stream starts with JobCreated, not "
                    + events.get(0).getClass().getSimpleName());
        }
        if (events.size() == 1) {
            return of(created);
        }
        // one working copy for the whole stream, and only the last event hashed: folding stays O(n) in events
        Draft d = new Draft(of(created, null));
        for (int i = 1; i < events.size(); i++) {
            d.take(events.get(i));
        }
        d.headHash = HashChain.hash(events.get(events.size() - 1));
        return d.toState();
    }

    /** The state after {@code event}, which must be the next event of this stream. */
    public JobState apply(JobEvent event) {
        Draft d = new Draft(this);
        d.take(event);
        d.headHash = HashChain.hash(event);
        return d.toState();
    }

    public JobId id() {
        return stream.job();
    }

    public TenantId tenant() {
        return stream.tenant();
    }

    /** True when {@code technician} is the job's assigned technician. */
    public boolean isAssignedTo(TechnicianId technician) {
        return this.technician != null && this.technician.equals(technician);
    }

    /** True when {@code actor} is a technician and this job is assigned to them. */
    public boolean isAssignedTo(Actor actor) {
        return actor.role() == Role.TECHNICIAN && technician != null && technician.value().equals(actor.id());
    }

    /**
     * True when {@code actor} may read this job: same tenant, and either the technician it is assigned to or a
     * non-technician whose branch covers the job's branch.
     */
    public boolean visibleTo(Actor actor) {
        if (!actor.tenant().equals(tenant())) {
            return false;
        }
        return actor.role() == Role.TECHNICIAN ? isAssignedTo(actor) : actor.covers(branch);
    }

    /** What proves the current visit's arrival, or empty before it is recorded. */
    public Optional<ArrivalEvidence> arrival() {
        if (arrivedAt == null) {
            return Optional.empty();
        }
        return Optional.of(arrivalEvidence == null ? new ArrivalEvidence.Unverified("")
                : ArrivalEvidence.parse(arrivalEvidence));
    }

    /** The last payment recorded, if any: it says the job's current payment status. */
    public Optional<PaymentRecorded> latestPayment() {
        return payments.isEmpty() ? Optional.empty() : Optional.of(payments.get(payments.size() - 1));
    }

    /**
     * True when the payment status is clear for closing: a payment is recorded and the latest is not PENDING
     * (settled on site, covered by AMC or warranty, invoiced to a B2B customer, or waived by an owner).
     */
    public boolean hasClearPayment() {
        return latestPayment().map(p -> p.mode() != PaymentMode.PENDING).orElse(false);
    }

    /** True for CANCELLED and CLOSED jobs: nothing more may be recorded on them. */
    public boolean isFinished() {
        return status.isTerminal();
    }

    /** Mutable working copy used by {@link #apply}; never escapes. */
    private static final class Draft {
        final JobState base;
        JobStatus status;
        String statusReason;
        TechnicianId technician;
        String overrideReason;
        Instant assignedAt;
        Instant enRouteAt;
        Instant arrivedAt;
        String arrivalEvidence;
        Instant workStartedAt;
        Instant completedAt;
        Instant closedAt;
        Instant cancelledAt;
        final List<ProofAdded> proofs;
        final List<PartUsed> parts;
        final List<ExpenseAdded> expenses;
        final List<PaymentRecorded> payments;
        InvoiceHandedOff invoice;
        CustomerContact contact;
        long version;
        String headHash;

        Draft(JobState s) {
            base = s;
            status = s.status;
            statusReason = s.statusReason;
            technician = s.technician;
            overrideReason = s.overrideReason;
            assignedAt = s.assignedAt;
            enRouteAt = s.enRouteAt;
            arrivedAt = s.arrivedAt;
            arrivalEvidence = s.arrivalEvidence;
            workStartedAt = s.workStartedAt;
            completedAt = s.completedAt;
            closedAt = s.closedAt;
            cancelledAt = s.cancelledAt;
            proofs = new ArrayList<>(s.proofs);
            parts = new ArrayList<>(s.parts);
            expenses = new ArrayList<>(s.expenses);
            payments = new ArrayList<>(s.payments);
            invoice = s.invoice;
            contact = s.contact;
            version = s.version;
            headHash = s.headHash;
        }

        /** Applies {@code event}, which must be the next event of the stream, leaving {@code headHash} to the caller. */
        void take(JobEvent event) {
            Objects.requireNonNull(event, "event");
            if (!event.header().stream().equals(base.stream)) {
                throw new IllegalArgumentException("event of stream " + event.header().stream()
                        + " cannot apply to " + base.stream);
            }
            if (event.header().version() != version + 1) {
                throw new IllegalArgumentException("event version " + event.header().version()
                        + " does not follow version " + version + " of " + base.stream);
            }
            Instant at = event.header().occurredAt();
            if (event instanceof JobEvent.JobCreated) {
                throw new IllegalArgumentException("stream " + base.stream + " already has its JobCreated event");
            } else if (event instanceof JobEvent.JobAssigned e) {
                clearVisit();
                status = JobStatus.ASSIGNED;
                statusReason = "";
                technician = e.technician();
                overrideReason = e.overrideReason();
                assignedAt = at;
            } else if (event instanceof JobEvent.JobUnassigned e) {
                clearVisit();
                status = JobStatus.NEW;
                statusReason = e.reason();
                technician = null;
                overrideReason = null;
                assignedAt = null;
            } else if (event instanceof JobEvent.StatusChanged e) {
                status = e.status();
                statusReason = e.reason();
                switch (e.status()) {
                    case EN_ROUTE -> enRouteAt = enRouteAt == null ? at : enRouteAt;
                    case ARRIVED -> {
                        if (arrivedAt == null) {
                            arrivedAt = at;
                            arrivalEvidence = e.evidence();
                        }
                    }
                    case WORK_STARTED -> workStartedAt = workStartedAt == null ? at : workStartedAt;
                    case COMPLETED -> completedAt = at;
                    case CLOSED -> closedAt = at;
                    case CANCELLED -> cancelledAt = at;
                    case RESCHEDULED -> clearVisit();
                    case NEW, ASSIGNED, ON_HOLD, DELAYED -> { }
                }
            } else if (event instanceof ProofAdded e) {
                proofs.add(e);
            } else if (event instanceof PartUsed e) {
                parts.add(e);
            } else if (event instanceof ExpenseAdded e) {
                expenses.add(e);
            } else if (event instanceof PaymentRecorded e) {
                payments.add(e);
            } else if (event instanceof InvoiceHandedOff e) {
                invoice = e;
            } else if (event instanceof JobEvent.ContactEvent e) {
                contact = contact.apply(e);
            }
            version = event.header().version();
        }

        void clearVisit() {
            enRouteAt = null;
            arrivedAt = null;
            arrivalEvidence = null;
            workStartedAt = null;
        }

        JobState toState() {
            JobState b = base;
            return new JobState(b.stream, b.branch, b.customer, b.site, b.issue, b.jobType, b.requiredSkills,
                    b.priority, b.window, b.slaDeadline, b.estimatedMinutes, b.quote, b.coverage,
                    b.preferredTechnician, status, statusReason, technician, overrideReason, b.createdAt, assignedAt,
                    enRouteAt, arrivedAt, arrivalEvidence, workStartedAt, completedAt, closedAt, cancelledAt, proofs,
                    parts, expenses, payments, invoice, version, headHash, contact);
        }
    }
}
