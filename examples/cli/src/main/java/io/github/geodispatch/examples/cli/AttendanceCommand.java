package io.github.geodispatch.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geodispatch.geofence.DailyAttendance;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.GeoJsonFences;
import io.github.geodispatch.geofence.GeofenceEvent;
import io.github.geodispatch.geofence.PingCsv;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.SiteVisit;
import io.github.geodispatch.geofence.VisitTracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code geodispatch attendance}: fences (GeoJSON) + pings (CSV, arrival order) to site and branch
 * visits (JSON lines) and a printed attendance summary per technician. Malformed ping rows are reported
 * with their line numbers and skipped; exit code 0 when all rows were read, 1 when some were skipped,
 * 2 on unusable input (missing file, bad GeoJSON, bad header).
 */
@Command(name = "attendance", mixinStandardHelpOptions = true,
        description = "Detect site visits and branch attendance from GPS pings.")
public final class AttendanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--fences", required = true, paramLabel = "FENCES.geojson",
            description = "GeoJSON FeatureCollection; properties.id, properties.kind (site|branch|area), Point + properties.radius_m = circle.")
    Path fences;

    @Option(names = "--pings", required = true, paramLabel = "PINGS.csv",
            description = "CSV with header ping_id,technician_id,timestamp,lat,lng,accuracy_m (ISO-8601 with offset), in arrival order.")
    Path pings;

    @Option(names = "--out", required = true, paramLabel = "visits.jsonl", description = "Where to write one visit per line.")
    Path out;

    @Option(names = "--repair", description = "Repair invalid polygons (JTS GeometryFixer) instead of rejecting the file.")
    boolean repair;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone for days and printed times (default: the first ping's offset).")
    ZoneId zone;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        FenceIndex index = FenceIndex.builder().build();
        GeoJsonFences.read(fences, repair ? GeoJsonFences.InvalidPolygons.REPAIR : GeoJsonFences.InvalidPolygons.REJECT)
                .forEach(index::add);

        Map<PingOutcome, Integer> outcomes = new EnumMap<>(PingOutcome.class);
        Map<String, Integer> spoofs = new java.util.TreeMap<>();
        VisitTracker tracker = VisitTracker.builder(index)
                .listener(e -> {
                    if (e instanceof GeofenceEvent.SpoofSuspected s) {
                        spoofs.merge(s.technician() + " " + s.signal(), 1, Integer::sum);
                    }
                })
                .build();
        PingCsv.Result read;
        try (BufferedReader in = Files.newBufferedReader(pings)) {
            read = PingCsv.read(in, p -> outcomes.merge(tracker.accept(p), 1, Integer::sum));
        }
        tracker.flush();
        ZoneId shownZone = zone != null ? zone : firstOffsetOf(pings);

        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        ObjectMapper mapper = new ObjectMapper();
        List<SiteVisit> visits = tracker.visitLog().all();
        int written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            for (SiteVisit v : visits) {
                if (v.kind() == FenceKind.SERVICE_AREA) {
                    continue;
                }
                ObjectNode o = mapper.createObjectNode();
                o.put("technician_id", v.technician().value());
                o.put("fence_id", v.fence().value());
                o.put("kind", v.kind().geoJsonName());
                o.put("entered_at", iso.format(v.enteredAt().atZone(shownZone)));
                o.put("exited_at", iso.format(v.exitedAt().atZone(shownZone)));
                o.put("dwell_s", v.dwell().toSeconds());
                w.write(mapper.writeValueAsString(o));
                w.newLine();
                written++;
            }
        }

        for (PingCsv.Problem p : read.problems()) {
            stderr.println("attendance: " + pings + " " + p);
        }
        stdout.printf("pings: %d rows read, %d malformed; accepted %d, duplicate %d, rejected: accuracy %d, clock skew %d, too late %d%n",
                read.rows(), read.problems().size(), count(outcomes, PingOutcome.ACCEPTED), count(outcomes, PingOutcome.DUPLICATE),
                count(outcomes, PingOutcome.REJECTED_ACCURACY), count(outcomes, PingOutcome.REJECTED_CLOCK_SKEW),
                count(outcomes, PingOutcome.REJECTED_TOO_LATE));
        stdout.printf("visits: %d written to %s%n", written, out);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        stdout.printf("%-12s %-10s %-9s %-9s %6s %9s %9s %11s%n", "technician", "date", "check-in", "check-out",
                "sites", "on-site", "branch", "travelling");
        for (DailyAttendance a : DailyAttendance.summarize(visits, shownZone)) {
            stdout.printf("%-12s %-10s %-9s %-9s %6d %9s %9s %11s%n", a.technician(), a.date(),
                    a.checkIn().map(i -> hm.format(i.atZone(shownZone))).orElse("-"),
                    a.checkOut().map(i -> hm.format(i.atZone(shownZone))).orElse("-"), a.siteVisits(),
                    hours(a.onSites()), hours(a.atBranch()), hours(a.travelling()));
        }
        spoofs.forEach((k, n) -> stdout.printf("spoof signal: %s x%d%n", k, n));
        return read.problems().isEmpty() ? 0 : 1;
    }

    private static ZoneId firstOffsetOf(Path pings) throws java.io.IOException {
        try (BufferedReader in = Files.newBufferedReader(pings)) {
            AtomicReference<ZoneId> first = new AtomicReference<>();
            String header = in.readLine();
            String line = in.readLine();
            if (header != null && line != null) {
                int col = List.of(header.split(",", -1)).indexOf("timestamp");
                String[] f = line.split(",", -1);
                if (col >= 0 && col < f.length) {
                    try {
                        first.set(java.time.OffsetDateTime.parse(f[col].strip()).getOffset());
                    } catch (java.time.format.DateTimeParseException e) {
                        first.set(ZoneOffset.UTC);
                    }
                }
            }
            return first.get() != null ? first.get() : ZoneOffset.UTC;
        }
    }

    private static int count(Map<PingOutcome, Integer> m, PingOutcome o) {
        return m.getOrDefault(o, 0);
    }

    private static String hours(Duration d) {
        return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
    }
}
