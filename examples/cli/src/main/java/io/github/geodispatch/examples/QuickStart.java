package io.github.geodispatch.examples;
import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.HistoryVerification;
import io.github.geodispatch.job.JobCommand.AddProof;
import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.job.JobCommand.CreateJob;
import io.github.geodispatch.job.JobCommand.RecordPayment;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

/**
 * Read this first. A host builds the front door, {@link GeoDispatch}, over in-memory adapters, and one AC service
 * job runs from creation to CLOSED: the dispatcher creates and assigns it; the technician sets off, and his
 * phone's pings at the site record his arrival (the site became a fence when the job was created); he adds
 * before/after photos and the customer's signature (a completion without the customer's approval is refused),
 * completes the job and records the UPI payment with its 12-digit UTR; billing drafts the GST invoice from the job's record and
 * hands it to accounts; the accountant closes the job. Then the job's history, its hash-chain check and the
 * owner's view of the day are printed. {@code java -jar examples/target/geodispatch.jar quickstart} runs it.
 */
public final class QuickStart {
    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    private QuickStart() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out);
        out.flush();
    }

    /** A clock the example moves through the morning. */
    private static final class Morning implements InstantSource {
        private Instant now = DAY.atTime(9, 0).atZone(INDIA).toInstant();

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration d) {
            now = now.plus(d);
        }
    }

    /** What the quick start shows, printed before it runs (each line at most 100 columns). */
    static final String DEMONSTRATES = String.join(System.lineSeparator(),
            "Quick start: one AC service job through the front door (GeoDispatch), from creation to CLOSED:",
            "assigned, arrival recorded from the technician's pings, photos and the customer's signature, UPI",
            "payment, GST invoice; then the job's history, its hash chain verified, and the owner's view",
            "of the day.",
            "");

    /** Where to go from here, printed last. */
    static final String READ_NEXT = String.join(System.lineSeparator(),
            "Read next:",
            "  docs/job-record.md  the job record: its state machine, closure policies and hash chain",
            "  docs/cli.md         every subcommand of this tool, each with an example",
            "  the city simulation: java -jar examples/target/geodispatch.jar city-day (docs/city-day.md)");

    /** Runs the quick start, printing to {@code out}; returns the closed job. */
    public static JobState run(PrintWriter out) {
        out.println(DEMONSTRATES);
        // Who acts: one tenant (a Bengaluru AC service company), its dispatcher, technician and accountant.
        TenantId tenant = TenantId.of("coolair-blr");
        BranchId branch = BranchId.of("indiranagar");
        Actor dispatcher = Actor.dispatcher(tenant, branch, "priya");
        TechnicianId ravi = TechnicianId.of("ravi");
        Actor technician = Actor.technician(tenant, branch, ravi);
        Actor accountant = Actor.accountant(tenant, "meena");
        Morning clock = new Morning();

        // The front door: in-memory store and invoice numbers, a console notifier, billing as a Karnataka seller.
        Party seller = new Party("Cool Air Services Pvt Ltd", "Cool Air", "29AAGCC1234F1ZY", "12, 80 Feet Road, Indiranagar",
                "Bengaluru", "560038", "29", "8041234567", "accounts@coolair.example");
        GeoDispatch gd = GeoDispatch.builder()
                .business(tenant, Currency.INR, INDIA)
                .clock(clock)
                .notifier((to, subject, body) -> out.println("  [notify " + to + "] " + subject))
                .seller(new SellerProfile(seller, Map.of("indiranagar", "IND"), "coolair@okicici", Map.of()),
                        PriceBasis.TAX_INCLUSIVE)
                .build();

        JobId job = JobId.of("JOB-1001");
        Site site = new Site(SiteId.of("S-77"), GeoPoint.of(12.9719, 77.6412), 60,
                "2nd floor, 100 Feet Rd, Indiranagar, Bengaluru");
        gd.jobs().execute(dispatcher, CreateJob.builder(job, branch, CustomerId.of("C-5521"), site, "AC_SERVICE")
                .issue("1.5 ton split AC not cooling")
                .skills(SkillRequirement.of("ac.split.service", 2))
                .priority(Priority.HIGH)
                .quote(Money.parse("1499.00", Currency.INR))
                .build()).orThrow();
        gd.jobs().execute(dispatcher, Assign.of(job, ravi)).orThrow();
        gd.jobs().execute(technician, ChangeStatus.enRoute(job)).orThrow();

        // Ravi's phone reports every 30 s; once 5 minutes at the site are confirmed (pings wait up to 2 minutes to be put
        // in order), the visit records his arrival.
        for (int i = 0; i < 20; i++) {
            clock.pass(Duration.ofSeconds(30));
            // a real fix moves a little from ping to ping (identical ones would flag the visit as suspect)
            GeoPoint fix = GeoPoint.of(site.location().lat() + (i % 3) * 0.000002, site.location().lng());
            gd.visits().accept(new Ping("ravi-" + i, ravi, clock.instant(), fix, 8));
        }
        clock.pass(Duration.ofMinutes(1));
        gd.jobs().execute(technician, ChangeStatus.workStarted(job)).orThrow();
        gd.jobs().execute(technician, AddProof.photo(job, "before", "photos/JOB-1001/before.jpg",
                sha256("bytes of the before photo"))).orThrow();
        clock.pass(Duration.ofMinutes(40));
        gd.jobs().execute(technician, AddProof.photo(job, "after", "photos/JOB-1001/after.jpg",
                sha256("bytes of the after photo"))).orThrow();

        // The AC_SERVICE closure policy needs the customer's approval before COMPLETED: this is refused.
        CommandResult early = gd.jobs().execute(technician, ChangeStatus.completed(job));
        if (early instanceof CommandResult.Rejected rejected) {
            out.println("  [rejected] " + rejected.rejection().reason() + ": " + rejected.rejection().message());
        }
        gd.jobs().execute(technician, AddProof.signature(job, "sign/JOB-1001.png",
                sha256("bytes of the customer's signature"))).orThrow();
        gd.jobs().execute(technician, ChangeStatus.completed(job)).orThrow();
        gd.jobs().execute(technician, RecordPayment.upi(job, Money.parse("1499.00", Currency.INR), "412345678901"))
                .orThrow();

        clock.pass(Duration.ofMinutes(5));
        Invoice invoice = gd.billing().invoice(job, Party.consumer("Asha Rao", "100 Feet Rd, Indiranagar", "Bengaluru",
                "560038", "29")).orElseThrow();
        JobState closed = gd.jobs().execute(accountant, ChangeStatus.closed(job)).orThrow();

        out.println("History of " + job + " (" + closed.status() + ", version " + closed.version() + "):");
        for (JobEvent event : gd.jobs().history(accountant, job)) {
            out.println(describe(event));
        }
        HistoryVerification check = gd.jobs().verifyHistory(accountant, job, closed.headHash()).orElseThrow();
        out.println("hash chain " + (check.intact() ? "verifies" : "is BROKEN") + ", head " + check.head());
        out.println("invoice " + invoice.number() + ": " + invoice.total() + " (taxable " + invoice.taxableValue() + ")"
                + " handed to accounts");
        Kpis today = gd.owner().report(KpiQuery.day(DAY, Grouping.BRANCH, clock.instant())).total();
        out.println("owner's view of " + DAY + ": " + today.jobsCompleted() + " job completed, revenue " + today.revenue()
                + ", collected " + today.collected());
        out.println(READ_NEXT);
        return closed;
    }

    /** One line per event: version, time of day in India, who, what. */
    static String describe(JobEvent event) {
        String what;
        if (event instanceof JobEvent.JobCreated e) {
            what = "created " + e.jobType() + " for " + e.customer() + " at " + e.site().id() + ", quote " + e.quote();
        } else if (event instanceof JobEvent.JobAssigned e) {
            what = "assigned to " + e.technician() + (e.overrideReason() == null ? "" : " (override: "
                    + e.overrideReason() + ")");
        } else if (event instanceof JobEvent.JobUnassigned e) {
            what = "unassigned " + e.technician() + ": " + e.reason();
        } else if (event instanceof JobEvent.StatusChanged e) {
            what = e.status() + (e.reason().isEmpty() ? "" : ": " + e.reason())
                    + (e.evidence() == null ? "" : " [" + e.evidence() + "]");
        } else if (event instanceof JobEvent.ProofAdded e) {
            what = "proof " + e.kind() + " '" + e.label() + "' " + e.reference();
        } else if (event instanceof JobEvent.PartUsed e) {
            what = "part " + e.sku() + " x" + e.quantity() + " @ " + e.unitPrice();
        } else if (event instanceof JobEvent.ExpenseAdded e) {
            what = "expense " + e.kind() + " " + e.amount();
        } else if (event instanceof JobEvent.PaymentRecorded e) {
            what = "payment " + e.mode() + " " + e.amount() + (e.reference() == null ? "" : " ref " + e.reference());
        } else {
            JobEvent.InvoiceHandedOff e = (JobEvent.InvoiceHandedOff) event;
            what = "invoice " + e.invoiceNumber() + " " + e.total() + " handed off";
        }
        String time = TIME_OF_DAY.format(event.header().occurredAt().atZone(INDIA));
        return String.format("  v%-2d %s IST  %-10s %-8s %s", event.header().version(), time,
                event.header().actor().role(), event.header().actor().id(), what);
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
