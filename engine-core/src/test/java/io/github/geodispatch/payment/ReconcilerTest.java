package io.github.geodispatch.payment;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        r.forget(JobId.of("J-3"), List.of(late));
        assertThat(r.firstOfSeveral("NA")).as("J-3 let go while J-1 and J-2 are held: still its claim").contains(late);
        assertThat(r.firstOfSeveral("QK99999999")).isEmpty();
    }

    @Test
    void aFirstClaimLetGoWhileOthersOfItsReferenceAreHeldStaysTheFirstUntilTheLastIsLetGo() {
        Reconciler r = new Reconciler(Duration.ofHours(2));
        Reconciler.Claim first = claim("J-1", "T-1", 50_000, "QK11111111", 0);
        Reconciler.Claim again = claim("J-1", "T-1", 50_000, "QK11111111", 5);
        Reconciler.Claim second = claim("J-2", "T-2", 50_000, "QK11111111", 60);
        Reconciler.Claim third = claim("J-3", "T-3", 50_000, "QK11111111", 90);
        r.claim(first);
        r.claim(again);
        r.claim(second);

        r.forget(JobId.of("J-1"), List.of(first, again));
        assertThat(r.claims("QK11111111")).containsExactly(second);
        assertThat(r.firstOfSeveral("QK11111111")).as("J-2 stays a duplicate of J-1's first claim").contains(first);
        r.claim(third);
        assertThat(r.firstOfSeveral("QK11111111")).contains(first);
        assertThat(r.match(credit("QK11111111", 50_000, null, 100)))
                .as("its credit belongs to J-1's claim, let go: it came too late, and links to none").isEmpty();

        r.forget(JobId.of("J-2"), List.of(second));
        assertThat(r.firstOfSeveral("QK11111111")).contains(first);
        r.forget(JobId.of("J-3"), List.of(third));
        assertThat(r.firstOfSeveral("QK11111111")).isEmpty();
        r.claim(claim("J-4", "T-4", 50_000, "QK11111111", 200));
        assertThat(r.firstOfSeveral("QK11111111")).as("forgotten with the reference's last claim").isEmpty();

        // a job whose only claim was nobody's first leaves nothing behind
        Reconciler.Claim lone = claim("J-5", "T-5", 50_000, "QK22222222", 0);
        r.claim(lone);
        r.forget(JobId.of("J-5"), List.of(lone));
        r.claim(claim("J-6", "T-6", 50_000, "QK22222222", 3 * 24 * 60));
        assertThat(r.firstOfSeveral("QK22222222")).isEmpty();
    }

    @Test
    void aCreditLetGoWhileClaimsOfItsReferenceAreHeldStillCarriesThemUntilTheLastIsLetGo() {
        Reconciler r = new Reconciler(Duration.ofHours(2));
        Reconciler.Claim claim = claim("J-1", "T-1", 50_000, "QK11111111", 0);
        r.claim(claim);
        r.claim(claim("J-3", "T-1", 50_000, null, 5)); // competes for amount matches only while J-1's claim is unverified
        StatementCredit credit = credit("QK11111111", 50_000, "J-2", 30);
        assertThat(r.credit(credit)).isTrue();

        r.forgetCredit("QK11111111"); // let go with J-2, the job it names
        assertThat(r.credit("QK11111111")).isEmpty();
        assertThat(r.carried("QK11111111")).as("J-1's claim stays verified").isTrue();
        assertThat(r.credit(credit)).as("the same credit again is still a repeat").isFalse();
        assertThat(r.match(credit("QK22222222", 50_000, null, 10))).as("J-1's claim does not compete")
                .get().extracting(CreditMatch::job).isEqualTo(JobId.of("J-3"));

        r.forget(JobId.of("J-1"), List.of(claim));
        assertThat(r.carried("QK11111111")).isFalse();
        assertThat(r.credit(credit)).as("no claim of it held: recorded afresh").isTrue();
        r.forgetCredit("QK11111111");
        assertThat(r.carried("QK11111111")).as("let go with no claim of it held: nothing kept").isFalse();
    }

    @Test
    void cashAndCoverageClaimsLeaveNoStatementTrace() {
        Reconciler r = new Reconciler(Duration.ofHours(2));
        r.claim(new Reconciler.Claim(JobId.of("J-1"), null, PaymentMode.CASH, Money.kes(70_000), null, T, UUID.randomUUID()));
        assertThat(r.match(credit("QK22222222", 70_000, null, 0))).isEmpty();
    }
}
