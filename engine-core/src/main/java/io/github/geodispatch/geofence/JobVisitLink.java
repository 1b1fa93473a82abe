package io.github.geodispatch.geofence;

import io.github.geodispatch.engine.DispatchEngine;
import io.github.geodispatch.engine.JobEventListener;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Joins geofence visits to the job record. Subscribe it to a {@link DispatchEngine} and add it as a
 * {@link GeofenceListener} of the {@link VisitTracker}:
 * <ul>
 *   <li>each created job's site becomes a SITE fence (circle of the site's radius, fence id = site id)
 *       unless the index already has that id;</li>
 *   <li>when the assigned technician's visit at the job's site starts and the job is ASSIGNED, EN_ROUTE or
 *       DELAYED, the link records ARRIVED as the SYSTEM actor with the visit as evidence, unless the
 *       technician is on the way to or working on a job at another site (EN_ROUTE, ARRIVED, WORK_STARTED
 *       or ON_HOLD there): neighbouring sites' fences overlap, and standing at one must not mark a later
 *       job next door as arrived; that arrival is left to the technician's tap. If the job already has a
 *       hand-entered ARRIVED, its first visit there verifies it (once per job);</li>
 *   <li>{@link #completedWithoutVisit(Instant)} lists COMPLETED jobs with no visit of their technician at
 *       their site between assignment and completion (plus a grace for the visit's confirmation delay).</li>
 * </ul>
 * It keeps every job and visit interval it hears about and never forgets one, so its memory grows with
 * the jobs of its lifetime; a job created before the link was subscribed is known from the job's next
 * event on (its current state is then read from the engine), not before. Thread-safe: its state is
 * guarded by one lock, never held while it calls the engine.
 */
public final class JobVisitLink implements GeofenceListener, JobEventListener {
    /** Evidence prefix of arrivals this link records. */
    public static final String EVIDENCE_PREFIX = "geofence-visit:";
    /** A technician with a job in one of these states is on the way to or at that job. */
    private static final Set<JobStatus> IN_HAND =
            EnumSet.of(JobStatus.EN_ROUTE, JobStatus.ARRIVED, JobStatus.WORK_STARTED, JobStatus.ON_HOLD);

    private final DispatchEngine engine;
    private final FenceIndex index;
    private final Duration grace;
    private final Object lock = new Object();
    private final Map<JobId, JobState> jobs = new HashMap<>();
    private final Map<TechnicianId, List<Interval>> visits = new HashMap<>();
    private final List<JobVisitFinding> findings = new ArrayList<>();
    /** Jobs whose hand-entered ARRIVED a visit has verified. */
    private final Set<JobId> verified = new HashSet<>();

    private record Interval(FenceId fence, Instant from, Instant to) {}

    /**
     * @param grace how long after a completion a visit may still be confirmed (at least the tracker's
     *              dwell threshold plus its reorder window; 10 minutes is a safe default)
     */
    public JobVisitLink(DispatchEngine engine, FenceIndex index, Duration grace) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.index = Objects.requireNonNull(index, "fence index");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
    }

    @Override
    public void onEvents(List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            JobEvent e = stored.event();
            if (e instanceof JobEvent.JobCreated created) {
                FenceId site = FenceId.of(created.site().id().value());
                if (index.fence(site).isEmpty()) {
                    try {
                        index.add(new Fence(site, FenceKind.SITE,
                                new FenceShape.Circle(created.site().location(), created.site().radiusMetres())));
                    } catch (IllegalArgumentException alreadyAddedConcurrently) {
                        // another job at the same site registered it first
                    }
                }
            }
            JobState known;
            synchronized (lock) {
                known = jobs.get(e.header().job());
            }
            if (known == null && !(e instanceof JobEvent.JobCreated)) {
                // subscribed after the job was created: start from the engine's current state (outside the lock)
                known = engine.job(Actor.system(e.header().tenant()), e.header().job()).orElse(null);
            }
            synchronized (lock) {
                JobState state = e instanceof JobEvent.JobCreated c ? JobState.of(c) : known;
                if (state != null && state.version() < e.header().version()) {
                    state = state.apply(e);
                }
                if (state != null) {
                    jobs.merge(state.id(), state, (a, b) -> a.version() >= b.version() ? a : b);
                }
            }
        }
    }

    @Override
    public void onEvent(GeofenceEvent event) {
        List<JobState> toArrive = new ArrayList<>();
        FenceId fence;
        Instant enteredAt;
        if (event instanceof GeofenceEvent.VisitStarted started && started.kind() == FenceKind.SITE) {
            fence = started.fence();
            enteredAt = started.enteredAt();
            synchronized (lock) {
                visits.computeIfAbsent(started.technician(), t -> new ArrayList<>())
                        .add(new Interval(fence, enteredAt, Instant.MAX));
                boolean busyElsewhere = false;
                for (JobState job : jobs.values()) {
                    if (!started.technician().equals(job.technician())) {
                        continue;
                    }
                    JobStatus s = job.status();
                    if (!job.site().id().value().equals(fence.value())) {
                        busyElsewhere |= IN_HAND.contains(s);
                    } else if (s == JobStatus.ASSIGNED || s == JobStatus.EN_ROUTE || s == JobStatus.DELAYED) {
                        toArrive.add(job);
                    } else if (job.arrivedAt() != null && job.arrivalEvidence() != null
                            && !job.arrivalEvidence().startsWith(EVIDENCE_PREFIX) && !s.isTerminal() && verified.add(job.id())) {
                        findings.add(new JobVisitFinding.ManualArrivalVerified(job.id(), job.technician(), fence, enteredAt));
                    }
                }
                if (busyElsewhere) {
                    toArrive.clear();
                }
            }
        } else if (event instanceof GeofenceEvent.VisitEnded ended && ended.visit().kind() == FenceKind.SITE) {
            SiteVisit v = ended.visit();
            synchronized (lock) {
                List<Interval> list = visits.computeIfAbsent(v.technician(), t -> new ArrayList<>());
                list.removeIf(i -> i.fence.equals(v.fence()) && i.from.equals(v.enteredAt()) && i.to.equals(Instant.MAX));
                list.add(new Interval(v.fence(), v.enteredAt(), v.exitedAt()));
            }
            return;
        } else {
            return;
        }
        for (JobState job : toArrive) {
            String evidence = EVIDENCE_PREFIX + job.technician() + "@" + fence + " from " + enteredAt;
            boolean accepted = engine.execute(Actor.system(job.tenant()), JobCommand.ChangeStatus.arrived(job.id(), evidence))
                    .isAccepted();
            if (accepted) {
                synchronized (lock) {
                    findings.add(new JobVisitFinding.ArrivalRecorded(job.id(), job.technician(), fence, enteredAt));
                }
            }
        }
    }

    /** Arrivals recorded and manual arrivals verified so far, in the order they happened. */
    public List<JobVisitFinding> arrivals() {
        synchronized (lock) {
            return List.copyOf(findings);
        }
    }

    /**
     * COMPLETED jobs (completed at or before {@code asOf} minus the grace) with no visit of their technician
     * at their site overlapping [assigned, completed + grace].
     */
    public List<JobVisitFinding.CompletedWithoutVisit> completedWithoutVisit(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<JobVisitFinding.CompletedWithoutVisit> out = new ArrayList<>();
        synchronized (lock) {
            for (JobState job : jobs.values()) {
                if (job.completedAt() == null || job.technician() == null || job.assignedAt() == null
                        || job.completedAt().plus(grace).isAfter(asOf)) {
                    continue;
                }
                FenceId site = FenceId.of(job.site().id().value());
                Instant from = job.assignedAt(), to = job.completedAt().plus(grace);
                boolean seen = visits.getOrDefault(job.technician(), List.of()).stream()
                        .anyMatch(i -> i.fence.equals(site) && i.from.isBefore(to) && i.to.isAfter(from));
                if (!seen) {
                    out.add(new JobVisitFinding.CompletedWithoutVisit(job.id(), job.technician(), site, job.assignedAt(),
                            job.completedAt()));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(JobVisitFinding.CompletedWithoutVisit::completedAt));
        return out;
    }
}
