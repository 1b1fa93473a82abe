package io.github.geodispatch.messaging;

import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.Rejection.Reason;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentCallback;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProviderException;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * M-Pesa payment requests: the prompt after completion is a job event, its callback another; a paid callback records
 * the payment with the M-Pesa receipt as its reference and gives the reconciliation a statement credit; replays change
 * nothing; a failed prompt falls back to asking the customer to pay the technician.
 */
class PaymentRequestTest {
    private Talk kenya() {
        Talk[] holder = new Talk[1];
        holder[0] = new Talk(Currency.KES, p -> p, b -> b.paymentRequests(r -> holder[0].prompts().request(r)));
        return holder[0].customer("C-sw", "+254712345678", "sw");
    }

    private static PaymentCallback paid(String request, long cents) {
        return new PaymentCallback(request, true, "0", "The service request is processed successfully.", "NLJ7RT61SV",
                Money.kes(cents), "+254712345678", java.time.Instant.parse("2026-11-16T05:00:00Z"));
    }

    @Test
    void aPaidCallbackRecordsTheAnswerAndThePaymentAndCreditsTheReconciliationOnce() {
        Talk kenya = kenya();
        JobId job = kenya.job("J-ke", "C-sw");
        kenya.completed(job);
        assertThat(kenya.prompts).singleElement().satisfies(p -> assertThat(p.amount()).isEqualTo(Money.kes(149_900)));

        CommandResult result = kenya.messaging.paymentCallback(job, paid("ws_CO_1", 149_900));
        int events = kenya.history(job).size();
        CommandResult replay = kenya.messaging.paymentCallback(job, paid("ws_CO_1", 149_900));

        assertThat(result.isAccepted()).isTrue();
        assertThat(replay.isAccepted()).isTrue();
        assertThat(kenya.history(job)).as("a replay records nothing").hasSize(events);
        assertThat(kenya.history(job)).filteredOn(JobEvent.PaymentCallbackReceived.class::isInstance).singleElement()
                .isInstanceOfSatisfying(JobEvent.PaymentCallbackReceived.class, c -> {
                    assertThat(c.paid()).isTrue();
                    assertThat(c.receipt()).isEqualTo("NLJ7RT61SV");
                });
        assertThat(kenya.jobs.job(kenya.owner, job).orElseThrow().payments()).singleElement().satisfies(p -> {
            assertThat(p.mode()).isEqualTo(PaymentMode.MPESA);
            assertThat(p.reference()).isEqualTo("NLJ7RT61SV");
            assertThat(p.amount()).isEqualTo(Money.kes(149_900));
        });
        assertThat(kenya.credits).isNotEmpty().allSatisfy(c -> {
            assertThat(c.source()).isEqualTo("MPESA-STK");
            assertThat(c.reference()).isEqualTo("NLJ7RT61SV");
            assertThat(c.billRef()).isEqualTo("J-ke");
            assertThat(c.payer()).isEqualTo("+254712345678");
        });
    }

    @Test
    void aCancelledPromptIsRecordedWithoutAPayment() {
        Talk kenya = kenya();
        JobId job = kenya.job("J-ke", "C-sw");
        kenya.completed(job);

        CommandResult result = kenya.messaging.paymentCallback(job, new PaymentCallback("ws_CO_1", false, "1032",
                "Request cancelled by user", null, null, null, kenya.now));

        assertThat(result.isAccepted()).isTrue();
        assertThat(kenya.jobs.job(kenya.owner, job).orElseThrow().payments()).isEmpty();
        assertThat(kenya.credits).isEmpty();
        assertThat(kenya.messaging.paymentCallback(job, paid("ws_CO_1", 149_900)))
                .as("answered already, differently").isInstanceOfSatisfying(CommandResult.Rejected.class,
                        r -> assertThat(r.rejection().reason()).isEqualTo(Reason.DUPLICATE_REFERENCE));
    }

