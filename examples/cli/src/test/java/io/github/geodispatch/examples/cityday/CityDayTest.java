package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.examples.cli.GeodispatchCli;
import io.github.geodispatch.examples.Progress;
import io.github.geodispatch.examples.report.CallBack;
import io.github.geodispatch.examples.report.OwnerReport;
import io.github.geodispatch.examples.report.Reconciliation;
import io.github.geodispatch.examples.report.ReportPageBrowserTest;
import io.github.geodispatch.examples.report.TechnicianRow;
import io.github.geodispatch.geofence.JobVisitFinding;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.insight.Ratio;
import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.payment.CollectionsView;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small city-day (seed 7, 6 technicians, 12 jobs + the emergency) run end to end through the job engine,
 * the day planner and live dispatch, and the geofence:
 * its KPIs against values worked out from its job record, and every planted mistake present in the record
 * with the evidence a leakage rule needs.
 */
class CityDayTest {
    static CityDay day;

    @BeforeAll
    static void runSmallDay() {
        day = CityDay.run(new CityDay.Options(7, 6, 12, 50, null), Progress.none());
    }

    @Test
    void kpisOfTheSmallDayMatchTheHandCheckedValues() {
        Kpis t = day.report(Grouping.TOTAL).total();
        assertThat(t.jobsCreated()).isEqualTo(13);
        assertThat(t.jobsCompleted()).isEqualTo(12);
        assertThat(day.run.unplaced()).hasSize(1);
        assertThat(t.firstTimeFix()).isEqualTo(new Ratio(12, 12));
        assertThat(t.slaCompliance()).isEqualTo(new Ratio(11, 13));
        assertThat(t.technicians()).isEqualTo(6);
        assertThat(t.revenue()).isEqualTo(Money.inr(1_068_900));
        assertThat(t.collected()).isEqualTo(Money.inr(644_200));
        // revenue less collected, less the ₹650 part logged after its invoice: that part was never billed, so
        // it is the PARTS_NOT_BILLED finding, not money the customer owes
        assertThat(t.pendingCollections()).isEqualTo(Money.inr(424_700 - 65_000));
        assertThat(t.cashInHand()).isEqualTo(Money.inr(59_900));
        // created to the arrival the site visit recorded (the fold of the record agrees, see the next test)
        assertThat(t.responseP50()).contains(Duration.ofMinutes(53).plusSeconds(30));
        // from the arrival (recorded once the site visit is confirmed, about 5 minutes in) to the completion
        assertThat(t.completionP50()).contains(Duration.ofMinutes(35));
        // the world makes a technician late by 12-41 minutes or early by 0-14: on time = check-in within 10 minutes
        assertThat(day.world.techs).noneMatch(x -> x.lateMinutes() > 8 && x.lateMinutes() < 12);
        long onTime = day.world.techs.stream().filter(x -> x.lateMinutes() <= 8).count();
        assertThat(t.punctuality()).isEqualTo(new Ratio(onTime, 6));
    }

