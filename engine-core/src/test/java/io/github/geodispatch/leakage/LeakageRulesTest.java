package io.github.geodispatch.leakage;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule fires on its leak and stays quiet on the nearest innocent history. */
class LeakageRulesTest {
    static final long DAY = 24 * 60;

    static Finding only(List<Finding> findings, LeakageCode code) {
        assertThat(findings).extracting(Finding::code).containsExactly(code);
        return findings.get(0);
    }

    @Test
    void anHonestJobHasNoFinding() {
        Scenario s = new Scenario().technician("T-1").honestUpiJob("J-1", "T-1", 0, 149_900, "412345678901");
        assertThat(s.findings(10 * DAY)).isEmpty();
    }

    @Nested
    class PaymentStatusMissing {
        @Test
        void firesTwoHoursAfterCompletionWithoutPayment() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 99_900);
            Finding f = only(s.findings(60 + 121), LeakageCode.PAYMENT_STATUS_MISSING);
            assertThat(f.job()).isEqualTo(JobId.of("J-1"));
            assertThat(f.technician()).isEqualTo(TechnicianId.of("T-1"));
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(99_900));
            assertThat(f.detectedAt()).isEqualTo(Scenario.instant(60 + 120));
        }

        @Test
        void quietWithinTheGraceAndWhenAPendingPromiseIsRecorded() {
            assertThat(new Scenario().completedJob("J-1", "T-1", 0, 99_900).findings(60 + 119)).isEmpty();
            assertThat(new Scenario().completedJob("J-1", "T-1", 0, 99_900).pending("J-1", 61).findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class PaymentUnverified {
        @Test
        void firesWhenNoCreditCarriesTheUtrAfter48h() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 99_900)
                    .payment("J-1", PaymentMode.UPI, 99_900, "412345678901", 60);
            Finding f = only(s.findings(60 + 2 * DAY), LeakageCode.PAYMENT_UNVERIFIED);
            assertThat(f.reference()).isEqualTo("412345678901");
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(99_900));
            assertThat(s.findings(60 + 2 * DAY - 1)).isEmpty();
        }

        @Test
        void quietWhenACreditCarriesTheUtrEvenWithoutTr() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 99_900)
                    .payment("J-1", PaymentMode.UPI, 99_900, "412345678901", 60)
                    .statement("412345678901", 99_900, null, 3 * DAY);
            assertThat(s.findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class PaymentUnlinked {
        @Test
        void firesForACreditNamingNoJobNoClaimAndNoAmountMatch() {
            Scenario s = new Scenario().honestUpiJob("J-1", "T-1", 0, 149_900, "412345678901")
                    .statement("630696038731", 159_937, null, 300);
            Finding f = only(s.findings(10 * DAY), LeakageCode.PAYMENT_UNLINKED);
            assertThat(f.reference()).isEqualTo("630696038731");
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(159_937));
            assertThat(f.evidence()).containsExactly("statement:UPI:630696038731");
        }

        @Test
        void quietWhenTrNamesAJobOrTheAmountMatchesTheOnlyUnverifiedClaim() {
            Scenario byTr = new Scenario().honestUpiJob("J-1", "T-1", 0, 149_900, "412345678901")
                    .statement("630696038731", 10_000, "J-1", 300);
            assertThat(byTr.findings(10 * DAY)).isEmpty();
            Scenario byAmount = new Scenario().completedJob("J-1", "T-1", 0, 99_900)
                    .payment("J-1", PaymentMode.UPI, 99_900, "412345678999", 60)
                    .statement("412345678901", 99_900, null, 90);
            assertThat(byAmount.findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class CreditBelowClaim {
        @Test
        void firesWhenTheCreditOfTheClaimedUtrCarriesLessNamingTheDifference() {
            for (long credited : new long[] {39_900, 100, 0}) {
                Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 59_900)
                        .payment("J-1", PaymentMode.UPI, 59_900, "641739272191", 60)
                        .statement("641739272191", credited, null, 90);
                Finding f = only(s.findings(10 * DAY), LeakageCode.CREDIT_BELOW_CLAIM);
                assertThat(f.job()).isEqualTo(JobId.of("J-1"));
                assertThat(f.reference()).isEqualTo("641739272191");
                assertThat(f.amountAtRisk()).isEqualTo(Money.inr(59_900 - credited));
                assertThat(f.evidence()).hasSize(2).contains("statement:UPI:641739272191");
                assertThat(f.detectedAt()).isEqualTo(Scenario.instant(90));
                assertThat(s.findings(89)).isEmpty();
            }
        }

        @Test
        void aCreditNamingTheJobWithAnotherUtrCountsTowardsAllItsClaims() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 99_900)
                    .payment("J-1", PaymentMode.UPI, 50_000, "641739272191", 60)
                    .payment("J-1", PaymentMode.MPESA, 49_900, "QK12345678", 61)
                    .statement("641739272199", 60_000, "J-1", 120);
            Finding f = only(s.findings(10 * DAY), LeakageCode.CREDIT_BELOW_CLAIM);
            assertThat(f.reference()).isNull();
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(39_900));
            assertThat(f.detectedAt()).isEqualTo(Scenario.instant(120));
        }

        @Test
        void quietWhenTheCreditsCoverTheClaimsOrTheMoneyWasCash() {
            assertThat(new Scenario().completedJob("J-1", "T-1", 0, 59_900)
                    .payment("J-1", PaymentMode.UPI, 59_900, "641739272191", 60)
                    .statement("641739272191", 59_900, null, 90).findings(10 * DAY)).isEmpty();
            assertThat(new Scenario().completedJob("J-1", "T-1", 0, 59_900)
                    .payment("J-1", PaymentMode.UPI, 30_000, "641739272191", 60)
                    .payment("J-1", PaymentMode.UPI, 29_900, "641739272192", 61)
                    .statement("641739272191", 30_000, null, 90)
                    .statement("641739272192", 29_900, "J-1", 91).findings(10 * DAY)).isEmpty();
            Scenario cash = new Scenario().completedJob("J-1", "T-1", 0, 59_900)
                    .payment("J-1", PaymentMode.CASH, 59_900, null, 60).deposit("T-1", 59_900, 120)
                    .statement("641739272191", 100, "J-1", 90);
            assertThat(cash.findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class DuplicatePaymentReference {
        @Test
        void onlyTheLaterClaimIsTheFinding() {
            Scenario s = new Scenario().honestUpiJob("J-1", "T-1", 0, 149_900, "412345678901")
                    .completedJob("J-2", "T-2", 200, 79_900).payment("J-2", PaymentMode.UPI, 79_900, "412345678901", 260);
            Finding f = only(s.findings(10 * DAY), LeakageCode.DUPLICATE_PAYMENT_REFERENCE);
            assertThat(f.job()).isEqualTo(JobId.of("J-2"));
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(79_900));
            assertThat(f.reference()).isEqualTo("412345678901");
        }

        @Test
        void theClaimTheCreditNamesIsTheOriginalEvenWhenItCameSecond() {
            Scenario s = new Scenario().completedJob("J-2", "T-2", 0, 79_900)
                    .payment("J-2", PaymentMode.UPI, 79_900, "412345678901", 60)
                    .completedJob("J-1", "T-1", 10, 149_900).payment("J-1", PaymentMode.UPI, 149_900, "412345678901", 70)
                    .statement("412345678901", 149_900, "J-1", 120);
            assertThat(only(s.findings(10 * DAY), LeakageCode.DUPLICATE_PAYMENT_REFERENCE).job()).isEqualTo(JobId.of("J-2"));
        }

        @Test
        void quietWhenEveryJobHasItsOwnUtr() {
            Scenario s = new Scenario().honestUpiJob("J-1", "T-1", 0, 149_900, "412345678901")
                    .honestUpiJob("J-2", "T-2", 200, 79_900, "412345678902");
            assertThat(s.findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class ShortCollection {
        @Test
        void firesForTheShortfallOfAnOnSiteSettlement() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 149_900)
                    .payment("J-1", PaymentMode.CASH, 139_900, null, 60).deposit("T-1", 139_900, 300);
            assertThat(only(s.findings(10 * DAY), LeakageCode.SHORT_COLLECTION).amountAtRisk()).isEqualTo(Money.inr(10_000));
        }

        @Test
        void theInvoiceTotalIsTheDueOnceInvoiced() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 149_900)
                    .payment("J-1", PaymentMode.CASH, 149_900, null, 60).deposit("T-1", 149_900, 300)
                    .invoice("J-1", 159_900, List.of(), 100);
            assertThat(only(s.findings(10 * DAY), LeakageCode.SHORT_COLLECTION).amountAtRisk()).isEqualTo(Money.inr(10_000));
        }

        @Test
        void quietForSplitPaymentsThatAddUpAPendingRemainderOrAnApprovedWaiver() {
            Scenario split = new Scenario().completedJob("J-1", "T-1", 0, 149_900).part("J-1", "CAP-35", 35_000, true, 30)
                    .expense("J-1", 2_000, true, 31).expense("J-1", 5_000, false, 32)
                    .payment("J-1", PaymentMode.CASH, 100_000, null, 60).payment("J-1", PaymentMode.CARD, 86_900, "AUTH1", 61)
                    .deposit("T-1", 100_000, 300);
            assertThat(split.findings(10 * DAY)).isEmpty();
            Scenario pending = new Scenario().completedJob("J-1", "T-1", 0, 149_900)
                    .payment("J-1", PaymentMode.CASH, 100_000, null, 60).pending("J-1", 61).deposit("T-1", 100_000, 300);
            assertThat(pending.findings(10 * DAY)).isEmpty();
            Scenario waived = new Scenario().completedJob("J-1", "T-1", 0, 149_900)
                    .payment("J-1", PaymentMode.CASH, 100_000, null, 60).payment("J-1", PaymentMode.WAIVED, 49_900, null, 61)
                    .deposit("T-1", 100_000, 300);
            assertThat(waived.findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class PartsNotBilled {
        @Test
        void firesForABillablePartMissingFromTheInvoice() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 79_900).part("J-1", "CAP-35", 65_000, true, 30)
                    .payment("J-1", PaymentMode.CASH, 79_900, null, 60).deposit("T-1", 79_900, 300)
                    .invoice("J-1", 79_900, List.of(), 100);
            assertThat(only(s.findings(10 * DAY), LeakageCode.PARTS_NOT_BILLED).amountAtRisk()).isEqualTo(Money.inr(65_000));
        }

        @Test
        void quietForANonBillablePartOrOneOnTheInvoice() {
            Scenario free = new Scenario().completedJob("J-1", "T-1", 0, 79_900).part("J-1", "SEAL", 5_000, false, 30)
                    .payment("J-1", PaymentMode.CASH, 79_900, null, 60).deposit("T-1", 79_900, 300)
                    .invoice("J-1", 79_900, List.of(), 100);
            assertThat(free.findings(10 * DAY)).isEmpty();
            Scenario billed = new Scenario().completedJob("J-1", "T-1", 0, 79_900).part("J-1", "CAP-35", 65_000, true, 30)
                    .payment("J-1", PaymentMode.CASH, 144_900, null, 60).deposit("T-1", 144_900, 300)
                    .invoice("J-1", 144_900, List.of("CAP-35"), 100);
            assertThat(billed.findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class CoverageInvalid {
        @Test
        void firesForAnExpiredContractAndIsNotAlsoAShortCollection() {
            Scenario s = new Scenario().job("J-1", -30, 49_900, Scenario.amc("2026-10-07")).assigned("J-1", "T-1", 0)
                    .visit("T-1", "J-1", 19, 61).proof("J-1", ProofKind.PHOTO, 50).proof("J-1", ProofKind.OTP, 55)
                    .status("J-1", JobStatus.COMPLETED, 60).payment("J-1", PaymentMode.AMC, 0, "AMC-1", 60);
            assertThat(only(s.findings(10 * DAY), LeakageCode.COVERAGE_INVALID).amountAtRisk()).isEqualTo(Money.inr(49_900));
        }

        @Test
        void firesForAClaimWithoutAnyCoverage() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 49_900).payment("J-1", PaymentMode.WARRANTY, 0, "W-1", 60);
            assertThat(only(s.findings(10 * DAY), LeakageCode.COVERAGE_INVALID).amountAtRisk()).isEqualTo(Money.inr(49_900));
        }

        @Test
        void quietForAValidContractCoveringTheJobType() {
            Scenario s = new Scenario().job("J-1", -30, 49_900, Scenario.amc("2027-03-31")).assigned("J-1", "T-1", 0)
                    .visit("T-1", "J-1", 19, 61).proof("J-1", ProofKind.PHOTO, 50).proof("J-1", ProofKind.OTP, 55)
                    .status("J-1", JobStatus.COMPLETED, 60).payment("J-1", PaymentMode.AMC, 0, "AMC-1", 60);
            assertThat(s.findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class ProofMissing {
        @Test
        void firesWithoutACustomerApprovalOrWithProofOnlyAfterCompletion() {
            Scenario noApproval = new Scenario().job("J-1", -30, 79_900).assigned("J-1", "T-1", 0).visit("T-1", "J-1", 19, 61)
                    .proof("J-1", ProofKind.PHOTO, 50).proof("J-1", ProofKind.NOTE, 55).status("J-1", JobStatus.COMPLETED, 60)
                    .payment("J-1", PaymentMode.CASH, 79_900, null, 60).deposit("T-1", 79_900, 300);
            assertThat(only(noApproval.findings(10 * DAY), LeakageCode.PROOF_MISSING).amountAtRisk())
                    .isEqualTo(Money.inr(79_900));
            Scenario late = new Scenario().job("J-1", -30, 79_900).assigned("J-1", "T-1", 0).visit("T-1", "J-1", 19, 61)
                    .proof("J-1", ProofKind.PHOTO, 50).status("J-1", JobStatus.COMPLETED, 60).proof("J-1", ProofKind.OTP, 70)
                    .payment("J-1", PaymentMode.CASH, 79_900, null, 60).deposit("T-1", 79_900, 300);
            only(late.findings(10 * DAY), LeakageCode.PROOF_MISSING);
        }

        @Test
        void quietWithAPhotoAndASignature() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 79_900)
                    .payment("J-1", PaymentMode.CASH, 79_900, null, 60).deposit("T-1", 79_900, 300);
            assertThat(s.findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class InvoiceDelayed {
        @Test
        void firesADayAfterCompletionWithoutInvoice() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 79_900)
                    .payment("J-1", PaymentMode.INVOICE_REQUIRED, 0, null, 60);
            Finding f = only(s.findings(60 + DAY), LeakageCode.INVOICE_DELAYED);
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(79_900));
            assertThat(s.findings(60 + DAY - 1)).isEmpty();
        }

        @Test
        void quietOnceInvoicedAndNeverAShortCollection() {
            Scenario s = new Scenario().completedJob("J-1", "T-1", 0, 79_900)
                    .payment("J-1", PaymentMode.INVOICE_REQUIRED, 0, null, 60).invoice("J-1", 79_900, List.of(), 600);
            assertThat(s.findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class CashNotDeposited {
        @Test
        void firesForCashNotCoveredByDepositsFirstInFirstOut() {
            Scenario s = new Scenario().technician("T-1")
                    .completedJob("J-1", "T-1", 0, 124_900).payment("J-1", PaymentMode.CASH, 124_900, null, 60)
                    .completedJob("J-2", "T-1", 100, 124_900).payment("J-2", PaymentMode.CASH, 124_900, null, 160)
                    .completedJob("J-3", "T-1", 200, 184_900).payment("J-3", PaymentMode.CASH, 184_900, null, 260)
                    .deposit("T-1", 184_900, 400);
            Finding f = only(s.findings(260 + 2 * DAY), LeakageCode.CASH_NOT_DEPOSITED);
            // the deposit paid off J-1 and 600.00 of J-2: J-2's 649.00 and J-3's 1849.00 remain
            assertThat(f.technician()).isEqualTo(TechnicianId.of("T-1"));
            assertThat(f.branch()).isEqualTo(Scenario.BRANCH);
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(64_900 + 184_900));
            assertThat(f.detectedAt()).isEqualTo(Scenario.instant(160 + 2 * DAY));
            assertThat(only(s.findings(160 + 2 * DAY), LeakageCode.CASH_NOT_DEPOSITED).amountAtRisk())
                    .isEqualTo(Money.inr(64_900));
        }

        @Test
        void quietWhenDepositsCoverTheCashOrWithinTheGrace() {
            Scenario covered = new Scenario().completedJob("J-1", "T-1", 0, 124_900)
                    .payment("J-1", PaymentMode.CASH, 124_900, null, 60).deposit("T-1", 124_900, 2 * DAY);
            assertThat(covered.findings(10 * DAY)).isEmpty();
            Scenario young = new Scenario().completedJob("J-1", "T-1", 0, 124_900)
                    .payment("J-1", PaymentMode.CASH, 124_900, null, 60);
            assertThat(young.findings(60 + 2 * DAY - 1)).isEmpty();
        }
    }

    @Nested
    class GhostVisit {
        Scenario job(long visitFrom, long visitTo) {
            return new Scenario().job("J-1", -30, 79_900).assigned("J-1", "T-1", 0).visit("T-1", "J-1", visitFrom, visitTo)
                    .proof("J-1", ProofKind.PHOTO, 50).proof("J-1", ProofKind.OTP, 55).status("J-1", JobStatus.COMPLETED, 60)
                    .payment("J-1", PaymentMode.CASH, 79_900, null, 60).deposit("T-1", 79_900, 300);
        }

        @Test
        void firesWithoutAFiveMinuteStayBetweenAssignmentAndCompletion() {
            assertThat(only(job(30, 34).findings(10 * DAY), LeakageCode.GHOST_VISIT).amountAtRisk())
                    .isEqualTo(Money.inr(79_900));
            only(job(-20, -5).findings(10 * DAY), LeakageCode.GHOST_VISIT);
            Scenario noVisitAtAll = new Scenario().job("J-1", -30, 79_900).assigned("J-1", "T-1", 0)
                    .proof("J-1", ProofKind.PHOTO, 50).proof("J-1", ProofKind.OTP, 55).status("J-1", JobStatus.COMPLETED, 60)
                    .payment("J-1", PaymentMode.CASH, 79_900, null, 60).deposit("T-1", 79_900, 300);
            only(noVisitAtAll.findings(10 * DAY), LeakageCode.GHOST_VISIT);
            assertThat(noVisitAtAll.run(LeakagePolicy.defaults().withVisitRules(false))
                    .findings(Scenario.instant(10 * DAY))).isEmpty();
        }

        @Test
        void quietWithAFiveMinuteStayInside() {
            assertThat(job(30, 35).findings(10 * DAY)).isEmpty();
            assertThat(job(55, 70).findings(10 * DAY)).isEmpty();
        }
    }

    @Nested
    class OffBookVisit {
        Scenario base() {
            return new Scenario().technician("T-1").technician("T-2")
                    .completedJob("J-1", "T-1", 0, 79_900).payment("J-1", PaymentMode.CASH, 79_900, null, 60)
                    .deposit("T-1", 79_900, 300);
        }

        @Test
        void firesForATwentyMinuteStayAtACustomerSiteWithNoJobThere() {
            Finding f = only(base().visit("T-2", "J-1", 200, 220).findings(10 * DAY), LeakageCode.OFF_BOOK_VISIT);
            assertThat(f.technician()).isEqualTo(TechnicianId.of("T-2"));
            assertThat(f.amountAtRisk()).isEqualTo(Money.inr(0));
            assertThat(f.branch()).isEqualTo(Scenario.BRANCH);
        }

        @Test
        void quietForAShortStayOrAStayAtTheTechniciansOwnJob() {
            assertThat(base().visit("T-2", "J-1", 200, 219).findings(10 * DAY)).isEmpty();
            assertThat(base().visit("T-1", "J-1", 200, 260).findings(10 * DAY)).isEmpty();
        }
    }
}
