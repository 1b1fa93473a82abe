package io.github.geodispatch.dispatch.internal;

/**
 * The mutable cell holding one technician's current {@link DayState}. Readers read {@link #state}
 * without locking; every writer holds this slot's monitor, so changes to one technician's route are
 * serialised (that is what rules out double booking). Thread-safe.
 */
final class TechSlot {
    volatile DayState state;

    TechSlot(DayState state) {
        this.state = state;
    }
}
