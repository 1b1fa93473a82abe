package io.github.geodispatch.job;

import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grammar of {@link ArrivalEvidence} texts. Stateless and thread-safe. */
final class EvidenceText {
    /** {@code visit:TECH at SITE from INSTANT[ flagged:SIGNAL,...]} (ids have no spaces, and may hold {@code @ / :}) */
    private static final Pattern VISIT = Pattern.compile("visit:(\\S+) at (\\S+) from (\\S+)(?: flagged:([A-Z_,]+))?");
    /** How the visit link wrote a visit before evidence was checked. */
    private static final Pattern LINK_VISIT_BEFORE_CHECKS = Pattern.compile("geofence-visit:([^@\\s]+)@(\\S+) from (\\S+)");
    /** {@code override by ACTOR: REASON} (an actor id has no spaces, and may hold colons) */
    private static final Pattern OVERRIDDEN = Pattern.compile("override by (\\S+): (.+)", Pattern.DOTALL);

    private EvidenceText() {}

    static ArrivalEvidence parse(String text) {
        try {
            Matcher m = VISIT.matcher(text);
            if (m.matches()) {
                return new ArrivalEvidence.Visit(TechnicianId.of(m.group(1)), SiteId.of(m.group(2)),
                        Instant.parse(m.group(3)), m.group(4) == null ? List.of() : List.of(m.group(4).split(",")));
            }
            m = LINK_VISIT_BEFORE_CHECKS.matcher(text);
            if (m.matches()) {
                return ArrivalEvidence.Visit.of(TechnicianId.of(m.group(1)), SiteId.of(m.group(2)),
                        Instant.parse(m.group(3)));
            }
            m = OVERRIDDEN.matcher(text);
            if (m.matches()) {
                return new ArrivalEvidence.Override(m.group(1), m.group(2));
            }
        } catch (IllegalArgumentException | DateTimeParseException notEvidence) {
            // a malformed id or instant: the text is not evidence the record wrote
        }
        return new ArrivalEvidence.Unverified(text);
    }
}
