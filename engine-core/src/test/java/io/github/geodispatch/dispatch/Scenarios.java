package io.github.geodispatch.dispatch;

import com.uber.h3core.H3Core;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TimeWindow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random but reproducible dispatch days in a 6 km square of Bengaluru, for properties and unit tests. */
final class Scenarios {
    static final Instant DAY = Instant.parse("2025-03-10T03:30:00Z"); // 09:00 IST
    static final GeoPoint CENTRE = GeoPoint.of(12.9716, 77.5946);
    static final String[] SKILLS = {"ac.service", "ac.install", "ro.service"};
    static final String[] CERTS = {"refrigerant", "electrical"};
    static final BranchId[] BRANCHES = {BranchId.of("blr-north"), BranchId.of("blr-south")};
    static final int RES = 7;
    static final H3Core H3;

    static {
        try {
            H3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fence lookup for tests: fence "zone-east" covers everything east of the centre. */
    static final ServiceAreaFences FENCES = p -> p.lng() > CENTRE.lng() ? Set.of("zone-east") : Set.of();

    final Random rnd;
    final Instant now;
    final List<Technician> technicians = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    private int jobSeq;

    Scenarios(long seed, int technicians, int maxVisits) {
        rnd = new Random(seed);
        now = DAY.plusSeconds(rnd.nextInt(4 * 3600));
        for (int i = 0; i < technicians; i++) {
            Technician t = technician("T" + i);
            this.technicians.add(t);
            routes.add(route(t, rnd.nextInt(maxVisits + 1)));
        }
    }

    GeoPoint point() {
        return GeoPoint.of(CENTRE.lat() + (rnd.nextDouble() - 0.5) * 0.06, CENTRE.lng() + (rnd.nextDouble() - 0.5) * 0.06);
    }

    Technician technician(String id) {
        Map<String, Integer> skills = new HashMap<>();
        for (String s : SKILLS) {
            if (rnd.nextInt(3) > 0) {
                skills.put(s, 1 + rnd.nextInt(5));
            }
        }
        List<Certification> certs = new ArrayList<>();
        for (String c : CERTS) {
            if (rnd.nextInt(3) > 0) {
                certs.add(new Certification(c, DAY.plusSeconds(rnd.nextInt(12 * 3600) - 3600)));
            }
        }
        ServiceAreas areas = switch (rnd.nextInt(4)) {
            case 0 -> ServiceAreas.anywhere();
            case 1 -> ServiceAreas.fences(Set.of("zone-east"));
            default -> {
                Set<Long> cells = new HashSet<>();
                GeoPoint base = point();
                cells.addAll(H3.gridDisk(H3.latLngToCell(base.lat(), base.lng(), RES), rnd.nextInt(2)));
                yield ServiceAreas.cells(RES, cells);
            }
        };
        Shift shift = null;
        if (rnd.nextInt(8) > 0) {
            Instant start = DAY.plusSeconds(rnd.nextInt(3) * 3600L - 3600);
            Instant end = start.plusSeconds(6 * 3600 + rnd.nextInt(4) * 3600L);
            TimeWindow lunch = rnd.nextBoolean() ? null
                    : new TimeWindow(start.plusSeconds(4 * 3600), start.plusSeconds(4 * 3600 + 45 * 60));
            shift = new Shift(start, end, lunch);
        }
        LiveLocation live = rnd.nextBoolean() ? new LiveLocation(point(), now.minusSeconds(60)) : null;
        return new Technician(TechnicianId.of(id), BRANCHES[rnd.nextInt(BRANCHES.length)], skills, certs, areas, shift,
                2 + rnd.nextInt(9), point(), point(), live);
    }

    Route route(Technician t, int visits) {
        List<Visit> list = new ArrayList<>();
        Instant eta = now.minusSeconds(20 * 60);
        for (int i = 0; i < visits; i++) {
            DispatchJob job = job(t.branch());
            boolean started = i == 0 && rnd.nextInt(4) == 0;
            boolean pinned = started || rnd.nextInt(5) == 0;
            list.add(new Visit(job, eta, pinned, started));
            eta = eta.plusSeconds(3600);
        }
        return new Route(t.id(), list, rnd.nextInt(3));
    }

    DispatchJob job(BranchId branch) {
        List<SkillRequirement> req = new ArrayList<>();
        for (String s : SKILLS) {
            if (rnd.nextInt(3) == 0) {
                req.add(SkillRequirement.of(s, 1 + rnd.nextInt(4)));
            }
        }
        Set<String> certs = rnd.nextInt(4) == 0 ? Set.of(CERTS[rnd.nextInt(CERTS.length)]) : Set.of();
        TimeWindow window = null;
        if (rnd.nextInt(4) > 0) {
            Instant from = DAY.plusSeconds(rnd.nextInt(9) * 3600L);
            window = new TimeWindow(from, from.plusSeconds((1 + rnd.nextInt(4)) * 3600L));
        }
        Instant sla = rnd.nextBoolean() ? DAY.plusSeconds(rnd.nextInt(12 * 3600)) : null;
        Priority priority = Priority.values()[rnd.nextInt(Priority.values().length)];
        TechnicianId preferred = rnd.nextInt(3) == 0 ? TechnicianId.of("T" + rnd.nextInt(8)) : null;
        return new DispatchJob(JobId.of("J" + (jobSeq++)), branch, point(), "AC_SERVICE", req, certs, priority, window,
                sla, Duration.ofMinutes(20 + rnd.nextInt(100)), preferred);
    }

    DispatchJob job() {
        return job(BRANCHES[rnd.nextInt(BRANCHES.length)]);
    }
}
