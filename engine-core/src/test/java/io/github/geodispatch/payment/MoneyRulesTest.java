package io.github.geodispatch.payment;

import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.payment.MoneyRules.Verdict;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.AmountOutOfRangeException;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The money rules themselves, the account that applies them to any stream, and the command edges. */
class MoneyRulesTest {
    static final TenantId TENANT = TenantId.of("coolair");
    static final JobId JOB = JobId.of("J-1");
    static final Actor OWNER = Actor.owner(TENANT, "owner-1");
    static final Site SITE = new Site(SiteId.of("S-1"), GeoPoint.of(12.97, 77.64), 60, "100 Feet Rd");
    static final Instant T0 = Instant.parse("2026-11-02T03:30:00Z");

    /** A job stream built by hand, as a store written before the rules (or by any adapter) may hold it. */
    static final class RawStream {
        final List<JobEvent> events = new ArrayList<>();

        RawStream(Money quote) {
            events.add(new JobEvent.JobCreated(header(), BranchId.of("BR-1"), CustomerId.of("C-1"), SITE, "",
                    "AC_SERVICE", List.of(), Priority.NORMAL, null, null, 60, quote, null, null));
        }

        EventHeader header() {
            return MoneyRulesTest.header(events.size() + 1);
        }

        RawStream add(JobEvent event) {
            events.add(event);
            return this;
        }

        RawStream paid(PaymentMode mode, Money amount, String reference) {
            return add(new JobEvent.PaymentRecorded(header(), mode, amount, reference, null, null));
        }

        RawStream completed() {
            return add(new JobEvent.StatusChanged(header(), JobStatus.COMPLETED, null, null));
        }

        JobAccount fold() {
            JobAccount account = new JobAccount(ZoneId.of("Asia/Kolkata"));
            events.forEach(account::apply);
            return account;
        }
    }

    static EventHeader header(long version) {
        return new EventHeader(UUID.randomUUID(), StreamId.of(TENANT, JOB), version, T0.plusSeconds(60 * version), OWNER,
                HashChain.GENESIS);
    }

    static JobEvent.PaymentRecorded upi(long paise, String utr) {
        return new JobEvent.PaymentRecorded(header(2), PaymentMode.UPI, Money.inr(paise), utr, null, null);
    }

