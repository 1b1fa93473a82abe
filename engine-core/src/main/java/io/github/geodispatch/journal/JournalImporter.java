package io.github.geodispatch.journal;

import io.github.geodispatch.journal.JournalProblem.Kind;
import io.github.geodispatch.journal.internal.AuditWindow;
import io.github.geodispatch.journal.internal.CustomerImport;
import io.github.geodispatch.journal.internal.NameUuids;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.payment.MoneyRules;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns journal records into what the engine consumes: {@link JobEvent}s on hash-chained job streams,
 * {@link StatementCredit}s, {@link CashDeposit}s and pings. It records history as it happened, without the
 * live state machine: what the live engine would refuse (a UPI payment without a 12-digit UTR, a waiver
 * without an approver, a completion on a job never assigned, events after a job was closed, time going
 * backwards on a stream, a reassignment without an unassignment) is imported and
 * {@linkplain JournalProblem.Kind#FLAGGED flagged}. Money is the exception: a record that breaks the
 * {@link MoneyRules} the live engine applies (a payment reference already recorded on the job, again or with
 * another mode or amount; an amount in another currency than the job's quote) is
 * {@linkplain JournalProblem.Kind#REFUSED refused}, not imported, so it is summed nowhere. A record that
 * cannot belong to any stream (a job record before its {@code job.created}, a second {@code job.created}) is
 * {@linkplain JournalProblem.Kind#INVALID rejected}.
 *
 * <p>Event ids are name-based UUIDs of tenant, job and version, so importing the same journal twice yields
 * the same events (and the event store's idempotency makes the second import a no-op). Imported events
 * carry the actor {@code journal} with role {@link Role#SYSTEM}; a job created by the journal gets
 * priority NORMAL and an estimate of {@value #DEFAULT_ESTIMATED_MINUTES} minutes, which the format does
 * not carry.
 *
 * <p>Not thread-safe: feed it from the reading thread.
 */
public final class JournalImporter implements JournalReader.Handler {
    /** The estimate given to imported jobs (the journal format has none). */
    public static final int DEFAULT_ESTIMATED_MINUTES = 60;

    /** Where imported facts go; every method but {@link #event} defaults to ignoring its input. */
    public interface Target {
        void event(JobEvent event);

        default void technician(JournalRecord.Technician technician) {}

        default void customer(JournalRecord.Customer customer) {}

        default void credit(StatementCredit credit) {}

        default void deposit(CashDeposit deposit) {}

        default void ping(JournalRecord.Ping ping) {}

        /** An event of a customer's stream (profile, sites, equipment, contracts), in its stream's order. */
        default void customerEvent(CustomerEvent event) {}

        /**
         * The importer let go of {@code job}, done and untouched for its audit window (only an importer made with a
         * window lets go by itself): no event of the job follows, unless a later {@code job.created} starts it afresh.
         */
        default void letGo(JobId job) {}
    }

    private final TenantId tenant;
    private final Target target;
    private final Actor actor;
    /** The jobs' streams; with a window, in the order they were last touched (an access-ordered map). */
    private final Map<JobId, Stream> streams;
    private final Map<CustomerId, JournalRecord.Customer> customers = new HashMap<>();
    private final List<JournalProblem> problems = new ArrayList<>();
    private final long[] counts = new long[Kind.values().length];

    private final boolean chained;
    private final CustomerImport customerImport;
    /** How many jobs were let go ({@link #forget}, or after the window). */
    private long forgotten;
    /** Lets go of done jobs after the window; null when the importer keeps them until {@link #forget}. */
    private final AuditWindow window;
    /** With a window: the latest time of a job record read, which stamps each touch of a stream. */
    private Instant clock = Instant.MIN;

    /** An importer whose events are hash-chained per stream, ready to store in a {@code JobEventStore}. */
    public JournalImporter(TenantId tenant, Target target) {
        this(tenant, target, true, null);
    }

    private JournalImporter(TenantId tenant, Target target, boolean chained, Duration window) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.target = Objects.requireNonNull(target, "target");
        this.actor = new Actor("journal", Role.SYSTEM, tenant, null);
        this.chained = chained;
        this.customerImport = new CustomerImport(actor);
        this.window = window == null ? null : new AuditWindow(window, this::letGoBefore, this::jobsHeld);
        this.streams = window == null ? new HashMap<>() : new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * An importer for transient use (an audit that stores nothing): its events all carry
     * {@link HashChain#GENESIS} as previous hash instead of the SHA-256 of the event before, which saves a hash
     * per event. Never store these events: their streams do not verify.
     */
    public static JournalImporter unchained(TenantId tenant, Target target) {
        return new JournalImporter(tenant, target, false, null);
    }

    /**
     * An {@linkplain #unchained(TenantId, Target) unchained} importer whose memory is bounded by the live jobs, for a
     * batch command with no leakage monitor to say when a job is done: once a day of journal time it lets go of each
     * job done (completed, closed or cancelled) and untouched for {@code window} (positive) before the newest job
     * record read, and tells {@link Target#letGo}. "Touched" means a record for the job was read. A later record for
     * a job let go is then rejected as {@link #forget} says. The leakage and stock audits use the same window
     * ({@code LeakageAudit.DEFAULT_WINDOW}); see {@link #jobsLetGo} and {@link #peakJobsHeld}.
     */
    public static JournalImporter unchained(TenantId tenant, Target target, Duration window) {
        return new JournalImporter(tenant, target, false, AuditWindow.requirePositive(window));
    }

    /**
     * Flags and rejections so far, in line order: the first {@link JournalReader#MAX_KEPT_PROBLEMS}, for printing
     * ({@link #count} counts every one).
     */
    public List<JournalProblem> problems() {
        return List.copyOf(problems);
    }

    /** How many problems of {@code kind} there were in all (never capped). */
    public long count(Kind kind) {
        return counts[kind.ordinal()];
    }

    /** The exact problem counts by kind; kinds with none are left out. */
    public Map<Kind, Long> counts() {
        return JournalProblem.Kind.countsOf(counts);
    }

    /** How many flags and rejections there were in all. */
    public long problemCount() {
        long sum = 0;
        for (long n : counts) {
            sum += n;
        }
        return sum;
    }

    /** How many records were rejected (not imported): every problem that is not {@link Kind#FLAGGED}. */
    public long rejected() {
        return problemCount() - count(Kind.FLAGGED);
    }

    /**
     * Lets go of {@code job}'s stream (a batch audit keeps its memory bounded this way). A later record for the job
     * is then rejected as one before its {@code job.created} (the message says it may have been let go), and a
     * later {@code job.created} starts the job afresh.
     */
    public void forget(JobId job) {
        if (streams.remove(job) != null) {
            forgotten++;
        }
    }

    /** How many jobs were let go ({@link #forget}, or after the window of an importer made with one). */
    public long jobsLetGo() {
        return forgotten;
    }

    /**
     * The most jobs held at once: with a window, sampled once a day of journal time and now; without, the jobs held
     * now.
     */
    public int peakJobsHeld() {
        return window == null ? jobsHeld() : window.peakJobsHeld();
    }

    private int jobsHeld() {
        return streams.size();
    }

    /** Lets go of the done jobs untouched since {@code before} (oldest touch first; the walk ends at a newer one). */
    private int letGoBefore(Instant before) {
        int gone = 0;
        for (Iterator<Map.Entry<JobId, Stream>> held = streams.entrySet().iterator(); held.hasNext(); ) {
            Map.Entry<JobId, Stream> entry = held.next();
            Stream stream = entry.getValue();
            if (!stream.touchedAt.isBefore(before)) {
                break;
            }
            if (stream.done()) {
                held.remove();
                forgotten++;
                gone++;
                target.letGo(entry.getKey());
            }
        }
        return gone;
    }

    @Override
    public void record(long line, JournalRecord record) {
        if (record instanceof JournalRecord.Ping p) {
            target.ping(p);
        } else if (record instanceof JournalRecord.JobRecord r) {
            job(line, r);
        } else if (record instanceof JournalRecord.Statement s) {
            target.credit(new StatementCredit(s.source(), s.reference(), s.at().toInstant(), s.amount(), s.tr(),
                    s.payer()));
        } else if (record instanceof JournalRecord.CashDeposit d) {
            target.deposit(new CashDeposit(d.technician(), d.at().toInstant(), d.amount(), d.reference()));
        } else if (record instanceof JournalRecord.Technician t) {
            target.technician(t);
        } else if (record instanceof JournalRecord.Customer c) {
            customers.put(c.id(), c);
            target.customer(c);
        } else if (record instanceof JournalRecord.CustomerRecord c) {
            customerImport.record(c, target::customerEvent).ifPresent(why -> problem(line, Kind.INVALID, why));
        }
    }

    private void job(long line, JournalRecord.JobRecord r) {
        if (window == null) {
            importJob(line, r);
            return;
        }
        Instant at = r.at().toInstant();
        if (at.isAfter(clock)) {
            clock = at;
        }
        importJob(line, r);
        window.passed(r.at());
    }

    private void importJob(long line, JournalRecord.JobRecord r) {
        Stream stream = streams.get(r.job());
        if (stream != null) {
            stream.touchedAt = clock;
        }
        if (r instanceof JournalRecord.JobCreated created) {
            if (stream != null) {
                problem(line, Kind.INVALID, "job " + r.job() + " was already created (line " + stream.createdLine + ")");
                return;
            }
            stream = new Stream(StreamId.of(tenant, r.job()), line, created.quote().currency());
            stream.touchedAt = clock;
            streams.put(r.job(), stream);
            JournalRecord.Customer customer = customers.get(created.customer());
            Site site = new Site(SiteId.of(created.job().value()), created.location(), created.radiusMetres(),
                    customer == null ? "" : customer.address());
            append(stream, new JobEvent.JobCreated(header(stream, r), created.branch(), created.customer(), site, "",
                    created.jobType(), List.of(), Priority.NORMAL, null, null, DEFAULT_ESTIMATED_MINUTES,
                    created.quote(), created.coverage(), null));
            return;
        }
        if (stream == null) {
            problem(line, Kind.INVALID, r.type() + " for job " + r.job() + " before its job.created"
                    + (forgotten > 0 ? " (or after the job was let go, done and untouched for the audit window)" : ""));
            return;
        }
        EventHeader header = header(stream, r);
        JobEvent money = moneyEvent(header, r);
        if (money != null) {
            MoneyRules.Check check = MoneyRules.event(stream.currency, stream.payments, money);
            if (!check.accepted()) {
                problem(line, Kind.REFUSED, check.verdict() + ": " + check.message());
                return;
            }
        }
        Instant at = header.occurredAt();
        if (at.isBefore(stream.lastAt)) {
            problem(line, Kind.FLAGGED, "job " + r.job() + ": " + r.type() + " at " + r.at()
                    + " is earlier than the job's previous record");
        }
        if (stream.status.isTerminal()) {
            problem(line, Kind.FLAGGED, "job " + r.job() + ": " + r.type() + " after the job was " + stream.status);
        }
        JobEvent event;
        if (money != null) {
            event = money;
            if (money instanceof JobEvent.PaymentRecorded p) {
                payment(line, p);
                stream.payments.add(p);
            }
        } else if (r instanceof JournalRecord.JobAssigned a) {
            if (stream.technician != null && !stream.technician.equals(a.technician())) {
                problem(line, Kind.FLAGGED, "job " + r.job() + " reassigned from " + stream.technician + " to "
                        + a.technician() + " without job.unassigned");
            }
            stream.technician = a.technician();
            event = new JobEvent.JobAssigned(header, a.technician(), null);
        } else if (r instanceof JournalRecord.JobUnassigned u) {
            if (!u.technician().equals(stream.technician)) {
                problem(line, Kind.FLAGGED, "job " + r.job() + ": " + u.technician() + " unassigned but not assigned");
            }
            stream.technician = null;
            event = new JobEvent.JobUnassigned(header, u.technician(), u.reason());
        } else if (r instanceof JournalRecord.JobStatusChanged s) {
            if (s.status() == JobStatus.COMPLETED && stream.technician == null) {
                problem(line, Kind.FLAGGED, "job " + r.job() + " completed with no technician assigned");
            }
            stream.status = s.status();
            event = new JobEvent.StatusChanged(header, s.status(), s.reason(), s.evidence());
        } else if (r instanceof JournalRecord.JobProof p) {
            event = new JobEvent.ProofAdded(header, p.kind(), "", p.ref(), null);
        } else {
            throw new IllegalStateException("unhandled job record " + r.type());
        }
        append(stream, event);
        if (at.isAfter(stream.lastAt)) {
            stream.lastAt = at;
        }
    }

    /** The event of a record that carries money (part, expense, payment, invoice), else null. */
    private static JobEvent moneyEvent(EventHeader header, JournalRecord.JobRecord r) {
        if (r instanceof JournalRecord.JobPart p) {
            return new JobEvent.PartUsed(header, p.sku(), p.hsn(), p.quantity(), p.unitPrice(), p.billable());
        }
        if (r instanceof JournalRecord.JobExpense e) {
            return new JobEvent.ExpenseAdded(header, e.kind(), e.amount(), e.billable());
        }
        if (r instanceof JournalRecord.JobPayment p) {
            return new JobEvent.PaymentRecorded(header, p.mode(), p.amount(), p.reference(), p.promisedOn(),
                    p.approvedBy());
        }
        if (r instanceof JournalRecord.JobInvoice i) {
            return new JobEvent.InvoiceHandedOff(header, i.invoiceNo(), i.amount(), i.parts());
        }
        return null;
    }

    /** Flags what the live engine's command checks would refuse in a payment it otherwise accepts. */
    private void payment(long line, JobEvent.PaymentRecorded p) {
        JobId job = p.header().job();
        p.mode().referenceProblem(p.reference()).ifPresent(message -> problem(line, Kind.FLAGGED, "job " + job + ": "
                + message));
        if (p.mode() == PaymentMode.WAIVED && p.approvedBy() == null) {
            problem(line, Kind.FLAGGED, "job " + job + ": WAIVED without an OWNER's approved_by");
        }
    }

    private EventHeader header(Stream stream, JournalRecord.JobRecord r) {
        long version = stream.version + 1;
        UUID eventId = NameUuids.of(stream.eventNamePrefix, version);
        return new EventHeader(eventId, stream.id, version, r.at().toInstant(), actor, stream.head);
    }

    private void append(Stream stream, JobEvent event) {
        stream.version = event.header().version();
        if (chained) {
            stream.head = HashChain.hash(event);
        }
        if (event instanceof JobEvent.JobCreated) {
            stream.lastAt = event.header().occurredAt();
        }
        target.event(event);
    }

    private void problem(long line, Kind kind, String message) {
        counts[kind.ordinal()]++;
        if (problems.size() < JournalReader.MAX_KEPT_PROBLEMS) {
            problems.add(new JournalProblem(line, kind, message));
        }
    }

    /** The import state of one job's stream. */
    private static final class Stream {
        final StreamId id;
        /** Its events are named {@code geodispatch-journal:<stream id>#<version>} (see {@link #header}). */
        final byte[] eventNamePrefix;
        final long createdLine;
        final Currency currency;
        /** The payments imported, which a new payment is checked against ({@link MoneyRules}). */
        final List<JobEvent.PaymentRecorded> payments = new ArrayList<>(1);
        long version;
        String head = HashChain.GENESIS;
        Instant lastAt = Instant.MIN;
        TechnicianId technician;
        JobStatus status = JobStatus.NEW;
        /** With a window: the importer's clock when a record for the job was last read. */
        Instant touchedAt;

        Stream(StreamId id, long createdLine, Currency currency) {
            this.id = id;
            this.eventNamePrefix = ("geodispatch-journal:" + id + "#").getBytes(StandardCharsets.UTF_8);
            this.createdLine = createdLine;
            this.currency = currency;
        }

        /** Completed, closed or cancelled: what a window lets go once untouched. */
        boolean done() {
            return status == JobStatus.COMPLETED || status == JobStatus.CLOSED || status == JobStatus.CANCELLED;
        }
    }
}
