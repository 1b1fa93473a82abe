package io.github.geodispatch.stock;

import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.geodispatch.stock.StockJournal.BRANCH;
import static io.github.geodispatch.stock.StockJournal.CAP;
import static io.github.geodispatch.stock.StockJournal.RAVI;
import static io.github.geodispatch.stock.StockJournal.VAN;
import static io.github.geodispatch.stock.StockJournal.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

/** Each stock finding is found when its leak is planted and silent on the nearest honest history. */
class StockFindingsTest {
    static final long DAY = 24 * 60;

    static Finding only(List<Finding> findings, LeakageCode code) {
        assertThat(findings).extracting(Finding::code).containsExactly(code);
        return findings.get(0);
    }

    @Test
    void anHonestDayHasNoFinding() {
        StockReport report = StockJournal.opened().load(CAP, 2, 10).job("J-1", 20).part("J-1", CAP, 1, 60)
                .completed("J-1", 70).invoice("J-1", 80, CAP).count(VAN, CAP, 1, 600).audit(DAY);
        assertThat(report.findings()).isEmpty();
        assertThat(report.problems()).isEmpty();
        assertThat(report.untrackedParts()).isZero();
    }

    @Test
    void aPartUsedThatTheVanNeverHeldIsOffBookAtTheCataloguesCost() {
        StockJournal planted = StockJournal.opened().job("J-1", 20).part("J-1", CAP, 2, 60);
        Finding f = only(planted.audit(DAY).findings(), LeakageCode.OFF_BOOK_PART);
        assertThat(f.job()).isEqualTo(JobId.of("J-1"));
        assertThat(f.technician()).isEqualTo(RAVI);
        assertThat(f.branch()).isEqualTo(BRANCH);
        assertThat(f.reference()).isEqualTo(CAP);
        assertThat(f.amountAtRisk()).isEqualTo(Money.inr(42_000));
        assertThat(f.detectedAt()).isEqualTo(StockJournal.instant(60));
        assertThat(f.evidence()).hasSize(2);

        assertThat(StockJournal.opened().load(CAP, 2, 10).job("J-1", 20).part("J-1", CAP, 2, 60).audit(DAY).findings())
                .isEmpty();
        assertThat(planted.audit(59).findings()).isEmpty();
    }

    @Test
    void aCountShortOfTheBookIsShrinkageAtTheAverageCost() {
        StockJournal planted = StockJournal.opened().load(CAP, 3, 10).count(VAN, CAP, 1, 600);
        Finding f = only(planted.audit(DAY).findings(), LeakageCode.STOCK_SHRINKAGE);
        assertThat(f.technician()).isEqualTo(RAVI);
        assertThat(f.reference()).isEqualTo(VAN + ":" + CAP);
        assertThat(f.amountAtRisk()).isEqualTo(Money.inr(40_000));
        assertThat(f.job()).isNull();

        assertThat(StockJournal.opened().load(CAP, 3, 10).count(VAN, CAP, 3, 600).audit(DAY).findings()).isEmpty();
        assertThat(StockJournal.opened().count(WAREHOUSE, CAP, 12, 600).audit(DAY).findings()).isEmpty();
    }

    @Test
    void shrinkageOfTwoCountsIsOneFindingSummingBoth() {
        Finding f = only(StockJournal.opened().load(CAP, 3, 10).count(VAN, CAP, 2, 600).count(VAN, CAP, 1, 900)
                .audit(DAY).findings(), LeakageCode.STOCK_SHRINKAGE);
        assertThat(f.amountAtRisk()).isEqualTo(Money.inr(40_000));
        assertThat(f.evidence()).hasSize(2);
    }

    @Test
    void aTakeForNoJobOrForAJobNobodyCreatedIsUnexplainedAtCost() {
        Finding f = only(StockJournal.opened().load(CAP, 3, 10).take(CAP, 1, null, 300).audit(DAY).findings(),
                LeakageCode.VAN_USE_UNEXPLAINED);
        assertThat(f.technician()).isEqualTo(RAVI);
        assertThat(f.amountAtRisk()).isEqualTo(Money.inr(20_000));
        assertThat(f.reference()).isEqualTo(VAN + ":" + CAP);

        only(StockJournal.opened().load(CAP, 3, 10).take(CAP, 1, "J-404", 300).audit(DAY).findings(),
                LeakageCode.VAN_USE_UNEXPLAINED);
    }

    @Test
    void aTakeForAJobThatItsRecordNamesIsExplainedAndLeavesTheVanOnce() {
        StockReport report = StockJournal.opened().load(CAP, 3, 10).job("J-1", 20).take(CAP, 1, "J-1", 30)
                .part("J-1", CAP, 1, 60).completed("J-1", 70).invoice("J-1", 80, CAP).audit(DAY);
        assertThat(report.findings()).isEmpty();
        assertThat(report.levels()).filteredOn(l -> l.location().equals(VAN)).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
    }

    @Test
    void aPartTakenForAJobThatNeitherItsRecordNorItsInvoiceNamesIsNotBilled() {
        StockJournal planted = StockJournal.opened().load(CAP, 3, 10).job("J-1", 20).take(CAP, 1, "J-1", 30)
                .completed("J-1", 70).invoice("J-1", 80);
        Finding f = only(planted.audit(DAY).findings(), LeakageCode.PARTS_NOT_BILLED);
        assertThat(f.job()).isEqualTo(JobId.of("J-1"));
        assertThat(f.amountAtRisk()).isEqualTo(Money.inr(45_000));
        assertThat(f.evidence()).hasSize(2);

        assertThat(StockJournal.opened().load(CAP, 3, 10).job("J-1", 20).take(CAP, 1, "J-1", 30).completed("J-1", 70)
                .invoice("J-1", 80, CAP).audit(DAY).findings()).isEmpty();
        assertThat(StockJournal.opened().load(CAP, 3, 10).job("J-1", 20).take(CAP, 1, "J-1", 30).completed("J-1", 70)
                .audit(DAY).findings()).isEmpty();
    }

    @Test
    void aReturnedTakeNeedsNoBill() {
        StockJournal j = StockJournal.opened().load(CAP, 3, 10).job("J-1", 20).take(CAP, 1, "J-1", 30);
        j.add(new io.github.geodispatch.journal.StockRecords.Return(StockJournal.at(65), VAN, JobId.of("J-1"), CAP, 1,
                List.of()));
        assertThat(j.completed("J-1", 70).invoice("J-1", 80).audit(DAY).findings()).isEmpty();
    }
}
