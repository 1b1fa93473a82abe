package io.github.geodispatch.job;

import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What proves a job's ARRIVED, as the event's {@code evidence} text records it:
 * <ul>
 *   <li>{@link Visit}: a geofence visit of the job's technician at the job's site, checked by the job record
 *       against {@link ArrivalVisits} when the arrival is recorded, with the spoof signals the visit's pings
 *       raised ({@code visit:ravi at S-77 from 2026-11-16T03:31:00Z}, then {@code  flagged:REPEATED_COORDINATES} when
 *       flagged);</li>
 *   <li>{@link Override}: a dispatcher or owner recorded the arrival without a visit, saying why
 *       ({@code override by priya: GPS dead in the basement});</li>
 *   <li>{@link Unverified}: any other text, found only on events written before arrivals needed evidence, or
 *       imported from a history that did not say.</li>
 * </ul>
 * All variants are immutable records and thread-safe.
 */
public sealed interface ArrivalEvidence {
    /** The marker a {@link JobCommand.ChangeStatus} carries for an override; the record writes {@link Override}. */
    String OVERRIDE = "override";

    /** The evidence text an event records. */
    String text();

    /** True for the evidence the job record checked when it recorded the arrival (a visit or an override). */
    default boolean verified() {
        return !(this instanceof Unverified);
    }

    /**
     * A geofence visit: the technician, the site (its fence id is the site id) and the visit's first inside
     * evidence; {@code signals} names the spoof signals its pings raised (empty for a clean visit).
     */
    record Visit(TechnicianId technician, SiteId site, Instant enteredAt, List<String> signals) implements ArrivalEvidence {
        public Visit {
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(enteredAt, "enteredAt");
            signals = List.copyOf(signals == null ? List.of() : signals);
            for (String s : signals) {
                if (!s.matches("[A-Z][A-Z_]{0,39}")) {
                    throw new IllegalArgumentException("a spoof signal is an UPPER_SNAKE name, was '" + s + "'");
                }
            }
        }

        public static Visit of(TechnicianId technician, SiteId site, Instant enteredAt) {
            return new Visit(technician, site, enteredAt, List.of());
        }

        public boolean flagged() {
            return !signals.isEmpty();
        }

        /** The same visit (technician, site, entry), whatever its signals. */
        public boolean sameVisit(Visit other) {
            return technician.equals(other.technician) && site.equals(other.site) && enteredAt.equals(other.enteredAt);
        }

        @java.lang.Override
        public String text() {
            return "visit:" + technician.value() + " at " + site.value() + " from " + enteredAt
                    + (signals.isEmpty() ? "" : " flagged:" + String.join(",", signals));
        }
    }

    /** A dispatcher's or owner's override: who ({@code actor}, their id) and why. */
    record Override(String actor, String reason) implements ArrivalEvidence {
        public Override {
            if (actor == null || actor.isEmpty() || actor.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("override actor must be an actor id, was '" + actor + "'");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an arrival override needs a reason");
            }
            reason = reason.strip();
        }

        @java.lang.Override
        public String text() {
            return OVERRIDE + " by " + actor + ": " + reason;
        }
    }

    /** Evidence the job record never checked: what an older or imported event said. */
    record Unverified(String text) implements ArrivalEvidence {
        public Unverified {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Reads an event's evidence text: a visit, an override, or else {@link Unverified}. Visits the visit link
     * recorded before arrivals were checked ({@code geofence-visit:TECH@SITE from INSTANT}) read as visits: only
     * the link wrote them, from visits it saw.
     */
    static ArrivalEvidence parse(String text) {
        return EvidenceText.parse(Objects.requireNonNull(text, "evidence text"));
    }
}
