package io.github.geodispatch.stock;

import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.ProofKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.ZoneId;

import static io.github.geodispatch.stock.StockJournal.CAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stock audit's window: a done job untouched for the window leaves memory; what arrives for it later is reported,
 * not applied, as documented; within the window nothing changes.
 */
class StockAuditWindowTest {
    static final long DAY = 24 * 60;
    static final Duration ONE_DAY = Duration.ofDays(1);

    /** J-1 done on day 0; on day 3 a part line, a return and a take name it. */
    static StockJournal lateRecords() {
        return StockJournal.opened().load(CAP, 4, 10).job("J-1", 20).part("J-1", CAP, 1, 60).completed("J-1", 70)
                .invoice("J-1", 80, CAP).job("J-2", 3 * DAY).part("J-1", CAP, 1, 3 * DAY + 10)
                .returned("J-1", CAP, 1, 3 * DAY + 20).take(CAP, 1, "J-1", 3 * DAY + 30);
    }

    @Test
    void recordsForAJobLetGoAreReportedNotApplied() {
        StockReport report = lateRecords().audit(4 * DAY, ONE_DAY);

        assertThat(report.jobsLetGo()).isEqualTo(1);
        assertThat(report.window()).isEqualTo(ONE_DAY);
        assertThat(report.problems()).extracting(JournalProblem::kind)
                .containsExactly(JournalProblem.Kind.INVALID, JournalProblem.Kind.INVALID);
        assertThat(report.problems().get(0).message()).contains("job.part").contains("let go");
        assertThat(report.problems().get(1).message()).contains("stock.return").contains("NOTHING_TO_RETURN");
        Finding unexplained = StockFindingsTest.only(report.findings(), LeakageCode.VAN_USE_UNEXPLAINED);
        assertThat(unexplained.amountAtRisk().minor()).isEqualTo(20_000);
        assertThat(report.margin().total().revenue().minor()).isEqualTo(45_000);
    }

    @Test
    void withinTheWindowTheSameRecordsApply() {
        StockReport report = lateRecords().audit(4 * DAY);

        assertThat(report.jobsLetGo()).isZero();
        assertThat(report.window()).isEqualTo(Duration.ofDays(35));
        assertThat(report.problems()).isEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(report.margin().total().revenue().minor()).isEqualTo(90_000);
    }

    /**
     * J-1 is done on day 0 and touched again on day 0.9 by a record the stock rules do not read (a proof), by work
     * started again (it is open again), by a stock return, or by a take the van cannot give (refused); a stock count on day 1.5 makes the day's retirement run, and
     * on day 1.8, within a day of that touch, J-1 uses a part. The job is let go a window after its last record of
     * any kind, so the part counts as with everything kept.
     */
    @ParameterizedTest
    @ValueSource(strings = {"proof", "reopened", "return", "refused take"})
    void aJobIsLetGoOnlyTheWindowAfterItsLastRecordOfAnyKind(String touch) {
        StockJournal j = StockJournal.opened().load(CAP, 4, 10).job("J-1", 20).part("J-1", CAP, 2, 60)
                .completed("J-1", 70);
        long touched = DAY * 9 / 10;
        if (touch.equals("proof")) {
            j.add(new JournalRecord.JobProof(JobId.of("J-1"), StockJournal.at(touched), ProofKind.NOTE, "called back"));
        } else if (touch.equals("reopened")) {
            j.add(new JournalRecord.JobStatusChanged(JobId.of("J-1"), StockJournal.at(touched), JobStatus.WORK_STARTED, ""));
        } else if (touch.equals("return")) {
            j.returned("J-1", CAP, 1, touched);
        } else {
            j.take(CAP, 9, "J-1", touched);
        }
        j.count(StockJournal.WAREHOUSE, CAP, 6, DAY * 3 / 2).part("J-1", CAP, 1, DAY * 9 / 5);

        StockReport windowed = j.audit(2 * DAY, ONE_DAY);
        StockReport everything = j.audit(2 * DAY, Duration.ofDays(100_000));
        assertThat(windowed.jobsLetGo()).isZero();
        assertThat(windowed.levels()).isEqualTo(everything.levels());
        assertThat(windowed.margin()).isEqualTo(everything.margin());
        assertThat(windowed.findings()).isEqualTo(everything.findings());
        assertThat(windowed.problems()).isEqualTo(everything.problems()).hasSize(touch.equals("refused take") ? 1 : 0);
    }

    @Test
    void theWindowMustBePositive() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofDays(-1), null}) {
            assertThatThrownBy(() -> new StockAudit.Options(Currency.INR, ZoneId.of("Asia/Kolkata"), true, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audit window");
        }
        assertThat(StockAudit.Options.defaults().withWindow(ONE_DAY).window()).isEqualTo(ONE_DAY);
    }
}
