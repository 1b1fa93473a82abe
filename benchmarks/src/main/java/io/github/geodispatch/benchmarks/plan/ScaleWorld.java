package io.github.geodispatch.benchmarks.plan;

import io.github.geodispatch.dispatch.DispatchJob;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A Bengaluru service business's morning, generated from a seed: up to ten branches, technicians of six
 * trades (skill levels 2-3, 10-hour shifts with a 45-minute lunch, at most 16 jobs), and jobs booked for the
 * day near their branch with a 2-3 hour window and an SLA, every one of them waiting for the 08:00 plan.
 * The same seed and sizes always give the same morning. Immutable.
 */
public final class ScaleWorld {
    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    public static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    public static final Instant PLAN_AT = DAY.atTime(8, 0).atZone(ZONE).toInstant();

    private record Branch(BranchId id, GeoPoint location) {}

    private record Kind(String type, String skill, int minutes, int share) {}

    private static final List<Branch> BRANCHES = List.of(
            new Branch(BranchId.of("BLR-KOR"), GeoPoint.of(12.9352, 77.6245)),
            new Branch(BranchId.of("BLR-WFD"), GeoPoint.of(12.9698, 77.7500)),
            new Branch(BranchId.of("BLR-HBL"), GeoPoint.of(13.0358, 77.5970)),
            new Branch(BranchId.of("BLR-JAY"), GeoPoint.of(12.9250, 77.5938)),
            new Branch(BranchId.of("BLR-IND"), GeoPoint.of(12.9784, 77.6408)),
            new Branch(BranchId.of("BLR-MAL"), GeoPoint.of(13.0035, 77.5710)),
            new Branch(BranchId.of("BLR-ECY"), GeoPoint.of(12.8452, 77.6602)),
            new Branch(BranchId.of("BLR-YLK"), GeoPoint.of(13.1007, 77.5963)),
            new Branch(BranchId.of("BLR-MTH"), GeoPoint.of(12.9591, 77.6974)),
            new Branch(BranchId.of("BLR-BSK"), GeoPoint.of(12.9255, 77.5468)));

    private static final List<Kind> KINDS = List.of(
            new Kind("AC_SERVICE", "ac.service", 45, 35), new Kind("AC_REPAIR", "ac.repair", 75, 20),
            new Kind("RO_SERVICE", "ro", 40, 20), new Kind("ELECTRICAL", "electrical", 60, 10),
            new Kind("PEST_CONTROL", "pest", 60, 8), new Kind("CCTV_INSTALL", "cctv", 90, 7));

    private static final String[][] TRADES = {{"ac.service", "ac.repair"}, {"ac.service", "ro"}, {"ac.service", "ac.repair"},
            {"ro", "electrical"}, {"pest"}, {"ac.service", "ac.repair"}, {"cctv", "electrical"}, {"ac.service", "ro"},
            {"electrical", "ac.service"}, {"ro", "pest"}};

    public final List<Technician> technicians;
    public final List<DispatchJob> jobs;
    public final int branches;

    private ScaleWorld(List<Technician> technicians, List<DispatchJob> jobs, int branches) {
        this.technicians = List.copyOf(technicians);
        this.jobs = List.copyOf(jobs);
        this.branches = branches;
    }

    /** {@code technicians} technicians in {@code branches} branches (1-10) and {@code jobs} jobs booked for the day. */
    public static ScaleWorld generate(long seed, int technicians, int jobs, int branches) {
        if (branches < 1 || branches > BRANCHES.size()) {
            throw new IllegalArgumentException("branches must be 1-" + BRANCHES.size() + ", was " + branches);
        }
        Random rnd = new Random(seed);
        List<Technician> team = new ArrayList<>();
        for (int i = 0; i < technicians; i++) {
            Branch b = BRANCHES.get(i % branches);
            Map<String, Integer> skills = new LinkedHashMap<>();
            for (String s : TRADES[(i / branches) % TRADES.length]) {
                skills.put(s, 2 + rnd.nextInt(2));
            }
            LocalTime start = i % 5 == 4 ? LocalTime.of(10, 0) : LocalTime.of(8, 30);
            Shift shift = Shift.on(DAY, ZONE, start, start.plusHours(10), start.plusHours(5), Duration.ofMinutes(45));
            team.add(new Technician(TechnicianId.of(String.format("T-%04d", i + 1)), b.id(), skills, List.of(),
                    ServiceAreas.anywhere(), shift, 16, b.location(), b.location(), null));
        }
        List<DispatchJob> booked = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            Branch b = BRANCHES.get(rnd.nextInt(branches));
            Kind kind = kind(rnd);
            double km = Math.abs(rnd.nextGaussian()) * 2.2 + 0.3;
            double bearing = rnd.nextDouble() * 2 * Math.PI;
            GeoPoint where = offset(b.location(), km * Math.cos(bearing), km * Math.sin(bearing));
            int p = rnd.nextInt(100);
            Priority priority = p < 10 ? Priority.LOW : p < 80 ? Priority.NORMAL : Priority.HIGH;
            Instant from = DAY.atTime(LocalTime.of(9, 0).plusMinutes(30L * rnd.nextInt(14))).atZone(ZONE).toInstant();
            TimeWindow window = new TimeWindow(from, from.plus(Duration.ofHours(priority == Priority.HIGH ? 2 : 3)));
            Instant sla = switch (priority) {
                case HIGH -> window.to();
                case NORMAL -> window.to().plus(Duration.ofHours(2));
                default -> null;
            };
            booked.add(new DispatchJob(JobId.of(String.format("J-%05d", i + 1)), b.id(), where, kind.type(),
                    List.of(SkillRequirement.of(kind.skill(), 2)), Set.of(), priority, window, sla,
                    Duration.ofMinutes(kind.minutes()), null));
        }
        return new ScaleWorld(team, booked, branches);
    }

    private static Kind kind(Random rnd) {
        int r = rnd.nextInt(100);
        int acc = 0;
        for (Kind k : KINDS) {
            acc += k.share();
            if (r < acc) {
                return k;
            }
        }
        return KINDS.get(0);
    }

    private static GeoPoint offset(GeoPoint p, double northKm, double eastKm) {
        return GeoPoint.of(p.lat() + northKm / 111.32, p.lng() + eastKm / (111.32 * Math.cos(Math.toRadians(p.lat()))));
    }
}
