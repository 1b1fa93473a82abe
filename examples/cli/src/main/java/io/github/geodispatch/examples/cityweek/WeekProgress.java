package io.github.geodispatch.examples.cityweek;

/**
 * Where the week reports what it is doing: the phase running and how far the day's clock has got. A stand-in until the
 * CLI's shared progress API lands; the command adapts it to the terminal. Implementations need not be thread-safe
 * (the week calls from one thread).
 */
public interface WeekProgress {
    /** What the week is doing; {@code day} counts from 1 ({@code 0} before the first day and after the last). */
    enum Phase { OPENING, LOADING_VANS, SCHEDULING_VISITS, PLAYING_DAY, AUDITING, WRITING }

    /** {@code fraction} of the phase is done (0-1); {@code detail} says where, in the owner's words. */
    void at(Phase phase, int day, int days, double fraction, String detail);

    /** Reports nothing. */
    WeekProgress NONE = (phase, day, days, fraction, detail) -> { };
}
