package io.github.geodispatch.geofence;

/**
 * Receives live {@link GeofenceEvent}s. Called on the ingesting thread while that technician's state is
 * locked, in the technician's event order: keep it short and never call back into the tracker for the
 * same technician. Implementations must be thread-safe when pings of different technicians are
 * ingested concurrently.
 */
@FunctionalInterface
public interface GeofenceListener {
    void onEvent(GeofenceEvent event);
}
