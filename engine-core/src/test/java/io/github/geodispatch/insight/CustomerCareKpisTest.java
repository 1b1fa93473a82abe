package io.github.geodispatch.insight;

import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The owner's customer-care KPIs as {@code docs/owner-view.md} defines them, on a hand-checked day: CSAT (ratings of
 * 4 or 5 over ratings), repeat service within 30 days (same customer and unit, or site when no unit is named) and the
 * billing cycle time (completion to the payment that settles the amount due).
 */
class CustomerCareKpisTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    private final OwnerView view = OwnerView.builder().tenant(ACME).currency(Currency.INR).zone(IST).build();

    private static Instant at(int plusDays, int hour) {
        return DAY.plusDays(plusDays).atTime(hour, 0).atZone(IST).toInstant();
    }

    private void feed(JobScript job, String unit) {
        job.events().stream().limit(1).forEach(view::accept);
        if (unit != null) {
            view.link(job.job(), EquipmentId.of(unit));
        }
        job.events().stream().skip(1).forEach(view::accept);
    }

    private List<JobScript> day() {
        // J1: rated 5, paid in full 2 h after completion, its unit serviced again 29 days later (J5)
        JobScript j1 = new JobScript(ACME, "J1", "C-A", "S-A").created(at(0, 9), "BR-1", "AC_SERVICE", 100_000, null, null)
                .status(at(0, 11), JobStatus.COMPLETED).feedback(at(0, 12), 5).paid(at(0, 13), PaymentMode.UPI, 100_000);
        feed(j1, "EQ-1");
        feed(new JobScript(ACME, "J5", "C-A", "S-A").created(at(29, 9), "BR-1", "AC_REPAIR", 50_000, null, null), "EQ-1");
        // J3: rated 3, half paid at once, the rest the next day; the customer's other unit (J6) and the same unit
        // after 31 days (J7) are not repeats
        JobScript j3 = new JobScript(ACME, "J3", "C-B", "S-B").created(at(0, 9), "BR-1", "AC_SERVICE", 60_000, null, null)
                .status(at(0, 12), JobStatus.COMPLETED).paid(at(0, 12), PaymentMode.CASH, 30_000).feedback(at(0, 18), 3)
                .paid(at(1, 12), PaymentMode.CASH, 30_000);
        feed(j3, "EQ-3");
        feed(new JobScript(ACME, "J6", "C-B", "S-B").created(at(2, 9), "BR-1", "AC_REPAIR", 50_000, null, null), "EQ-4");
        feed(new JobScript(ACME, "J7", "C-B", "S-B").created(at(31, 13), "BR-1", "AC_REPAIR", 50_000, null, null), "EQ-3");
        // J8: no unit named, unrated, unpaid; another job at the same site 3 days later (J9) is a repeat
        JobScript j8 = new JobScript(ACME, "J8", "C-C", "S-C").created(at(0, 10), "BR-1", "RO_SERVICE", 40_000, null, null)
                .status(at(0, 15), JobStatus.COMPLETED);
        feed(j8, null);
        feed(new JobScript(ACME, "J9", "C-C", "S-C").created(at(3, 9), "BR-1", "RO_SERVICE", 40_000, null, null), null);
        return List.of(j1, j3, j8);
    }

    @Test
    void csatRepeatServiceAndBillingCycleTimeOfAHandCheckedDay() {
        day();

        CustomerCareKpis kpis = view.customerCare(DAY, DAY);

        assertThat(kpis.completed()).isEqualTo(3);
        assertThat(kpis.ratings()).isEqualTo(2);
        assertThat(kpis.satisfied()).isEqualTo(1);
        assertThat(kpis.csat().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(kpis.averageRating().getAsDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(kpis.repeats()).isEqualTo(2);
        assertThat(kpis.repeatRate().getAsDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(kpis.paid()).isEqualTo(2);
        assertThat(kpis.cycleMedian()).contains(Duration.ofHours(13));
        assertThat(kpis.cycleMean()).contains(Duration.ofHours(13));
    }

    @Test
    void replayedEventsChangeNothingAndOtherDaysHaveNone() {
        List<JobScript> jobs = day();
        CustomerCareKpis once = view.customerCare(DAY, DAY);
        jobs.forEach(j -> j.events().forEach(view::accept));

        assertThat(view.customerCare(DAY, DAY)).isEqualTo(once);
        CustomerCareKpis none = view.customerCare(DAY.plusDays(1), DAY.plusDays(7));
        assertThat(none.completed()).isZero();
        assertThat(none.csat()).isEmpty();
        assertThat(none.repeatRate()).isEmpty();
        assertThat(none.cycleMedian()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> view.customerCare(DAY, DAY.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
