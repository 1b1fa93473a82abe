package io.github.geodispatch.internal;

import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.TechnicianFeed;
import io.github.geodispatch.messaging.LiveEta;
import io.github.geodispatch.spi.TechnicianId;

/** A technician's feed whose accepted pings also reach the live ETA. Thread-safe as its parts are. */
final class EtaFeed implements TechnicianFeed {
    private final TechnicianFeed feed;
    private final LiveEta.Sink eta;

    EtaFeed(TechnicianFeed feed, LiveEta.Sink eta) {
        this.feed = feed;
        this.eta = eta;
    }

    @Override
    public TechnicianId technician() {
        return feed.technician();
    }

    @Override
    public PingOutcome accept(String pingId, long atEpochMillis, double lat, double lng, double accuracyM,
                              boolean mockLocation) {
        PingOutcome outcome = feed.accept(pingId, atEpochMillis, lat, lng, accuracyM, mockLocation);
        if (outcome.accepted()) {
            eta.position(atEpochMillis, lat, lng);
        }
        return outcome;
    }
}
