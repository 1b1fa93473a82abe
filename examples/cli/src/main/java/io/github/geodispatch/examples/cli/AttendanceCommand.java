package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.OutputFiles;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code geodispatch attendance}: fences (GeoJSON) + pings (CSV, arrival order) to site and branch
 * visits (JSON lines, written atomically) and a printed attendance summary per technician. Malformed ping rows
 * are reported with their line numbers and skipped; exit code 0 when all rows were read and no spoof signal was
 * raised, 1 when some rows were skipped or a spoof signal was raised, 2 on unusable input (missing file, bad
 * GeoJSON, bad header, no ping rows, or more than {@value InputCheck#MAX_REJECTED_PERCENT}% of them rejected).
 */
@Command(name = "attendance", mixinStandardHelpOptions = true,
        description = "Detect site visits and branch attendance from GPS pings.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done: every ping row read, no spoof signal",
                "1:done, with ping rows rejected (listed on standard error) or spoof signals (printed)",
                ExitCodes.BAD_INPUT_LINE + "; also a pings file with no rows, or with more than "
                        + InputCheck.MAX_REJECTED_PERCENT + "%% of its rows rejected",
                ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "attendance \\",
                HelpFooter.MORE + "--fences examples/data/attendance/fences.geojson \\",
                HelpFooter.MORE + "--pings examples/data/attendance/pings.csv --out visits.jsonl"})
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
    String zone;

    @Override
    public Integer call() throws Exception {
        OutputFiles.requireNotAnInput("--out", out, "the pings file", pings);
        OutputFiles.requireNotAnInput("--out", out, "the fences file", fences);
        ZoneId chosenZone = zone == null ? null : TimeOptions.zone(zone);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        FenceIndex index = FenceIndex.builder().build();
        GeoJsonFences.read(fences, repair ? GeoJsonFences.InvalidPolygons.REPAIR : GeoJsonFences.InvalidPolygons.REJECT)
                .forEach(index::add);

        Map<PingOutcome, Integer> outcomes = new EnumMap<>(PingOutcome.class);
        Map<String, Integer> spoofs = new java.util.TreeMap<>();
        // every visit as it ends: the tracker's log keeps only the weeks before each technician's newest visit
        List<SiteVisit> visits = new ArrayList<>();
        VisitTracker tracker = VisitTracker.builder(index)
                .listener(e -> {
                    if (e instanceof GeofenceEvent.SpoofSuspected s) {
                        spoofs.merge(s.technician() + " " + s.signal(), 1, Integer::sum);
                    } else if (e instanceof GeofenceEvent.VisitEnded ended) {
                        visits.add(ended.visit());
                    }
                })
                .build();
        PingCsv.Result read;
        try (InputStream in = Files.newInputStream(pings)) {
            read = PingCsv.read(in, p -> outcomes.merge(tracker.accept(p), 1, Integer::sum));
        }
        InputCheck.requireUsable(pings, "ping rows", read.rows(), read.rejected(),
                read.problems().isEmpty() ? null : read.problems().get(0));
        tracker.flush();
        ZoneId shownZone = chosenZone != null ? chosenZone : firstOffsetOf(pings);

        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        ObjectMapper mapper = new ObjectMapper();
        visits.sort(SiteVisit.ORDER);
        int[] written = {0};
        OutputFiles.write(out, w -> {
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
                w.write('\n');
                written[0]++;
            }
        });

        InputCheck.print(stderr, "attendance: " + pings + " ", read.problems(), read.rejected());
        stdout.printf("pings: %d rows read, %d malformed; accepted %d, duplicate %d;%n"
                        + "       rejected: accuracy %d, clock skew %d, too late %d%n",
                read.rows(), read.rejected(), count(outcomes, PingOutcome.ACCEPTED), count(outcomes, PingOutcome.DUPLICATE),
                count(outcomes, PingOutcome.REJECTED_ACCURACY), count(outcomes, PingOutcome.REJECTED_CLOCK_SKEW),
                count(outcomes, PingOutcome.REJECTED_TOO_LATE));
        stdout.printf("visits: %d written to %s%n", written[0], out);
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
        return read.rejected() == 0 && spoofs.isEmpty() ? ExitCodes.DONE : ExitCodes.DONE_WITH_FINDINGS;
    }

    /** The offset of the first row's timestamp that parses (UTC when none does), from the file's first 64 KiB. */
    private static ZoneId firstOffsetOf(Path pings) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(pings)) {
            head = in.readNBytes(1 << 16);
        }
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n");
        int column = List.of(lines[0].replace("\u00EF\u00BB\u00BF", "").split(",", -1)).indexOf("timestamp");
        for (int i = 1; i < lines.length && column >= 0; i++) {
            String[] fields = lines[i].split(",", -1);
            if (column < fields.length) {
                try {
                    return OffsetDateTime.parse(fields[column].strip()).getOffset();
                } catch (DateTimeParseException e) {
                    // a malformed row, reported by the reader; try the next
                }
            }
        }
        return ZoneOffset.UTC;
    }

    private static int count(Map<PingOutcome, Integer> m, PingOutcome o) {
        return m.getOrDefault(o, 0);
    }

    private static String hours(Duration d) {
        return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
    }
}
