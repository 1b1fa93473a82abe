package io.github.geodispatch.payment;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settling folds paid-off cash into totals: positions at the settle point or later do not change. */
class CashLedgerSettleTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final TechnicianId RAVI = TechnicianId.of("T-1");

    /**
     * {@code entries}: hour offsets, an odd amount is a collection, an even one a deposit (amounts in rupees);
     * fed in the order given (deposits need not come in time order).
     */
    @Property(tries = 300)
    void positionsFromTheSettlePointOnAreUnchanged(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 200) Integer> hours,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 1, max = 5000) Integer> rupees,
            @ForAll @IntRange(min = 0, max = 200) int settleHour, @ForAll @IntRange(min = 0, max = 60) int laterBy) {
        CashLedger plain = new CashLedger();
        CashLedger settled = new CashLedger();
        for (int i = 0; i < hours.size(); i++) {
            Instant at = T0.plusSeconds(3600L * hours.get(i));
            long paise = rupees.get(i) * 100L;
            for (CashLedger ledger : List.of(plain, settled)) {
                if (rupees.get(i) % 2 == 1) {
                    ledger.collected(RAVI, JobId.of("J-" + i), at, Money.inr(paise), "ev-" + i);
                } else {
                    ledger.deposited(new CashDeposit(RAVI, at, Money.inr(paise), "slip-" + i));
                }
            }
        }
        Instant before = T0.plusSeconds(3600L * settleHour);

        settled.settle(before);

        for (Instant asOf : List.of(before, before.plusSeconds(3600L * laterBy), T0.plusSeconds(3600L * 300))) {
            assertThat(settled.position(RAVI, asOf)).isEqualTo(plain.position(RAVI, asOf));
        }
    }

    /**
     * What a settle leaves over pays off later collections at the next settle, and a technician short ever since costs
     * one entry per open collection and one for the deposits, however often the ledger is settled.
     */
    @Test
    void aLeftoverPaysLaterCollectionsAndAShortfallStaysOneEntry() {
        CashLedger ledger = new CashLedger();
        ledger.collected(RAVI, JobId.of("J-1"), T0, Money.inr(10_000), "ev-1");
        ledger.deposited(new CashDeposit(RAVI, T0.plusSeconds(3600), Money.inr(30_000), "slip"));
        ledger.settle(T0.plusSeconds(2 * 3600));
        assertThat(ledger.entriesKept(RAVI)).isEqualTo(1); // the ₹200 left over

        ledger.collected(RAVI, JobId.of("J-2"), T0.plusSeconds(3 * 3600), Money.inr(15_000), "ev-2");
        ledger.settle(T0.plusSeconds(4 * 3600));
        assertThat(ledger.entriesKept(RAVI)).isEqualTo(1); // J-2 paid off by it, ₹50 left over

        ledger.collected(RAVI, JobId.of("J-3"), T0.plusSeconds(5 * 3600), Money.inr(20_000), "ev-3");
        for (int day = 1; day <= 30; day++) {
            ledger.settle(T0.plusSeconds(day * 86_400L));
        }
        assertThat(ledger.entriesKept(RAVI)).isEqualTo(2); // J-3, short by ₹150, and the ₹50
        assertThat(ledger.position(RAVI, T0.plusSeconds(31 * 86_400L)).inHand()).isEqualTo(Money.inr(15_000));
    }

    @Test
    void aPositionBeforeTheSettlePointIsRefused() {
        CashLedger ledger = new CashLedger();
        ledger.collected(RAVI, JobId.of("J-1"), T0, Money.inr(10_000), "ev-1");
        ledger.settle(T0.plusSeconds(3600));

        assertThatThrownBy(() -> ledger.position(RAVI, T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("were settled");
    }

    @Test
    void settlingLetsPaidOffCollectionsGoAndKeepsWhatIsInHand() {
        CashLedger ledger = new CashLedger();
        ledger.collected(RAVI, JobId.of("J-1"), T0, Money.inr(10_000), "ev-1");
        ledger.collected(RAVI, JobId.of("J-2"), T0.plusSeconds(60), Money.inr(20_000), "ev-2");
        ledger.deposited(new CashDeposit(RAVI, T0.plusSeconds(120), Money.inr(15_000), "slip"));

        ledger.settle(T0.plusSeconds(3600));

        CashLedger.Position position = ledger.position(RAVI, T0.plusSeconds(7200));
        assertThat(position.open()).extracting(CashLedger.OpenCollection::job).containsExactly(JobId.of("J-2"));
        assertThat(position.open().get(0).inHand()).isEqualTo(Money.inr(15_000));
        assertThat(position.collected()).isEqualTo(Money.inr(30_000));
        assertThat(position.deposited()).isEqualTo(Money.inr(15_000));
    }
}
