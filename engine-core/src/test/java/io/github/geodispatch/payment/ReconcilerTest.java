package io.github.geodispatch.payment;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {
    static final Instant T = Instant.parse("2026-11-02T04:00:00Z");

    static Reconciler.Claim claim(String job, String tech, long paise, String ref, long minutes) {
        return new Reconciler.Claim(JobId.of(job), TechnicianId.of(tech), PaymentMode.MPESA, Money.kes(paise), ref,
                T.plusSeconds(60 * minutes), UUID.randomUUID());
    }

    static StatementCredit credit(String ref, long paise, String billRef, long minutes) {
        return new StatementCredit("MPESA", ref, T.plusSeconds(60 * minutes), Money.kes(paise), billRef, null);
    }

    @Test
    void matchesByBillReferenceThenPaymentReferenceThenAmountTimeAndTechnician() {
        Reconciler r = new Reconciler(Duration.ofHours(2));
        r.job(JobId.of("J-1"));
        r.job(JobId.of("J-2"));
        r.job(JobId.of("J-3"));
        r.technician(TechnicianId.of("T-9"));
        r.claim(claim("J-2", "T-1", 50_000, "QK11111111", 0));
        r.claim(claim("J-3", "T-9", 70_000, null, 0));
        r.claim(claim("J-1", "T-1", 70_000, null, 10));

        StatementCredit byBill = credit("QK00000001", 1, "J-1", 5);
        assertThat(r.match(byBill)).get().extracting(CreditMatch::job, CreditMatch::basis)
                .containsExactly(JobId.of("J-1"), CreditMatch.Basis.BILL_REFERENCE);
        StatementCredit byReference = credit("QK11111111", 50_000, "unknown", 5);
        assertThat(r.match(byReference)).get().extracting(CreditMatch::job, CreditMatch::basis)
                .containsExactly(JobId.of("J-2"), CreditMatch.Basis.PAYMENT_REFERENCE);
        // two unverified claims of 700.00 in the window: ambiguous without a technician, unique with T-9
        assertThat(r.match(credit("QK00000002", 70_000, null, 30))).isEmpty();
        assertThat(r.match(credit("QK00000003", 70_000, "T-9", 30))).get().extracting(CreditMatch::job, CreditMatch::basis)
                .containsExactly(JobId.of("J-3"), CreditMatch.Basis.AMOUNT_AND_TIME);
        // outside the window nothing matches
        assertThat(r.match(credit("QK00000004", 70_000, "T-9", 200))).isEmpty();
    }

    @Test
    void creditsAreIdempotentOnTheirReferenceAndVerifiedClaimsStopCompetingForAmounts() {
        Reconciler r = new Reconciler(Duration.ofHours(2));
        r.claim(claim("J-1", "T-1", 70_000, "QK11111111", 0));
        r.claim(claim("J-2", "T-1", 70_000, null, 0));
        assertThat(r.credit(credit("QK11111111", 70_000, null, 5))).isTrue();
        assertThat(r.credit(credit("QK11111111", 70_000, null, 5))).isFalse();
        assertThat(r.match(credit("QK22222222", 70_000, null, 30))).get().extracting(CreditMatch::job)
                .isEqualTo(JobId.of("J-2"));
    }

    @Test
    void aReferenceSeveralClaimsCarryBelongsToTheJobItsCreditNamesElseToTheEarliestClaim() {
        Reconciler r = new Reconciler(Duration.ofHours(2));
        Reconciler.Claim late = claim("J-3", "T-1", 70_000, "NA", 90);
        Reconciler.Claim early = claim("J-1", "T-1", 50_000, "NA", 10);
        Reconciler.Claim middle = claim("J-2", "T-1", 60_000, "NA", 40);
        r.claim(late);
        assertThat(r.firstOfSeveral("NA")).as("one claim is nobody's duplicate").isEmpty();
        r.claim(early);
        r.claim(middle);
        assertThat(r.claims("NA")).containsExactly(early, middle, late);
        assertThat(r.firstOfSeveral("NA")).contains(early);

        r.job(JobId.of("J-3"));
        r.credit(credit("NA", 70_000, "J-3", 100));
        assertThat(r.firstOfSeveral("NA")).as("the credit's bill reference names J-3").contains(late);
        r.forget(JobId.of("J-3"), java.util.List.of(late));
        assertThat(r.firstOfSeveral("NA")).as("J-3 let go: the earliest claim again").contains(early);
        assertThat(r.firstOfSeveral("QK99999999")).isEmpty();
    }

    @Test
    void cashAndCoverageClaimsLeaveNoStatementTrace() {
        Reconciler r = new Reconciler(Duration.ofHours(2));
        r.claim(new Reconciler.Claim(JobId.of("J-1"), null, PaymentMode.CASH, Money.kes(70_000), null, T, UUID.randomUUID()));
        assertThat(r.match(credit("QK22222222", 70_000, null, 0))).isEmpty();
    }
}
