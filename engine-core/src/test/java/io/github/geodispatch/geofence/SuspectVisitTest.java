package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.GeoPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.github.geodispatch.geofence.TrackerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visit carries the spoof signals its pings raised: the hostile input of issue 17 (21 pings at identical
 * coordinates made a clean visit) now makes a visit flagged REPEATED_COORDINATES, and attendance counts it as the
 * business's policy says.
 */
class SuspectVisitTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    /** Pings every 30 s inside the site, moving in their last digits as real fixes do. */
    private static List<Ping> jittered(TrackerFixture f, long fromS, int count) {
        List<Ping> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(f.ping(fromS + 30L * i, GeoPoint.of(SITE.lat() + (i % 3) * 1e-6, SITE.lng())));
        }
        return out;
    }

    @Test
    void twentyOnePingsAtIdenticalCoordinatesMakeAFlaggedVisit() {
        TrackerFixture f = new TrackerFixture();
        List<Ping> pings = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            pings.add(f.ping(30L * i, SITE));
        }

        List<SiteVisit> visits = f.run(pings);

        assertThat(visits).singleElement().satisfies(v -> {
            assertThat(v.signals()).containsExactly(SpoofSignal.REPEATED_COORDINATES);
            assertThat(v.suspect()).isTrue();
        });
        assertThat(f.events).filteredOn(GeofenceEvent.VisitStarted.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((GeofenceEvent.VisitStarted) e).signals())
                        .as("raised at the fifth ping, before the visit was confirmed")
                        .containsExactly(SpoofSignal.REPEATED_COORDINATES));
    }

    @Test
    void pingsThatMoveLikeRealFixesMakeACleanVisit() {
        TrackerFixture f = new TrackerFixture();

        assertThat(f.run(jittered(f, 0, 21))).singleElement().satisfies(v -> assertThat(v.signals()).isEmpty());
    }

    @Test
    void aJumpIntoTheSiteFlagsTheVisitItOpensButAJumpOutDoesNotFlagTheVisitItLeaves() {
        TrackerFixture f = new TrackerFixture();
        List<Ping> pings = new ArrayList<>();
        pings.add(f.ping(0, GeoPoint.of(13.5, 78.0)));      // ~80 km away ...
        pings.addAll(jittered(f, 20, 21));                   // ... 20 s later at the site: impossible
        pings.add(f.ping(700, GeoPoint.of(13.5, 78.0)));     // and out again just as fast
        pings.add(f.ping(710, GeoPoint.of(13.5001, 78.0)));
        pings.add(f.ping(720, GeoPoint.of(13.5002, 78.0)));
        pings.addAll(jittered(f, 2_000, 21));                // a second visit, reached at a plausible speed
        pings.add(f.ping(2_700, GeoPoint.of(13.5, 78.0)));   // left by a jump: not this visit's fault
        pings.add(f.ping(2_710, GeoPoint.of(13.5001, 78.0)));
        pings.add(f.ping(2_720, GeoPoint.of(13.5002, 78.0)));

        List<SiteVisit> visits = f.run(pings);

        assertThat(visits).extracting(SiteVisit::signals)
                .containsExactly(Set.of(SpoofSignal.IMPOSSIBLE_SPEED), Set.of());
    }

    @Test
    void aMockLocationDuringAStayFlagsIt() {
        TrackerFixture f = new TrackerFixture();
        List<Ping> pings = new ArrayList<>(jittered(f, 0, 11));
        pings.add(new Ping("mock", TECH, T0.plusSeconds(335), SITE, 5, true));
        pings.addAll(jittered(f, 350, 10));

        assertThat(f.run(pings)).singleElement()
                .satisfies(v -> assertThat(v.signals()).containsExactly(SpoofSignal.MOCK_LOCATION));
    }

    @Test
    void attendanceCountsSuspectVisitsFlaggedOrRefused() {
        SiteVisit clean = SiteVisit.of(TECH, FenceId.of("S-1"), FenceKind.SITE, T0, T0.plusSeconds(1_800), 1.0);
        SiteVisit suspect = SiteVisit.of(TECH, FenceId.of("S-2"), FenceKind.SITE, T0.plusSeconds(3_600),
                T0.plusSeconds(7_200), 1.0, Set.of(SpoofSignal.REPEATED_COORDINATES));
        LocalDate day = LocalDate.ofInstant(T0, IST);

        DailyAttendance flagged = DailyAttendance.summarize(List.of(clean, suspect), IST).get(0);
        DailyAttendance refused = DailyAttendance.summarize(List.of(clean, suspect), IST, SuspectVisitPolicy.REFUSE).get(0);
        DailyAttendance onlyRefused = DailyAttendance.summarize(List.of(suspect), IST, SuspectVisitPolicy.REFUSE).get(0);

        assertThat(flagged.date()).isEqualTo(day);
        assertThat(flagged.siteVisits()).isEqualTo(2);
        assertThat(flagged.onSites()).isEqualTo(Duration.ofMinutes(90));
        assertThat(flagged.suspectVisits()).isEqualTo(1);
        assertThat(flagged.signals()).containsExactly(SpoofSignal.REPEATED_COORDINATES);
        assertThat(refused.siteVisits()).isEqualTo(1);
        assertThat(refused.onSites()).isEqualTo(Duration.ofMinutes(30));
        assertThat(refused.suspectVisits()).isEqualTo(1);
        assertThat(onlyRefused.siteVisits()).isZero();
        assertThat(onlyRefused.onSites()).isZero();
        assertThat(onlyRefused.suspectVisits()).isEqualTo(1);
    }
}
