package io.github.geodispatch.examples.report;

import java.util.OptionalDouble;

/**
 * Time on site against the shift. A technician who finishes a job after the shift ends has more minutes on site than
 * the shift holds: the page shows 100% and says how many minutes ran past the shift, instead of "101.5%".
 * Immutable and thread-safe.
 *
 * @param onSiteMinutes minutes between arriving and completing, summed over the jobs
 * @param shiftMinutes  the shift's minutes (summed over days and technicians for a total)
 */
public record Utilisation(long onSiteMinutes, long shiftMinutes) {
    /** No shift was worked. */
    public static final Utilisation NONE = new Utilisation(0, 0);

    public Utilisation {
        Checks.count(onSiteMinutes, "onSiteMinutes");
        Checks.count(shiftMinutes, "shiftMinutes");
    }

    /** On-site share of the shift capped at 1, empty without a shift. */
    public OptionalDouble capped() {
        return shiftMinutes == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(1.0, (double) onSiteMinutes / shiftMinutes));
    }

    /** Minutes on site beyond the shift (0 when within it). */
    public long pastShiftMinutes() {
        return Math.max(0, onSiteMinutes - shiftMinutes);
    }

    public Utilisation plus(Utilisation other) {
        return new Utilisation(onSiteMinutes + other.onSiteMinutes, shiftMinutes + other.shiftMinutes);
    }
}