    @Test
    void aReferenceCountsOnceAndOnlyInTheJobsCurrency() {
        List<JobEvent.PaymentRecorded> recorded = List.of(upi(150_000, "377177333579"));

        assertThat(MoneyRules.payment(JOB, Currency.INR, recorded, PaymentMode.UPI, Money.inr(150_000), "377177333580")
                .verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(MoneyRules.payment(JOB, Currency.INR, recorded, PaymentMode.UPI, Money.inr(150_000), "377177333579"))
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.REPEAT))
                .satisfies(c -> assertThat(c.message()).isEqualTo("payment reference 377177333579 is already recorded "
                        + "on job J-1 as UPI 1500.00 INR (the same payment again)"));
        assertThat(MoneyRules.payment(JOB, Currency.INR, recorded, PaymentMode.CASH, Money.inr(150_000), "377177333579")
                .verdict()).isEqualTo(Verdict.DUPLICATE_REFERENCE);
        assertThat(MoneyRules.payment(JOB, Currency.INR, recorded, PaymentMode.UPI, Money.inr(134_900), "377177333579")
                .verdict()).isEqualTo(Verdict.DUPLICATE_REFERENCE);
        // the currency is checked first, whatever the reference
        assertThat(MoneyRules.payment(JOB, Currency.INR, recorded, PaymentMode.UPI, Money.kes(150_000), "377177333579"))
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.CURRENCY_MISMATCH))
                .satisfies(c -> assertThat(c.message()).isEqualTo("payment amount is in KES but job J-1 is priced in INR"));
        assertThat(MoneyRules.payment(JOB, Currency.INR, recorded, PaymentMode.CASH, Money.inr(1), null).accepted())
                .isTrue();
        assertThatThrownBy(() -> new MoneyRules.Check(Verdict.REPEAT, null)).hasMessageContaining("message");
    }

    @Test
    void anAccountCountsNothingTheRulesRefuseWhateverTheStreamHolds() {
        RawStream stream = new RawStream(Money.inr(284_900)).completed()
                .paid(PaymentMode.UPI, Money.inr(150_000), "377177333579")
                .paid(PaymentMode.UPI, Money.inr(150_000), "377177333579")
                .paid(PaymentMode.CASH, Money.inr(134_900), "377177333579")
                .paid(PaymentMode.MPESA, Money.kes(284_900), "QK12345678");
        JobAccount account = new JobAccount(ZoneId.of("Asia/Kolkata"));
        List<Boolean> counted = new ArrayList<>();
        stream.events.forEach(e -> counted.add(account.apply(e)));

        assertThat(counted).containsExactly(true, true, true, false, false, false);
        assertThat(account.payments()).extracting(JobEvent.PaymentRecorded::amount).containsExactly(Money.inr(150_000));
        assertThat(account.paidOnSite()).isEqualTo(Money.inr(150_000));
        assertThat(account.outstanding()).isEqualTo(Money.inr(134_900));
        assertThat(account.status()).isEqualTo(PaymentStatus.PARTIAL);
    }

    @Test
    void partsExpensesAndInvoicesInAnotherCurrencyAreLeftOut() {
        RawStream stream = new RawStream(Money.inr(99_900));
        stream.add(new JobEvent.PartUsed(stream.header(), "CAP-35", null, 2, Money.kes(35_000), true))
                .add(new JobEvent.PartUsed(stream.header(), "SEAL", null, 1, Money.inr(5_000), true));
        stream.add(new JobEvent.ExpenseAdded(stream.header(), "parking", Money.kes(2_000), true))
                .add(new JobEvent.InvoiceHandedOff(stream.header(), "INV-1", Money.kes(1), List.of()));
        JobAccount account = stream.fold();

        assertThat(account.grossDue()).isEqualTo(Money.inr(104_900));
        assertThat(account.parts()).extracting(JobEvent.PartUsed::sku).containsExactly("SEAL");
        assertThat(account.invoice()).isNull();
        assertThat(account.billedAmount()).isEqualTo(Money.inr(104_900));
    }

    @Test
    void paymentsSeenBeforeTheJobWasCreatedAreCheckedAgainWhenItIs() {
        RawStream stream = new RawStream(Money.inr(99_900)).paid(PaymentMode.CASH, Money.kes(10_000), null)
                .paid(PaymentMode.CASH, Money.inr(20_000), null);
        JobAccount lateListener = new JobAccount(ZoneId.of("Asia/Kolkata"));
        lateListener.apply(stream.events.get(1));
        lateListener.apply(stream.events.get(2));
        lateListener.apply(stream.events.get(0));

        assertThat(lateListener.payments()).extracting(JobEvent.PaymentRecorded::amount).containsExactly(Money.inr(20_000));
        assertThat(lateListener.paidOnSite()).isEqualTo(Money.inr(20_000));
    }

    @Test
    void commandsRefuseAmountsAboveTheMaximumNamingTheField() {
        Money tooMuch = Money.parse("9999999999999999.00", Currency.INR);
        assertThatThrownBy(() -> JobCommand.RecordPayment.upi(JOB, tooMuch, "377177333579"))
                .isInstanceOfSatisfying(AmountOutOfRangeException.class,
                        e -> assertThat(e.field()).isEqualTo("payment amount"));
        assertThatThrownBy(() -> JobCommand.CreateJob.builder(JOB, BranchId.of("BR-1"), CustomerId.of("C-1"), SITE,
                "AC_SERVICE").quote(tooMuch).build())
                .isInstanceOfSatisfying(AmountOutOfRangeException.class, e -> assertThat(e.field()).isEqualTo("quote"));
        assertThatThrownBy(() -> new JobCommand.RecordInvoiceHandoff(JOB, "INV-1", tooMuch, List.of()))
                .isInstanceOf(AmountOutOfRangeException.class).hasMessageContaining("invoice total");
        assertThatThrownBy(() -> new JobCommand.UsePart(JOB, "CAP-35", null, 3, Money.inr(50_000_000_000L), true))
                .isInstanceOf(AmountOutOfRangeException.class).hasMessageContaining("part line total");
        assertThatThrownBy(() -> new JobCommand.AddExpense(JOB, "parking", tooMuch, true))
                .isInstanceOf(AmountOutOfRangeException.class).hasMessageContaining("expense amount");
    }

    @Test
    void theLiveEngineAppliesTheSameRules() {
        JobRecord engine = JobRecord.builder().eventStore(new InMemoryJobEventStore()).build();
        engine.execute(OWNER, JobCommand.CreateJob.builder(JOB, BranchId.of("BR-1"), CustomerId.of("C-1"), SITE,
                "AC_SERVICE").quote(Money.inr(284_900)).build()).orThrow();
        engine.execute(OWNER, JobCommand.RecordPayment.upi(JOB, Money.inr(150_000), "377177333579")).orThrow();

        assertThat(engine.execute(OWNER, JobCommand.RecordPayment.upi(JOB, Money.inr(150_000), "377177333579")))
                .isInstanceOfSatisfying(CommandResult.Accepted.class, a -> assertThat(a.events()).isEmpty());
        assertThat(engine.execute(OWNER, JobCommand.RecordPayment.cash(JOB, Money.kes(150_000))))
                .isInstanceOfSatisfying(CommandResult.Rejected.class, r -> {
                    assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.INVALID_INPUT);
                    assertThat(r.rejection().message()).isEqualTo("payment amount is in KES but job J-1 is priced in INR");
                });
        assertThat(engine.execute(OWNER, new JobCommand.RecordPayment(JOB, PaymentMode.CARD, Money.inr(150_000),
                "377177333579", null))).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.DUPLICATE_REFERENCE));
    }
}
