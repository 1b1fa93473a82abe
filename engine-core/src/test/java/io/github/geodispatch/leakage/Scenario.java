package io.github.geodispatch.leakage;

import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small history written as journal records (times in minutes after {@link #T0}) plus site visits, and the
 * ways to run it through a {@link LeakageMonitor}.
 */
final class Scenario {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-02T09:00:00+05:30");
    static final BranchId BRANCH = BranchId.of("BR-1");

    record Visit(TechnicianId technician, SiteId site, Instant from, Instant to) {}

    final List<JournalRecord> records = new ArrayList<>();
    final List<Visit> visits = new ArrayList<>();

    static OffsetDateTime at(long minutes) {
        return T0.plusMinutes(minutes);
    }

    static Instant instant(long minutes) {
        return at(minutes).toInstant();
    }

    Scenario technician(String id) {
        records.add(new JournalRecord.Technician(TechnicianId.of(id), BRANCH, List.of("ac")));
        return this;
    }

    Scenario job(String job, long minute, long quotePaise, Coverage coverage) {
        int n = Math.abs(job.hashCode() % 500);
        records.add(new JournalRecord.JobCreated(JobId.of(job), at(minute), BRANCH, CustomerId.of("C-" + job),
                "AC_SERVICE", GeoPoint.of(12.90 + n * 0.001, 77.50 + n * 0.001), 80, Money.inr(quotePaise), coverage));
        return this;
    }

    Scenario job(String job, long minute, long quotePaise) {
        return job(job, minute, quotePaise, null);
    }

    Scenario assigned(String job, String tech, long minute) {
        records.add(new JournalRecord.JobAssigned(JobId.of(job), at(minute), TechnicianId.of(tech)));
        return this;
    }

    Scenario status(String job, JobStatus status, long minute) {
        records.add(new JournalRecord.JobStatusChanged(JobId.of(job), at(minute), status, ""));
        return this;
    }

    Scenario proof(String job, ProofKind kind, long minute) {
        records.add(new JournalRecord.JobProof(JobId.of(job), at(minute), kind, kind + "-" + job + "-" + minute));
        return this;
    }

    Scenario part(String job, String sku, long unitPaise, boolean billable, long minute) {
        records.add(new JournalRecord.JobPart(JobId.of(job), at(minute), sku, "85322200", 1, Money.inr(unitPaise), billable));
        return this;
    }

    Scenario expense(String job, long paise, boolean billable, long minute) {
        records.add(new JournalRecord.JobExpense(JobId.of(job), at(minute), "PARKING", Money.inr(paise), billable));
        return this;
    }

    Scenario payment(String job, PaymentMode mode, long paise, String reference, long minute) {
        records.add(new JournalRecord.JobPayment(JobId.of(job), at(minute), mode, Money.inr(paise), reference, null,
                mode == PaymentMode.WAIVED ? "owner-1" : null));
        return this;
    }

    Scenario pending(String job, long minute) {
        records.add(new JournalRecord.JobPayment(JobId.of(job), at(minute), PaymentMode.PENDING, Money.inr(0), null,
                LocalDate.of(2026, 11, 9), null));
        return this;
    }

    Scenario invoice(String job, long paise, List<String> parts, long minute) {
        records.add(new JournalRecord.JobInvoice(JobId.of(job), at(minute), "INV/" + job, Money.inr(paise), parts));
        return this;
    }

    Scenario statement(String reference, long paise, String tr, long minute) {
        records.add(new JournalRecord.Statement(at(minute), "UPI", reference, Money.inr(paise), tr, null));
        return this;
    }

    Scenario deposit(String tech, long paise, long minute) {
        records.add(new JournalRecord.CashDeposit(at(minute), TechnicianId.of(tech), Money.inr(paise),
                "SLIP-" + tech + "-" + minute));
        return this;
    }

    Scenario visit(String tech, String job, long fromMinute, long toMinute) {
        visits.add(new Visit(TechnicianId.of(tech), SiteId.of(job), instant(fromMinute), instant(toMinute)));
        return this;
    }

    /**
     * An honest job: created, assigned to {@code tech} at {@code start}, worked with a visit, photo and OTP,
     * completed at start+60 and paid in full by UPI with a matching statement credit.
     */
    Scenario honestUpiJob(String job, String tech, long start, long quotePaise, String utr) {
        job(job, start - 30, quotePaise).assigned(job, tech, start)
                .status(job, JobStatus.EN_ROUTE, start + 5).status(job, JobStatus.ARRIVED, start + 20)
                .status(job, JobStatus.WORK_STARTED, start + 22).visit(tech, job, start + 19, start + 61)
                .proof(job, ProofKind.PHOTO, start + 50).proof(job, ProofKind.OTP, start + 55)
                .status(job, JobStatus.COMPLETED, start + 60)
                .payment(job, PaymentMode.UPI, quotePaise, utr, start + 60)
                .statement(utr, quotePaise, job, start + 120);
        return this;
    }

    /** Like {@link #honestUpiJob} up to completion, without any payment. */
    Scenario completedJob(String job, String tech, long start, long quotePaise) {
        job(job, start - 30, quotePaise).assigned(job, tech, start)
                .status(job, JobStatus.ARRIVED, start + 20).visit(tech, job, start + 19, start + 61)
                .proof(job, ProofKind.PHOTO, start + 50).proof(job, ProofKind.SIGNATURE, start + 55)
                .status(job, JobStatus.COMPLETED, start + 60);
        return this;
    }

    /** The time of a record; technicians and customers (undated) sort first. */
    static Instant timeOf(JournalRecord r) {
        if (r instanceof JournalRecord.JobRecord j) {
            return j.at().toInstant();
        }
        if (r instanceof JournalRecord.Statement st) {
            return st.at().toInstant();
        }
        if (r instanceof JournalRecord.CashDeposit d) {
            return d.at().toInstant();
        }
        if (r instanceof JournalRecord.Ping p) {
            return p.at().toInstant();
        }
        return Instant.MIN;
    }

    static Coverage amc(String until) {
        return new Coverage(CoverageKind.AMC, "AMC-1", LocalDate.parse(until), List.of("AC_SERVICE"));
    }

    /** Feeds records (in list order) and then visits to a fresh monitor. */
    LeakageMonitor run(LeakagePolicy policy) {
        LeakageMonitor monitor = LeakageMonitor.create(policy);
        JournalImporter importer = importer(monitor);
        long line = 0;
        for (JournalRecord r : records) {
            importer.record(++line, r);
        }
        for (Visit v : visits) {
            monitor.visit(v.technician(), v.site(), v.from(), v.to());
        }
        return monitor;
    }

    List<Finding> findings(long asOfMinute) {
        return run(LeakagePolicy.defaults()).findings(instant(asOfMinute));
    }

    /**
     * One of the monitor's inputs: the stream it belongs to ({@code ""} for a technician, {@code job:ID},
     * {@code credit:REFERENCE}, {@code deposit:N}), what it is (the job event, technician record, credit or deposit),
     * and how to feed it.
     */
    record Input(String stream, Object what, Consumer<LeakageMonitor> feed) {}

    /** The records (not the visits) as the monitor's inputs, in record order. */
    List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        JournalImporter importer = new JournalImporter(TenantId.of("t"), new JournalImporter.Target() {
            @Override
            public void event(JobEvent event) {
                inputs.add(new Input("job:" + event.header().job().value(), event, m -> m.accept(event)));
            }

            @Override
            public void technician(JournalRecord.Technician t) {
                inputs.add(new Input("", t, m -> m.technician(t.id(), t.branch())));
            }

            @Override
            public void credit(StatementCredit credit) {
                inputs.add(new Input("credit:" + credit.reference(), credit, m -> m.accept(credit)));
            }

            @Override
            public void deposit(CashDeposit deposit) {
                inputs.add(new Input("deposit:" + inputs.size(), deposit, m -> m.accept(deposit)));
            }
        });
        long line = 0;
        for (JournalRecord r : records) {
            importer.record(++line, r);
        }
        return inputs;
    }

    /** One technician, T-1 of branch BLR, as a journal's first line. */
    static final String TECHNICIAN_LINE = "{\"type\":\"technician\",\"id\":\"T-1\",\"branch\":\"BLR\",\"skills\":[\"ac\"]}";

    /**
     * The findings of a journal of {@code lines} audited at {@code asOf} with the default 35-day window, the visit rules
     * off (the journal has no pings); the journal must read without a problem.
     */
    static List<Finding> auditWithoutVisitRules(List<String> lines, Instant asOf) throws IOException {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        AuditReport report = LeakageAudit.run(new ByteArrayInputStream(bytes), asOf,
                LeakagePolicy.defaults().withVisitRules(false), Duration.ofDays(35));
        assertThat(report.journal().problems()).isEmpty();
        return report.findings();
    }

    static JournalImporter importer(LeakageMonitor monitor) {
        return new JournalImporter(TenantId.of("t"), new LeakageAudit.MonitorFeed(monitor));
    }
}
