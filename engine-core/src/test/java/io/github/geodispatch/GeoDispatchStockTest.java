package io.github.geodispatch;

import io.github.geodispatch.insight.PartsKpis;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.stock.Location;
import io.github.geodispatch.stock.MarginLine;
import io.github.geodispatch.stock.Sku;
import io.github.geodispatch.stock.StockCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The front door takes a job's parts from its technician's van, and the leakage rules and the owner see it. */
class GeoDispatchStockTest {
    static final TenantId TENANT = TenantId.of("coolair-blr");
    static final BranchId BRANCH = BranchId.of("indiranagar");
    static final TechnicianId RAVI = TechnicianId.of("ravi");
    static final TechnicianId NOVAN = TechnicianId.of("kiran");
    static final LocationId WAREHOUSE = LocationId.of("WH-1");
    static final LocationId VAN = LocationId.of("VAN-ravi");
    static final String CAP = "CAP-35";

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-16T04:00:00Z"));
    final GeoDispatch gd = GeoDispatch.builder().business(TENANT, Currency.INR, ZoneId.of("Asia/Kolkata"))
            .clock(now::get).idGenerator(IdGenerator.sequential(7)).build();
    final Actor owner = Actor.owner(TENANT, "owner-1");
    final Actor dispatcher = Actor.dispatcher(TENANT, BRANCH, "priya");

    @Test
    void aJobsPartsLeaveItsTechniciansVanAndWhatTheVanLacksIsFoundOffBook() {
        gd.stock().execute(owner, new StockCommand.DefineSku(new Sku(CAP, "Capacitor 35 uF", "85322200", "pcs", 1800,
                Money.inr(21_000), Money.inr(45_000), false))).orThrow();
        gd.stock().execute(dispatcher, new StockCommand.OpenLocation(Location.warehouse(WAREHOUSE, "Store", BRANCH))).orThrow();
        gd.stock().execute(dispatcher, new StockCommand.OpenLocation(Location.van(VAN, "Ravi's van", BRANCH, RAVI))).orThrow();
        gd.stock().execute(dispatcher, new StockCommand.Receive(WAREHOUSE, CAP, 5, Money.inr(20_000), null, "B-1")).orThrow();
        gd.stock().execute(dispatcher, new StockCommand.Transfer(WAREHOUSE, VAN, CAP, 2, null)).orThrow();

        JobId job = startedJob(RAVI);
        Actor ravi = Actor.technician(TENANT, BRANCH, RAVI);
        gd.jobs().execute(ravi, new JobCommand.UsePart(job, CAP, "85322200", 1, Money.inr(45_000), true)).orThrow();
        assertThat(gd.stock().level(VAN, CAP).orElseThrow().quantity()).isEqualTo(1);
        gd.jobs().execute(ravi, new JobCommand.UsePart(job, CAP, "85322200", 3, Money.inr(45_000), true)).orThrow();
        assertThat(gd.stock().level(VAN, CAP).orElseThrow().quantity()).isZero();

        JobId other = startedJob(NOVAN);
        gd.jobs().execute(Actor.technician(TENANT, BRANCH, NOVAN),
                new JobCommand.UsePart(other, CAP, "85322200", 1, Money.inr(45_000), true)).orThrow();

        List<Finding> findings = gd.payments().audit(now.get().plus(Duration.ofMinutes(1)));
        assertThat(findings).filteredOn(f -> f.code() == LeakageCode.OFF_BOOK_PART).singleElement().satisfies(f -> {
            assertThat(f.job()).isEqualTo(job);
            assertThat(f.technician()).isEqualTo(RAVI);
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(42_000));
        });

        PartsKpis parts = gd.owner().parts(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 16));
        assertThat(parts.revenue()).isEqualTo(Money.inr(5 * 45_000));
        assertThat(parts.cost()).isEqualTo(Money.inr(2 * 20_000 + 2 * 21_000));
        assertThat(parts.margin()).isEqualTo(Money.inr(5 * 45_000 - 82_000));
        assertThat(parts.byTechnician()).extracting(MarginLine::group).containsExactly("kiran", "ravi");
        assertThat(gd.stock().historyVerifies(VAN)).isTrue();
    }

    private JobId startedJob(TechnicianId technician) {
        JobId job = gd.jobs().newJobId();
        Site site = new Site(SiteId.of("S-" + job.value()), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd");
        gd.jobs().execute(dispatcher, JobCommand.CreateJob.builder(job, BRANCH, CustomerId.of("C-1"), site, "AC_SERVICE")
                .quote(Money.inr(149_900)).build()).orThrow();
        gd.jobs().execute(dispatcher, new JobCommand.Assign(job, technician, null)).orThrow();
        Actor tech = Actor.technician(TENANT, BRANCH, technician);
        gd.jobs().execute(tech, JobCommand.ChangeStatus.enRoute(job)).orThrow();
        gd.jobs().execute(dispatcher, JobCommand.ChangeStatus.arrivalOverride(job, "no pings in this test")).orThrow();
        gd.jobs().execute(tech, JobCommand.ChangeStatus.workStarted(job)).orThrow();
        return job;
    }
}
