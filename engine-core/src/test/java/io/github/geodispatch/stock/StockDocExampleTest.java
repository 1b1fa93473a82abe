package io.github.geodispatch.stock;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.insight.PartsKpis;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.memory.InMemoryStockEventStore;
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
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The stock page's example ({@code docs/stock.md}), compiled and run. */
class StockDocExampleTest {
    @Test
    void stockPageExampleRuns() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-16T03:30:00Z"));
        TenantId tenant = TenantId.of("coolair-blr");
        BranchId branch = BranchId.of("indiranagar");
        TechnicianId ravi = TechnicianId.of("ravi");
        Actor storekeeper = Actor.dispatcher(tenant, branch, "store-1");
        JobId job = JobId.of("J-1");

        // example:begin
        GeoDispatch gd = GeoDispatch.builder()
                .business(tenant, Currency.INR, ZoneId.of("Asia/Kolkata"))
                .clock(now::get)
                .stockStore(new InMemoryStockEventStore())                    // or JdbcDatabase.over(dataSource).stock()
                .usualParts(UsualParts.builder().jobType("AC_SERVICE", new UsualParts.Need("CAP-35", 1)).build())
                .build();
        StockLedger stock = gd.stock();
        stock.execute(Actor.owner(tenant, "owner-1"), new StockCommand.DefineSku(new Sku("CAP-35", "Capacitor 35 uF",
                "85322200", "pcs", 1800, Money.inr(21_000), Money.inr(45_000), false))).orThrow();
        LocationId warehouse = LocationId.of("WH-1");
        LocationId van = LocationId.of("VAN-ravi");
        stock.execute(storekeeper, new StockCommand.OpenLocation(Location.warehouse(warehouse, "Store", branch))).orThrow();
        stock.execute(storekeeper, new StockCommand.OpenLocation(Location.van(van, "Ravi's van", branch, ravi))).orThrow();
        stock.execute(storekeeper, new StockCommand.Receive(warehouse, "CAP-35", 10, Money.inr(20_000), null, "BILL-7"));
        stock.execute(storekeeper, new StockCommand.SetMinimum(van, "CAP-35", 2));
        stock.execute(storekeeper, new StockCommand.Transfer(warehouse, van, "CAP-35", 2, null));   // the morning load

        // a part the job record uses on a job leaves the van of the job's technician
        startedJob(gd, storekeeper, job, ravi);                               // created, assigned, work started
        gd.jobs().execute(Actor.technician(tenant, branch, ravi),
                new JobCommand.UsePart(job, "CAP-35", "85322200", 1, Money.inr(45_000), true)).orThrow();

        StockLevel inVan = stock.level(van, "CAP-35").orElseThrow();          // 1 unit worth 200.00
        List<LowStockAlert> low = stock.lowStock();                           // the van holds less than its minimum
        List<RestockLine> tomorrow = stock.restockList(ravi, List.of("AC_SERVICE", "AC_SERVICE"));  // load 3
        List<TechnicianId> carrying = stock.vansHolding(List.of(ravi), "CAP-35", 1);
        PartsKpis parts = gd.owner().parts(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 16));
        List<Finding> findings = gd.payments().audit(now.get());             // OFF_BOOK_PART, STOCK_SHRINKAGE, ...
        // example:end

        assertThat(inVan.quantity()).isEqualTo(1);
        assertThat(inVan.value()).isEqualTo(Money.inr(20_000));
        assertThat(low).singleElement().satisfies(a -> assertThat(a.shortBy()).isEqualTo(1));
        assertThat(tomorrow).singleElement().satisfies(r -> assertThat(r.toLoad()).isEqualTo(3));
        assertThat(carrying).containsExactly(ravi);
        assertThat(parts.revenue()).isEqualTo(Money.inr(45_000));
        assertThat(parts.cost()).isEqualTo(Money.inr(20_000));
        assertThat(findings).noneMatch(f -> f.code().name().startsWith("OFF_BOOK"));
    }

    /** The job the example's technician works on: created, assigned, and started on the job record. */
    static void startedJob(GeoDispatch gd, Actor dispatcher, JobId job, TechnicianId technician) {
        Site site = new Site(SiteId.of("S-1"), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd");
        gd.jobs().execute(dispatcher, JobCommand.CreateJob.builder(job, dispatcher.branch(), CustomerId.of("C-1"), site,
                "AC_SERVICE").quote(Money.inr(149_900)).build()).orThrow();
        gd.jobs().execute(dispatcher, new JobCommand.Assign(job, technician, null)).orThrow();
        Actor tech = Actor.technician(dispatcher.tenant(), dispatcher.branch(), technician);
        gd.jobs().execute(tech, JobCommand.ChangeStatus.enRoute(job)).orThrow();
        gd.jobs().execute(dispatcher, JobCommand.ChangeStatus.arrivalOverride(job, "no pings in this example")).orThrow();
        gd.jobs().execute(tech, JobCommand.ChangeStatus.workStarted(job)).orThrow();
    }
}
