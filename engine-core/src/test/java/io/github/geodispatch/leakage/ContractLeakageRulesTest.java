package io.github.geodispatch.leakage;

import io.github.geodispatch.contract.AmcBusiness;
import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.SiteId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.github.geodispatch.contract.AmcBusiness.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** Each contract leakage code fires on its planted leak and stays quiet on the nearest honest history. */
class ContractLeakageRulesTest {
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

    static Finding only(List<Finding> findings, LeakageCode code) {
        assertThat(findings).extracting(Finding::code).containsExactly(code);
        return findings.get(0);
    }

    /** Customer C1 with site S-1 under AMC-1 for 2026 (no preventive visits, {@code calls} breakdown calls). */
    static AmcBusiness covered(int calls) {
        return new AmcBusiness().customer("C1", "S-1").contract("C1", "AMC-1", plan(0, calls), START, END, "S-1");
    }

    @Nested
    class CoveredJobCharged {
        @Test
        void firesWhenTheCustomerPaysTheLabourOfACoveredCall() {
            AmcBusiness b = covered(2).on(JUNE);
            b.done("J-1", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-1", PaymentMode.CARD, 150_000, null);

            Finding f = only(b.audit(JUNE.plusDays(3)), LeakageCode.COVERED_JOB_CHARGED);
            assertThat(f.job()).isEqualTo(JobId.of("J-1"));
            assertThat(f.reference()).isEqualTo("AMC-1");
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(150_000));
            assertThat(f.evidence()).hasSize(3);
        }

        @Test
        void firesWhenTheCallsSiteIsRecordedAfterTheCall() {
            // the call names site S-9, which the customer records only afterwards, 1.1 km from the call's point: until
            // then the call is at S-0 (the customer's site nearest its point), then at S-9 by its id
            AmcBusiness b = new AmcBusiness().customer("C1", "S-0").on(JUNE);
            b.create("J-1", "C1", "S-9", "AC_REPAIR", 150_000);
            b.gd.customers().execute(b.owner, new CustomerCommand.AddSite(CustomerId.of("C1"), new CustomerSite(
                    SiteId.of("S-9"), GeoPoint.of(12.91, 77.60), "site S-9", ""))).orThrow();
            b.contract("C1", "AMC-9", plan(0, 2), START, END, "S-9");
            b.complete("J-1").pay("J-1", PaymentMode.CARD, 150_000, null);

            assertThat(only(b.audit(JUNE.plusDays(3)), LeakageCode.COVERED_JOB_CHARGED).reference()).isEqualTo("AMC-9");
        }

