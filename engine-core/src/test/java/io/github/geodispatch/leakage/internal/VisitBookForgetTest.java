package io.github.geodispatch.leakage.internal;

import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the visit book lets go of, it forgets entirely: a long stay still waiting to be settled when its site's stays
 * were let go is forgotten once it is settled, so the same stay reported again later is new (the book remembers only
 * the stays it keeps, not every stay it was ever told of).
 */
class VisitBookForgetTest {
    private static final Instant T0 = Instant.parse("2026-11-02T03:30:00Z");
    private static final TechnicianId TECHNICIAN = TechnicianId.of("T-1");
    private static final SiteId SITE = SiteId.of("S-1");

    @Test
    void aLongStaySettledAfterItsSiteWasLetGoIsForgotten() {
        VisitBook book = new VisitBook(LeakagePolicy.defaults());
        Instant from = T0.plus(Duration.ofHours(1));
        Instant to = from.plus(Duration.ofHours(2)); // long enough to be an off-book candidate
        book.site(JobId.of("J-1"), site(), Currency.INR);
        assertThat(book.visit(TECHNICIAN, SITE, from, to, Set.of(), false)).containsExactly(JobId.of("J-1"));

        assertThat(book.forgetJob(JobId.of("J-1"), 0)).contains(SITE); // the stay is still kept as a long stay
        book.settleStays(to.plus(Duration.ofHours(1)), t -> BranchId.of("BR-1"));

        book.site(JobId.of("J-2"), site(), Currency.INR);
        assertThat(book.visit(TECHNICIAN, SITE, from, to, Set.of(), false)).containsExactly(JobId.of("J-2"));
    }

    @Test
    void aStayKeptIsStillARepeat() {
        VisitBook book = new VisitBook(LeakagePolicy.defaults());
        Instant from = T0.plus(Duration.ofHours(1));
        Instant to = from.plus(Duration.ofHours(2));
        book.site(JobId.of("J-1"), site(), Currency.INR);
        book.visit(TECHNICIAN, SITE, from, to, Set.of(), false);

        assertThat(book.visit(TECHNICIAN, SITE, from, to, Set.of(), false)).isEmpty();
    }

    private static Site site() {
        return new Site(SITE, GeoPoint.of(12.9, 77.6), 80, "");
    }
}
