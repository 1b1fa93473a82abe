package io.github.geodispatch.job;

import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The job state machine as one table: every legal move {@code from -> to} and the roles that may make it.
 * Moves to ASSIGNED are made by assigning (also re-assigning), moves to NEW by unassigning, all others by a
 * status change. A TECHNICIAN may make a move only on a job assigned to them (checked by the engine). Some
 * targets need an assigned technician ({@link #needsTechnician}). Immutable and thread-safe.
 */
public final class JobTransitions {

    /** One row of the table. */
    public record Transition(JobStatus from, JobStatus to, Set<Role> roles) {
        public Transition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        }
    }

    private static final Set<Role> DISPATCH = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM);
    private static final Set<Role> FIELD = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM, Role.TECHNICIAN);
    private static final Set<Role> CLOSING = EnumSet.of(Role.OWNER, Role.DISPATCHER, Role.SYSTEM, Role.ACCOUNTANT);

    /** Who may move a job INTO each status. */
    private static final Map<JobStatus, Set<Role>> ROLES_BY_TARGET = new EnumMap<>(Map.ofEntries(
            Map.entry(JobStatus.NEW, DISPATCH),
            Map.entry(JobStatus.ASSIGNED, DISPATCH),
            Map.entry(JobStatus.EN_ROUTE, FIELD),
            Map.entry(JobStatus.ARRIVED, FIELD),
            Map.entry(JobStatus.WORK_STARTED, FIELD),
            Map.entry(JobStatus.ON_HOLD, FIELD),
            Map.entry(JobStatus.DELAYED, FIELD),
            Map.entry(JobStatus.COMPLETED, FIELD),
            Map.entry(JobStatus.RESCHEDULED, DISPATCH),
            Map.entry(JobStatus.CANCELLED, DISPATCH),
            Map.entry(JobStatus.CLOSED, CLOSING)));

    /** The legal targets of each status. */
    private static final Map<JobStatus, Set<JobStatus>> TARGETS = new EnumMap<>(Map.ofEntries(
            Map.entry(JobStatus.NEW, EnumSet.of(JobStatus.ASSIGNED, JobStatus.ON_HOLD, JobStatus.RESCHEDULED,
                    JobStatus.CANCELLED)),
            Map.entry(JobStatus.ASSIGNED, EnumSet.of(JobStatus.ASSIGNED, JobStatus.NEW, JobStatus.EN_ROUTE,
                    JobStatus.ARRIVED, JobStatus.ON_HOLD, JobStatus.DELAYED, JobStatus.RESCHEDULED, JobStatus.CANCELLED)),
            Map.entry(JobStatus.EN_ROUTE, EnumSet.of(JobStatus.ASSIGNED, JobStatus.NEW, JobStatus.ARRIVED,
                    JobStatus.ON_HOLD, JobStatus.DELAYED, JobStatus.RESCHEDULED, JobStatus.CANCELLED)),
            Map.entry(JobStatus.ARRIVED, EnumSet.of(JobStatus.WORK_STARTED, JobStatus.ON_HOLD, JobStatus.DELAYED,
                    JobStatus.RESCHEDULED, JobStatus.CANCELLED)),
            Map.entry(JobStatus.WORK_STARTED, EnumSet.of(JobStatus.COMPLETED, JobStatus.ON_HOLD, JobStatus.DELAYED)),
            Map.entry(JobStatus.ON_HOLD, EnumSet.of(JobStatus.ASSIGNED, JobStatus.NEW, JobStatus.EN_ROUTE,
                    JobStatus.ARRIVED, JobStatus.WORK_STARTED, JobStatus.RESCHEDULED, JobStatus.CANCELLED)),
            Map.entry(JobStatus.DELAYED, EnumSet.of(JobStatus.ASSIGNED, JobStatus.NEW, JobStatus.EN_ROUTE,
                    JobStatus.ARRIVED, JobStatus.WORK_STARTED, JobStatus.ON_HOLD, JobStatus.RESCHEDULED,
                    JobStatus.CANCELLED)),
            Map.entry(JobStatus.COMPLETED, EnumSet.of(JobStatus.CLOSED)),
            // RESCHEDULED again: the customer moves the new slot too
            Map.entry(JobStatus.RESCHEDULED, EnumSet.of(JobStatus.ASSIGNED, JobStatus.NEW, JobStatus.EN_ROUTE,
                    JobStatus.RESCHEDULED, JobStatus.CANCELLED)),
            Map.entry(JobStatus.CANCELLED, EnumSet.noneOf(JobStatus.class)),
            Map.entry(JobStatus.CLOSED, EnumSet.noneOf(JobStatus.class))));

    /** Targets that only make sense with a technician on the job. */
    private static final Set<JobStatus> NEEDS_TECHNICIAN = EnumSet.of(JobStatus.ASSIGNED, JobStatus.EN_ROUTE,
            JobStatus.ARRIVED, JobStatus.WORK_STARTED, JobStatus.DELAYED, JobStatus.COMPLETED);

    /** Targets that need the technician's arrival to be recorded for the current assignment. */
    private static final Set<JobStatus> NEEDS_ARRIVAL = EnumSet.of(JobStatus.WORK_STARTED, JobStatus.COMPLETED);

    private static final List<Transition> TABLE;

    static {
        List<Transition> rows = new ArrayList<>();
        for (JobStatus from : JobStatus.values()) {
            for (JobStatus to : TARGETS.get(from)) {
                rows.add(new Transition(from, to, ROLES_BY_TARGET.get(to)));
            }
        }
        TABLE = List.copyOf(rows);
    }

    private JobTransitions() {}

    /** Every row of the table. */
    public static List<Transition> table() {
        return TABLE;
    }

    /** True when the table has a move {@code from -> to}. */
    public static boolean allows(JobStatus from, JobStatus to) {
        return TARGETS.get(from).contains(to);
    }

    /** True when the table has a move {@code from -> to} that {@code role} may make. */
    public static boolean allows(JobStatus from, JobStatus to, Role role) {
        return allows(from, to) && ROLES_BY_TARGET.get(to).contains(role);
    }

    /** The legal targets of {@code from} (empty for CANCELLED and CLOSED). */
    public static Set<JobStatus> targets(JobStatus from) {
        return Collections.unmodifiableSet(TARGETS.get(from));
    }

    /** The roles that may move a job into {@code to}. */
    public static Set<Role> rolesFor(JobStatus to) {
        return Collections.unmodifiableSet(ROLES_BY_TARGET.get(to));
    }

    /** True when a job may be in {@code status} only with an assigned technician. */
    public static boolean needsTechnician(JobStatus status) {
        return NEEDS_TECHNICIAN.contains(status);
    }

    /** True when a job may move into {@code status} only after the technician's arrival is recorded. */
    public static boolean needsArrival(JobStatus status) {
        return NEEDS_ARRIVAL.contains(status);
    }
}
