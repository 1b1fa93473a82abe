package io.github.geodispatch.leakage.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.GeofenceEvent;
import io.github.geodispatch.geofence.SiteVisit;
import io.github.geodispatch.geofence.SuspectVisitPolicy;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.leakage.LeakageMonitor;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Journal pings to site visits for the audit: each job's site becomes a circular SITE fence, pings go through
 * the geofence engine's {@link VisitTracker} (dwell, hysteresis, reordering, dedupe), and each visit it ends is
 * fed to the monitor, exactly as a live host wires a tracker listener to {@link LeakageMonitor#visit}. The
 * tracker's clock is the audit time, so historical pings are not "from the future". Not thread-safe.
 */
public final class PingVisits {
    /** How long the tracker holds pings to restore their order (its default). */
    private static final Duration REORDER_WINDOW = Duration.ofMinutes(2);
    private final LeakageMonitor monitor;
    private final FenceIndex fences = FenceIndex.builder().build();
    private final VisitTracker tracker;
    private long pings;
    private long rejected;

    public PingVisits(LeakageMonitor monitor, Instant asOf) {
        this.monitor = monitor;
        this.tracker = VisitTracker.builder(fences).clock(InstantSource.fixed(asOf)).reorderWindow(REORDER_WINDOW)
                .dwellThreshold(monitor.policy().ghostVisitMinimumStay())
                .listener(this::onEvent).build();
    }

    public void site(Site site) {
        FenceId id = FenceId.of(site.id().value());
        if (fences.fence(id).isEmpty()) {
            fences.add(new Fence(id, FenceKind.SITE, new FenceShape.Circle(site.location(), site.radiusMetres())));
        }
    }

    /** Drops the fence of {@code site} (its jobs were let go): pings there no longer make visits. */
    public void forget(SiteId site) {
        fences.remove(FenceId.of(site.value()));
    }

    /**
     * Lets go of the technicians with no ping since {@code before} and the reorder window after it (their held pings
     * are read and their open stays close, as at the end): afterwards every ping before {@code before} has been read,
     * so every visit it begins is known to the monitor before the jobs untouched since then are let go.
     */
    public void forgetIdle(Instant before) {
        tracker.forgetIdle(before.plus(REORDER_WINDOW));
    }

    public void ping(JournalRecord.Ping p) {
        pings++;
        long epochMillis = p.at().toEpochSecond() * 1000 + p.at().getNano() / 1_000_000;
        if (!tracker.accept(p.technician(), p.pingId(), epochMillis, p.lat(), p.lng(), p.accuracyMetres(), false)
                .accepted()) {
            rejected++;
        }
    }

    /** Ends the ping stream: open stays are closed and reported. */
    public void finish() {
        tracker.flush();
    }

    public long pings() {
        return pings;
    }

    public long rejected() {
        return rejected;
    }

    private void onEvent(GeofenceEvent event) {
        if (event instanceof GeofenceEvent.VisitStarted started && started.kind() == FenceKind.SITE) {
            monitor.visitStarted(started.technician(), SiteId.of(started.fence().value()), started.enteredAt());
        } else if (event instanceof GeofenceEvent.VisitEnded ended && ended.visit().kind() == FenceKind.SITE) {
            SiteVisit v = ended.visit();
            // the batch audit has no business policy: a visit from suspect pings counts, flagged
            monitor.suspectVisit(v.technician(), SiteId.of(v.fence().value()), v.enteredAt(), v.exitedAt(), v.signals(),
                    SuspectVisitPolicy.FLAG);
        }
    }
}
