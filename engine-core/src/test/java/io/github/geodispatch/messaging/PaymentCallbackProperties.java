package io.github.geodispatch.messaging;

import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentCallback;
import io.github.geodispatch.spi.StatementCredit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the order and repetition of a gateway's callbacks (paid, paid for another amount or currency, with another
 * receipt, failed, for an unknown request), the M-Pesa request is paid at most once and only for the amount asked.
 */
class PaymentCallbackProperties {
    private static final Money ASKED = Money.kes(149_900);

    enum Callback { PAID, PAID_LESS, PAID_MORE, PAID_OTHER_CURRENCY, PAID_OTHER_RECEIPT, CANCELLED, UNKNOWN_REQUEST }

    @Provide
    Arbitrary<List<Callback>> callbacks() {
        return Arbitraries.of(Callback.class).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 60)
    void aRequestIsPaidAtMostOnceAndOnlyForTheAmountAsked(@ForAll("callbacks") List<Callback> callbacks) {
        Talk[] holder = new Talk[1];
        holder[0] = new Talk(Currency.KES, p -> p, b -> b.paymentRequests(r -> holder[0].prompts().request(r)));
        Talk kenya = holder[0].customer("C-sw", "+254712345678", "sw");
        JobId job = kenya.job("J-ke", "C-sw");
        kenya.completed(job);

        for (Callback c : callbacks) {
            kenya.messaging.paymentCallback(job, switch (c) {
                case PAID -> paid("ws_CO_1", "NLJ7RT61SV", ASKED, kenya);
                case PAID_LESS -> paid("ws_CO_1", "NLJ7RT61SV", Money.kes(100), kenya);
                case PAID_MORE -> paid("ws_CO_1", "NLJ7RT61SW", Money.kes(10_000_000), kenya);
                case PAID_OTHER_CURRENCY -> paid("ws_CO_1", "NLJ7RT61SV", Money.ofMinor(149_900, Currency.INR), kenya);
                case PAID_OTHER_RECEIPT -> paid("ws_CO_1", "QWE1234567", ASKED, kenya);
                case CANCELLED -> new PaymentCallback("ws_CO_1", false, "1032", "Request cancelled by user", null, null,
                        null, kenya.now);
                case UNKNOWN_REQUEST -> paid("ws_CO_2", "NLJ7RT61SX", ASKED, kenya);
            });
        }

        var payments = kenya.jobs.job(kenya.owner, job).orElseThrow().payments();
        assertThat(payments).hasSizeLessThanOrEqualTo(1).allSatisfy(p -> assertThat(p.amount()).isEqualTo(ASKED));
        assertThat(kenya.credits).extracting(StatementCredit::reference).allMatch(r -> payments.stream()
                .anyMatch(p -> p.reference().equals(r)));
        assertThat(kenya.credits).allSatisfy(credit -> assertThat(credit.amount()).isEqualTo(ASKED));
        assertThat(kenya.history(job)).filteredOn(JobEvent.PaymentCallbackReceived.class::isInstance).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(e -> {
                    JobEvent.PaymentCallbackReceived received = (JobEvent.PaymentCallbackReceived) e;
                    assertThat(!received.paid() || ASKED.equals(received.amount())).isTrue();
                });
    }

    private static PaymentCallback paid(String request, String receipt, Money amount, Talk kenya) {
        return new PaymentCallback(request, true, "0", "The service request is processed successfully.", receipt, amount,
                "+254712345678", kenya.now);
    }
}
