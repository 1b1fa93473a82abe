package io.github.geodispatch.leakage;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalSummary;
import io.github.geodispatch.journal.internal.AuditWindow;
import io.github.geodispatch.journal.internal.JournalTimes;
import io.github.geodispatch.leakage.internal.PingVisits;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The batch audit: reads a journal, imports it (leniently, see {@link JournalImporter}) and feeds every record
 * dated up to {@code asOf} to a {@link LeakageMonitor}, in journal order — the same incremental code the live
 * engine listener runs. Pings go through the geofence engine's visit tracker against a circular fence per job
 * site ({@code job.created} site lat/lng/radius); the visits it reports feed GHOST_VISIT and OFF_BOOK_VISIT.
 * Customer and contract lines feed a {@link ContractPortfolio} the contract rules read, from the first such line
 * on (contract revenue is not counted here, so its currency does not matter). The audit stores nothing, so it
 * imports {@linkplain JournalImporter#unchained unchained} events.
 *
 * <p>Memory is bounded by the live state, not the history: once a day of journal time, everything that nothing
 * has touched for the audit {@code window} (default {@link #DEFAULT_WINDOW}, before the newest record read) is let
 * go with its findings settled as they stand ({@link LeakageMonitor#retire}): done jobs with their claims,
 * credits, site fence and stays; unlinked credits; settled cash; the ping state of technicians with no ping in the
 * window (a stay still open closes as at the end of the journal). So inputs more than the window apart are not
 * related: a record for a job let go is reported (not audited), a payment reference reused more than the window
 * after its job was let go is no duplicate, a credit arriving that late is unlinked, a stay at a site let go is
 * not judged, a technician's ping that much older than their last is no longer too late. Within the window the
 * findings are those of an audit that keeps everything. Stateless and thread-safe; each run has its own monitor.
 *
 * <pre>{@code
 * AuditReport report = LeakageAudit.run(Path.of("journal.jsonl"), Instant.parse("2026-11-10T00:00:00Z"),
 *         LeakagePolicy.defaults());
 * report.findings().forEach(System.out::println);
 * }</pre>
 */
public final class LeakageAudit {
    /** The default audit window: 35 days, a monthly statement cycle plus grace. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(35);
    private static final TenantId TENANT = TenantId.of("journal");

    private LeakageAudit() {}

    /** Audits {@code journal} (plain or gzip-compressed) with the {@linkplain #DEFAULT_WINDOW default window}. */
    public static AuditReport run(Path journal, Instant asOf, LeakagePolicy policy) throws IOException {
        return run(journal, asOf, policy, DEFAULT_WINDOW);
    }

    /** Audits {@code journal} (plain or gzip-compressed), letting go of what nothing touched for {@code window}. */
    public static AuditReport run(Path journal, Instant asOf, LeakagePolicy policy, Duration window) throws IOException {
        try (InputStream in = Files.newInputStream(Objects.requireNonNull(journal, "journal"))) {
            return run(in, asOf, policy, window);
        }
    }

    /** Audits the journal read from {@code in} (not closed) with the {@linkplain #DEFAULT_WINDOW default window}. */
    public static AuditReport run(InputStream in, Instant asOf, LeakagePolicy policy) throws IOException {
        return run(in, asOf, policy, DEFAULT_WINDOW);
    }

    /**
     * Audits the journal read from {@code in} (not closed), letting go of what nothing touched for {@code window}
     * (positive; a window longer than the journal's span keeps everything).
     */
    public static AuditReport run(InputStream in, Instant asOf, LeakagePolicy policy, Duration window)
            throws IOException {
        CalendarRange.require(asOf, "asOf");
        LeakageMonitor monitor = LeakageMonitor.create(policy);
        ContractPortfolio contracts = ContractPortfolio.create(policy.zone(), Currency.INR);
        boolean[] contractRules = {false};
        PingVisits visits = new PingVisits(monitor, asOf);
        JournalImporter importer = JournalImporter.unchained(TENANT, new MonitorFeed(monitor) {
            @Override
            public void event(JobEvent event) {
                if (event instanceof JobEvent.JobCreated created) {
                    visits.site(created.site());
                }
                contracts.accept(event);
                super.event(event);
            }

            @Override
            public void customerEvent(CustomerEvent event) {
                contracts.accept(event);
                if (!contractRules[0]) {
                    // the first customer line turns the contract rules on: a journal without any costs nothing
                    contractRules[0] = true;
                    monitor.contracts(contracts);
                }
                monitor.customerChanged(event);
            }

            @Override
            public void ping(JournalRecord.Ping ping) {
                visits.ping(ping);
            }
        });
        AuditWindow retention = new AuditWindow(window, before -> {
            // first, so that a stay still open when its technician went quiet is judged with its jobs, not after
            visits.forgetIdle(before);
            LeakageMonitor.Retired retired = monitor.retire(before);
            retired.jobs().forEach(importer::forget);
            retired.sites().forEach(visits::forget);
            return retired.jobs().size();
        }, monitor::jobsHeld);
        long[] late = new long[1];
        JournalSummary summary = JournalReader.create().read(in, (line, record) -> {
            OffsetDateTime at = timeOf(record);
            if (at != null && JournalTimes.after(at, asOf)) {
                late[0]++;
                return;
            }
            importer.record(line, record);
            if (at != null) {
                retention.passed(at);
            }
        });
        visits.finish();
        return new AuditReport(asOf, monitor.findings(asOf), summary, importer.counts(), importer.problems(), late[0],
                visits.pings(), visits.rejected(), window, retention.jobsLetGo(), retention.peakJobsHeld());
    }

    /** Feeds a journal's job events, technicians, statement credits and cash deposits to a monitor. */
    static class MonitorFeed implements JournalImporter.Target {
        private final LeakageMonitor monitor;

        MonitorFeed(LeakageMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public void event(JobEvent event) {
            monitor.accept(event);
        }

        @Override
        public void technician(JournalRecord.Technician technician) {
            monitor.technician(technician.id(), technician.branch());
        }

        @Override
        public void credit(StatementCredit credit) {
            monitor.accept(credit);
        }

        @Override
        public void deposit(CashDeposit deposit) {
            monitor.accept(deposit);
        }
    }

    /** The record's time (null for undated records: technicians, customers). */
    private static OffsetDateTime timeOf(JournalRecord record) {
        if (record instanceof JournalRecord.Ping p) {
            return p.at();
        }
        if (record instanceof JournalRecord.JobRecord r) {
            return r.at();
        }
        if (record instanceof JournalRecord.Statement s) {
            return s.at();
        }
        if (record instanceof JournalRecord.CashDeposit d) {
            return d.at();
        }
        if (record instanceof JournalRecord.CustomerRecord c) {
            return c.at();
        }
        return null;
    }
}
