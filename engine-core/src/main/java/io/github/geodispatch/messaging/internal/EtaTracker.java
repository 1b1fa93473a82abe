package io.github.geodispatch.messaging.internal;

import io.github.geodispatch.messaging.LiveEta;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TravelTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each technician's last position and, while they are on the way to a job, that trip's ETA. A position costs a map
 * lookup (none through a {@link Sink}), one uncontended lock and a few field writes; only when the technician is on
 * a trip and the recompute interval has passed is the travel-time port asked, and only when the ETA moved by more than
 * the threshold (or is first known) is the {@link Announcer} called, after the lock is released. Thread-safe.
 */
final class EtaTracker implements LiveEta {

    /** Told when a trip's ETA moved by more than the threshold, or became known. */
    interface Announcer {
        void etaMoved(Trip trip, Instant eta);
    }

    /** One technician's trip to a job's site; {@code key} names it (the id of the job's EN_ROUTE event). */
    record Trip(TechnicianId technician, JobId job, String key, GeoPoint site) {}

    /** A position and when it was reported. */
    record Position(GeoPoint point, Instant at) {}

    /** A position older than this when a trip starts says nothing about the trip. */
    private static final long STALE_MILLIS = Duration.ofMinutes(15).toMillis();

    private final ConcurrentHashMap<TechnicianId, Slot> slots = new ConcurrentHashMap<>();
    private final TravelTimes travel;
    private final long recomputeMillis;
    private final long thresholdMillis;
    private final Announcer announcer;

    EtaTracker(TravelTimes travel, Duration recompute, Duration threshold, Announcer announcer) {
        this.travel = travel;
        this.recomputeMillis = recompute.toMillis();
        this.thresholdMillis = threshold.toMillis();
        this.announcer = announcer;
    }

    @Override
    public void position(TechnicianId technician, long atEpochMillis, double lat, double lng) {
        slot(Objects.requireNonNull(technician, "technician")).position(atEpochMillis, lat, lng);
    }

    @Override
    public Sink sink(TechnicianId technician) {
        return slot(Objects.requireNonNull(technician, "technician"));
    }

    private Slot slot(TechnicianId technician) {
        Slot slot = slots.get(technician);
        return slot != null ? slot : slots.computeIfAbsent(technician, Slot::new);
    }

    /**
     * {@code trip}'s technician set off at {@code now}: later positions keep its ETA; returns the ETA from their last
     * position, or empty when none is known (the ETA announced first becomes the one later ones are compared with).
     */
    Optional<Instant> start(Trip trip, Instant now) {
        return slot(trip.technician()).start(trip, now.toEpochMilli());
    }

    /** The technician's trip to {@code job} ended (arrived, taken off, cancelled, ...); nothing when not on it. */
    void end(TechnicianId technician, JobId job) {
        Slot slot = slots.get(technician);
        if (slot != null) {
            slot.end(job);
        }
    }

    /** The technician's last position. */
    Optional<Position> position(TechnicianId technician) {
        Slot slot = slots.get(technician);
        return slot == null ? Optional.empty() : slot.position();
    }

    /** The latest ETA of the technician's trip to {@code job}, when on it and known. */
    Optional<Instant> expectedArrival(TechnicianId technician, JobId job) {
        Slot slot = slots.get(technician);
        return slot == null ? Optional.empty() : slot.eta(job);
    }

    /** One technician: position, trip, ETA. Guarded by its own monitor. */
    final class Slot implements Sink {
        private final TechnicianId technician;
        private long at = Long.MIN_VALUE;
        private double lat;
        private double lng;
        private Trip trip;
        private long nextComputeAt;
        private long etaMillis = Long.MIN_VALUE;
        private long announcedMillis = Long.MIN_VALUE;

        Slot(TechnicianId technician) {
            this.technician = technician;
        }

        @Override
        public void position(long atEpochMillis, double lat, double lng) {
            if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) {
                throw new IllegalArgumentException("position of " + technician + " must be degrees within range, was "
                        + lat + "," + lng);
            }
            Trip announce;
            long eta;
            synchronized (this) {
                if (atEpochMillis <= at) {
                    return; // an older ping held back by the tracker's reordering: the position is not newer
                }
                at = atEpochMillis;
                this.lat = lat;
                this.lng = lng;
                if (trip == null || atEpochMillis < nextComputeAt) {
                    return;
                }
                eta = compute(atEpochMillis);
                if (announcedMillis != Long.MIN_VALUE && Math.abs(eta - announcedMillis) <= thresholdMillis) {
                    return;
                }
                announcedMillis = eta;
                announce = trip;
            }
            announcer.etaMoved(announce, Instant.ofEpochMilli(eta));
        }

        /** Runs under the lock with a trip and a position. */
        private long compute(long now) {
            long seconds = travel.seconds(GeoPoint.of(lat, lng), trip.site());
            nextComputeAt = now + recomputeMillis;
            etaMillis = now + seconds * 1000;
            return etaMillis;
        }

        synchronized Optional<Instant> start(Trip next, long now) {
            trip = next;
            announcedMillis = Long.MIN_VALUE;
            etaMillis = Long.MIN_VALUE;
            if (at == Long.MIN_VALUE || now - at > STALE_MILLIS) {
                nextComputeAt = Long.MIN_VALUE;
                return Optional.empty();
            }
            long eta = compute(now);
            announcedMillis = eta;
            return Optional.of(Instant.ofEpochMilli(eta));
        }

        synchronized void end(JobId job) {
            if (trip != null && trip.job().equals(job)) {
                trip = null;
                etaMillis = Long.MIN_VALUE;
            }
        }

        synchronized Optional<Position> position() {
            return at == Long.MIN_VALUE ? Optional.empty()
                    : Optional.of(new Position(GeoPoint.of(lat, lng), Instant.ofEpochMilli(at)));
        }

        synchronized Optional<Instant> eta(JobId job) {
            return trip != null && trip.job().equals(job) && etaMillis != Long.MIN_VALUE
                    ? Optional.of(Instant.ofEpochMilli(etaMillis)) : Optional.empty();
        }
    }

    /** The ETA bucket of {@code eta}: ETAs within one threshold share a message key, so a repeat is not sent twice. */
    long bucket(Instant eta) {
        return Math.floorDiv(eta.toEpochMilli(), thresholdMillis);
    }
}
