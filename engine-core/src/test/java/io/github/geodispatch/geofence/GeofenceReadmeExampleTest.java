package io.github.geodispatch.geofence;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/** The geofence page's example ({@code docs/geofence.md}), compiled and run. */
class GeofenceReadmeExampleTest {
    @Test
    void readmeSnippetRuns() throws Exception {
        List<String> log = new ArrayList<>();
        Instant start = Instant.parse("2026-11-03T04:00:00Z");

        // example:begin
        FenceIndex fences = FenceIndex.builder().build();                 // H3 resolution 11 covers
        fences.add(Fence.of("BR-1", FenceKind.BRANCH, new FenceShape.Polygon(List.of(
                GeoPoint.of(12.9700, 77.6400), GeoPoint.of(12.9700, 77.6410), GeoPoint.of(12.9710, 77.6410),
                GeoPoint.of(12.9710, 77.6400), GeoPoint.of(12.9700, 77.6400)))));
        fences.add(Fence.of("S-77", FenceKind.SITE, new FenceShape.Circle(GeoPoint.of(12.9719, 77.6512), 60)));
        // or: GeoJsonFences.read(Path.of("fences.geojson"), GeoJsonFences.InvalidPolygons.REJECT).forEach(fences::add);

        VisitTracker tracker = VisitTracker.builder(fences)       // GeoDispatch.visits() wires one to the job record
                .listener(event -> {
                    if (event instanceof GeofenceEvent.VisitStarted s) {
                        log.add(s.technician() + " at " + s.fence() + " since " + s.enteredAt());
                    }
                })
                .build();

        TechnicianId ravi = TechnicianId.of("ravi");
        for (int i = 0; i < 60; i++) {                                        // 15 minutes at the site
            PingOutcome outcome = tracker.accept(new Ping("ravi-" + i, ravi, start.plusSeconds(15L * i),
                    GeoPoint.of(12.9719, 77.6512), 12.0));
            assert outcome.accepted();
        }
        tracker.accept(new Ping("ravi-60", ravi, start.plusSeconds(1800), GeoPoint.of(12.9705, 77.6405), 9.0));
        tracker.flush();                                                      // end of day: close open stays

        List<SiteVisit> atSite = tracker.visitLog().visits(ravi, FenceId.of("S-77"), start, start.plusSeconds(3600));
        List<DailyAttendance> days = DailyAttendance.summarize(tracker.visitLog().all(), ZoneId.of("Asia/Kolkata"));
        // example:end

        assertThat(atSite).singleElement().satisfies(v -> assertThat(v.dwell()).isEqualTo(Duration.ofSeconds(885)));
        assertThat(days).singleElement().satisfies(d -> assertThat(d.siteVisits()).isEqualTo(1));
        assertThat(log).containsExactly("ravi at S-77 since " + start);
    }
}
