package io.github.geodispatch.dispatch.plan.internal;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.BALANCE;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.CAPACITY;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.CONTINUITY;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.MAX_JOBS;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.OVERTIME;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.SERVICE_AREA;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.SHIFT_END;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.SKILLS;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.SLA;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.TECHNICIAN_AVAILABLE;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.TIME_WINDOW;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.TRAVEL_TIME;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.UNASSIGNED;
import static io.github.geodispatch.dispatch.plan.internal.PlanWeights.VAN_HOLDS_PARTS;

/** Holder of the day plan's one {@link ConstraintProvider}. */
final class PlanConstraints {
    /** Seconds per balance unit: workload is balanced in minutes, squared. */
    static final long BALANCE_UNIT_TICKS = 60;
    /**
     * The most ticks one stop's lateness or one route's time past its shift end weighs (2^41: some 70,000 years
     * of a day plan's seconds, 2.2 million VRPTW time units). The hard score sums one such penalty per stop and
     * route in a {@code long}; a VRPTW at its bounds (coordinates &plusmn;10^8, times 10^9) is late by up to 10^18
     * ticks per stop, whose sum over a few hundred stops wrapped and made a later plan score better. Capped, up to
     * two million stops and routes sum within half a {@code long}; a stop later than the cap weighs as much as any
     * other.
     */
    static final long MAX_LATENESS_TICKS = 1L << 41;

    private PlanConstraints() {}

    /**
     * Every constraint of the day plan and of Solomon VRPTW, one method each. Hard: skills, time windows,
     * shift end, service areas, capacity, max jobs, availability. Medium: unassigned visits by priority.
     * Soft: SLA lateness, travel time, overtime, workload balance, continuity, and a reward for a stop whose
     * technician's van holds the job's parts. An SLA deadline is soft so that a
     * job is placed late rather than not at all, as the live board places it. Public only because the solver
     * instantiates it reflectively; its enclosing class keeps it out of the API. Stateless, thread-safe.
     */
    public static final class Provider implements ConstraintProvider {
        @Override
        public Constraint[] defineConstraints(ConstraintFactory factory) {
            return new Constraint[] {
                    skills(factory), timeWindow(factory), shiftEnd(factory), serviceArea(factory),
                    capacity(factory), maxJobsPerDay(factory), technicianAvailable(factory),
                    unassigned(factory),
                    slaDeadline(factory), travelTime(factory), overtime(factory), balance(factory), continuity(factory),
                    vanHoldsParts(factory),
            };
        }

        Constraint skills(ConstraintFactory factory) {
            return factory.forEach(PlanStop.class)
                    .filter(stop -> stop.isPlanned() && !stop.route().qualifiedFor(stop))
                    .penalizeConfigurable()
                    .asConstraint(SKILLS);
        }

        Constraint timeWindow(ConstraintFactory factory) {
            return factory.forEach(PlanStop.class)
                    .filter(stop -> stop.isPlanned() && stop.lateness() > 0)
                    .penalizeConfigurableLong(stop -> Math.min(stop.lateness(), MAX_LATENESS_TICKS))
                    .asConstraint(TIME_WINDOW);
        }

        Constraint shiftEnd(ConstraintFactory factory) {
            return factory.forEach(PlanRoute.class)
                    .filter(route -> !route.isBucket() && !route.stops().isEmpty() && route.returnTime() > route.shiftEnd())
                    .penalizeConfigurableLong(route -> Math.min(route.returnTime() - route.shiftEnd(), MAX_LATENESS_TICKS))
                    .asConstraint(SHIFT_END);
        }

        Constraint serviceArea(ConstraintFactory factory) {
            return factory.forEach(PlanStop.class)
                    .filter(stop -> stop.isPlanned() && !stop.route().serves(stop))
                    .penalizeConfigurable()
                    .asConstraint(SERVICE_AREA);
        }

        Constraint capacity(ConstraintFactory factory) {
            return factory.forEach(PlanRoute.class)
                    .filter(route -> !route.isBucket() && route.totalDemand() > route.capacity())
                    .penalizeConfigurableLong(route -> route.totalDemand() - route.capacity())
                    .asConstraint(CAPACITY);
        }

        Constraint maxJobsPerDay(ConstraintFactory factory) {
            return factory.forEach(PlanRoute.class)
                    .filter(route -> !route.isBucket() && route.stops().size() > route.maxStops())
                    .penalizeConfigurable(route -> route.stops().size() - route.maxStops())
                    .asConstraint(MAX_JOBS);
        }

        Constraint technicianAvailable(ConstraintFactory factory) {
            return factory.forEach(PlanRoute.class)
                    .filter(route -> !route.isAvailable() && !route.stops().isEmpty())
                    .penalizeConfigurable(route -> route.stops().size())
                    .asConstraint(TECHNICIAN_AVAILABLE);
        }

        Constraint unassigned(ConstraintFactory factory) {
            return factory.forEach(PlanStop.class)
                    .filter(stop -> stop.route() != null && stop.route().isBucket())
                    .penalizeConfigurable(PlanStop::priorityWeight)
                    .asConstraint(UNASSIGNED);
        }

        Constraint slaDeadline(ConstraintFactory factory) {
            return factory.forEach(PlanStop.class)
                    .filter(stop -> stop.isPlanned() && stop.slaLateness() > 0)
                    .penalizeConfigurableLong(PlanStop::slaLateness)
                    .asConstraint(SLA);
        }

        Constraint travelTime(ConstraintFactory factory) {
            return factory.forEach(PlanRoute.class)
                    .filter(route -> !route.isBucket() && !route.stops().isEmpty())
                    .penalizeConfigurableLong(PlanRoute::totalTravel)
                    .asConstraint(TRAVEL_TIME);
        }

        Constraint overtime(ConstraintFactory factory) {
            return factory.forEach(PlanRoute.class)
                    .filter(route -> !route.isBucket() && !route.stops().isEmpty() && route.returnTime() > route.regularEnd())
                    .penalizeConfigurableLong(route -> route.returnTime() - Math.max(route.regularEnd(), route.startTime()))
                    .asConstraint(OVERTIME);
        }

        Constraint balance(ConstraintFactory factory) {
            return factory.forEach(PlanRoute.class)
                    .filter(route -> !route.isBucket() && !route.stops().isEmpty())
                    .penalizeConfigurableLong(route -> {
                        long units = route.workload() / BALANCE_UNIT_TICKS;
                        return units * units;
                    })
                    .asConstraint(BALANCE);
        }

        Constraint continuity(ConstraintFactory factory) {
            return factory.forEach(PlanStop.class)
                    .filter(stop -> stop.isPlanned() && stop.preferredTechnician() != null
                            && !stop.preferredTechnician().equals(stop.route().technician()))
                    .penalizeConfigurable()
                    .asConstraint(CONTINUITY);
        }

        /** Rewards each planned stop by its part bonus on its route's technician (a snapshot of their van). */
        Constraint vanHoldsParts(ConstraintFactory factory) {
            return factory.forEach(PlanStop.class)
                    .filter(stop -> stop.isPlanned() && stop.partBonus(stop.route().technician()) > 0)
                    .rewardConfigurable(stop -> stop.partBonus(stop.route().technician()))
                    .asConstraint(VAN_HOLDS_PARTS);
        }
    }
}
