package io.github.geodispatch.payment;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CashLedgerTest {
    static final TechnicianId T1 = TechnicianId.of("T-1");
    static final Instant T = Instant.parse("2026-11-02T04:00:00Z");

    static Instant hours(long h) {
        return T.plus(Duration.ofHours(h));
    }

    @Test
    void depositsPayOffTheOldestCashFirstAndTheRestAges() {
        CashLedger ledger = new CashLedger();
        ledger.collected(T1, JobId.of("J-1"), hours(0), Money.inr(124_900), "e1");
        ledger.collected(T1, JobId.of("J-2"), hours(30), Money.inr(124_900), "e2");
        ledger.collected(T1, JobId.of("J-3"), hours(50), Money.inr(184_900), "e3");
        assertThat(ledger.deposited(new CashDeposit(T1, hours(60), Money.inr(184_900), "SLIP-1"))).isTrue();
        assertThat(ledger.deposited(new CashDeposit(T1, hours(60), Money.inr(184_900), "SLIP-1"))).isFalse();

        CashLedger.Position p = ledger.position(T1, hours(100));
        assertThat(p.collected()).isEqualTo(Money.inr(434_700));
        assertThat(p.deposited()).isEqualTo(Money.inr(184_900));
        assertThat(p.inHand()).isEqualTo(Money.inr(249_800));
        assertThat(p.open()).extracting(CashLedger.OpenCollection::job, CashLedger.OpenCollection::inHand)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(JobId.of("J-2"), Money.inr(64_900)),
                        org.assertj.core.groups.Tuple.tuple(JobId.of("J-3"), Money.inr(184_900)));
        assertThat(p.inHandOlderThan(Duration.ofHours(48))).isEqualTo(Money.inr(249_800));
        assertThat(p.inHandOlderThan(Duration.ofHours(60))).isEqualTo(Money.inr(64_900));
        assertThat(ledger.position(T1, hours(40)).inHand()).isEqualTo(Money.inr(249_800));
    }

    @Property(tries = 200)
    void inHandIsCollectedLessDepositedNeverNegative(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 500_000) Integer> cash,
                                                     @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 500_000) Integer> deposits) {
        CashLedger ledger = new CashLedger();
        long collected = 0;
        for (int i = 0; i < cash.size(); i++) {
            ledger.collected(T1, JobId.of("J-" + i), hours(i), Money.inr(cash.get(i)), "e" + i);
            collected += cash.get(i);
        }
        long deposited = 0;
        for (int i = 0; i < deposits.size(); i++) {
            ledger.deposited(new CashDeposit(T1, hours(i), Money.inr(deposits.get(i)), "S" + i));
            deposited += deposits.get(i);
        }
        CashLedger.Position p = ledger.position(T1, hours(1000));
        assertThat(p.inHand().minor()).isEqualTo(Math.max(0, collected - deposited));
        assertThat(p.open().stream().mapToLong(o -> o.inHand().minor()).sum()).isEqualTo(p.inHand().minor());
    }

    @Test
    void collectionsViewSumsPendingAndCashByTechnicianRouteAndBranch() {
        CashLedger ledger = new CashLedger();
        ledger.collected(T1, JobId.of("J-1"), hours(0), Money.inr(100_000), "e1");
        ledger.collected(T1, JobId.of("J-2"), hours(24), Money.inr(50_000), "e2");
        CollectionsView view = CollectionsView.of(List.of(), ledger, t -> BranchId.of("BR-1"), hours(48),
                ZoneId.of("Asia/Kolkata"));
        assertThat(view.cashInHandByTechnician()).containsEntry(T1, Money.inr(150_000));
        assertThat(view.cashInHandByBranch()).containsEntry(BranchId.of("BR-1"), Money.inr(150_000));
        assertThat(view.cashInHandByRoute()).hasSize(2)
                .containsEntry(new CollectionsView.Route(T1, java.time.LocalDate.of(2026, 11, 2)), Money.inr(100_000));
    }
}
