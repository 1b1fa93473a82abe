package io.github.geodispatch.leakage;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import static org.assertj.core.api.Assertions.assertThat;

/** The monitor fed live by the engine's event listener gives the findings a replay of the stored history gives. */
class LiveEngineLeakageTest {
    static final TenantId TENANT = TenantId.of("coolair");
    static final BranchId BRANCH = BranchId.of("BR-1");
    static final TechnicianId RAVI = TechnicianId.of("ravi");

    @Test
    void engineEventsFeedTheMonitorLive() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-02T04:00:00Z"));
        InMemoryJobEventStore store = new InMemoryJobEventStore();
        JobRecord engine = JobRecord.builder().eventStore(store).clock(now::get).build();
        LeakageMonitor live = LeakageMonitor.create();
        live.technician(RAVI, BRANCH);
        engine.subscribe(events -> events.forEach(e -> live.accept(e.event())));

        Actor owner = Actor.owner(TENANT, "owner-1");
        Actor ravi = Actor.technician(TENANT, BRANCH, RAVI);
        JobId job = JobId.of("J-1");
        Site site = new Site(SiteId.of("S-1"), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd");
        engine.execute(owner, JobCommand.CreateJob.builder(job, BRANCH, CustomerId.of("C-1"), site, "RO_SERVICE")
                .quote(Money.inr(149_900)).build()).orThrow();
        engine.execute(owner, new JobCommand.Assign(job, RAVI, null)).orThrow();
        for (JobStatus s : new JobStatus[] {JobStatus.EN_ROUTE, JobStatus.ARRIVED, JobStatus.WORK_STARTED}) {
            now.set(now.get().plus(Duration.ofMinutes(10)));
            engine.execute(s == JobStatus.ARRIVED ? owner : ravi, s == JobStatus.ARRIVED
                    ? JobCommand.ChangeStatus.arrivalOverride(job, "seen on the CCTV") : new JobCommand.ChangeStatus(job, s, null, null))
                    .orThrow();
        }
        live.visit(RAVI, site.id(), now.get().minus(Duration.ofMinutes(15)), now.get().plus(Duration.ofMinutes(40)));
        engine.execute(ravi, JobCommand.AddProof.photo(job, "after", "ph-1", "ab".repeat(32))).orThrow();
        engine.execute(ravi, JobCommand.AddProof.signature(job, "sig-1", "cd".repeat(32))).orThrow();
        now.set(now.get().plus(Duration.ofMinutes(30)));
        engine.execute(ravi, new JobCommand.ChangeStatus(job, JobStatus.COMPLETED, null, null)).orThrow();
        Instant completed = now.get();
        assertThat(live.findings(completed.plus(Duration.ofHours(2)))).extracting(Finding::code)
                .containsExactly(LeakageCode.PAYMENT_STATUS_MISSING);

        engine.execute(ravi, new JobCommand.RecordPayment(job, PaymentMode.UPI, Money.inr(139_900), "412345678901", null))
                .orThrow();
        StatementCredit credit = new StatementCredit("UPI", "412345678901", completed.plusSeconds(600), Money.inr(139_900),
                "J-1", null);
        live.accept(credit);
        assertThat(live.findings(completed.plus(Duration.ofDays(3))))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo(LeakageCode.SHORT_COLLECTION);
                    assertThat(f.amountAtRisk()).isEqualTo(Money.inr(10_000));
                    assertThat(f.technician()).isEqualTo(RAVI);
                });

        LeakageMonitor replay = LeakageMonitor.create();
        replay.technician(RAVI, BRANCH);
        engine.history(owner, job).forEach(replay::accept);
        replay.accept(credit);
        replay.visit(RAVI, site.id(), completed.minus(Duration.ofMinutes(45)), completed.plus(Duration.ofMinutes(10)));
        live.visit(RAVI, site.id(), completed.minus(Duration.ofMinutes(45)), completed.plus(Duration.ofMinutes(10)));
        assertThat(replay.findings(completed.plus(Duration.ofDays(3))))
                .containsExactlyElementsOf(live.findings(completed.plus(Duration.ofDays(3))));
    }
}
