package io.github.geodispatch.benchmarks.plan;

import io.github.geodispatch.dispatch.HaversineTravelTimes;
import io.github.geodispatch.dispatch.RejectionReason;
import io.github.geodispatch.dispatch.plan.DayPlan;
import io.github.geodispatch.dispatch.plan.DayPlanProblem;
import io.github.geodispatch.dispatch.plan.DayPlanner;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.dispatch.plan.PlannedRoute;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The morning plan at a business's size: plans a {@link ScaleWorld} (all its jobs booked, waiting for the
 * 08:00 plan) with the default termination and prints the wall time of the plan, the peak heap, and its
 * quality: jobs placed, unassigned by reason, jobs the live board could still place (0 when every job a slot
 * was left for is placed), travel and the score. Run one size per JVM so the heap peak is that plan's.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.github.geodispatch.benchmarks.plan.PlanScaleMain \
 *     TECHNICIANS JOBS [BRANCHES=10] [SEED=42] [STEPS_PER_VISIT=50]
 * </pre>
 */
public final class PlanScaleMain {
    private PlanScaleMain() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: PlanScaleMain TECHNICIANS JOBS [BRANCHES=10] [SEED=42] [STEPS_PER_VISIT=50]");
            System.exit(2);
        }
        int technicians = Integer.parseInt(args[0]);
        int jobs = Integer.parseInt(args[1]);
        int branches = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        PlanTermination termination = args.length > 4 ? PlanTermination.afterStepsPerVisit(Integer.parseInt(args[4]))
                : PlanTermination.DEFAULT;
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        ScaleWorld world = ScaleWorld.generate(seed, technicians, jobs, branches);
        HaversineTravelTimes travel = HaversineTravelTimes.defaults();
        DayPlanner planner = DayPlanner.builder().travelTimes(travel).termination(termination).seed(seed).build();
        DayPlanProblem problem = DayPlanProblem.of(ScaleWorld.PLAN_AT, world.technicians, world.jobs);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        DayPlan plan = planner.solve(problem);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Duration cpu = Duration.ofNanos(os.getProcessCpuTime() - cpuBefore);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        Map<RejectionReason, Integer> reasons = new EnumMap<>(RejectionReason.class);
        plan.unassigned().forEach(id -> reasons.merge(plan.unassignedReason(id).orElseThrow(), 1, Integer::sum));
        int placed = plan.routes().stream().mapToInt(r -> r.visits().size()).sum();
        long working = plan.routes().stream().filter(r -> !r.visits().isEmpty()).count();
        long travelMinutes = plan.routes().stream().map(PlannedRoute::travel).mapToLong(Duration::toMinutes).sum();
        int placeable = BoardCheck.placeableButUnassigned(world.technicians, plan, ScaleWorld.PLAN_AT, travel).size();
        System.out.printf("plan %d technicians / %d jobs / %d branches, seed %d, %s, %d cores, load %.2f%n", technicians,
                jobs, branches, seed, describe(termination), Runtime.getRuntime().availableProcessors(), load);
        System.out.printf("  time %.1f s (process CPU %.1f s), peak heap %,d MB (max heap %,d MB), load after %.2f%n",
                took.toMillis() / 1000.0, cpu.toMillis() / 1000.0, peak >> 20, Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("  placed %d of %d on %d technicians; unassigned %d %s; the board could still place %d%n", placed,
                jobs, working, plan.unassigned().size(), reasons, placeable);
        System.out.printf("  travel %,d min (%.1f min per job), score %s%n", travelMinutes,
                placed == 0 ? 0.0 : (double) travelMinutes / placed, plan.score());
    }

    private static String describe(PlanTermination t) {
        return t.stepsPerVisit() != null ? t.stepsPerVisit() + " steps per visit" : t.toString();
    }
}
