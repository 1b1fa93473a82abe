package io.github.geodispatch.benchmarks.dispatch;

import io.github.geodispatch.benchmarks.plan.ScaleWorld;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Dispatcher;
import io.github.geodispatch.dispatch.FreeSlot;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Schedule;
import io.github.geodispatch.dispatch.SlotQuery;
import io.github.geodispatch.dispatch.TeamCalendar;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.dispatch.WorkCalendar;
import io.github.geodispatch.dispatch.WorkingHours;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TimeWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * "When can you come?": {@code Schedule.freeSlots} for a customer on the phone, the best 5 slots across a
 * 7-day schedule, against the same query on day boards that search naively (every technician, every rule,
 * every insertion re-timed) in the same run.
 *
 * <p>Data: the {@link ScaleWorld} team ({@code technicians} in 10 Bengaluru branches, six trades, levels
 * 2-3), Monday to Saturday 09:00-18:00 with a 45-minute lunch, Sunday off; every working day each
 * technician already has 4-7 visits of 40 minutes with 2-hour windows near their branch. Queries (63,
 * cycled: an odd count, since sample-time mode times every 2^k-th call): a 60-minute job of a random trade
 * at level 2 near a random branch, over the whole week (half of them) or over three days. The clock is
 * Monday 08:00 IST.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FreeSlotsBenchmark {
    private static final String[] TRADES = {"ac.service", "ac.repair", "ro", "electrical", "pest", "cctv"};
    private static final String[] TYPES = {"AC_SERVICE", "AC_REPAIR", "RO_SERVICE", "ELECTRICAL", "PEST_CONTROL", "CCTV_INSTALL"};

    @Param({"300"})
    public int technicians;

    private Schedule indexed;
    private Schedule naive;
    private SlotQuery[] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        ScaleWorld world = ScaleWorld.generate(42, technicians, 0, 10);
        LocalDate monday = ScaleWorld.DAY;
        TeamCalendar calendar = TeamCalendar.of(ScaleWorld.ZONE, WorkCalendar.weekly(
                new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(13, 0), Duration.ofMinutes(45)),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)));
        InstantSource clock = InstantSource.fixed(ScaleWorld.PLAN_AT);
        indexed = Schedule.builder().calendar(calendar).days(7).firstDay(monday).boards(Dispatcher.builder().clock(clock)).build();
        naive = Schedule.builder().calendar(calendar).days(7).firstDay(monday)
                .boards(Dispatcher.builder().clock(clock).candidateSearch(Dispatcher.CandidateSearch.EXHAUSTIVE)).build();
        List<Technician> profiles = world.technicians.stream().map(t -> t.withShift(null)).toList();
        indexed.putTechnicians(profiles);
        naive.putTechnicians(profiles);
        Random rnd = new Random(7);
        int visit = 0;
        for (LocalDate day : indexed.days()) {
            for (Technician t : indexed.day(day).technicians()) {
                if (t.shift() == null) {
                    continue;
                }
                List<Visit> visits = new ArrayList<>();
                Instant from = t.shift().start();
                int n = 4 + rnd.nextInt(4);
                for (int v = 0; v < n; v++) {
                    String trade = t.skills().keySet().iterator().next();
                    DispatchJob job = new DispatchJob(JobId.of("V" + (visit++)), t.branch(), RecommendBenchmark.near(t.startLocation(), rnd, 3_000),
                            "AC_SERVICE", List.of(SkillRequirement.of(trade, 2)), Set.of(), Priority.NORMAL,
                            new TimeWindow(from, from.plus(Duration.ofHours(2))), null, Duration.ofMinutes(40), null);
                    visits.add(Visit.planned(job, from));
                    from = from.plus(Duration.ofMinutes(75));
                }
                indexed.day(day).putRoute(new Route(t.id(), visits, 0));
                naive.day(day).putRoute(new Route(t.id(), visits, 0));
            }
        }
        queries = new SlotQuery[63];
        for (int q = 0; q < queries.length; q++) {
            Technician anchor = world.technicians.get(rnd.nextInt(world.technicians.size()));
            int trade = rnd.nextInt(TRADES.length);
            TimeWindow within = rnd.nextBoolean() ? null : new TimeWindow(
                    monday.plusDays(rnd.nextInt(4)).atStartOfDay(ScaleWorld.ZONE).toInstant(),
                    monday.plusDays(6).atStartOfDay(ScaleWorld.ZONE).toInstant());
            queries[q] = new SlotQuery(anchor.branch(), RecommendBenchmark.near(anchor.startLocation(), rnd, 3_000), TYPES[trade],
                    List.of(SkillRequirement.of(TRADES[trade], 2)), Set.of(), Duration.ofMinutes(60), within, 5);
        }
        int found = 0;
        for (SlotQuery q : queries) {
            List<FreeSlot> a = indexed.freeSlots(q);
            if (!a.equals(naive.freeSlots(q))) {
                throw new IllegalStateException("indexed and naive searches disagree on " + q);
            }
            found += a.size();
        }
        System.out.printf("%n[data] %d technicians, 7 days: %.1f slots per query on average%n", technicians,
                found / (double) queries.length);
    }

    private SlotQuery nextQuery() {
        next = next == queries.length - 1 ? 0 : next + 1;
        return queries[next];
    }

    @Benchmark
    public List<FreeSlot> freeSlots() {
        return indexed.freeSlots(nextQuery());
    }

    @Benchmark
    public List<FreeSlot> naiveScanAll() {
        return naive.freeSlots(nextQuery());
    }
}
