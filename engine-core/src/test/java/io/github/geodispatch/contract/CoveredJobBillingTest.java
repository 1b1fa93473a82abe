package io.github.geodispatch.contract;

import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceLine;
import io.github.geodispatch.billing.LineKind;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PartsCover;
import io.github.geodispatch.spi.PaymentMode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.github.geodispatch.contract.AmcBusiness.BUYER;
import static io.github.geodispatch.contract.AmcBusiness.part;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A covered job's invoice through the front door charges what the contract leaves to the customer (labour covered
 * within the entitlement, parts free or discounted), and the leakage rules agree with it: silent on the invoice the
 * front door drafts, firing when the labour is charged too.
 */
class CoveredJobBillingTest {
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

    static ContractPlan plan(PartsCover parts, int discountBasisPoints, boolean labour, int calls) {
        return new ContractPlan(0, 0, 14, "AC_PM", calls, List.of("AC_PM", "AC_REPAIR"), parts, discountBasisPoints,
                labour, 24);
    }

    static AmcBusiness business(ContractPlan plan) {
        return AmcBusiness.invoicing().customer("C1", "S-1").contract("C1", "AMC-1", plan, START, END, "S-1").on(JUNE);
    }

    static InvoiceLine line(Invoice invoice, LineKind kind) {
        return invoice.lines().stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void aDiscountContractBillsThePartLessItsDiscountAndNoLabour() {
        AmcBusiness b = business(plan(PartsCover.DISCOUNT, 1500, true, 2));
        b.create("J-1", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-1", part("J-1", "CAP-45", 2, 123_457));

        Invoice invoice = b.gd.billing().invoice(JobId.of("J-1"), BUYER).orElseThrow();

        assertThat(line(invoice, LineKind.LABOUR).taxableValue()).isEqualTo(Money.inr(0));
        assertThat(line(invoice, LineKind.LABOUR).coveredBy()).isEqualTo("AMC AMC-1");
        InvoiceLine capacitor = line(invoice, LineKind.PART);
        // 15% of 1,234.57 is 185.1855, rounded half-up to 185.19: 1,049.38 each including GST, 889.31 before it
        assertThat(b.gd.jobs().job(b.owner, JobId.of("J-1")).orElseThrow().parts().get(0).unitPrice())
                .isEqualTo(Money.inr(104_938));
        assertThat(capacitor.quantity()).isEqualTo(2);
        assertThat(capacitor.unitPrice()).isEqualTo(Money.inr(88_931));
        assertThat(invoice.total()).as("2 x 889.31 + 9% CGST + 9% SGST, rounded to the rupee").isEqualTo(Money.inr(209_900));
    }

    @Test
    void aFullPartsContractBillsNothingWhenLabourIsCoveredToo() {
        AmcBusiness b = business(plan(PartsCover.FULL, 0, true, 2));
        b.create("J-1", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-1", part("J-1", "CAP-45", 1, 90_000));

        assertThat(b.gd.billing().invoice(JobId.of("J-1"), BUYER)).as("nothing chargeable").isEmpty();
    }

    @Test
    void labourNotCoveredIsChargedWithThePartsFree() {
        AmcBusiness b = business(plan(PartsCover.FULL, 0, false, 2));
        b.create("J-1", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-1", part("J-1", "CAP-45", 1, 90_000));

        Invoice invoice = b.gd.billing().invoice(JobId.of("J-1"), BUYER).orElseThrow();
        assertThat(line(invoice, LineKind.LABOUR).coveredBy()).isNull();
        assertThat(line(invoice, LineKind.PART).total()).isEqualTo(Money.inr(0));
        assertThat(invoice.total()).isEqualTo(Money.inr(150_000));
    }

    @Test
    void aCallBeyondTheEntitlementPaysLabourAndPartsInFull() {
        AmcBusiness b = business(plan(PartsCover.DISCOUNT, 2000, true, 1));
        b.done("J-1", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-1", PaymentMode.AMC, 0, "AMC-1");
        b.on(JUNE.plusDays(2)).create("J-2", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-2", part("J-2", "CAP-45", 1, 90_000));

        Invoice invoice = b.gd.billing().invoice(JobId.of("J-2"), BUYER).orElseThrow();
        assertThat(line(invoice, LineKind.LABOUR).coveredBy()).isNull();
        assertThat(line(invoice, LineKind.PART).unitPrice()).as("list 900.00 less its GST").isEqualTo(Money.inr(76_271));
        assertThat(invoice.total()).isEqualTo(Money.inr(240_000));
        b.pay("J-2", PaymentMode.CARD, 240_000, null);
        assertThat(b.audit(JUNE.plusDays(5))).as("billed in full: no EXTRA_VISIT_NOT_BILLED").isEmpty();
    }

    @Test
    void anExtraCallChargedOnlyForItsPartIsFound() {
        AmcBusiness b = business(plan(PartsCover.DISCOUNT, 2000, true, 1));
        b.done("J-1", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-1", PaymentMode.AMC, 0, "AMC-1");
        b.on(JUNE.plusDays(2)).create("J-2", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-2", part("J-2", "CAP-45", 1, 90_000));
        assertThat(b.gd.jobs().job(b.owner, JobId.of("J-2")).orElseThrow().parts().get(0).unitPrice())
                .as("the contract's one call was used: list price").isEqualTo(Money.inr(90_000));
        b.pay("J-2", PaymentMode.CARD, 90_000, null);

        List<Finding> findings = b.audit(JUNE.plusDays(5));
        assertThat(findings).extracting(Finding::code).contains(LeakageCode.EXTRA_VISIT_NOT_BILLED);
        assertThat(findings).filteredOn(f -> f.code() == LeakageCode.EXTRA_VISIT_NOT_BILLED)
                .extracting(Finding::amountAtRisk).containsExactly(Money.inr(150_000));
    }

    @Test
    void workAfterTheContractEndedIsBilledAtListPrice() {
        AmcBusiness b = business(plan(PartsCover.FULL, 0, true, 5)).on(END.plusDays(1));
        b.create("J-1", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-1", part("J-1", "CAP-45", 1, 90_000));

        Invoice invoice = b.gd.billing().invoice(JobId.of("J-1"), BUYER).orElseThrow();
        assertThat(invoice.total()).isEqualTo(Money.inr(240_000));
    }

    @Test
    void theLeakageRulesAreSilentOnTheFrontDoorsInvoiceOfADiscountedPart() {
        AmcBusiness b = business(plan(PartsCover.DISCOUNT, 1500, true, 2));
        b.create("J-1", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-1", part("J-1", "CAP-45", 1, 100_000));
        b.pay("J-1", PaymentMode.AMC, 0, "AMC-1").pay("J-1", PaymentMode.CARD, 85_000, null);
        assertThat(b.gd.billing().invoice(JobId.of("J-1"), BUYER).orElseThrow().total()).isEqualTo(Money.inr(85_000));

        assertThat(b.audit(JUNE.plusDays(3))).isEmpty();
    }

    @Test
    void coveredJobChargedFiresWhenTheLabourIsPaidOnTopOfADiscountedPart() {
        AmcBusiness b = business(plan(PartsCover.DISCOUNT, 1500, true, 2));
        b.create("J-1", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-1", part("J-1", "CAP-45", 1, 100_000));
        // 850.00 for the discounted part and 1,500.00 of labour the contract pays for (at the part's list price of
        // 1,000.00 the labour charged would look like 1,350.00, below the quote)
        b.pay("J-1", PaymentMode.CARD, 235_000, null);

        List<Finding> findings = b.audit(JUNE.plusDays(3));
        assertThat(findings).extracting(Finding::code).containsExactly(LeakageCode.COVERED_JOB_CHARGED);
        assertThat(findings.get(0).amountAtRisk()).isEqualTo(Money.inr(150_000));
    }

    @Test
    void coveredJobChargedFiresWhenAFullPartsCustomerPaysForThePartAndLabour() {
        AmcBusiness b = business(plan(PartsCover.FULL, 0, true, 2));
        b.create("J-1", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-1", part("J-1", "CAP-45", 1, 100_000));
        b.pay("J-1", PaymentMode.CARD, 150_000, null);

        assertThat(b.audit(JUNE.plusDays(3))).extracting(Finding::code).containsExactly(LeakageCode.COVERED_JOB_CHARGED);
    }

    @Test
    void quietWhenAFullPartsCustomerPaysNothing() {
        AmcBusiness b = business(plan(PartsCover.FULL, 0, true, 2));
        b.create("J-1", "C1", "S-1", "AC_REPAIR", 150_000);
        b.complete("J-1", part("J-1", "CAP-45", 1, 100_000));
        b.pay("J-1", PaymentMode.AMC, 0, "AMC-1");

        assertThat(b.audit(JUNE.plusDays(3))).as("the part is not owed, so nothing is short either").isEmpty();
    }
}
