package io.github.geodispatch.hostapi;

import io.github.geodispatch.billing.BillableJob;
import io.github.geodispatch.billing.Supply;
import io.github.geodispatch.contract.AmcBusiness;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A day a host asks the contracts and billing about is in years 0001-9999: {@code billDue(LocalDate.MAX)} issued,
 * handed off and recorded an invoice dated +999999999-12-31 (number BLR/9900/00001), and the owner's contract KPIs
 * at {@code LocalDate.MIN} threw a DateTimeException from inside the portfolio, and so did its open visits at
 * {@code LocalDate.MAX}.
 */
class BillingDatesTest {
    private static final LocalDate[] OUT_OF_RANGE = {LocalDate.MAX, LocalDate.of(10_000, 1, 1), LocalDate.MIN};

    private static AmcBusiness business() {
        return AmcBusiness.invoicing().customer("C1", "S-1").contract("C1", "AMC-1", AmcBusiness.plan(4, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "S-1");
    }

    @Test
    void billingADayOutOfRangeIsRefusedAndIssuesNothing() {
        AmcBusiness b = business();
        for (LocalDate day : OUT_OF_RANGE) {
            assertThatThrownBy(() -> b.gd.contracts().billDue(day, c -> AmcBusiness.BUYER))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("asOf " + day + " is outside the years 0001-9999");
        }
        assertThat(b.gd.billing().invoices()).isEmpty();
        assertThat(b.gd.contracts().billDue(LocalDate.of(2026, 1, 1), c -> AmcBusiness.BUYER)).hasSize(1);
    }

    @Test
    void aSupplyOrAJobToInvoiceOnADayOutOfRangeIsRefusedBeforeANumberIsDrawn() {
        for (LocalDate day : OUT_OF_RANGE) {
            assertThatThrownBy(() -> new Supply(JobId.of("AMC-1/1"), AmcBusiness.BRANCH, "AC_PM", "instalment 1", day,
                    Money.inr(100), AmcBusiness.BUYER, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("date of supply AMC-1/1 " + day + " is outside the years 0001-9999");
            assertThatThrownBy(() -> new BillableJob(JobId.of("J-1"), AmcBusiness.BRANCH, "AC_REPAIR", day,
                    Money.inr(100), null, null, null, Money.inr(0), AmcBusiness.BUYER, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("completion date of job J-1 " + day + " is outside the years 0001-9999");
        }
    }

    @Test
    void thePortfolioAndTheOwnerRefuseADayOutOfRange() {
        AmcBusiness b = business();
        for (LocalDate day : OUT_OF_RANGE) {
            assertThatThrownBy(() -> b.gd.owner().contracts(day)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is outside the years 0001-9999");
            assertThatThrownBy(() -> b.gd.contracts().sendReminders(day)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.gd.contracts().portfolio().visitStatuses(ContractId.of("AMC-1"), day))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.gd.contracts().portfolio().openVisits(day, 30))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("asOf " + day + " is outside the years 0001-9999");
        }
        // a horizon past the year 9999 from a day within it only reaches further: every open visit is in range
        assertThat(b.gd.contracts().portfolio().openVisits(LocalDate.of(9999, 12, 31), Integer.MAX_VALUE))
                .isEqualTo(b.gd.contracts().portfolio().openVisits(LocalDate.of(9999, 12, 31), 0));
    }
}
