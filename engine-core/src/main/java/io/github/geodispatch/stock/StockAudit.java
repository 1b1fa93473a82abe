package io.github.geodispatch.stock;

import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalSummary;
import io.github.geodispatch.journal.StockRecords;
import io.github.geodispatch.journal.internal.AuditWindow;
import io.github.geodispatch.journal.internal.JournalTimes;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakageCode;
import io.github.geodispatch.leakage.LeakageMonitor;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.StockAppend;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.stock.internal.StockBook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The batch view of stock: reads a journal and feeds every record dated up to {@code asOf} to the same code the live
 * engine runs: job records through the {@linkplain JournalImporter#unchained unchained} importer to the leakage
 * monitor and the parts margin, each {@code job.part} taken from the van of the job's technician (as
 * {@code GeoDispatch} does), each {@code stock.*} record decided by the stock book as a command of the journal.
 * A stock record the stock refuses (a transfer of more than the location holds, an unknown SKU) is reported with its
 * line number and skipped. Statements, deposits and pings are not read. The findings are the stock ones
 * ({@link #CODES}).
 *
 * <p>Memory is bounded by the live state, as in {@link LeakageAudit}: once a day of journal time, jobs done and
 * untouched for the audit window (default {@link LeakageAudit#DEFAULT_WINDOW}) are let go with their findings settled;
 * their margin lines stay. So a record for a job let go is reported (not applied): a part line, or a return for it,
 * is refused; a van take naming it is a use no job explains. Within the window the report is that of an audit that
 * keeps everything. Stateless and thread-safe; each run has its own state.
 *
 * <pre>{@code
 * StockReport report = StockAudit.run(Path.of("journal.jsonl"), Instant.parse("2026-11-10T00:00:00Z"),
 *         StockAudit.Options.defaults());
 * report.levels().forEach(System.out::println);
 * }</pre>
 */
public final class StockAudit {
    /** The finding codes a stock audit reports. */
    public static final Set<LeakageCode> CODES = EnumSet.of(LeakageCode.PARTS_NOT_BILLED, LeakageCode.OFF_BOOK_PART,
            LeakageCode.STOCK_SHRINKAGE, LeakageCode.VAN_USE_UNEXPLAINED);
    private static final TenantId TENANT = TenantId.of("journal");

    /**
     * The audit's settings: the stock's currency, the business's zone, whether part prices include tax, and the audit
     * window after which done jobs leave memory (positive; longer than the journal's span keeps everything).
     */
    public record Options(Currency currency, ZoneId zone, boolean pricesIncludeTax, Duration window) {
        public Options {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(zone, "zone");
            AuditWindow.requirePositive(window);
        }

        /** These settings with the {@linkplain LeakageAudit#DEFAULT_WINDOW default audit window}. */
        public Options(Currency currency, ZoneId zone, boolean pricesIncludeTax) {
            this(currency, zone, pricesIncludeTax, LeakageAudit.DEFAULT_WINDOW);
        }

        /** INR, Asia/Kolkata, prices including tax (as the {@code invoice} command's default), the default window. */
        public static Options defaults() {
            return new Options(Currency.INR, ZoneId.of("Asia/Kolkata"), true);
        }

        public Options withWindow(Duration window) {
            return new Options(currency, zone, pricesIncludeTax, window);
        }
    }

    private StockAudit() {}

    public static StockReport run(Path journal, Instant asOf, Options options) throws IOException {
        try (InputStream in = Files.newInputStream(Objects.requireNonNull(journal, "journal"))) {
            return run(in, asOf, options);
        }
    }

    /** Audits the journal read from {@code in} (not closed). */
    public static StockReport run(InputStream in, Instant asOf, Options options) throws IOException {
        Run run = new Run(CalendarRange.require(asOf, "asOf"), Objects.requireNonNull(options, "options"));
        JournalSummary summary = JournalReader.create().readingAhead().read(in, run::record);
        return run.report(summary);
    }

    /** One audit's state; the importer's target. */
    private static final class Run implements JournalImporter.Target {
        private final Instant asOf;
        private final StockBook book;
        private final LeakageMonitor monitor;
        private final PartsMargin margin;
        private final JournalImporter importer;
        private final AuditWindow window;
        private final Actor actor = new Actor("journal", Role.SYSTEM, TENANT, null);
        private final Map<JobId, TechnicianId> technicians = new HashMap<>();
        private final Map<StockStreamId, Long> streamKeys = new HashMap<>();
        private final StockBook.Ids ids = (stream, version) -> new UUID(streamKey(stream), version);
        private final List<JournalProblem> problems = new ArrayList<>();
        private long problemCount;
        private long late;
        private long untracked;

        Run(Instant asOf, Options options) {
            this.asOf = asOf;
            this.book = new StockBook(TENANT, options.currency(), false);
            this.monitor = LeakageMonitor.create(LeakagePolicy.defaults().withZone(options.zone()).withVisitRules(false)
                    .withCodes(CODES));
            this.margin = PartsMargin.create(options.currency(), options.zone(), options.pricesIncludeTax());
            this.importer = JournalImporter.unchained(TENANT, this);
            this.window = new AuditWindow(options.window(), before -> {
                LeakageMonitor.Retired retired = monitor.retire(before);
                retired.jobs().forEach(importer::forget);
                retired.jobs().forEach(technicians::remove);
                book.forget(retired.jobs());
                return retired.jobs().size();
            }, monitor::jobsHeld);
        }

        void record(long line, JournalRecord record) {
            if (record instanceof JournalRecord.Stock s) {
                if (JournalTimes.after(s.at(), asOf)) {
                    late++;
                } else {
                    stock(line, s);
                    window.passed(s.at());
                }
            } else if (record instanceof JournalRecord.JobRecord j) {
                if (JournalTimes.after(j.at(), asOf)) {
                    late++;
                } else {
                    importer.record(line, record);
                    window.passed(j.at());
                }
            } else if (record instanceof JournalRecord.Technician) {
                importer.record(line, record);
            }
        }

        /**
         * The job events the stock findings and the margin read: creations, assignments, status changes (whether a job
         * is done), parts and invoices. Every other job event (a payment, a proof, an expense) only touches its job:
         * the monitor runs the stock rules only, and a job is let go the window after its last record of any kind.
         */
        @Override
        public void event(JobEvent event) {
            JobId job = event.header().job();
            if (event instanceof JobEvent.JobCreated || event instanceof JobEvent.InvoiceHandedOff) {
                monitor.accept(event);
                margin.accept(event);
            } else if (event instanceof JobEvent.JobAssigned a) {
                monitor.accept(event);
                margin.accept(event);
                technicians.put(job, a.technician());
            } else if (event instanceof JobEvent.StatusChanged) {
                monitor.accept(event);
            } else if (event instanceof JobEvent.JobUnassigned) {
                monitor.accept(event);
                technicians.remove(job);
            } else if (event instanceof JobEvent.PartUsed part) {
                monitor.accept(event);
                margin.accept(event);
                TechnicianId technician = technicians.get(job);
                StockBook.Decision d = technician == null ? null : book.decide(actor,
                        StockCommand.UseOnJob.of(part, technician), part.header().occurredAt(), ids);
                if (d != null && d.accepted()) {
                    apply(d);
                } else {
                    untracked++;
                }
            } else {
                monitor.touch(job, event.header().occurredAt());
            }
        }

        @Override
        public void technician(JournalRecord.Technician technician) {
            monitor.technician(technician.id(), technician.branch());
        }

        private void stock(long line, JournalRecord.Stock record) {
            StockBook.Decision d;
            try {
                d = book.decide(actor, command(record), record.at().toInstant(), ids);
            } catch (IllegalArgumentException e) {
                refused(line, record, record.type() + ": " + e.getMessage());
                return;
            }
            if (d.accepted()) {
                apply(d);
            } else {
                refused(line, record, record.type() + " refused, " + d.rejection().reason() + ": " + d.rejection().message());
            }
        }

        /** A refused stock record is still a record of the job it names: the window runs from it, as from any other. */
        private void refused(long line, JournalRecord.Stock record, String message) {
            JobId job = record instanceof StockRecords.Use r ? r.job()
                    : record instanceof StockRecords.Return r ? r.job() : null;
            if (job != null) {
                monitor.touch(job, record.at().toInstant());
            }
            problem(line, message);
        }

        private void apply(StockBook.Decision decision) {
            for (StockAppend append : decision.appends()) {
                for (StockEvent e : append.events()) {
                    book.apply(e);
                    monitor.accept(e);
                    margin.accept(e);
                }
            }
        }

        private void problem(long line, String message) {
            problemCount++;
            if (problems.size() < JournalReader.MAX_KEPT_PROBLEMS) {
                problems.add(new JournalProblem(line, JournalProblem.Kind.INVALID, message));
            }
        }

        /** A stable 64-bit key of a stream (FNV-1a of its name): with the version, a repeatable event id. */
        private long streamKey(StockStreamId stream) {
            return streamKeys.computeIfAbsent(stream, s -> {
                long hash = 0xcbf29ce484222325L;
                for (char c : s.key().toCharArray()) {
                    hash = (hash ^ c) * 0x100000001b3L;
                }
                return hash;
            });
        }

        StockReport report(JournalSummary summary) {
            List<Finding> findings = monitor.findings(asOf);
            List<JournalProblem> all = new ArrayList<>(importer.problems());
            all.addAll(problems);
            // when there are more than can be kept, the refused lines first: a flood of flagged ones must not hide them
            all.sort(Comparator.comparing((JournalProblem p) -> p.kind() == JournalProblem.Kind.FLAGGED)
                    .thenComparingLong(JournalProblem::line));
            List<JournalProblem> kept = new ArrayList<>(all.subList(0, Math.min(all.size(), JournalReader.MAX_KEPT_PROBLEMS)));
            kept.sort(Comparator.comparingLong(JournalProblem::line));
            return new StockReport(asOf, book.levels(), margin.report(), findings, summary, kept,
                    importer.problemCount() + problemCount, late, untracked, window.window(), window.jobsLetGo(),
                    window.peakJobsHeld());
        }
    }

    /** The command a stock record asks of the stock. */
    static StockCommand command(JournalRecord.Stock record) {
        if (record instanceof StockRecords.Use r) {
            return new StockCommand.Take(r.location(), r.sku(), r.quantity(), r.serials(), r.job());
        } else if (record instanceof StockRecords.Transfer r) {
            return new StockCommand.Transfer(r.from(), r.to(), r.sku(), r.quantity(), r.serials());
        } else if (record instanceof StockRecords.Receipt r) {
            return new StockCommand.Receive(r.location(), r.sku(), r.quantity(), r.unitCost(), r.serials(), r.reference());
        } else if (record instanceof StockRecords.Count r) {
            return new StockCommand.Count(r.location(), r.sku(), r.quantity(), r.serials());
        } else if (record instanceof StockRecords.Return r) {
            return new StockCommand.Return(r.location(), r.job(), r.sku(), r.quantity(), r.serials());
        } else if (record instanceof StockRecords.WriteOff r) {
            return new StockCommand.WriteOff(r.location(), r.sku(), r.quantity(), r.reason(), r.note(), r.serials());
        } else if (record instanceof StockRecords.Minimum r) {
            return new StockCommand.SetMinimum(r.location(), r.sku(), r.quantity());
        } else if (record instanceof StockRecords.Location r) {
            return new StockCommand.OpenLocation(new Location(r.location(), r.kind(), r.name(), r.branch(), r.technician()));
        } else {
            StockRecords.Sku r = (StockRecords.Sku) record;
            return new StockCommand.DefineSku(new Sku(r.sku(), r.name(), r.hsn(), r.unit(), r.gstRateBasisPoints(),
                    r.costPrice(), r.sellPrice(), r.serialTracked()));
        }
    }
}
