package io.github.geodispatch.dispatch;
import io.github.geodispatch.dispatch.internal.InMemoryDispatcher;
import io.github.geodispatch.dispatch.internal.Scoring;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TravelTimes;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Today's dispatch board: the technicians, their routes, and real-time recommendation and assignment.
 *
 * <pre>{@code
 * Dispatcher board = Dispatcher.builder().clock(InstantSource.system()).build();
 * board.putTechnicians(technicians);
 * Recommendation rec = board.recommend(job);
 * System.out.println(rec.explain());
 * Assignment a = board.assign(rec, dispatcherActor);          // or an OverrideRequest with a reason
 * }</pre>
 *
 * <p>Thread-safety: every method may be called from any thread. {@code recommend} takes no lock: it reads
 * an immutable roster snapshot and each technician's current route. Changes to one technician's route
 * are serialised on that technician, and a job is held by at most one technician, so two concurrent
 * assignments can never double-book a technician or a job: the second re-checks its slot against the
 * first's result and is refused if it no longer fits.
 */
public interface Dispatcher {

    static Builder builder() {
        return new Builder();
    }

    /**
     * Adds a technician or replaces their profile (their route is kept). Each call rebuilds the roster's
     * search index, in time linear in the roster: load or update many at once with {@link #putTechnicians}.
     * Live locations ({@link #updateLiveLocation}) change no index.
     */
    void putTechnician(Technician technician);

    /** Adds or replaces many technicians with one roster rebuild. */
    void putTechnicians(Collection<Technician> technicians);

    /** Removes a technician; returns the route they had (its jobs become unassigned, listeners are told). */
    Route removeTechnician(TechnicianId technician, Actor by);

    Optional<Technician> technician(TechnicianId technician);

    /** Every technician on the roster, in the order they were first added. */
    List<Technician> technicians();

    /** Moves where the technician's day continues from; pings older than the last one are ignored. */
    void updateLiveLocation(TechnicianId technician, LiveLocation live);

    /**
     * Replaces a technician's route for today (e.g. from the day plan). Fails when a job on it is held by
     * another technician. ETAs are recomputed by this board's travel model.
     */
    void putRoute(Route route);

    /** The technician's route with ETAs re-timed at the current clock. */
    Route route(TechnicianId technician);

    /** Which technician holds the job, if any. */
    Optional<TechnicianId> holderOf(JobId job);

    /**
     * Ranks every technician for the job or says why not.
     *
     * @throws IllegalStateException when the job is already assigned (unassign it first)
     */
    Recommendation recommend(DispatchJob job);

    /**
     * Assigns the recommendation's best candidate, re-checking the slot on the technician's current route.
     *
     * @throws AssignmentRejectedException when nobody is feasible, the slot is gone, or the job is held
     */
    Assignment assign(Recommendation recommendation, Actor by);

    /**
     * Assigns the dispatcher's choice; the override's reason is recorded unless the choice is the best candidate.
     *
     * @throws AssignmentRejectedException when the choice breaks a rule not waived, or has no slot
     */
    Assignment assign(Recommendation recommendation, OverrideRequest override, Actor by);

    /** Takes the job off its technician's route (not allowed once work started). */
    void unassign(JobId job, String reason, Actor by);

    /**
     * Carries out an emergency displacement: the displaced job leaves the route, the emergency goes in,
     * the displaced job moves as proposed (or to the best place left, or stays unplaced). If the listener
     * refuses the emergency, nothing is displaced (see {@link DispatchListener}) and its exception propagates.
     *
     * @throws AssignmentRejectedException when the routes changed so that the emergency no longer fits
     */
    DisplacementOutcome accept(Displacement displacement, Actor by);

    /** How candidates are searched. */
    enum CandidateSearch {
        /** Area and branch index, primitive filters, incremental insertion check; reasons of unexamined technicians on demand. */
        INDEXED,
        /** Every technician, every rule, every insertion re-timed from scratch; every reason eager. */
        EXHAUSTIVE
    }

    /** Configures a {@link Dispatcher}; each setter fails at once on a null or repeated value. Not thread-safe. */
    final class Builder {
        private TravelTimes travel;
        private InstantSource clock;
        private ScoringWeights weights;
        private ServiceAreaFences fences;
        private DispatchListener listener;
        private CandidateSearch search;

        private Builder() {}

        /** Default: {@link HaversineTravelTimes#defaults()}. */
        public Builder travelTimes(TravelTimes travelTimes) {
            travel = set(travel, travelTimes, "travel times");
            return this;
        }

        /** Default: {@link InstantSource#system()}. */
        public Builder clock(InstantSource instantSource) {
            clock = set(clock, instantSource, "clock");
            return this;
        }

        /** Default: {@link ScoringWeights#defaults()}. */
        public Builder weights(ScoringWeights scoringWeights) {
            weights = set(weights, scoringWeights, "scoring weights");
            return this;
        }

        /** Default: {@link ServiceAreaFences#NONE}. */
        public Builder serviceAreaFences(ServiceAreaFences serviceAreaFences) {
            fences = set(fences, serviceAreaFences, "service-area fences");
            return this;
        }

        /** Default: {@link DispatchListener#NONE}. */
        public Builder listener(DispatchListener dispatchListener) {
            listener = set(listener, dispatchListener, "listener");
            return this;
        }

        /** Default: {@link CandidateSearch#INDEXED}. */
        public Builder candidateSearch(CandidateSearch candidateSearch) {
            search = set(search, candidateSearch, "candidate search");
            return this;
        }

        public Dispatcher build() {
            return new InMemoryDispatcher(travel(), clock(), scoring(), fences(), listener(), search());
        }

        // the settings with their defaults, also for the day boards of a Schedule

        TravelTimes travel() {
            return travel == null ? HaversineTravelTimes.defaults() : travel;
        }

        InstantSource clock() {
            return clock == null ? InstantSource.system() : clock;
        }

        Scoring scoring() {
            return new Scoring(weights == null ? ScoringWeights.defaults() : weights);
        }

        ServiceAreaFences fences() {
            return fences == null ? ServiceAreaFences.NONE : fences;
        }

        DispatchListener listener() {
            return listener == null ? DispatchListener.NONE : listener;
        }

        CandidateSearch search() {
            return search == null ? CandidateSearch.INDEXED : search;
        }

        private static <T> T set(T current, T value, String name) {
            Objects.requireNonNull(value, name);
            if (current != null) {
                throw new IllegalStateException(name + " already set");
            }
            return value;
        }
    }
}
