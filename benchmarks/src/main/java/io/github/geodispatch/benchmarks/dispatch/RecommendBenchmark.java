package io.github.geodispatch.benchmarks.dispatch;

import com.uber.h3core.H3Core;
import io.github.geodispatch.dispatch.Certification;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Dispatcher;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
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

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code recommend(job)} over 500 / 5,000 / 50,000 technicians: the indexed search against the naive
 * baseline (every technician, every rule, every insertion re-timed from scratch) in the same run.
 *
 * <p>Data: one branch per 1,000 technicians, each branch a city 30 km across (50,000 technicians = 50
 * cities, as a company that size is); a technician covers 19 H3 resolution-7 cells (about 100 km²)
 * around a random base, holds 3-6 of 20 skills at levels 1-5 and 0-3 certifications, works 09:00-18:00
 * IST with a 45 min lunch, and has 6-10 visits today with 2 h windows. Jobs (63, cycled) need 1-2 skills
 * at level 1-3 (1 in 4 also a certification), in a 3 h afternoon window, 45 min of work. The clock is
 * 08:30 IST. Each operation is {@code recommend(job).best()}: the ranked candidates are computed, the
 * best one materialised; rejected technicians outside the job's area are counted, not explained.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecommendBenchmark {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 10);
    private static final int PER_BRANCH = 1000;
    private static final int RES = 7;

    @Param({"500", "5000", "50000"})
    public int technicians;

    private Dispatcher indexed;
    private Dispatcher exhaustive;
    private DispatchJob[] jobs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        H3Core h3 = H3Core.newInstance();
        Random rnd = new Random(42);
        int branches = Math.max(1, technicians / PER_BRANCH);
        GeoPoint[] centres = new GeoPoint[branches];
        for (int b = 0; b < branches; b++) {
            centres[b] = GeoPoint.of(10 + (b / 10) * 2.5, 73 + (b % 10) * 1.5);
        }
        String[] skills = new String[20];
        for (int i = 0; i < skills.length; i++) {
            skills[i] = "skill." + i;
        }
        String[] certs = {"refrigerant", "electrical", "height"};
        Instant now = DAY.atTime(LocalTime.of(8, 30)).atZone(IST).toInstant();
        Shift shift = Shift.on(DAY, IST, LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(13, 0), Duration.ofMinutes(45));
        List<Technician> techs = new ArrayList<>(technicians);
        List<Route> routes = new ArrayList<>(technicians);
        int job = 0;
        for (int i = 0; i < technicians; i++) {
            int b = i % branches;
            BranchId branch = BranchId.of("br" + b);
            GeoPoint base = near(centres[b], rnd, 15_000);
            Set<Long> cells = new HashSet<>(h3.gridDisk(h3.latLngToCell(base.lat(), base.lng(), RES), 2));
            Map<String, Integer> held = new HashMap<>();
            int k = 3 + rnd.nextInt(4);
            while (held.size() < k) {
                held.put(skills[rnd.nextInt(skills.length)], 1 + rnd.nextInt(5));
            }
            List<Certification> cs = new ArrayList<>();
            for (String c : certs) {
                if (rnd.nextBoolean()) {
                    cs.add(Certification.validThrough(c, DAY.plusDays(rnd.nextInt(400) - 20), IST));
                }
            }
            Technician t = new Technician(TechnicianId.of("t" + i), branch, held, cs, ServiceAreas.cells(RES, cells),
                    shift, 12, base, base, null);
            techs.add(t);
            List<Visit> visits = new ArrayList<>();
            int n = 6 + rnd.nextInt(5);
            Instant from = shift.start();
            for (int v = 0; v < n; v++) {
                DispatchJob dj = new DispatchJob(JobId.of("v" + (job++)), branch, near(base, rnd, 4_000), "AC_SERVICE",
                        List.of(), Set.of(), Priority.values()[1 + rnd.nextInt(3)],
                        new TimeWindow(from, from.plus(Duration.ofHours(2))), null, Duration.ofMinutes(20), null);
                visits.add(Visit.planned(dj, from));
                from = from.plus(Duration.ofMinutes(50));
            }
            routes.add(new Route(t.id(), visits, 0));
        }
        indexed = board(Dispatcher.CandidateSearch.INDEXED, now, techs, routes);
        exhaustive = board(Dispatcher.CandidateSearch.EXHAUSTIVE, now, techs, routes);
        jobs = new DispatchJob[63]; // odd: sample-time mode times every 2^k-th call, which must not keep to a few jobs
        Instant afternoon = DAY.atTime(LocalTime.of(14, 0)).atZone(IST).toInstant();
        for (int j = 0; j < jobs.length; j++) {
            int b = rnd.nextInt(branches);
            List<SkillRequirement> req = new ArrayList<>();
            req.add(SkillRequirement.of(skills[rnd.nextInt(skills.length)], 1 + rnd.nextInt(3)));
            if (rnd.nextBoolean()) {
                String s = skills[rnd.nextInt(skills.length)];
                if (!s.equals(req.get(0).skill())) {
                    req.add(SkillRequirement.of(s, 1 + rnd.nextInt(2)));
                }
            }
            jobs[j] = new DispatchJob(JobId.of("new" + j), BranchId.of("br" + b), near(centres[b], rnd, 12_000),
                    "AC_REPAIR", req, rnd.nextInt(4) == 0 ? Set.of(certs[rnd.nextInt(certs.length)]) : Set.of(),
                    Priority.NORMAL, new TimeWindow(afternoon, afternoon.plus(Duration.ofHours(3))),
                    afternoon.plus(Duration.ofHours(5)), Duration.ofMinutes(45), null);
        }
        int ranked = 0;
        int examined = 0;
        for (DispatchJob j : jobs) {
            var rec = indexed.recommend(j);
            ranked += rec.ranked().size();
            examined += rec.ranked().size() + rec.rejectedByPrimaryReason().entrySet().stream()
                    .filter(e -> e.getKey().ordinal() > 1).mapToInt(Map.Entry::getValue).sum();
        }
        System.out.printf("%n[data] %d technicians: per job on average %.1f examined in depth, %.1f ranked%n",
                technicians, examined / (double) jobs.length, ranked / (double) jobs.length);
    }

    private static Dispatcher board(Dispatcher.CandidateSearch search, Instant now, List<Technician> techs,
                                    List<Route> routes) {
        Dispatcher d = Dispatcher.builder().clock(InstantSource.fixed(now)).candidateSearch(search).build();
        d.putTechnicians(techs);
        routes.forEach(d::putRoute);
        return d;
    }

    /** A point up to {@code metres} north/south and east/west of {@code c}, uniformly. */
    static GeoPoint near(GeoPoint c, Random rnd, double metres) {
        double dLat = (rnd.nextDouble() - 0.5) * 2 * metres / 111_000;
        double dLng = (rnd.nextDouble() - 0.5) * 2 * metres / (111_000 * Math.cos(Math.toRadians(c.lat())));
        return GeoPoint.of(c.lat() + dLat, c.lng() + dLng);
    }

    private DispatchJob nextJob() {
        next = next == jobs.length - 1 ? 0 : next + 1;
        return jobs[next];
    }

    @Benchmark
    public Optional<?> indexed() {
        return indexed.recommend(nextJob()).best();
    }

    @Benchmark
    public Optional<?> naiveScanAll() {
        return exhaustive.recommend(nextJob()).best();
    }
}
