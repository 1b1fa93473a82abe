package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.Assignment;
import io.github.geodispatch.dispatch.AssignmentRejectedException;
import io.github.geodispatch.dispatch.Candidate;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.DispatchListener;
import io.github.geodispatch.dispatch.Dispatcher;
import io.github.geodispatch.dispatch.Displacement;
import io.github.geodispatch.dispatch.DisplacementOutcome;
import io.github.geodispatch.dispatch.Insertion;
import io.github.geodispatch.dispatch.LiveLocation;
import io.github.geodispatch.dispatch.OverrideRequest;
import io.github.geodispatch.dispatch.Recommendation;
import io.github.geodispatch.dispatch.RejectionReason;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.ServiceAreaFences;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TravelTimes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Dispatcher} holding the board in memory: a copy-on-write {@link Roster} (rebuilt under a
 * lock when technicians change), one {@link TechSlot} per technician whose monitor serialises changes to
 * that technician's route, and a concurrent job-to-technician map that lets a job be held by one
 * technician only. Thread-safe.
 */
public final class InMemoryDispatcher implements Dispatcher {
    private static final long UNPLACED_DELAY_MINUTES = 480;

    private final TravelTimes travel;
    private final InstantSource clock;
    private final Scoring scoring;
    private final ServiceAreaFences fences;
    private final DispatchListener listener;
    private final CandidateSearch searchKind;
    private final ThreadLocal<InsertionSearch> searches;
    private final Object rosterLock = new Object();
    /** Who holds each job; shared by the day boards of a {@link CalendarSchedule}, so a job is held once across days. */
    private final ConcurrentHashMap<JobId, Holder> holders;
    private final String label;
    private volatile Roster roster = new Roster(List.of(), List.of());

    public InMemoryDispatcher(TravelTimes travel, InstantSource clock, Scoring scoring, ServiceAreaFences fences,
                       DispatchListener listener, CandidateSearch searchKind) {
        this(travel, clock, scoring, fences, listener, searchKind, new ConcurrentHashMap<>(), "this board");
    }

    /**
     * A board sharing {@code holders} with other boards (the days of a schedule): a job one of them holds cannot be
     * placed on another. {@code label} names the board in messages (e.g. its day).
     */
    InMemoryDispatcher(TravelTimes travel, InstantSource clock, Scoring scoring, ServiceAreaFences fences,
                       DispatchListener listener, CandidateSearch searchKind, ConcurrentHashMap<JobId, Holder> holders,
                       String label) {
        this.holders = holders;
        this.label = label;
        this.travel = travel;
        this.clock = clock;
        this.scoring = scoring;
        this.fences = fences;
        this.listener = listener;
        this.searchKind = searchKind;
        this.searches = ThreadLocal.withInitial(() -> new InsertionSearch(travel, scoring));
    }

    // ---------------------------------------------------------------- roster

    @Override
    public void putTechnician(Technician technician) {
        putTechnicians(List.of(Objects.requireNonNull(technician, "technician")));
    }

    @Override
    public void putTechnicians(Collection<Technician> technicians) {
        Objects.requireNonNull(technicians, "technicians");
        Map<TechnicianId, Technician> incoming = new LinkedHashMap<>();
        for (Technician t : technicians) {
            Objects.requireNonNull(t, "technician");
            if (incoming.put(t.id(), t) != null) {
                throw new IllegalArgumentException("technician " + t.id() + " given twice");
            }
        }
        synchronized (rosterLock) {
            Roster old = roster;
            List<Technician> techs = new ArrayList<>(old.size() + incoming.size());
            List<TechSlot> slots = new ArrayList<>(old.size() + incoming.size());
            for (int t = 0; t < old.size(); t++) {
                Technician replacement = incoming.remove(old.techs[t].id());
                TechSlot slot = old.slots[t];
                if (replacement != null) {
                    synchronized (slot) {
                        DayState s = slot.state;
                        LiveLocation live = newer(s.live, replacement.liveLocation());
                        slot.state = new DayState(replacement, s.route, live, travel);
                    }
                    techs.add(replacement);
                } else {
                    techs.add(old.techs[t]);
                }
                slots.add(slot);
            }
            for (Technician t : incoming.values()) {
                techs.add(t);
                slots.add(new TechSlot(new DayState(t, Route.empty(t.id()), t.liveLocation(), travel)));
            }
            roster = new Roster(techs, slots);
        }
    }

