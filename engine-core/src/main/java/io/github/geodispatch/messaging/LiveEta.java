package io.github.geodispatch.messaging;

import io.github.geodispatch.spi.TechnicianId;

/**
 * Technicians' positions in, live ETAs out: each accepted ping's position is handed here; while a technician is on the
 * way to a job, the ETA to its site is recomputed at most every {@link MessagingPolicy#etaRecompute()} through the
 * travel-time port, and the customer is told when it moves by more than {@link MessagingPolicy#etaThreshold()}.
 * Thread-safe; a position older than the technician's last one is ignored.
 */
public interface LiveEta {

    /** One position of {@code technician} at {@code atEpochMillis}, as raw degrees. Allocation-free when nothing changes. */
    void position(TechnicianId technician, long atEpochMillis, double lat, double lng);

    /** A handle for one technician's positions, for a host holding a feed per device (no per-ping lookup). */
    Sink sink(TechnicianId technician);

    /** One technician's positions. Thread-safe. */
    interface Sink {
        void position(long atEpochMillis, double lat, double lng);
    }
}
