package io.github.geodispatch.dispatch.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.HaversineTravelTimes;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TimeWindow;

/** Small dispatch days around Nairobi's CBD for the planner's tests. */
final class PlanFixtures {
    static final Instant DAY = Instant.parse("2025-06-02T05:00:00Z"); // 08:00 EAT
    static final GeoPoint CENTRE = GeoPoint.of(-1.2864, 36.8172);
    static final BranchId BRANCH = BranchId.of("nbo-cbd");
    static final HaversineTravelTimes TRAVEL = HaversineTravelTimes.defaults();

    private PlanFixtures() {}

    static GeoPoint near(Random rnd, double spreadDegrees) {
        return GeoPoint.of(CENTRE.lat() + (rnd.nextDouble() - 0.5) * spreadDegrees,
                CENTRE.lng() + (rnd.nextDouble() - 0.5) * spreadDegrees);
    }

    /** 08:00-17:00 with lunch 13:00-13:45, all skills at level 5, anywhere. */
    static Technician technician(String id, GeoPoint home, Map<String, Integer> skills) {
        Shift shift = new Shift(DAY, DAY.plus(Duration.ofHours(9)),
                new TimeWindow(DAY.plus(Duration.ofHours(5)), DAY.plus(Duration.ofMinutes(5 * 60 + 45))));
        return new Technician(TechnicianId.of(id), BRANCH, skills, List.of(), ServiceAreas.anywhere(), shift, 20,
                home, home, null);
    }

    static Technician technician(String id, GeoPoint home) {
        return technician(id, home, Map.of("ac.service", 5, "ro.service", 5));
    }

    static DispatchJob job(String id, GeoPoint where, TimeWindow window, Duration duration, Priority priority,
            List<SkillRequirement> skills) {
        return new DispatchJob(JobId.of(id), BRANCH, where, "AC_SERVICE", skills, Set.of(), priority, window, null,
                duration, null);
    }

    static DispatchJob job(String id, GeoPoint where, TimeWindow window) {
        return job(id, where, window, Duration.ofMinutes(45), Priority.NORMAL, List.of());
    }

    /** Windows of the whole shift. */
    static TimeWindow allDay() {
        return new TimeWindow(DAY, DAY.plus(Duration.ofHours(8)));
    }

    static List<DispatchJob> jobs(Random rnd, int count) {
        List<DispatchJob> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(job("J" + i, near(rnd, 0.05), allDay()));
        }
        return jobs;
    }

    /** A short solve ended by a step count: the same plan on any machine, at any load. */
    static PlanTermination steps(int steps) {
        return PlanTermination.afterSteps(steps);
    }

    /** A live session: it runs until the test stops it (never ended by the clock). */
    /**
     * How long a test waits for a live session's plan or answer: long enough that only a hung session fails, never
     * a slow machine (the plans themselves end on step counts).
     */
    static final Duration PATIENCE = Duration.ofMinutes(5);

    /** Waits for the session's first plan, at most {@link #PATIENCE}. */
    static DayPlan firstPlan(PlanningSession session) throws InterruptedException {
        await(() -> session.bestSoFar().isPresent());
        return session.bestSoFar().orElseThrow();
    }

    /** Waits until {@code condition} holds, at most {@link #PATIENCE} (the caller's assertions then say what is wrong). */
    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static PlanTermination untilStopped() {
        return PlanTermination.afterSteps(Integer.MAX_VALUE);
    }
}