        @Test
        void firesOnAnInvoiceOfTheLabourToo() {
            AmcBusiness b = covered(2).on(JUNE);
            b.done("J-1", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-1", PaymentMode.INVOICE_REQUIRED, 0, null)
                    .invoice("J-1", 177_000);

            assertThat(only(b.audit(JUNE.plusDays(3)), LeakageCode.COVERED_JOB_CHARGED).amountAtRisk())
                    .isEqualTo(Money.inr(150_000));
        }

        @Test
        void quietWhenTheContractsCallsWereUsedUp() {
            AmcBusiness b = covered(1).on(JUNE);
            b.done("J-1", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-1", PaymentMode.AMC, 0, "AMC-1");
            b.on(JUNE.plusDays(3)).create("J-2", "C1", "S-1", "AC_REPAIR", 150_000);
            b.create("J-3", "C1", "S-1", "AC_REPAIR", 150_000);
            b.complete("J-3").pay("J-3", PaymentMode.CARD, 150_000, null);

            assertThat(b.audit(JUNE.plusDays(6))).as("J-3 is the contract's second call and its one call was used").isEmpty();
        }

        @Test
        void quietWhenTheCallIsClaimedAgainstTheContract() {
            AmcBusiness b = covered(2).on(JUNE);
            b.done("J-1", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-1", PaymentMode.AMC, 0, "AMC-1");

            assertThat(b.audit(JUNE.plusDays(3))).isEmpty();
            assertThat(b.gd.jobs().job(b.owner, JobId.of("J-1")).orElseThrow().coverage().reference()).isEqualTo("AMC-1");
        }
    }

    @Nested
    class AmcClaimUncovered {
        @Test
        void firesInsteadOfCoverageInvalidForACustomerWithoutAContract() {
            AmcBusiness b = covered(2).customer("C2", "S-2").on(JUNE);
            b.done("J-2", "C2", "S-2", "AC_REPAIR", 150_000).pay("J-2", PaymentMode.AMC, 0, "AMC-1");

            Finding f = only(b.audit(JUNE.plusDays(3)), LeakageCode.AMC_CLAIM_UNCOVERED);
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(150_000));
            assertThat(f.reference()).isEqualTo("AMC-1");
        }

        @Test
        void quietWhenTheUncoveredJobIsPaid() {
            AmcBusiness b = covered(2).customer("C2", "S-2").on(JUNE);
            b.done("J-2", "C2", "S-2", "AC_REPAIR", 150_000).pay("J-2", PaymentMode.CARD, 150_000, null);

            assertThat(b.audit(JUNE.plusDays(3))).isEmpty();
        }
    }

    @Nested
    class ExpiredContractWorkNotBilled {
        @Test
        void firesForAnAmcClaimAfterTheContractEnded() {
            AmcBusiness b = covered(2).on(END.plusDays(10));
            b.done("J-3", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-3", PaymentMode.AMC, 0, "AMC-1");

            Finding f = only(b.audit(END.plusDays(12)), LeakageCode.EXPIRED_CONTRACT_WORK_NOT_BILLED);
            assertThat(f.reference()).isEqualTo("AMC-1");
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(150_000));
        }

        @Test
        void firesAfterACancellationToo() {
            AmcBusiness b = covered(2).on(JUNE);
            b.gd.customers().execute(b.owner, new io.github.geodispatch.customer.CustomerCommand.CancelContract(
                    io.github.geodispatch.spi.CustomerId.of("C1"), io.github.geodispatch.spi.ContractId.of("AMC-1"),
                    "not renewed after a dispute")).orThrow();
            b.on(JUNE.plusDays(5)).done("J-3", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-3", PaymentMode.AMC, 0, "AMC-1");

            only(b.audit(JUNE.plusDays(8)), LeakageCode.EXPIRED_CONTRACT_WORK_NOT_BILLED);
        }

        @Test
        void quietWhenTheWorkAfterTheEndIsPaid() {
            AmcBusiness b = covered(2).on(END.plusDays(10));
            b.done("J-3", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-3", PaymentMode.CASH, 150_000, null);

            assertThat(b.audit(END.plusDays(11))).isEmpty();
        }
    }

    @Nested
    class ExtraVisitNotBilled {
        @Test
        void firesForTheCallBeyondTheEntitlementADayAfterItsCompletion() {
            AmcBusiness b = covered(1).on(JUNE);
            b.done("J-4", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-4", PaymentMode.AMC, 0, "AMC-1");
            b.on(JUNE.plusDays(10)).done("J-5", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-5", PaymentMode.AMC, 0, "AMC-1");

            assertThat(b.audit(JUNE.plusDays(10))).isEmpty();
            Finding f = only(b.audit(JUNE.plusDays(11)), LeakageCode.EXTRA_VISIT_NOT_BILLED);
            assertThat(f.job()).isEqualTo(JobId.of("J-5"));
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(150_000));
            assertThat(f.reference()).isEqualTo("AMC-1");
        }

        @Test
        void quietWhenTheExtraCallIsCharged() {
            AmcBusiness b = covered(1).on(JUNE);
            b.done("J-4", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-4", PaymentMode.AMC, 0, "AMC-1");
            b.on(JUNE.plusDays(10)).done("J-5", "C1", "S-1", "AC_REPAIR", 150_000).pay("J-5", PaymentMode.CARD, 150_000, null);

            assertThat(b.audit(JUNE.plusDays(20))).isEmpty();
        }
    }

    @Nested
    class ContractVisitsMissed {
        /** AMC-1 with four preventive visits in 2026, of which {@code done} are done. */
        AmcBusiness visits(int done) {
            AmcBusiness b = new AmcBusiness().customer("C1", "S-1").contract("C1", "AMC-1", plan(4, 0), START, END, "S-1");
            List<JobId> scheduled = b.gd.contracts().scheduleVisits(b.owner, END);
            assertThat(scheduled).hasSize(4);
            for (int i = 0; i < done; i++) {
                String job = scheduled.get(i).value();
                b.on(START.plusDays(91L * i + 2)).complete(job).pay(job, PaymentMode.AMC, 0, "AMC-1");
            }
            return b;
        }

        @Test
        void firesTheDayAfterTheEndWithThePriceOfTheMissedVisits() {
            AmcBusiness b = visits(3);

            assertThat(b.audit(END)).isEmpty();
            Finding f = only(b.audit(END.plusDays(5)), LeakageCode.CONTRACT_VISITS_MISSED);
            assertThat(f.reference()).isEqualTo("AMC-1");
            assertThat(f.job()).isNull();
            assertThat(f.branch()).isEqualTo(AmcBusiness.BRANCH);
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(150_000));
            assertThat(f.detectedAt()).isEqualTo(END.plusDays(1).atStartOfDay(AmcBusiness.ZONE).toInstant());
        }

        @Test
        void quietWhenEveryVisitWasDone() {
            assertThat(visits(4).audit(END.plusDays(5))).isEmpty();
        }
    }
}
