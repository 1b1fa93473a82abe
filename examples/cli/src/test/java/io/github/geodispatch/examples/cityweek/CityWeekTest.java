package io.github.geodispatch.examples.cityweek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geodispatch.examples.cityday.CityBusiness;
import io.github.geodispatch.examples.cli.GeodispatchCli;
import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.examples.report.DayFigures;
import io.github.geodispatch.examples.report.MessageDay;
import io.github.geodispatch.examples.report.OwnerReport;
import io.github.geodispatch.examples.report.Share;
import io.github.geodispatch.examples.report.TechnicianRow;
import io.github.geodispatch.examples.report.UnhappyCustomer;
import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.messaging.Template;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.MessageRecipient;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.stock.StockLevel;
import io.github.geodispatch.testdata.SampleData;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
    void thePageSpeaksTheOwnersLanguageIncludingTheLeakageEvidence() throws Exception {
        String page = Files.readString(written.journal().resolveSibling(CityWeekRun.REPORT));
        String text = page.replaceAll("<(script|style)[\\s\\S]*?</\\1>", "").replaceAll("<[^>]+>", " ");
        assertThat(text).contains("₹").doesNotContain("INR", "UTC", "Rejection[", "Money[", "hard/", "io.github")
                .doesNotContainPattern(" v\\d+ "); // a stream version
        assertThat(report.leakage()).isNotEmpty().allSatisfy(l -> assertThat(l.evidence()).doesNotContain("INR"));
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

    /**
     * The batch {@code invoice} command drafts, from the journal alone, an invoice for exactly the jobs the week
     * invoiced, each for the same total unless a part was logged after the week's invoice (the batch invoice includes
     * it); the AMC customers' covered visits, whose customers the front door registered, do not stop it.
     */
    @Test
    void theInvoiceCommandInvoicesTheJobsTheWeekInvoicedForTheSameTotals() throws Exception {
        Map<JobId, JournalRecord.JobInvoice> invoiced = new TreeMap<>();
        Set<JobId> partAfterInvoice = new HashSet<>();
        Set<JobId> completed = new HashSet<>();
        for (JournalRecord r : journal) { // in time order
            if (r instanceof JournalRecord.JobStatusChanged c && c.status() == JobStatus.COMPLETED) {
                completed.add(c.job());
            } else if (r instanceof JournalRecord.JobInvoice i) {
                invoiced.put(i.job(), i);
            } else if (r instanceof JournalRecord.JobPart p && invoiced.containsKey(p.job())) {
                partAfterInvoice.add(p.job());
            }
        }
        Path out = dir.resolve("invoices");

        int exit = GeodispatchCli.run("invoice", "--journal", written.journal().toString(), "--seller",
                SampleData.path("gst/city-seller.json").toString(), "--out", out.toString());

        assertThat(exit).as("every job invoiced, nothing flagged").isZero();
        Map<JobId, String> totals = new TreeMap<>();
        List<String> rows = Files.readAllLines(out.resolve("invoices.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            totals.put(JobId.of(f[header.indexOf("job")]), f[header.indexOf("total")]);
        }
        assertThat(totals.keySet()).isEqualTo(invoiced.keySet());
        assertThat(completed).as("an AMC customer's visit, covered: no invoice, and no stop").anyMatch(j -> j.value().startsWith("AMC-"));
        invoiced.forEach((job, live) -> {
            if (!partAfterInvoice.contains(job)) {
                assertThat(totals.get(job)).as("total of %s", job).isEqualTo(live.amount().toPlainString());
            }
        });
        assertThat(partAfterInvoice).hasSizeLessThan(invoiced.size() / 10);
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

    @Test
    void theCsatOnThePageIsTheShareOfTheRatingsCustomersGaveThatAreFourOrFiveStars() {
        List<WeekMessages.Rating> ratings = written.week().messages().ratings();
        assertThat(ratings).as("customers answered the feedback link").hasSizeGreaterThan(10);
        assertThat(ratings).as("each job rated once").extracting(WeekMessages.Rating::job).doesNotHaveDuplicates();
        long satisfied = 0;
        long stars = 0;
        for (WeekMessages.Rating r : ratings) {
            satisfied += r.rating() >= 4 ? 1 : 0;
            stars += r.rating();
        }
        Share week = report.days().stream().map(DayFigures::csat).reduce(Share.NONE, Share::plus);
        assertThat(week).isEqualTo(new Share(satisfied, ratings.size()));
        assertThat(report.technicians().stream().map(TechnicianRow::csat).reduce(Share.NONE, Share::plus))
                .as("the scorecard's ratings add up to the week's").isEqualTo(week);
        var care = written.week().frontDoor().owner().customerCare(CityWeek.FIRST_DAY, SETTINGS.lastDay());
        assertThat(care.averageRating()).hasValue((double) stars / ratings.size());
        for (TechnicianRow row : report.technicians()) {
            long mine = ratings.stream().filter(r -> name(r.technician()).equals(row.technician())).count();
            long happy = ratings.stream().filter(r -> name(r.technician()).equals(row.technician()) && r.rating() >= 4).count();
            assertThat(row.csat()).as("%s's satisfaction", row.technician()).isEqualTo(new Share(happy, mine));
        }
        assertThat(report.unhappy()).extracting(UnhappyCustomer::jobNumber).containsExactlyElementsOf(ratings.stream()
                .filter(r -> r.rating() <= 2).map(r -> r.job().value()).toList());
        assertThat(report.unhappy()).allSatisfy(u -> assertThat(u.comment()).isNotBlank());
    }

    private String name(io.github.geodispatch.spi.TechnicianId id) {
        return written.week().business().team().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().name();
    }

    @Test
    void everyCompletedJobsCustomerGotExactlyOneJobDoneMessage() {
        Map<JobId, Long> jobDone = new HashMap<>();
        for (OutboundMessage m : written.week().messages().handedToProvider()) {
            if (m.template().equals(Template.JOB_COMPLETED.id())) {
                assertThat(m.recipient().kind()).isEqualTo(MessageRecipient.Kind.CUSTOMER);
                jobDone.merge(m.job(), 1L, Long::sum);
            }
        }
        var owner = io.github.geodispatch.spi.Actor.owner(CityWeek.TENANT, "o");
        int completed = 0;
        for (JournalRecord r : journal) {
            if (r instanceof JournalRecord.JobCreated c) {
                JobStatus status = written.week().frontDoor().jobs().job(owner, c.job()).orElseThrow().status();
                if (status == JobStatus.COMPLETED || status == JobStatus.CLOSED) {
                    completed++;
                    assertThat(jobDone.get(c.job())).as("job-done messages for %s", c.job()).isEqualTo(1L);
                } else {
                    assertThat(jobDone).as("no job-done message for %s, %s", c.job(), status).doesNotContainKey(c.job());
                }
            }
        }
        assertThat(completed).isGreaterThan(50);
    }

    @Test
    void noMessageThatCanWaitWentOutInTheQuietHoursAndTheHeldOnesWentInTheMorning() {
        List<WeekMessages.CustomerMessage> messages = written.week().messages().toCustomers();
        assertThat(messages).hasSizeGreaterThan(200);
        int held = 0;
        for (WeekMessages.CustomerMessage m : messages) {
            assertThat(m.stored().sentAt()).as("%s was sent", m.stored().key()).isNotNull();
            LocalTime sent = m.stored().sentAt().atZone(CityWeek.ZONE).toLocalTime();
            boolean quiet = !sent.isBefore(WeekMessages.QUIET_FROM) || sent.isBefore(WeekMessages.QUIET_UNTIL);
            if (!Template.of(m.stored().message().template()).anytime()) {
                assertThat(quiet).as("%s sent at %s", m.stored().key(), sent).isFalse();
            }
            held += m.heldForQuietHours() ? 1 : 0;
        }
        assertThat(held).as("bookings before 08:00 waited for the morning").isPositive();
        MessageDay monday = report.messages().get(0);
        assertThat(monday.written()).isEqualTo(messages.stream()
                .filter(m -> m.queuedAt().atZone(CityWeek.ZONE).toLocalDate().equals(CityWeek.FIRST_DAY)).count());
        assertThat(monday.delivered() + monday.failed()).as("every message delivered or not").isEqualTo(monday.written());
        assertThat(monday.failed()).as("the provider's failures came back").isPositive();
    }

    @Test
    void installationsAndRepairsWereApprovedWithTheCustomersCodeWhichTheJournalLeavesOut() {
        var owner = io.github.geodispatch.spi.Actor.owner(CityWeek.TENANT, "o");
        int approved = 0;
        for (JournalRecord r : journal) {
            if (r instanceof JournalRecord.JobCreated c && WeekMessages.APPROVED_BY_CODE.contains(c.jobType())) {
                List<JobEvent> history = written.week().frontDoor().jobs().history(owner, c.job());
                boolean started = history.stream().anyMatch(e -> e instanceof JobEvent.StatusChanged s
                        && s.status() == JobStatus.WORK_STARTED);
                boolean byCode = history.stream().anyMatch(e -> e instanceof JobEvent.ProofAdded p && p.kind() == ProofKind.OTP);
                assertThat(byCode).as("%s approved by code once its work started", c.job()).isEqualTo(started);
                approved += byCode ? 1 : 0;
            }
        }
        assertThat(approved).isPositive();
        assertThat(journal).as("the journal format has no line for a code's approval")
                .noneMatch(r -> r instanceof JournalRecord.JobProof p && p.kind() == ProofKind.OTP);
    }
}
