package io.github.geodispatch.dispatch;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The answer to {@code recommend(job)}: every technician of the roster is either ranked (feasible, with
 * the best insertion into their route and a score breakdown) or rejected with reasons.
 *
 * <p>What is eager and what is lazy: the search computes the feasible technicians and, for the technicians
 * it examined (those whose service areas contain the site), their reasons. Technicians ruled out by the
 * branch or area index are only counted ({@link #rejectedByPrimaryReason()}); their reasons are computed
 * on demand by {@link #rejection(TechnicianId)} or {@link #rejections()} from the same roster snapshot,
 * so the answer does not change with later roster edits. Ranked candidates are materialised as records
 * on first access. Immutable once built; the lazy parts are safe to call from any thread.
 */
public interface Recommendation {

    DispatchJob job();

    /** The clock reading the recommendation was computed at. */
    Instant at();

    /** How many technicians the roster held. */
    int technicianCount();

    /** The best-ranked technician, if any is feasible. */
    Optional<Candidate> best();

    /** Every feasible technician, best first. */
    List<Candidate> ranked();

    /** Rejected technicians counted by their first failing rule (in {@link RejectionReason} order). */
    Map<RejectionReason, Integer> rejectedByPrimaryReason();

    /** Number of rejected technicians. */
    int rejectedCount();

    /**
     * Why {@code technician} was not ranked, or empty when they were.
     *
     * @throws IllegalArgumentException when the technician was not on the roster
     */
    Optional<Rejection> rejection(TechnicianId technician);

    /** Every rejected technician with reasons, computed lazily as the stream is consumed. */
    Stream<Rejection> rejections();

    /** For an EMERGENCY job: the cheapest displacement of lower-priority work, when it beats plain insertion. */
    Optional<Displacement> displacement();

    /** A dispatcher-readable account: who and why, the runners-up, and why not the others. */
    String explain();
}