    @Override
    public Route removeTechnician(TechnicianId technician, Actor by) {
        Objects.requireNonNull(by, "actor");
        Route dropped;
        synchronized (rosterLock) {
            Roster old = roster;
            int idx = indexOf(old, technician);
            List<Technician> techs = new ArrayList<>(old.size());
            List<TechSlot> slots = new ArrayList<>(old.size());
            for (int t = 0; t < old.size(); t++) {
                if (t != idx) {
                    techs.add(old.techs[t]);
                    slots.add(old.slots[t]);
                }
            }
            TechSlot slot = old.slots[idx];
            synchronized (slot) {
                dropped = slot.state.route;
                for (Visit v : dropped.visits()) {
                    holders.remove(v.job().id(), hold(technician));
                }
            }
            roster = new Roster(techs, slots);
        }
        for (Visit v : dropped.visits()) {
            listener.unassigned(v.job().id(), technician, "technician removed from the roster", by);
        }
        return dropped;
    }

    @Override
    public Optional<Technician> technician(TechnicianId technician) {
        Roster r = roster;
        Integer t = r.indexOf.get(technician);
        return t == null ? Optional.empty() : Optional.of(r.techs[t]);
    }

    @Override
    public List<Technician> technicians() {
        return List.of(roster.techs);
    }

    @Override
    public void updateLiveLocation(TechnicianId technician, LiveLocation live) {
        Objects.requireNonNull(live, "live location");
        TechSlot slot = slot(technician);
        synchronized (slot) {
            DayState s = slot.state;
            if (s.live == null || live.at().isAfter(s.live.at())) {
                slot.state = new DayState(s.technician, s.route, live, travel);
            }
        }
    }

    @Override
    public void putRoute(Route route) {
        Objects.requireNonNull(route, "route");
        TechnicianId tech = route.technician();
        TechSlot slot = slot(tech);
        synchronized (slot) {
            DayState s = slot.state;
            List<JobId> claimed = new ArrayList<>();
            for (Visit v : route.visits()) {
                Holder holder = holders.putIfAbsent(v.job().id(), hold(tech));
                if (holder != null && !holder.equals(hold(tech))) {
                    claimed.forEach(j -> holders.remove(j, hold(tech)));
                    throw new AssignmentRejectedException(v.job().id(), tech, Set.of(),
                            "job " + v.job().id() + " on the route of " + tech + " is held by " + describe(holder));
                }
                if (holder == null) {
                    claimed.add(v.job().id());
                }
            }
            Set<JobId> kept = new HashSet<>();
            route.visits().forEach(v -> kept.add(v.job().id()));
            for (Visit v : s.route.visits()) {
                if (!kept.contains(v.job().id())) {
                    holders.remove(v.job().id(), hold(tech));
                }
            }
            slot.state = new DayState(s.technician, route, s.live, travel).retimedState(now());
        }
    }

    @Override
    public Route route(TechnicianId technician) {
        return slot(technician).state.retimed(now());
    }

    @Override
    public Optional<TechnicianId> holderOf(JobId job) {
        Holder holder = holders.get(Objects.requireNonNull(job, "job"));
        return holder == null || holder.board() != this ? Optional.empty() : Optional.of(holder.technician());
    }

    // ---------------------------------------------------------------- recommend

    @Override
    public Recommendation recommend(DispatchJob job) {
        Objects.requireNonNull(job, "job");
        Holder holder = holders.get(job.id());
        if (holder != null) {
            throw new IllegalStateException("job " + job.id() + " is already assigned to " + describe(holder) + "; unassign it first");
        }
        Roster r = roster;
        Query q = new Query(r, job, now(), fences);
        Evaluation ev = evaluate(r, q);
        Displacement displacement = job.priority() == Priority.EMERGENCY ? displacement(r, q, ev) : null;
        return new RankedRecommendation(r, q, scoring, ev, displacement);
    }

