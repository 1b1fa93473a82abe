package io.github.geodispatch.leakage;

import io.github.geodispatch.job.ClosurePolicies;
import io.github.geodispatch.job.ClosurePolicy;
import io.github.geodispatch.spi.PaymentMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grace periods and closure policies are configurable; the defaults are the documented ones. */
class LeakagePolicyTest {
    static final long DAY = 24 * 60;

    @Test
    void defaultsAreTheDocumentedOnes() {
        LeakagePolicy p = LeakagePolicy.defaults();
        assertThat(List.of(p.paymentStatusGrace(), p.verificationGrace(), p.invoiceGrace(), p.cashDepositGrace(),
                p.ghostVisitMinimumStay(), p.offBookMinimumStay())).containsExactly(Duration.ofHours(2),
                Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(48), Duration.ofMinutes(5), Duration.ofMinutes(20));
        assertThat(p.visitRules()).isTrue();
    }

    @Test
    void changedGracePeriodsMoveDetection() {
        Scenario missing = new Scenario().completedJob("J-1", "T-1", 0, 99_900);
        LeakagePolicy hour = LeakagePolicy.defaults().withPaymentStatusGrace(Duration.ofHours(1));
        assertThat(missing.run(hour).findings(Scenario.instant(60 + 60))).extracting(Finding::code)
                .containsExactly(LeakageCode.PAYMENT_STATUS_MISSING);
        assertThat(missing.run(LeakagePolicy.defaults()).findings(Scenario.instant(60 + 60))).isEmpty();

        Scenario unverified = new Scenario().completedJob("J-1", "T-1", 0, 99_900)
                .payment("J-1", PaymentMode.UPI, 99_900, "412345678901", 60);
        assertThat(unverified.run(LeakagePolicy.defaults().withVerificationGrace(Duration.ofHours(1)))
                .findings(Scenario.instant(120))).extracting(Finding::code).containsExactly(LeakageCode.PAYMENT_UNVERIFIED);

        Scenario credit = new Scenario().completedJob("J-1", "T-1", 0, 99_900)
                .payment("J-1", PaymentMode.INVOICE_REQUIRED, 0, null, 60);
        assertThat(credit.run(LeakagePolicy.defaults().withInvoiceGrace(Duration.ofDays(3))).findings(Scenario.instant(2 * DAY)))
                .isEmpty();

        Scenario cash = new Scenario().completedJob("J-1", "T-1", 0, 99_900)
                .payment("J-1", PaymentMode.CASH, 99_900, null, 60);
        assertThat(cash.run(LeakagePolicy.defaults().withCashDepositGrace(Duration.ofHours(12))).findings(Scenario.instant(60 + 12 * 60)))
                .extracting(Finding::code).containsExactly(LeakageCode.CASH_NOT_DEPOSITED);
    }

    @Test
    void aJobTypeWithoutProofRequirementsIsNeverProofMissing() {
        Scenario noProof = new Scenario().job("J-1", -30, 79_900).assigned("J-1", "T-1", 0).visit("T-1", "J-1", 19, 61)
                .status("J-1", io.github.geodispatch.spi.JobStatus.COMPLETED, 60)
                .payment("J-1", PaymentMode.CASH, 79_900, null, 60).deposit("T-1", 79_900, 300);
        assertThat(noProof.findings(10 * DAY)).extracting(Finding::code).containsExactly(LeakageCode.PROOF_MISSING);
        LeakagePolicy lax = LeakagePolicy.defaults().withClosurePolicies(
                ClosurePolicies.builder().policy("AC_SERVICE", ClosurePolicy.none()).build());
        assertThat(noProof.run(lax).findings(Scenario.instant(10 * DAY))).isEmpty();
    }

    @Test
    void negativeDurationsAreRejected() {
        assertThatThrownBy(() -> LeakagePolicy.defaults().withPaymentStatusGrace(Duration.ofHours(-1)))
                .hasMessageContaining("payment status grace must be a non-negative duration");
    }

    @Test
    void aPolicyReportingSomeCodesGivesExactlyTheirFindingsAndRunsNoOtherRule() {
        // completed with no proof or payment status, a part not on the invoice, cash never deposited
        Scenario leaky = new Scenario().completedJob("J-1", "T-1", 0, 99_900)
                .part("J-1", "CAP-35", 45_000, true, 30).invoice("J-1", 144_900, List.of(), 90)
                .payment("J-1", PaymentMode.CASH, 144_900, null, 100);
        List<Finding> all = leaky.run(LeakagePolicy.defaults()).findings(Scenario.instant(10 * DAY));
        Set<LeakageCode> found = all.stream().map(Finding::code).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(LeakageCode.class)));
        assertThat(found).contains(LeakageCode.PARTS_NOT_BILLED, LeakageCode.CASH_NOT_DEPOSITED);

        for (LeakageCode code : found) {
            LeakagePolicy only = LeakagePolicy.defaults().withCodes(Set.of(code));
            assertThat(only.reports(code)).isTrue();
            assertThat(leaky.run(only).findings(Scenario.instant(10 * DAY))).as(code.name())
                    .containsExactlyElementsOf(all.stream().filter(f -> f.code() == code).toList());
        }
        assertThat(LeakagePolicy.defaults().reports(LeakageCode.STOCK_SHRINKAGE)).isTrue();
        assertThatThrownBy(() -> LeakagePolicy.defaults().withCodes(Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one finding code");
    }
}
