package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.GeoPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The map of the report's last day: branches, job sites and each technician's ride. Immutable and thread-safe.
 *
 * @param branches the branches, drawn as labelled squares
 * @param sites    the day's job sites, coloured by what happened to the job
 * @param rides    one line per technician
 */
public record ReportMap(List<Branch> branches, List<Site> sites, List<Ride> rides) {
    public ReportMap {
        branches = Checks.list(branches, "branches");
        sites = Checks.list(sites, "sites");
        rides = Checks.list(rides, "rides");
    }

    /** A branch office. */
    public record Branch(String name, GeoPoint location) {
        public Branch {
            Checks.text(name, "name");
            Objects.requireNonNull(location, "location");
        }
    }

    /** A job site and what became of its job. */
    public record Site(GeoPoint location, String label, Outcome outcome) {
        public Site {
            Objects.requireNonNull(location, "location");
            Checks.text(label, "label");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** What became of a job, as the map's legend says it. */
    public enum Outcome {
        COMPLETED("completed"),
        OPEN("moved or still open"),
        NOT_PLACED("no technician free");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * A technician's ride for the day. Consecutive repeats of the same point (a technician standing still) are dropped
     * on construction: they draw nothing and made up most of the old page's weight.
     */
    public record Ride(String technician, String branch, List<GeoPoint> points) {
        public Ride {
            Checks.text(technician, "technician");
            Checks.text(branch, "branch");
            points = withoutRepeats(Checks.list(points, "points"));
        }

        private static List<GeoPoint> withoutRepeats(List<GeoPoint> points) {
            List<GeoPoint> kept = new ArrayList<>(points.size());
            for (GeoPoint p : points) {
                if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(p)) {
                    kept.add(p);
                }
            }
            return List.copyOf(kept);
        }
    }
}