    @Test
    void aCallbackForARequestTheJobNeverMadeIsRefused() {
        Talk kenya = kenya();
        JobId job = kenya.job("J-ke", "C-sw");
        kenya.completed(job);

        assertThat(kenya.messaging.paymentCallback(job, paid("ws_CO_999", 149_900)))
                .isInstanceOfSatisfying(CommandResult.Rejected.class,
                        r -> assertThat(r.rejection().reason()).isEqualTo(Reason.INVALID_INPUT));
        assertThat(kenya.credits).isEmpty();
    }

    @Test
    void aFailedPromptAsksTheCustomerToPayTheTechnicianAndRecordsNoRequest() {
        Talk kenya = new Talk(Currency.KES, p -> p, b -> b.paymentRequests(r -> {
            throw ProviderException.permanent("Invalid PhoneNumber");
        })).customer("C-sw", "+254712345678", "sw");
        JobId job = kenya.job("J-ke", "C-sw");
        kenya.completed(job);

        assertThat(kenya.one(Template.JOB_COMPLETED).parameters().get(2)).isEqualTo("tafadhali mlipe fundi");
        assertThat(kenya.history(job)).noneMatch(JobEvent.PaymentRequested.class::isInstance);
    }

    @Test
    void aReplayedCompletionDoesNotPromptTheCustomerTwice() {
        Talk kenya = kenya();
        List<io.github.geodispatch.spi.StoredEvent> batches = new java.util.ArrayList<>();
        kenya.jobs.subscribe(batches::addAll);
        JobId job = kenya.job("J-ke", "C-sw");
        kenya.completed(job);
        kenya.restart();

        ((io.github.geodispatch.job.JobEventListener) kenya.messaging).onEvents(batches);

        assertThat(kenya.prompts).hasSize(1);
        assertThat(kenya.sent(Template.JOB_COMPLETED)).hasSize(1);
    }

    @Test
    void aPaidCallbackForAnotherAmountOrCurrencyThanRequestedIsRefusedWithNothingPaid() {
        Talk kenya = kenya();
        JobId job = kenya.job("J-ke", "C-sw");
        kenya.completed(job);
        int events = kenya.history(job).size();

        for (Money amount : List.of(Money.kes(100), Money.kes(149_800), Money.kes(1_000_000), Money.ofMinor(149_900, Currency.INR))) {
            assertThat(kenya.messaging.paymentCallback(job, new PaymentCallback("ws_CO_1", true, "0", "ok", "NLJ7RT61SV",
                    amount, "+254712345678", kenya.now))).as("paid %s", amount)
                    .isInstanceOfSatisfying(CommandResult.Rejected.class,
                            r -> assertThat(r.rejection().reason()).isEqualTo(Reason.INVALID_INPUT));
        }

        assertThat(kenya.history(job)).hasSize(events);
        assertThat(kenya.jobs.job(kenya.owner, job).orElseThrow().payments()).isEmpty();
        assertThat(kenya.credits).isEmpty();
        assertThat(kenya.messaging.paymentCallback(job, paid("ws_CO_1", 149_900)).isAccepted()).as("the right answer still")
                .isTrue();
    }

    @Test
    void aCallbackNamingAUpiLinkIsRefused() {
        Talk india = new Talk(p -> p.upiPayee("coolair@okaxis", "CoolAir"), b -> b).customer("C-1", "+919845012345", "en");
        JobId job = india.job("J-in", "C-1");
        india.completed(job);
        assertThat(india.history(job)).filteredOn(JobEvent.PaymentRequested.class::isInstance).singleElement()
                .isInstanceOfSatisfying(JobEvent.PaymentRequested.class, r -> assertThat(r.reference()).isEqualTo("J-in"));

        CommandResult result = india.messaging.paymentCallback(job, new PaymentCallback("J-in", true, "0", "ok", "FAKE123",
                Money.ofMinor(149_900, Currency.INR), null, india.now));

        assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Reason.INVALID_INPUT));
        assertThat(india.jobs.job(india.owner, job).orElseThrow().payments()).isEmpty();
        assertThat(india.credits).isEmpty();
    }
}