    @Test
    void theGeofenceFindsTheTrueStays() {
        Presence.Accuracy acc = day.presence.accuracy(day.run.stays());
        assertThat(acc.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(acc.precision()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void kpisAgreeWithAPlainFoldOfTheEngineRecord() {
        List<Long> responses = new ArrayList<>();
        long revenue = 0;
        long collected = 0;
        long cash = 0;
        int completed = 0;
        for (CityWorld.JobRequest r : day.world.jobs) {
            List<JobEvent> s = day.desk.stream(r.id());
            boolean done = s.stream().anyMatch(e -> e instanceof JobEvent.StatusChanged c && c.status() == JobStatus.COMPLETED);
            long parts = 0;
            s.stream().filter(e -> e instanceof JobEvent.StatusChanged c && c.status() == JobStatus.ARRIVED).findFirst()
                    .ifPresent(e -> responses.add(Duration.between(s.get(0).header().occurredAt(), e.header().occurredAt()).toSeconds()));
            for (JobEvent e : s) {
                if (e instanceof JobEvent.PartUsed p && p.billable()) {
                    parts += p.lineTotal().minor();
                } else if (e instanceof JobEvent.PaymentRecorded p && p.mode().settlesOnSite()) {
                    collected += p.amount().minor();
                    cash += p.mode() == PaymentMode.CASH ? p.amount().minor() : 0;
                }
            }
            if (done) {
                completed++;
                boolean covered = r.coverage() != null && r.coverage().covers(r.kind().name(), CityWorld.DAY);
                revenue += (covered ? 0 : r.kind().labourPaise) + parts;
            }
        }
        long deposited = day.deposits.stream().mapToLong(d -> d.amount().minor()).sum();
        Kpis t = day.report(Grouping.TOTAL).total();
        assertThat(t.jobsCompleted()).isEqualTo(completed);
        assertThat(t.revenue().minor()).isEqualTo(revenue);
        assertThat(t.collected().minor()).isEqualTo(collected);
        assertThat(t.cashInHand().minor()).isEqualTo(cash - deposited);
        responses.sort(null);
        assertThat(t.responseP50()).contains(Duration.ofSeconds(responses.get((responses.size() + 1) / 2 - 1)));
        assertThat(day.desk.refusals()).isEmpty();
    }

    @Test
    void everyPlantedMistakeIsInTheRecordWithItsEvidence() {
        List<CityWorld.Mistake> mistakes = day.mistakes();
        assertThat(mistakes).extracting(m -> m.kind().findingCode).containsExactly("PAYMENT_STATUS_MISSING", "PAYMENT_UNLINKED",
                "PARTS_NOT_BILLED", "GHOST_VISIT", "CASH_NOT_DEPOSITED");
        JobId forgotten = mistakes.get(0).job();
        assertThat(completed(forgotten)).isTrue();
        assertThat(day.desk.stream(forgotten)).noneMatch(e -> e instanceof JobEvent.PaymentRecorded);

        String utr = mistakes.get(1).reference();
        StatementCredit credit = day.credits.stream().filter(c -> c.reference().equals(utr)).findFirst().orElseThrow();
        assertThat(credit.billRef()).isNull();
        assertThat(day.events).noneMatch(e -> e instanceof JobEvent.PaymentRecorded p && utr.equals(p.reference()));

        List<JobEvent> parts = day.desk.stream(mistakes.get(2).job());
        int completedAt = indexOf(parts, JobStatus.COMPLETED);
        assertThat(completedAt).isNotNegative();
        assertThat(parts.subList(completedAt, parts.size())).anyMatch(e -> e instanceof JobEvent.PartUsed p && p.billable());
        assertThat(parts.subList(0, completedAt)).noneMatch(e -> e instanceof JobEvent.PartUsed);
        JobEvent.InvoiceHandedOff invoice = parts.stream().filter(e -> e instanceof JobEvent.InvoiceHandedOff)
                .map(e -> (JobEvent.InvoiceHandedOff) e).findFirst().orElseThrow();
        JobEvent.PartUsed late = parts.stream().filter(e -> e instanceof JobEvent.PartUsed).map(e -> (JobEvent.PartUsed) e)
                .findFirst().orElseThrow();
        assertThat(invoice.partSkus()).doesNotContain(late.sku());
        assertThat(invoice.header().version()).isLessThan(late.header().version());

        JobId ghost = mistakes.get(3).job();
        assertThat(completed(ghost)).isTrue();
        String site = day.world.job(ghost).site().id().value();
        assertThat(day.run.stays()).noneMatch(s -> s.place().equals(site));
        assertThat(day.unverifiedCompletions()).as("completions the geofence saw no visit behind").containsExactly(ghost);
        // a site visit records each arrival; the ghost's came from the office's override on his word, and no visit
        // confirms it; no visit at a neighbouring site ever moved a job the technician was not at
        assertThat(day.arrivals).isNotEmpty().allMatch(a -> a instanceof JobVisitFinding.ArrivalRecorded);
        assertThat(day.arrivals).extracting(JobVisitFinding::job).doesNotHaveDuplicates().doesNotContain(ghost);
        assertThat(day.desk.stream(ghost)).filteredOn(e -> e instanceof JobEvent.StatusChanged c
                && c.status() == JobStatus.ARRIVED).singleElement().satisfies(e -> assertThat(
                        ((JobEvent.StatusChanged) e).evidence()).startsWith("override by desk-"));
        assertThat(day.desk.refusals()).isEmpty();

        var keeper = mistakes.get(4).technician();
        assertThat(keeper).isNotNull();
        assertThat(day.report(Grouping.TECHNICIAN).row(keeper.value()).orElseThrow().cashInHand().isPositive()).isTrue();
        assertThat(day.deposits).noneMatch(d -> d.technician().equals(keeper));
    }

    @Test
    void everyPlantedMistakeIsFoundByTheLiveLeakageRulesAndNothingElse() {
        List<CityWorld.Mistake> mistakes = day.mistakes();
        List<Finding> findings = day.leakage.findings();
        assertThat(findings).as("honest jobs, credits, deposits and visits give no finding").hasSize(mistakes.size());

        Finding missing = found(mistakes.get(0));
        JobId forgotten = mistakes.get(0).job();
        assertThat(missing.code()).isEqualTo(LeakageCode.PAYMENT_STATUS_MISSING);
        assertThat(missing.technician()).isEqualTo(technicianOf(forgotten));
        assertThat(missing.amountAtRisk().minor()).isEqualTo(day.run.duePaise().get(forgotten)).isPositive();

        Finding unlinked = found(mistakes.get(1));
        assertThat(unlinked.reference()).isEqualTo(mistakes.get(1).reference());
        assertThat(unlinked.job()).isNull();
        assertThat(unlinked.amountAtRisk()).isEqualTo(Money.inr(118_000));
        assertThat(unlinked.evidence()).containsExactly("statement:UPI:" + mistakes.get(1).reference());

        Finding parts = found(mistakes.get(2));
        JobEvent.PartUsed late = day.desk.stream(mistakes.get(2).job()).stream().filter(e -> e instanceof JobEvent.PartUsed)
                .map(e -> (JobEvent.PartUsed) e).findFirst().orElseThrow();
        assertThat(parts.technician()).isEqualTo(technicianOf(mistakes.get(2).job()));
        assertThat(parts.amountAtRisk()).isEqualTo(late.lineTotal());
        assertThat(parts.evidence()).contains(late.header().eventId().toString());

        Finding ghost = found(mistakes.get(3));
        assertThat(ghost.technician()).isEqualTo(technicianOf(mistakes.get(3).job()));

        Finding cash = found(mistakes.get(4));
        TechnicianId keeper = mistakes.get(4).technician();
        assertThat(cash.technician()).isEqualTo(keeper);
        assertThat(cash.branch()).isEqualTo(day.world.tech(keeper).branch().id());
        assertThat(cash.amountAtRisk()).isEqualTo(day.report(Grouping.TECHNICIAN).row(keeper.value()).orElseThrow().cashInHand());

        Kpis t = day.report(Grouping.TOTAL).total();
        assertThat(t.leakageAtRisk()).containsOnlyKeys(mistakes.stream().map(m -> m.kind().findingCode).toList());
        assertThat(t.leakageTotal()).isEqualTo(findings.stream().map(Finding::amountAtRisk).reduce(Money.inr(0), Money::plus));
    }

    /** The owner view's pending collections and cash in hand are the payments engine's, technician by technician. */
    @Test
    void theOwnerViewsPendingAndCashInHandAgreeWithThePaymentsEngine() {
        CollectionsView money = day.leakage.collections(CityDay.DAY_END);
        for (Kpis r : day.report(Grouping.TECHNICIAN).rows()) {
            if (r.group().equals("unassigned")) {
                continue;
            }
            TechnicianId tech = TechnicianId.of(r.group());
            assertThat(money.cashInHandByTechnician().getOrDefault(tech, Money.inr(0))).as(r.group()).isEqualTo(r.cashInHand());
            assertThat(money.pendingByTechnician().getOrDefault(tech, Money.inr(0))).as(r.group()).isEqualTo(r.pendingCollections());
        }
        Kpis t = day.report(Grouping.TOTAL).total();
        assertThat(money.pendingByBranch().values().stream().reduce(Money.inr(0), Money::plus)).isEqualTo(t.pendingCollections());
    }

    @Test
    void theAuditCliFindsOnTheWrittenJournalWhatTheLiveRulesFound(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        Path out = dir.resolve("findings.jsonl");
        JournalExport.write(day, journal);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = GeodispatchCli.run("audit", "--journal", journal.toString(), "--as-of", CityDay.AUDIT_AS_OF.toString(),
                    "--out", out.toString());
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(1); // done, with findings
        ObjectMapper json = new ObjectMapper();
        List<String> batch = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode f = json.readTree(line);
            batch.add(String.join("|", f.get("code").asText(), f.get("job").asText(""), f.get("technician").asText(""),
                    f.get("branch").asText(""), f.get("reference").asText(""), f.get("amount").get("amount").asText()));
        }
        List<String> live = day.leakage.findings().stream().map(f -> String.join("|", f.code().name(),
                f.job() == null ? "" : f.job().value(), f.technician() == null ? "" : f.technician().value(),
                f.branch() == null ? "" : f.branch().value(), f.reference() == null ? "" : f.reference(),
                f.amountAtRisk().toPlainString())).toList();
        assertThat(batch).containsExactlyInAnyOrderElementsOf(live).hasSize(5);
    }

    private static Finding found(CityWorld.Mistake m) {
        return day.leakage.finding(m).orElseThrow(() -> new AssertionError(m.kind().findingCode + " on " + Dashboard.subject(m)
                + " not found; findings: " + day.leakage.findings()));
    }

    private static TechnicianId technicianOf(JobId job) {
        TechnicianId t = null;
        for (JobEvent e : day.desk.stream(job)) {
            if (e instanceof JobEvent.JobAssigned a) {
                t = a.technician();
            }
        }
        return t;
    }

    @Test
    void theJournalIsReadBackWithoutProblemsAndTheSameSeedWritesTheSameDay(@TempDir Path dir) throws Exception {
        // the morning plan ends on a step count, not the clock: the same seed plans the same day
        assertThat(day.engines).filteredOn(CityDay.EngineUse::engine).extracting(CityDay.EngineUse::part)
                .contains("job record", "morning plan and live dispatch", "pings to visits and attendance", "owner's KPIs");
        StringWriter console = new StringWriter();
        CityDayRun.Settings settings = new CityDayRun.Settings(7, 6, 12, 50, null);
        CityDayRun.Written a = CityDayRun.run(settings, dir.resolve("a"), new PrintWriter(console), Progress.none());
        CityDayRun.Written b = CityDayRun.run(settings, dir.resolve("b"), new PrintWriter(new StringWriter()), Progress.none());
        List<JournalProblem> problems = new ArrayList<>();
        List<JournalRecord> records = JournalReader.create().readAll(a.journal(), problems);
        assertThat(problems).isEmpty();
        assertThat(records).hasSize(a.journalLines());
        assertThat(Files.readString(a.journal())).isEqualTo(Files.readString(b.journal()));
        String html = Files.readString(a.report());
        assertThat(html).contains("<svg", "Money to collect", "Money received that matches no job",
                "<td>Koramangala</td>").doesNotContain("http://", "https://", "UTC", "Rejection[", "PAYMENT_UNLINKED", "hard/");
        assertThat(html).isEqualTo(Files.readString(b.report()));
        assertThat(ReportPageBrowserTest.nuErrors(html)).as("the Nu HTML Checker on the day's page").isEmpty();
        assertThat(console.toString()).startsWith("geodispatch city-day · seed 7 · Mon 16 Nov 2026 · Bengaluru · 3 branches");
    }

    @Test
    void theOwnersReportTellsTheDayInTheOwnersTerms() {
        OwnerReport r = DayReport.of(day, "geodispatch city-day --seed 7");
        Kpis t = day.report(Grouping.TOTAL).total();
        assertThat(r.days()).hasSize(1);
        assertThat(r.today().revenue()).isEqualTo(t.revenue());
        // every rupee accounted for: the part billed after its invoice is the one difference
        assertThat(r.reconciliation().unexplained().isZero()).isTrue();
        assertThat(r.reconciliation().differences()).extracting(Reconciliation.Difference::reason)
                .anySatisfy(reason -> assertThat(reason).contains("after its invoice"));
        // only people in the scorecard; the jobs nobody took are call-backs
        assertThat(r.technicians()).extracting(TechnicianRow::technician)
                .containsAnyElementsOf(day.world.techs.stream().map(CityWorld.Tech::name).toList())
                .allSatisfy(name -> assertThat(day.world.techs).extracting(CityWorld.Tech::name).contains(name));
        assertThat(r.callBacks()).extracting(CallBack::jobNumber)
                .containsAll(day.run.unplaced().stream().map(JobId::value).toList());
        assertThat(r.leakage()).hasSize(day.leakage.findings().size()).allSatisfy(l -> assertThat(l.what() + l.evidence())
                .doesNotContain("_", "INR", "StatusChanged", "UTR"));
        // rides without a technician's standing still
        assertThat(r.map().rides()).allSatisfy(ride -> {
            for (int i = 1; i < ride.points().size(); i++) {
                assertThat(ride.points().get(i)).isNotEqualTo(ride.points().get(i - 1));
            }
        });
    }

    private static boolean completed(JobId job) {
        return indexOf(day.desk.stream(job), JobStatus.COMPLETED) >= 0;
    }

    private static int indexOf(List<JobEvent> stream, JobStatus status) {
        for (int i = 0; i < stream.size(); i++) {
            if (stream.get(i) instanceof JobEvent.StatusChanged s && s.status() == status) {
                return i;
            }
        }
        return -1;
    }
}