    private Evaluation evaluate(Roster r, Query q) {
        return switch (searchKind) {
            case INDEXED -> IndexedSearch.run(r, q, searches.get(), scoring);
            case EXHAUSTIVE -> ExhaustiveSearch.run(r, q, travel, scoring);
        };
    }

    // ---------------------------------------------------------------- assign

    @Override
    public Assignment assign(Recommendation recommendation, Actor by) {
        Objects.requireNonNull(recommendation, "recommendation");
        Candidate best = recommendation.best().orElseThrow(() -> new AssignmentRejectedException(
                recommendation.job().id(), null, Set.of(), "no technician can take job " + recommendation.job().id()
                + "; use an override or the emergency displacement"));
        return place(recommendation.job(), best.technician(), null, Set.of(), by);
    }

    @Override
    public Assignment assign(Recommendation recommendation, OverrideRequest override, Actor by) {
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(override, "override");
        boolean isBest = recommendation.best().map(c -> c.technician().equals(override.technician())).orElse(false);
        return place(recommendation.job(), override.technician(), isBest && override.waived().isEmpty() ? null
                : override.reason(), override.waived(), by);
    }

    /** Reserves the job, then places it on the technician's current route under the slot's lock. */
    private Assignment place(DispatchJob job, TechnicianId tech, String overrideReason, Set<RejectionReason> waived,
                             Actor by) {
        Objects.requireNonNull(by, "actor");
        Holder holder = holders.putIfAbsent(job.id(), hold(tech));
        if (holder != null) {
            throw new AssignmentRejectedException(job.id(), tech, Set.of(),
                    "job " + job.id() + " is already assigned to " + describe(holder));
        }
        Assignment a;
        try {
            a = placeReserved(job, tech, overrideReason, waived, by);
        } catch (RuntimeException e) {
            holders.remove(job.id(), hold(tech));
            throw e;
        }
        try {
            listener.assigned(a);
        } catch (RuntimeException e) {
            undo(job.id(), tech);
            throw e;
        }
        return a;
    }

    /** Takes back a placement the listener (the job record) refused. */
    private void undo(JobId job, TechnicianId tech) {
        TechSlot slot = slot(tech);
        synchronized (slot) {
            DayState s = slot.state;
            for (int i = 0; i < s.route.visits().size(); i++) {
                if (s.route.visits().get(i).job().id().equals(job)) {
                    slot.state = s.removing(i, now(), travel);
                    break;
                }
            }
            holders.remove(job, hold(tech));
        }
    }

    /** Places a job this board already holds for {@code tech} (see {@link #place}); the listener is not told. */
    Assignment placeReserved(DispatchJob job, TechnicianId tech, String overrideReason,
                                     Set<RejectionReason> waived, Actor by) {
        Roster r = roster;
        int t = indexOf(r, tech);
        TechSlot slot = r.slots[t];
        synchronized (slot) {
            long now = now();
            Query q = new Query(r, job, now, fences);
            int bits = r.profileReasons(t, q);
            DayState s = slot.state;
            if (s.jobsToday() >= s.technician.maxJobsPerDay()) {
                bits |= Reasons.OVER_CAPACITY;
            }
            int unwaived = bits & ~Reasons.fromSet(waived);
            if (unwaived != 0) {
                throw new AssignmentRejectedException(job.id(), tech, Reasons.toSet(unwaived),
                        tech + " cannot take job " + job.id() + ": " + Reasons.toSet(unwaived)
                        + (waived.isEmpty() ? "" : " (waived: " + waived + ")"));
            }
            InsertionSearch search = searches.get();
            if (!search.best(s, q)) {
                throw new AssignmentRejectedException(job.id(), tech, Set.of(RejectionReason.NO_SLOT),
                        tech + " has no slot left for job " + job.id());
            }
            int at = s.started + search.position;
            Insertion ins = insertion(s, at, search.eta, search.workStart, search.workEnd);
            slot.state = s.inserting(job, at, now, travel);
            return new Assignment(job.id(), tech, ins, overrideReason, waived, by, Instant.ofEpochSecond(now));
        }
    }

