package io.github.geodispatch.geofence;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static io.github.geodispatch.geofence.TrackerFixture.T0;
import static io.github.geodispatch.geofence.TrackerFixture.TECH;
import static io.github.geodispatch.geofence.TrackerFixture.east;
import static org.assertj.core.api.Assertions.assertThat;

/** Pings that only extend an ongoing stay (no visit starts or ends, nothing is rejected) allocate nothing. */
class SteadyPingAllocationTest {
    @Test
    void pingsInsideAnOngoingVisitAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TrackerFixture f = new TrackerFixture();
        int n = 20_000;
        String[] ids = new String[n];
        double[] lat = new double[n], lng = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "s" + i;
            ids[i].hashCode(); // as a parsed id would have it cached after the first use
            var p = east((i * 37 % 100) - 50.0); // jitter across the site's cells, always inside the 100 m fence
            lat[i] = p.lat();
            lng[i] = p.lng();
        }
        long start = T0.toEpochMilli();
        int warm = n / 2;
        for (int i = 0; i < warm; i++) { // the visit starts here; buffers reach their steady size
            f.tracker.accept(TECH, ids[i], start + i * 15_000L, lat[i], lng[i], 10, false);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = warm; i < n; i++) {
            f.tracker.accept(TECH, ids[i], start + i * 15_000L, lat[i], lng[i], 10, false);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        System.out.println("steady pings allocated " + allocated + " bytes for " + (n - warm) + " pings");
        assertThat(f.events).filteredOn(GeofenceEvent.VisitStarted.class::isInstance).hasSize(1);
        assertThat(allocated).as("bytes allocated by %d steady pings", n - warm).isLessThan(256);
    }

    @Test
    void rejectedPingsAreNotRememberedSoABacklogOrAClockAheadCostsNoMemory() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        FenceIndex index = FenceIndex.builder().build();
        VisitTracker tracker = VisitTracker.builder(index).clock(TrackerFixture.CLOCK).build(); // no listeners: no events
        TechnicianFeed feed = tracker.feed(TECH);
        long start = T0.toEpochMilli();
        for (int i = 0; i < 100; i++) { // ten minutes of evidence: the reorder window has released most of it
            feed.accept("w" + i, start + i * 6_000L, 12.97, 77.59, 10, false);
        }
        int n = 20_000;
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "r" + i;
        }
        long future = TrackerFixture.CLOCK.millis() + 86_400_000L;
        int asExpected = 0;
        // the first half warms both rejection paths (a path's first run may allocate once, e.g. linking a call
        // site); memory that grows with the backlog shows in the second half
        int warm = n / 2;
        long before = 0;
        for (int i = 0; i < n; i++) {
            if (i == warm) {
                before = mx.getCurrentThreadAllocatedBytes();
            }
            boolean ahead = i % 2 == 0;
            PingOutcome outcome = feed.accept(ids[i], ahead ? future + i : start - 3_600_000L + i, 12.97, 77.59, 10, false);
            if (outcome == (ahead ? PingOutcome.REJECTED_CLOCK_SKEW : PingOutcome.REJECTED_TOO_LATE)) {
                asExpected++;
            }
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(asExpected).isEqualTo(n);
        assertThat(allocated).as("bytes allocated by %d rejected pings", n - warm).isLessThan(256);
    }
}
