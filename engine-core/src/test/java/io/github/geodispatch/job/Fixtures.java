package io.github.geodispatch.job;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Shared actors, sites and commands for the engine tests. */
final class Fixtures {
    static final TenantId TENANT = TenantId.of("coolair");
    static final TenantId OTHER_TENANT = TenantId.of("frostco");
    static final BranchId BRANCH = BranchId.of("blr-east");
    static final BranchId OTHER_BRANCH = BranchId.of("blr-west");
    static final TechnicianId RAVI = TechnicianId.of("ravi");
    static final TechnicianId ASHA = TechnicianId.of("asha");

    static final Actor OWNER = Actor.owner(TENANT, "owner-1");
    static final Actor DISPATCHER = Actor.dispatcher(TENANT, BRANCH, "priya");
    static final Actor OTHER_BRANCH_DISPATCHER = Actor.dispatcher(TENANT, OTHER_BRANCH, "kiran");
    static final Actor TECH_RAVI = Actor.technician(TENANT, BRANCH, RAVI);
    static final Actor TECH_ASHA = Actor.technician(TENANT, BRANCH, ASHA);
    static final Actor ACCOUNTANT = Actor.accountant(TENANT, "meena");
    static final Actor SYSTEM = Actor.system(TENANT);
    static final Actor FOREIGN_OWNER = Actor.owner(OTHER_TENANT, "owner-9");

    static final Site SITE = new Site(SiteId.of("S-1"), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd");
    static final String SHA = "ab".repeat(32);

    /** Visits as a geofence would report them if every technician reached every site at the assignment. */
    static final ArrivalVisits ON_SITE = (technician, site, from, to) ->
            List.of(ArrivalEvidence.Visit.of(technician, site, from));

    private Fixtures() {}

    /** A job record builder whose ARRIVED finds the technician's visit ({@link #ON_SITE}). */
    static JobRecord.Builder records() {
        return JobRecord.builder().arrivalVisits(ON_SITE);
    }

    static JobCommand.CreateJob create(JobId job, String jobType) {
        return JobCommand.CreateJob.builder(job, BRANCH, CustomerId.of("C-1"), SITE, jobType)
                .quote(Money.inr(149_900)).build();
    }

    /** A clock that moves one minute per reading. */
    static InstantSource tickingClock() {
        AtomicLong ticks = new AtomicLong();
        Instant start = Instant.parse("2025-06-02T04:30:00Z");
        return () -> start.plus(Duration.ofMinutes(ticks.getAndIncrement()));
    }
}
