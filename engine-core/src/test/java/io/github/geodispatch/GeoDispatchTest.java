package io.github.geodispatch;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Recommendation;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.CreateJob;
import io.github.geodispatch.job.JobCommand.RecordPayment;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.testdata.SampleData;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The front door alone runs a job from creation to CLOSED: no engine is built or wired by the test. */
class GeoDispatchTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    private static final TenantId TENANT = TenantId.of("sheetal-care");
    private static final BranchId BRANCH = BranchId.of("BR-1");
    private static final TechnicianId RAVI = TechnicianId.of("ravi");
    private static final GeoPoint BRANCH_OFFICE = GeoPoint.of(12.9352, 77.6245);
    private static final Site SITE = new Site(SiteId.of("S-77"), GeoPoint.of(12.9719, 77.6412), 60, "100 Feet Rd, Indiranagar");

    /** A clock the test moves forward. */
    private static final class TestClock implements InstantSource {
        Instant now = at(8, 0);

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(IST).toInstant();
    }

    private static Instant startOfDay() {
        return DAY.atStartOfDay(IST).toInstant();
    }

    @Test
    void oneBuilderCallRunsAJobFromCreationToClosedWithAVerifiedVisitPaymentInvoiceAndOwnerView() throws IOException {
        TestClock clock = new TestClock();
        GeoDispatch gd = GeoDispatch.builder()
                .business(TENANT, Currency.INR, IST)
                .clock(clock)
                .seller(SellerProfile.read(SampleData.path("gst/seller.json")), PriceBasis.TAX_INCLUSIVE)
                .build();
        Actor desk = Actor.dispatcher(TENANT, BRANCH, "priya");
        Actor ravi = Actor.technician(TENANT, BRANCH, RAVI);

        gd.visits().fences().add(new Fence(FenceId.of("BR-1"), FenceKind.BRANCH, new FenceShape.Circle(BRANCH_OFFICE, 100)));
        gd.dispatch().putTechnician(new Technician(RAVI, BRANCH, Map.of("ac.split.service", 3), List.of(),
                ServiceAreas.anywhere(), Shift.of(at(8, 0), at(18, 0)), 8, BRANCH_OFFICE, BRANCH_OFFICE, null));

        JobId job = gd.jobs().newJobId();
        gd.jobs().execute(desk, CreateJob.builder(job, BRANCH, CustomerId.of("C-5521"), SITE, "AC_SERVICE")
                .skills(SkillRequirement.of("ac.split.service", 2)).priority(Priority.NORMAL)
                .quote(Money.parse("1499.00", Currency.INR)).build()).orThrow();
        assertThat(gd.visits().fences().fence(FenceId.of("S-77"))).as("the job's site became a fence").isPresent();

        Recommendation rec = gd.dispatch().recommend(new DispatchJob(job, BRANCH, SITE.location(), "AC_SERVICE",
                List.of(SkillRequirement.of("ac.split.service", 2)), Set.of(), Priority.NORMAL, null, null,
                Duration.ofMinutes(60), null));
        assertThat(rec.best()).map(c -> c.technician()).contains(RAVI);
        gd.dispatch().assign(rec, desk);
        assertThat(gd.jobs().job(desk, job)).map(JobState::technician).as("the board's decision is on the record").contains(RAVI);

        // Ravi checks in at the branch, drives over and stays at the site: the visit records his arrival.
        ping(gd, clock, "b", BRANCH_OFFICE, at(8, 0), at(8, 20));
        clock.now = at(8, 30);
        gd.jobs().execute(ravi, ChangeStatus.enRoute(job)).orThrow();
        ping(gd, clock, "s", SITE.location(), at(9, 0), at(10, 0));
        JobState arrived = gd.jobs().job(desk, job).orElseThrow();
        assertThat(arrived.status()).isEqualTo(JobStatus.ARRIVED);
        assertThat(gd.visits().takeArrivals()).singleElement().isInstanceOf(JobVisitFinding.ArrivalRecorded.class);

        gd.jobs().execute(ravi, ChangeStatus.workStarted(job)).orThrow();
        gd.jobs().execute(ravi, AddProof.photo(job, "before", "photos/before.jpg", "a".repeat(64))).orThrow();
        gd.jobs().execute(ravi, AddProof.photo(job, "after", "photos/after.jpg", "b".repeat(64))).orThrow();
        gd.jobs().execute(ravi, AddProof.signature(job, "sig-sms:4821", "c".repeat(64))).orThrow();
        clock.now = at(10, 5);
        gd.jobs().execute(ravi, ChangeStatus.completed(job)).orThrow();
        gd.jobs().execute(ravi, RecordPayment.upi(job, Money.parse("1499.00", Currency.INR), "412345678901")).orThrow();

        Invoice invoice = gd.billing().invoice(job, Party.consumer("Asha Rao", "100 Feet Rd", "Bengaluru", "560038", "29"))
                .orElseThrow();
        assertThat(invoice.total()).isEqualTo(Money.parse("1499.00", Currency.INR));
        assertThat(gd.jobs().job(desk, job).orElseThrow().invoice().invoiceNumber()).isEqualTo(invoice.number());
        assertThat(gd.billing().invoice(job, Party.consumer("Asha Rao", "100 Feet Rd", "Bengaluru", "560038", "29")))
                .as("a job is handed off once").isEmpty();

        JobState closed = gd.jobs().execute(Actor.accountant(TENANT, "meena"), ChangeStatus.closed(job)).orThrow();
        assertThat(closed.status()).isEqualTo(JobStatus.CLOSED);
        assertThat(gd.jobs().verifyHistory(desk, job, closed.headHash()).orElseThrow().intact()).isTrue();
        assertThat(gd.jobs().history(desk, job)).filteredOn(e -> e instanceof JobEvent.StatusChanged s
                && s.status() == JobStatus.ARRIVED).singleElement()
                .satisfies(e -> assertThat(((JobEvent.StatusChanged) e).evidence()).isEqualTo("visit:ravi at S-77 from " + at(9, 0)));

        gd.visits().flush();   // the end of the day: held pings replayed, the last stay closed
        assertThat(gd.visits().completedWithoutVisit(at(23, 0))).isEmpty();
        assertThat(gd.visits().attendance(DAY)).singleElement().satisfies(a -> {
            assertThat(a.checkIn()).contains(at(8, 0));
            assertThat(a.siteVisits()).isEqualTo(1);
        });
        assertThat(gd.visits().forgetIdle(at(23, 0))).as("no ping since 10:00: Ravi's ping state is let go").isEqualTo(1);
        assertThat(gd.visits().attendance(DAY)).as("the log keeps his visits").singleElement()
                .satisfies(a -> assertThat(a.siteVisits()).isEqualTo(1));
        Instant threeDaysLater = at(23, 0).plus(Duration.ofDays(3));
        assertThat(gd.payments().audit(threeDaysLater)).extracting(f -> f.code())
                .as("paid by UPI and no bank credit came: unverified, nothing else").containsExactly(LeakageCode.PAYMENT_UNVERIFIED);
        Kpis day = gd.owner().report(KpiQuery.day(DAY, Grouping.BRANCH, threeDaysLater)).total();
        assertThat(day.jobsCreated()).isEqualTo(1);
        assertThat(day.jobsCompleted()).isEqualTo(1);
        assertThat(day.revenue()).isEqualTo(Money.parse("1499.00", Currency.INR));
        assertThat(day.collected()).isEqualTo(Money.parse("1499.00", Currency.INR));
        assertThat(day.punctuality().denominator()).as("attendance reached the owner's view").isEqualTo(1);
        assertThat(day.leakageAtRisk()).as("counted on the day of the payment")
                .containsEntry("PAYMENT_UNVERIFIED", Money.parse("1499.00", Currency.INR));
    }

    @Test
    void builderNamesWhatIsMissingOrRepeated() {
        assertThatThrownBy(() -> GeoDispatch.builder().build()).hasMessageContaining("business");
        assertThatThrownBy(() -> GeoDispatch.builder().clock(InstantSource.system()).clock(InstantSource.system()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock");
        GeoDispatch noBilling = GeoDispatch.builder().business(TENANT, Currency.INR, IST).build();
        assertThatThrownBy(noBilling::billing).isInstanceOf(IllegalStateException.class).hasMessageContaining("seller");
    }

    @Test
    void anInvoiceBeforeCompletionIsRefusedWithoutUsingANumber() throws IOException {
        GeoDispatch gd = GeoDispatch.builder().business(TENANT, Currency.INR, IST)
                .seller(SellerProfile.read(SampleData.path("gst/seller.json")), PriceBasis.TAX_INCLUSIVE).build();
        JobId job = gd.jobs().newJobId();
        gd.jobs().execute(Actor.dispatcher(TENANT, BRANCH, "priya"), CreateJob.builder(job, BRANCH,
                CustomerId.of("C-1"), SITE, "AC_SERVICE").quote(Money.parse("499.00", Currency.INR)).build()).orThrow();
        Party buyer = Party.consumer("Asha Rao", "100 Feet Rd", "Bengaluru", "560038", "29");
        assertThatThrownBy(() -> gd.billing().invoice(job, buyer)).hasMessageContaining("NEW");
        assertThat(gd.billing().invoices()).isEmpty();
        CommandResult early = gd.jobs().execute(Actor.accountant(TENANT, "meena"), ChangeStatus.closed(job));
        assertThat(early).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.ILLEGAL_TRANSITION));
    }

    /** Pings every 30 s from {@code from} to {@code to} at {@code where}, with the clock following them. */
    private static void ping(GeoDispatch gd, TestClock clock, String prefix, GeoPoint where, Instant from, Instant to) {
        int n = 0;
        for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(30)) {
            clock.now = t;
            // a real fix moves in its last digits from ping to ping; identical ones are a spoof signal
            gd.visits().accept(new Ping(prefix + n, RAVI, t, GeoPoint.of(where.lat() + (n++ % 3) * 1e-6, where.lng()), 10));
        }
        // two pings away end the stay
        for (int i = 1; i <= 4; i++) {
            Instant t = to.plusSeconds(30L * i);
            clock.now = t;
            gd.visits().accept(new Ping(prefix + "-away-" + i, RAVI, t, GeoPoint.of(where.lat() + 0.05, where.lng()), 10));
        }
    }
}
