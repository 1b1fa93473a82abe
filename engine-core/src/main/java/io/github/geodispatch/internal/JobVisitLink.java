package io.github.geodispatch.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.GeofenceEvent;
import io.github.geodispatch.geofence.GeofenceListener;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.geofence.SiteVisit;
import io.github.geodispatch.geofence.SpoofSignal;
import io.github.geodispatch.geofence.SuspectVisitPolicy;
import io.github.geodispatch.job.ArrivalEvidence;
import io.github.geodispatch.job.ArrivalVisits;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobEventListener;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Joins geofence visits to the job record. Subscribe it to a {@link JobRecord} and add it as a
 * {@link GeofenceListener} of the {@link VisitTracker}:
 * <ul>
 *   <li>each created job's site becomes a SITE fence (circle of the site's radius, fence id = site id)
 *       unless the index already has that id;</li>
 *   <li>when the assigned technician's visit at the job's site starts and the job is ASSIGNED, EN_ROUTE or
 *       DELAYED, the link records ARRIVED as the SYSTEM actor with the visit as evidence (with its spoof signals;
 *       a visit built from suspect pings under {@link SuspectVisitPolicy#REFUSE} records nothing and is reported as
 *       {@link JobVisitFinding.ArrivalRefused}), unless the
 *       technician is on the way to or working on a job at another site (EN_ROUTE, ARRIVED, WORK_STARTED
 *       or ON_HOLD there): neighbouring sites' fences overlap, and standing at one must not mark a later
 *       job next door as arrived; that arrival is left to the technician's tap. If the job's ARRIVED was
 *       recorded without a visit (a dispatcher's override, or an arrival from before visits were checked), its
 *       first visit there verifies it (once per job);</li>
 *   <li>{@link #visits} answers the job record's {@link ArrivalVisits} lookups from the visits it holds (open ones
 *       included), with the policy applied;</li>
 *   <li>{@link #completedWithoutVisit(Instant)} lists COMPLETED jobs with no visit of their technician at
 *       their site between assignment and completion (plus a grace for the visit's confirmation delay).</li>
 * </ul>
 *
 * <p>Memory follows the open work, not the link's lifetime. A job is held from its creation until it is
 * decided: a cancelled job at once; a completed job as soon as a visit behind it is known (usually at its
 * completion), or, with none, when a {@link #completedWithoutVisit} query finds its grace over (the host
 * asks periodically, say with its nightly audit). A decided job's later events (its CLOSED, a payment) are
 * ignored. A technician's ended visits are kept while a held job of theirs at that site, assigned before
 * the visit ended, may need one, and otherwise for the grace after their newer visits (so a job assigned
 * just before a visit ended still finds it). Arrival findings wait in the link until {@link #takeArrivals()};
 * the completed-without-visit findings, rare by nature, are kept. A job created before the link was
 * subscribed is known from the job's next event on (its current state is then read from the engine), and
 * one completed before then is never judged. Thread-safe: its state is guarded by one lock, never held while
 * it calls the engine.
 */
public final class JobVisitLink implements GeofenceListener, JobEventListener, ArrivalVisits {
    /** A technician with a job in one of these states is on the way to or at that job. */
    private static final Set<JobStatus> IN_HAND =
            EnumSet.of(JobStatus.EN_ROUTE, JobStatus.ARRIVED, JobStatus.WORK_STARTED, JobStatus.ON_HOLD);

    private final JobRecord engine;
    private final FenceIndex index;
    private final Duration grace;
    private final SuspectVisitPolicy suspectVisits;
    private final Object lock = new Object();
    /** The jobs not yet decided: open ones, and completed ones no visit is known behind yet. */
    private final Map<JobId, JobState> jobs = new HashMap<>();
    /** The jobs of {@link #jobs} by their technician. */
    private final Map<TechnicianId, Set<JobId>> jobsOf = new HashMap<>();
    /** Per technician, the site visits a held job may still need (an open visit ends at {@link Instant#MAX}). */
    private final Map<TechnicianId, List<Interval>> visits = new HashMap<>();
    private final List<JobVisitFinding> arrivals = new ArrayList<>();
    private final List<JobVisitFinding.CompletedWithoutVisit> ghosts = new ArrayList<>();
    /** Held jobs whose hand-entered ARRIVED a visit has verified. */
    private final Set<JobId> verified = new HashSet<>();

    private record Interval(FenceId fence, Instant from, Instant to, Set<SpoofSignal> signals) {
        boolean refusedUnder(SuspectVisitPolicy policy) {
            return policy == SuspectVisitPolicy.REFUSE && !signals.isEmpty();
        }
    }

    /**
     * @param grace how long after a completion a visit may still be confirmed (at least the tracker's
     *              dwell threshold plus its reorder window; 10 minutes is a safe default)
     * @param suspectVisits whether a visit built from suspect pings may prove an arrival (flagged) or not
     */
    public JobVisitLink(JobRecord engine, FenceIndex index, Duration grace, SuspectVisitPolicy suspectVisits) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.index = Objects.requireNonNull(index, "fence index");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.suspectVisits = Objects.requireNonNull(suspectVisits, "suspect visit policy");
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
            if (known == null && e instanceof JobEvent.ContactEvent) {
                // a message status, a code or a rating changes no visit: a job not followed (most often one completed
                // and judged) is not read again for it; the job's next other event reads its state as it is then
                continue;
            }
            if (known == null && !(e instanceof JobEvent.JobCreated)) {
                // decided and forgotten, or subscribed after the job was created: read its current state (outside the lock)
                known = engine.job(Actor.system(e.header().tenant()), e.header().job()).orElse(null);
                boolean completesNow = e instanceof JobEvent.StatusChanged s && s.status() == JobStatus.COMPLETED;
                if (known != null && known.completedAt() != null && !completesNow) {
                    continue; // its completion was judged already, or happened before the link listened
                }
            }
            synchronized (lock) {
                JobState state = e instanceof JobEvent.JobCreated c ? JobState.of(c) : known;
                if (state != null && state.version() < e.header().version()) {
                    state = state.apply(e);
                }
                if (state != null) {
                    hold(state);
                }
            }
        }
    }

    /** Holds the job's newer state, or forgets the job once it is decided. Under the lock. */
    private void hold(JobState state) {
        JobState previous = jobs.get(state.id());
        if (previous != null && previous.version() >= state.version()) {
            return;
        }
        if (previous != null && previous.technician() != null) {
            unindex(previous.technician(), state.id());
        }
        if (state.status() == JobStatus.CANCELLED || state.completedAt() != null && visitedInWindow(state)) {
            forget(state.id());
            return;
        }
        jobs.put(state.id(), state);
        if (state.technician() != null) {
            jobsOf.computeIfAbsent(state.technician(), t -> new HashSet<>()).add(state.id());
        }
    }

    /** Drops a decided job. Under the lock. */
    private void forget(JobId id) {
        JobState job = jobs.remove(id);
        if (job != null && job.technician() != null) {
            unindex(job.technician(), id);
        }
        verified.remove(id);
    }

    private void unindex(TechnicianId technician, JobId id) {
        Set<JobId> ids = jobsOf.get(technician);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            jobsOf.remove(technician);
        }
    }

    @Override
    public void onEvent(GeofenceEvent event) {
        List<JobState> toArrive = new ArrayList<>();
        FenceId fence;
        Instant enteredAt;
        Set<SpoofSignal> signals;
        if (event instanceof GeofenceEvent.VisitStarted started && started.kind() == FenceKind.SITE) {
            fence = started.fence();
            enteredAt = started.enteredAt();
            signals = started.signals();
            Interval visit = new Interval(fence, enteredAt, Instant.MAX, signals);
            synchronized (lock) {
                visits.computeIfAbsent(started.technician(), t -> new ArrayList<>()).add(visit);
                boolean busyElsewhere = false;
                List<JobId> decided = new ArrayList<>();
                for (JobId id : jobsOf.getOrDefault(started.technician(), Set.of())) {
                    JobState job = jobs.get(id);
                    JobStatus s = job.status();
                    if (!siteFence(job).equals(fence)) {
                        busyElsewhere |= IN_HAND.contains(s);
                        continue;
                    }
                    if (s == JobStatus.ASSIGNED || s == JobStatus.EN_ROUTE || s == JobStatus.DELAYED) {
                        toArrive.add(job);
                    } else if (job.arrival().filter(a -> !(a instanceof ArrivalEvidence.Visit)).isPresent()
                            && !visit.refusedUnder(suspectVisits) && !s.isTerminal() && verified.add(job.id())) {
                        arrivals.add(new JobVisitFinding.ManualArrivalVerified(job.id(), job.technician(), fence, enteredAt));
                    }
                    if (job.completedAt() != null && visitedInWindow(job)) {
                        decided.add(id);
                    }
                }
                decided.forEach(this::forget);
                if (busyElsewhere) {
                    toArrive.clear();
                }
                if (visit.refusedUnder(suspectVisits)) {
                    toArrive.forEach(job -> arrivals.add(new JobVisitFinding.ArrivalRefused(job.id(), job.technician(),
                            visit.fence, enteredAt, signals)));
                    toArrive.clear();
                }
            }
        } else if (event instanceof GeofenceEvent.VisitEnded ended && ended.visit().kind() == FenceKind.SITE) {
            SiteVisit v = ended.visit();
            synchronized (lock) {
                List<Interval> list = visits.computeIfAbsent(v.technician(), t -> new ArrayList<>());
                list.removeIf(i -> i.fence.equals(v.fence()) && i.from.equals(v.enteredAt()) && i.to.equals(Instant.MAX));
                list.add(new Interval(v.fence(), v.enteredAt(), v.exitedAt(), v.signals()));
                Instant horizon = v.exitedAt().minus(grace);
                list.removeIf(i -> i.to.isBefore(horizon) && !neededByAHeldJob(v.technician(), i));
                if (list.isEmpty()) {
                    visits.remove(v.technician());
                }
            }
            return;
        } else {
            return;
        }
        for (JobState job : toArrive) {
            ArrivalEvidence.Visit evidence = new ArrivalEvidence.Visit(job.technician(), job.site().id(), enteredAt,
                    signals.stream().map(Enum::name).toList());
            boolean accepted = engine.execute(Actor.system(job.tenant()), JobCommand.ChangeStatus.arrived(job.id(), evidence))
                    .isAccepted();
            if (accepted) {
                synchronized (lock) {
                    arrivals.add(new JobVisitFinding.ArrivalRecorded(job.id(), job.technician(), fence, enteredAt));
                }
            }
        }
    }

    /**
     * The visits this link holds of {@code technician} at {@code site} overlapping {@code [from, to]}, open ones
     * included, in order of entry; a visit refused by the policy is left out, a flagged one carries its signals.
     * Visits are held while a job of the technician at that site may need one (see the class comment).
     */
    @Override
    public List<ArrivalEvidence.Visit> visits(TechnicianId technician, SiteId site, Instant from, Instant to) {
        FenceId fence = FenceId.of(site.value());
        List<ArrivalEvidence.Visit> out = new ArrayList<>();
        synchronized (lock) {
            for (Interval i : visits.getOrDefault(technician, List.of())) {
                if (i.fence.equals(fence) && !i.from.isAfter(to) && !i.to.isBefore(from) && !i.refusedUnder(suspectVisits)) {
                    out.add(new ArrivalEvidence.Visit(technician, site, i.from, i.signals.stream().map(Enum::name).toList()));
                }
            }
        }
        out.sort(Comparator.comparing(ArrivalEvidence.Visit::enteredAt));
        return out;
    }

    /** The SITE fence of the job's site (its id is the site id). */
    private static FenceId siteFence(JobState job) {
        return FenceId.of(job.site().id().value());
    }

    /** True if a held job of the technician at the visit's site was assigned before the visit ended. Under the lock. */
    private boolean neededByAHeldJob(TechnicianId technician, Interval visit) {
        for (JobId id : jobsOf.getOrDefault(technician, Set.of())) {
            JobState job = jobs.get(id);
            if (siteFence(job).equals(visit.fence) && job.assignedAt() != null
                    && job.assignedAt().isBefore(visit.to)) {
                return true;
            }
        }
        return false;
    }

    /** True if a visit of the completed job's technician at its site overlaps [assigned, completed + grace]. Under the lock. */
    private boolean visitedInWindow(JobState job) {
        FenceId site = siteFence(job);
        Instant from = job.assignedAt(), to = job.completedAt().plus(grace);
        for (Interval i : visits.getOrDefault(job.technician(), List.of())) {
            if (i.fence.equals(site) && i.from.isBefore(to) && i.to.isAfter(from)) {
                return true;
            }
        }
        return false;
    }

    /** Arrivals recorded and manual arrivals verified and not yet taken, in the order they happened. */
    public List<JobVisitFinding> arrivals() {
        synchronized (lock) {
            return List.copyOf(arrivals);
        }
    }

    /** As {@link #arrivals()}, and forgets them: a long-running host takes them as it reports them. */
    public List<JobVisitFinding> takeArrivals() {
        synchronized (lock) {
            List<JobVisitFinding> taken = List.copyOf(arrivals);
            arrivals.clear();
            return taken;
        }
    }

    /**
     * COMPLETED jobs (completed at or before {@code asOf} minus the grace) with no visit of their technician
     * at their site overlapping [assigned, completed + grace], in order of completion. A job whose grace is
     * over by {@code asOf} is decided by this call: a visit confirmed later does not clear it.
     */
    public List<JobVisitFinding.CompletedWithoutVisit> completedWithoutVisit(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        synchronized (lock) {
            List<JobId> decided = new ArrayList<>();
            for (JobState job : jobs.values()) {
                if (job.completedAt() == null || job.completedAt().plus(grace).isAfter(asOf)) {
                    continue;
                }
                if (!visitedInWindow(job)) {
                    ghosts.add(new JobVisitFinding.CompletedWithoutVisit(job.id(), job.technician(),
                            siteFence(job), job.assignedAt(), job.completedAt()));
                }
                decided.add(job.id());
            }
            decided.forEach(this::forget);
            return ghosts.stream().filter(g -> !g.completedAt().plus(grace).isAfter(asOf))
                    .sorted(Comparator.comparing(JobVisitFinding.CompletedWithoutVisit::completedAt)).toList();
        }
    }

    /** The jobs held (not yet decided), for tests of the retention rules. */
    int heldJobs() {
        synchronized (lock) {
            return jobs.size();
        }
    }

    /** The visit intervals held over all technicians, for tests of the retention rules. */
    int heldVisits() {
        synchronized (lock) {
            return visits.values().stream().mapToInt(List::size).sum();
        }
    }
}
