package io.github.geodispatch.leakage.internal;
import io.github.geodispatch.payment.JobAccount;
import io.github.geodispatch.payment.Reconciler;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the rules need to know about one job: its money account plus times, proofs and event ids; and what the
 * monitor needs to let it go: the event ids seen, its payment claims, its status and when it was last touched.
 * Not thread-safe.
 */
public final class JobFacts {
    // lists start with no room (ArrayList(0) then grows 1, 2, 3, ...): most stay empty or hold one element, and
    // there is one set of them per job the monitor keeps
    public final JobAccount account;
    /** The ids of the events fed, for idempotency. */
    public final EventIdSet eventIds = new EventIdSet();
    /** The claims this job's payments made in the reconciler, to withdraw when the job is let go. */
    public final List<Reconciler.Claim> claims = new ArrayList<>(0);
    public final JobId job;
    /** The monitor's clock when anything last touched this job (an event, a credit, a claim, a stay). */
    Instant lastTouched = Instant.MIN;
    /** The neighbours in the monitor's {@link TouchOrder}. */
    JobFacts earlier;
    JobFacts later;
    /** The job's creation (null until it is fed). */
    JobEvent.JobCreated created;
    UUID completedEvent;
    Instant assignedAt;
    private JobStatus status = JobStatus.NEW;
    final List<JobEvent.ProofAdded> proofs = new ArrayList<>(0);
    /** The payments that count ({@link JobAccount#payments()}), kept here so the rules read them without a copy. */
    List<JobEvent.PaymentRecorded> payments = new ArrayList<>(0);

    public JobFacts(JobId job, ZoneId zone) {
        this.job = job;
        this.account = new JobAccount(zone);
    }

    /** Folds {@code event} in; false when the money rules refuse it (see {@link JobAccount#apply}). */
    public boolean apply(JobEvent event) {
        boolean counts = account.apply(event);
        if (event instanceof JobEvent.JobCreated c) {
            created = c;
            if (!payments.isEmpty()) {
                // payments that came before JobCreated are checked again now that the job's currency is known
                payments = new ArrayList<>(account.payments());
            }
        } else if (event instanceof JobEvent.JobAssigned) {
            Instant at = event.header().occurredAt();
            if (assignedAt == null || at.isAfter(assignedAt)) {
                assignedAt = at;
            }
        } else if (event instanceof JobEvent.StatusChanged s) {
            status = s.status();
            if (s.status() == JobStatus.COMPLETED && completedEvent == null) {
                completedEvent = s.header().eventId();
            }
        } else if (event instanceof JobEvent.ProofAdded p) {
            proofs.add(p);
        } else if (event instanceof JobEvent.PaymentRecorded p && counts) {
            payments.add(p);
        }
        return counts;
    }

    /** The job's creation, or null when it was not fed. */
    public JobEvent.JobCreated created() {
        return created;
    }

    /** The id of the job's creation event, as findings cite it. */
    String createdEvent() {
        return created.header().eventId().toString();
    }

    /** Nothing touched the job since {@code cut}. */
    public boolean touchedBefore(Instant cut) {
        return lastTouched.isBefore(cut);
    }

    /**
     * True when nothing more is expected of the job: its last status completed, closed or cancelled, or never created.
     * A job a journal takes back out of COMPLETED (on hold, rescheduled) is open again, as the importer holds it.
     */
    public boolean done() {
        return !account.created() || status == JobStatus.COMPLETED || status == JobStatus.CLOSED
                || status == JobStatus.CANCELLED;
    }

    /** The proofs recorded at or before {@code by}. */
    List<JobEvent.ProofAdded> proofsBy(Instant by) {
        List<JobEvent.ProofAdded> out = new ArrayList<>(proofs.size());
        for (JobEvent.ProofAdded p : proofs) {
            if (!p.header().occurredAt().isAfter(by)) {
                out.add(p);
            }
        }
        return out;
    }
}
