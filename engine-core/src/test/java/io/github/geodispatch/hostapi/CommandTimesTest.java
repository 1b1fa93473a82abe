package io.github.geodispatch.hostapi;

import io.github.geodispatch.contract.AmcBusiness;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.DeliveryReport;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentCallback;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A time a host puts in a command or hands the engine (a job's window and SLA deadline, a statement credit, a
 * payment callback, a delivery report) is in years 0001-9999, as the journal's are: a job window from
 * {@code Instant.MIN} threw a DateTimeException from inside {@code jobs().execute}, and an SLA deadline at
 * {@code Instant.MAX} was stored in the job's event, which no journal reader takes back.
 */
class CommandTimesTest {
    private static final Instant NINE = Instant.parse("2026-01-01T03:30:00Z");
    private static final Instant TOO_LATE = CalendarRange.MAX_INSTANT.plusNanos(1);

    private static JobCommand.CreateJob.Builder job() {
        return JobCommand.CreateJob.builder(JobId.of("J-9"), AmcBusiness.BRANCH, CustomerId.of("C1"),
                new Site(SiteId.of("S-1"), GeoPoint.of(12.9, 77.6), 80, ""), "AC_REPAIR").quote(Money.inr(100));
    }

    @Test
    void aJobsWindowAndSlaDeadlineOutOfRangeAreRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> new TimeWindow(Instant.MIN, NINE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from " + Instant.MIN + " is outside the years 0001-9999");
        assertThatThrownBy(() -> new TimeWindow(NINE, TOO_LATE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to " + TOO_LATE + " is outside the years 0001-9999");
        assertThatThrownBy(() -> job().slaDeadline(Instant.MAX).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SLA deadline " + Instant.MAX + " is outside the years 0001-9999");

        AmcBusiness b = new AmcBusiness().customer("C1", "S-1");
        assertThat(b.gd.jobs().execute(b.owner, job().window(new TimeWindow(CalendarRange.MIN_INSTANT,
                CalendarRange.MAX_INSTANT)).slaDeadline(CalendarRange.MAX_INSTANT).build()).isAccepted())
                .as("the bounds themselves").isTrue();
    }

    @Test
    void creditsCallbacksAndDeliveryReportsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new StatementCredit("bank", "REF-1", Instant.MAX, Money.inr(100), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the years 0001-9999");
        assertThatThrownBy(() -> new PaymentCallback("REQ-1", false, "1032", "cancelled", null, null, null, TOO_LATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the years 0001-9999");
        assertThatThrownBy(() -> new DeliveryReport("wamid.1", DeliveryStatus.SENT, Instant.MIN, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the years 0001-9999");
    }
}
