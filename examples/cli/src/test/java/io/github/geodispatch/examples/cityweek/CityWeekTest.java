package io.github.geodispatch.examples.cityweek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geodispatch.examples.cityday.CityBusiness;
import io.github.geodispatch.examples.cli.GeodispatchCli;
import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.examples.report.DayFigures;
import io.github.geodispatch.examples.report.OwnerReport;
import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.stock.StockLevel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small week (12 technicians, 60 requests a day, Monday and Tuesday) played once in this JVM and once through the
 * command: what it writes, what the batch tools read back from its journal, and that the two runs are byte-identical.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CityWeekTest {
    private static final String[] ARGS = {"--seed", "42", "--technicians", "12", "--jobs-per-day", "60", "--days", "2",
            "--plan-steps", "20", "--no-progress"};
    private static final CityWeek.Settings SETTINGS = new CityWeek.Settings(42, 12, 60, 2, 20, null);
    private static final String AS_OF = "2026-11-20T09:00+05:30";

    Path dir;
    CityWeekRun.Written written;
    OwnerReport report;
    List<JournalRecord> journal;

    @BeforeAll
    void playTheWeek(@TempDir Path dir) throws Exception {
        this.dir = dir;
        written = CityWeekRun.run(SETTINGS, command(), dir.resolve("first"), new PrintWriter(new StringWriter()),
                Progress.none());
        report = WeekReport.of(written.week(), command());
        List<JournalProblem> problems = new ArrayList<>();
        journal = JournalReader.create().readAll(written.journal(), problems);
        assertThat(problems).as("the journal reads back without a problem").isEmpty();
    }

    private static String command() {
        return "geodispatch city-week --seed 42 --technicians 12 --jobs-per-day 60 --days 2";
    }

    @Test
    void theCommandWritesTheSameBytesAsTheFirstRun() throws Exception {
        Path second = dir.resolve("second");
        List<String> args = new ArrayList<>(List.of("city-week", "--out", second.toString()));
        args.addAll(List.of(ARGS));
        assertThat(GeodispatchCli.run(args.toArray(String[]::new))).isZero();
        for (String name : List.of(CityWeekRun.REPORT, CityWeekRun.JOURNAL, CityWeekRun.DAYS)) {
            assertThat(second.resolve(name)).exists();
            assertThat(Files.mismatch(written.journal().resolveSibling(name), second.resolve(name)))
                    .as("first differing byte of %s", name).isEqualTo(-1L);
        }
        assertThat(Files.readString(second.resolve(CityWeekRun.DAYS)).lines()).hasSize(3)
                .first().isEqualTo(DaysCsv.HEADER);
    }

    @Test
    void theBatchAuditOfTheJournalFindsEveryPlantedMistake() throws Exception {
        Path findings = dir.resolve("audit/findings.jsonl");
        int exit = GeodispatchCli.run("audit", "--journal", written.journal().toString(), "--as-of", AS_OF,
                "--out", findings.toString());
        assertThat(exit).as("findings to look at").isEqualTo(1);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(findings, StandardCharsets.UTF_8)) {
            found.add(json.readTree(line));
        }
        List<CityBusiness.PlantedMistake> planted = written.week().planted();
        assertThat(planted).hasSize(2 * 5);
        for (CityBusiness.PlantedMistake m : planted) {
            assertThat(found).as("a finding for %s", m).anyMatch(f -> f.get("code").asText().equals(m.findingCode())
                    && (m.job() == null || m.job().value().equals(f.get("job").asText()))
                    && (m.technician() == null || m.technician().value().equals(f.get("technician").asText()))
                    && (m.reference() == null || m.reference().equals(f.get("reference").asText())));
        }
        assertThat(WeekSummary.missed(written.week())).as("the live audit misses nothing planted").isEmpty();
    }

    @Test
    void eachDaysFiguresReconcileWithTheJournal() {
        Map<JobId, LocalDate> bookedOn = new HashMap<>();
        Map<JobId, OffsetDateTime> invoicedAt = new HashMap<>();
        for (JournalRecord r : journal) {
            if (r instanceof JournalRecord.JobCreated c) {
                bookedOn.put(c.job(), c.at().toLocalDate());
            } else if (r instanceof JournalRecord.JobInvoice i) {
                invoicedAt.put(i.job(), i.at());
            }
        }
        Set<PaymentMode> onSite = EnumSet.of(PaymentMode.UPI, PaymentMode.CASH, PaymentMode.CARD, PaymentMode.MPESA);
        Map<LocalDate, Long> booked = new TreeMap<>();
        Map<LocalDate, Long> collected = new TreeMap<>();
        Map<LocalDate, Long> billedAfterInvoice = new TreeMap<>();
        bookedOn.values().forEach(d -> booked.merge(d, 1L, Long::sum));
        for (JournalRecord r : journal) {
            if (r instanceof JournalRecord.JobPayment p && onSite.contains(p.mode())) {
                collected.merge(bookedOn.get(p.job()), p.amount().minor(), Long::sum);
            } else if (r instanceof JournalRecord.JobPart p && p.billable() && invoicedAt.containsKey(p.job())
                    && p.at().isAfter(invoicedAt.get(p.job()))) {
                billedAfterInvoice.merge(bookedOn.get(p.job()), p.unitPrice().minor() * p.quantity(), Long::sum);
            }
        }
        Money revenue = Money.inr(0);
        for (DayFigures d : report.days()) {
            assertThat(d.jobsCreated()).as("jobs booked on %s", d.date()).isEqualTo(booked.get(d.date()));
            assertThat(d.collected().minor()).as("collected on %s", d.date()).isEqualTo(collected.get(d.date()));
            assertThat(d.revenue().minus(d.collected()).minus(d.pending()).minor())
                    .as("revenue less collected and pending on %s: the parts billed after their invoice", d.date())
                    .isEqualTo(billedAfterInvoice.getOrDefault(d.date(), 0L)).isPositive();
            revenue = revenue.plus(d.revenue());
        }
        assertThat(report.reconciliation().revenue()).isEqualTo(revenue);
        Money explained = report.reconciliation().differences().stream().map(x -> x.amount()).reduce(Money.inr(0), Money::plus);
        assertThat(report.reconciliation().collected().plus(report.reconciliation().pending()).plus(explained)).isEqualTo(revenue);
    }

    @Test
    void theContractsVisitsBecomeJobsOnTheirDueDaysAndAreWorkedThatDay() {
        Map<JobId, JournalRecord.JobCreated> created = new HashMap<>();
        Map<JobId, List<LocalDate>> assigned = new HashMap<>();
        for (JournalRecord r : journal) {
            if (r instanceof JournalRecord.JobCreated c) {
                created.put(c.job(), c);
            } else if (r instanceof JournalRecord.JobAssigned a) {
                assigned.computeIfAbsent(a.job(), j -> new ArrayList<>()).add(a.at().toLocalDate());
            }
        }
        int visits = 0;
        for (CityWeek.Day d : written.week().days()) {
            for (JobId job : d.contractVisits()) {
                visits++;
                assertThat(created.get(job).at().toLocalDate()).as("%s created on its due day", job).isEqualTo(d.played().day());
                assertThat(created.get(job).coverage()).as("%s carries its contract", job).isNotNull();
                assertThat(assigned.get(job)).as("%s planned on its due day", job).contains(d.played().day());
            }
        }
        assertThat(visits).as("both days have contracts starting on them").isGreaterThanOrEqualTo(2);
        long completed = written.week().days().stream().flatMap(d -> d.contractVisits().stream())
                .filter(job -> written.week().frontDoor().jobs().job(io.github.geodispatch.spi.Actor.owner(CityWeek.TENANT, "o"), job)
                        .orElseThrow().status() == JobStatus.COMPLETED).count();
        assertThat(completed).isPositive();
    }

    @Test
    void theStockCommandReplaysTheJournalsMovementsToTheLiveVanStock() throws Exception {
        Path out = dir.resolve("stock");
        int exit = GeodispatchCli.run("stock", "--journal", written.journal().toString(), "--as-of", AS_OF,
                "--out", out.toString());
        assertThat(exit).as("stock findings to look at").isEqualTo(1);
        Map<String, Long> replayed = new TreeMap<>();
        List<String> rows = Files.readAllLines(out.resolve("stock.csv"));
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",");
            replayed.put(f[0] + "/" + f[1], Long.parseLong(f[2]));
        }
        Map<String, Long> live = new TreeMap<>();
        for (StockLevel l : written.week().stock().levels()) {
            if (l.quantity() != 0) {
                live.put(l.location().value() + "/" + l.sku(), l.quantity());
            }
        }
        replayed.values().removeIf(q -> q == 0);
        assertThat(replayed).isEqualTo(live);
        assertThat(written.week().plantedStock()).extracting(WeekStock.PlantedStock::findingCode)
                .containsExactly("OFF_BOOK_PART", "VAN_USE_UNEXPLAINED", "STOCK_SHRINKAGE");
        for (WeekStock.PlantedStock p : written.week().plantedStock()) {
            assertThat(written.week().findings()).as("a finding for %s", p)
                    .anyMatch(f -> f.code().name().equals(p.findingCode()) && p.technician().equals(f.technician()));
        }
    }
}