    @Override
    public void unassign(JobId job, String reason, Actor by) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(by, "actor");
        Holder holder = holders.get(job);
        if (holder == null || holder.board() != this) {
            throw new IllegalStateException("job " + job + " is not assigned" + (holder == null ? "" : " on " + label));
        }
        TechnicianId tech = holder.technician();
        TechSlot slot = slot(tech);
        synchronized (slot) {
            DayState s = slot.state;
            int at = indexInRoute(s.route, job);
            if (s.route.visits().get(at).started()) {
                throw new IllegalStateException("work on job " + job + " has started; it cannot be unassigned");
            }
            slot.state = s.removing(at, now(), travel);
            holders.remove(job, hold(tech));
        }
        listener.unassigned(job, tech, reason, by);
    }

    // ---------------------------------------------------------------- emergency

    /** The cheapest displacement, or null when none beats the best plain insertion. */
    private Displacement displacement(Roster r, Query q, Evaluation plain) {
        int bestPlain = plain.bestIndex(r);
        long plainStart = bestPlain < 0 ? Long.MAX_VALUE : plain.start[bestPlain];
        InsertionSearch search = new InsertionSearch(travel, scoring);
        Displacement best = null;
        for (int t : IndexedSearch.candidates(r, q)) {
            if (r.profileReasons(t, q) != 0) {
                continue;
            }
            DayState s = r.slots[t].state;
            for (int at = s.started; at < s.route.visits().size(); at++) {
                Visit v = s.route.visits().get(at);
                if (v.pinned() || v.job().priority().ordinal() <= q.job.priority().ordinal()) {
                    continue;
                }
                DayState without = s.removing(at, q.now, travel);
                if (without.jobsToday() >= r.maxJobs[t] || !search.best(without, q) || search.workStart >= plainStart) {
                    continue;
                }
                int eAt = without.started + search.position;
                Insertion ins = insertion(without, eAt, search.eta, search.workStart, search.workEnd);
                long added = search.addedTravel;
                DayState with = without.inserting(q.job, eAt, q.now, travel);
                Displacement d = move(r, t, with, v, s.route.visits().get(at).eta(), q, ins, added);
                if (best == null || d.cost() < best.cost()) {
                    best = d;
                }
            }
        }
        return best;
    }

    /** Where the displaced visit goes: back into the same day if it fits, else the best other technician. */
    private Displacement move(Roster r, int t, DayState with, Visit displaced, Instant oldEta, Query q,
                              Insertion emergency, long addedTravel) {
        DispatchJob job = displaced.job();
        Query dq = new Query(r, job, q.now, fences);
        long oldStart = startOf(r.slots[t].state, job.id(), q.now);
        TechnicianId to = null;
        long toStart = Long.MAX_VALUE;
        InsertionSearch search = new InsertionSearch(travel, scoring);
        if (with.jobsToday() < r.maxJobs[t] && search.best(with, dq)) {
            to = r.techs[t].id();
            toStart = search.workStart;
        }
        Evaluation others = IndexedSearch.run(r, dq, search, scoring);
        for (int i = 0; i < others.n; i++) {
            if (others.tech[i] != t && others.start[i] < toStart) {
                to = r.techs[others.tech[i]].id();
                toStart = others.start[i];
            }
        }
        double waitMin = Math.max(0, emergency.start().getEpochSecond() - q.now) / 60.0;
        double delayMin = to == null ? UNPLACED_DELAY_MINUTES : Math.max(0, toStart - oldStart) / 60.0;
        double cost = waitMin + addedTravel / 60.0 + job.priority().weight() / 10.0 * delayMin;
        TechnicianId tech = r.techs[t].id();
        String text = tech + " drops " + job.id() + " (" + job.priority() + ") and starts emergency " + q.job.id()
                + " at " + emergency.start() + "; " + job.id()
                + (to == null ? " cannot be placed today and needs rescheduling"
                : " moves to " + to + " starting " + Instant.ofEpochSecond(toStart))
                + " (cost " + Scoring.fmt(cost) + ")";
        return new Displacement(q.job, tech, emergency, job.id(), job.priority(), Instant.ofEpochSecond(oldStart),
                to, to == null ? null : Instant.ofEpochSecond(toStart), cost, text);
    }

    @Override
    public DisplacementOutcome accept(Displacement d, Actor by) {
        Objects.requireNonNull(d, "displacement");
        Objects.requireNonNull(by, "actor");
        TechnicianId tech = d.technician();
        TechSlot slot = slot(tech);
        DispatchJob displacedJob;
        DispatchJob emergencyJob;
        Assignment emergency;
        int displacedAt;
        Roster r = roster;
        synchronized (slot) {
            DayState s = slot.state;
            int at = indexInRoute(s.route, d.displacedJob());
            Visit v = s.route.visits().get(at);
            if (v.started() || v.pinned()) {
                throw new AssignmentRejectedException(d.emergency().id(), tech, Set.of(),
                        "visit to " + d.displacedJob() + " is now pinned or started; ask for a new recommendation");
            }
            displacedJob = v.job();
            displacedAt = at;
            long now = now();
            DayState without = s.removing(at, now, travel);
            emergencyJob = d.emergency();
            Holder taken = holders.putIfAbsent(emergencyJob.id(), hold(tech));
            if (taken != null) {
                throw new AssignmentRejectedException(emergencyJob.id(), tech, Set.of(),
                        "job " + emergencyJob.id() + " is already assigned to " + describe(taken));
            }
            Query q = new Query(r, emergencyJob, now, fences);
            InsertionSearch search = searches.get();
            if (!search.best(without, q)) {
                holders.remove(emergencyJob.id(), hold(tech));
                throw new AssignmentRejectedException(emergencyJob.id(), tech, Set.of(RejectionReason.NO_SLOT),
                        "the routes changed: emergency " + emergencyJob.id() + " no longer fits " + tech);
            }
            int eAt = without.started + search.position;
            Insertion ins = insertion(without, eAt, search.eta, search.workStart, search.workEnd);
            slot.state = without.inserting(emergencyJob, eAt, now, travel);
            // the displaced job stays held until the emergency is on the record, so nobody takes it meanwhile
            emergency = new Assignment(emergencyJob.id(), tech, ins,
                    "emergency displaces " + displacedJob.id(), Set.of(), by, Instant.ofEpochSecond(now));
        }
        try {
            listener.assigned(emergency);
        } catch (RuntimeException e) {
            putBack(tech, emergencyJob.id(), displacedJob, displacedAt);
            throw e;
        }
        holders.remove(displacedJob.id(), hold(tech));
        listener.unassigned(displacedJob.id(), tech, "displaced by emergency " + emergencyJob.id(), by);
        Assignment moved = null;
        List<TechnicianId> targets = new ArrayList<>();
        if (d.movedTo() != null) {
            targets.add(d.movedTo());
        }
        Recommendation again = recommend(displacedJob);
        again.ranked().forEach(c -> targets.add(c.technician()));
        for (TechnicianId target : targets) {
            try {
                moved = place(displacedJob, target, "moved for emergency " + emergencyJob.id(), Set.of(), by);
                break;
            } catch (AssignmentRejectedException e) {
                // that slot is gone; try the next best
            }
        }
        return new DisplacementOutcome(emergency, moved, moved == null ? displacedJob.id() : null);
    }

    /** Takes back an emergency the listener refused: the job it displaced returns to its place on the route. */
    private void putBack(TechnicianId tech, JobId emergency, DispatchJob displaced, int at) {
        TechSlot slot = slot(tech);
        synchronized (slot) {
            long now = now();
            DayState s = slot.state;
            DayState without = s.removing(indexInRoute(s.route, emergency), now, travel);
            slot.state = without.inserting(displaced, Math.max(without.started, Math.min(at, without.route.visits().size())),
                    now, travel);
            holders.remove(emergency, hold(tech));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Who holds a job: the technician, on which board. */
    record Holder(TechnicianId technician, InMemoryDispatcher board) {}

    private Holder hold(TechnicianId technician) {
        return new Holder(technician, this);
    }

    private String describe(Holder holder) {
        return holder.technician() + (holder.board() == this ? "" : " on " + holder.board().label);
    }

    /** Reserves the job for {@code tech} on this board; the holder it already has, or {@code null} when reserved now. */
    Holder reserve(JobId job, TechnicianId tech) {
        return holders.putIfAbsent(job, hold(tech));
    }

    /** Gives up this board's reservation of the job for {@code tech}. */
    void release(JobId job, TechnicianId tech) {
        holders.remove(job, hold(tech));
    }

    /** Tells the listener of an assignment made through {@link #placeReserved}; takes it back when the listener refuses. */
    void announce(Assignment a) {
        try {
            listener.assigned(a);
        } catch (RuntimeException e) {
            undo(a.job(), a.technician());
            throw e;
        }
    }

    /**
     * Takes a visit not started off the technician's route without telling the listener; the job stays reserved.
     * Returns the visit and where it was, or {@code null} when the job is not on the route.
     */
    Taken take(JobId job, TechnicianId tech) {
        TechSlot slot = slot(tech);
        synchronized (slot) {
            DayState s = slot.state;
            for (int i = 0; i < s.route.visits().size(); i++) {
                Visit v = s.route.visits().get(i);
                if (v.job().id().equals(job)) {
                    if (v.started()) {
                        throw new IllegalStateException("work on job " + job + " has started; it cannot be moved");
                    }
                    slot.state = s.removing(i, now(), travel);
                    return new Taken(v, i);
                }
            }
            return null;
        }
    }

    /** A visit taken off a route and its index there. */
    record Taken(Visit visit, int index) {}

    /** Puts a taken visit back where it was (or as near as the route now allows). */
    void putBack(TechnicianId tech, Taken taken) {
        TechSlot slot = slot(tech);
        synchronized (slot) {
            DayState s = slot.state;
            int at = Math.max(s.started, Math.min(taken.index(), s.route.visits().size()));
            slot.state = s.inserting(taken.visit().job(), at, now(), travel);
        }
    }

    /** Every route of the board: technicians in roster order. */
    List<Route> routes() {
        Roster r = roster;
        List<Route> out = new ArrayList<>(r.size());
        for (int t = 0; t < r.size(); t++) {
            out.add(r.slots[t].state.retimed(now()));
        }
        return out;
    }

    private static Insertion insertion(DayState s, int at, long eta, long start, long end) {
        List<Visit> visits = s.route.visits();
        return new Insertion(at, at > 0 ? visits.get(at - 1).job().id() : null,
                at < visits.size() ? visits.get(at).job().id() : null, Instant.ofEpochSecond(eta),
                Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
    }

    private static long startOf(DayState s, JobId job, long now) {
        long[] st = new long[s.m + 2];
        long[] dp = new long[s.m + 2];
        s.schedule(now, st, dp);
        return st[indexInRoute(s.route, job) - s.started + 1];
    }

    private static int indexInRoute(Route route, JobId job) {
        for (int i = 0; i < route.visits().size(); i++) {
            if (route.visits().get(i).job().id().equals(job)) {
                return i;
            }
        }
        throw new IllegalStateException("job " + job + " is not on the route of " + route.technician());
    }

    private static LiveLocation newer(LiveLocation a, LiveLocation b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.at().isAfter(a.at()) ? a : b;
    }

    private TechSlot slot(TechnicianId technician) {
        Roster r = roster;
        return r.slots[indexOf(r, technician)];
    }

    private static int indexOf(Roster r, TechnicianId technician) {
        Objects.requireNonNull(technician, "technician");
        Integer t = r.indexOf.get(technician);
        if (t == null) {
            throw new IllegalArgumentException("unknown technician " + technician);
        }
        return t;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
