package io.github.geodispatch.examples;

import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.JobRecord;
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
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Read this first. A host embeds the engine, creates an AC service job, assigns it, and the technician moves it
 * through EN_ROUTE, ARRIVED, WORK_STARTED with before/after photos and the customer's OTP approval to
 * COMPLETED; the UPI payment is recorded with its 12-digit UTR, the accountant closes the job, and the job's
 * history is printed one line per event. {@code java -jar examples/target/geodispatch.jar quickstart} runs it.
 */
public final class QuickStart {
    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private QuickStart() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out);
        out.flush();
    }

    /** Runs the quick start, printing to {@code out}; returns the closed job. */
    public static JobState run(PrintWriter out) {
        // Who acts: one tenant (a Bengaluru AC service company), its dispatcher, technician and accountant.
        TenantId tenant = TenantId.of("coolair-blr");
        BranchId branch = BranchId.of("indiranagar");
        Actor dispatcher = Actor.dispatcher(tenant, branch, "priya");
        TechnicianId ravi = TechnicianId.of("ravi");
        Actor technician = Actor.technician(tenant, branch, ravi);
        Actor accountant = Actor.accountant(tenant, "meena");

        // The engine: in-memory store, system clock, default closure policies; notifications go to the console.
        JobRecord engine = JobRecord.builder()
                .notifier((to, subject, body) -> out.println("  [notify " + to + "] " + subject))
                .build();

        JobId job = JobId.of("JOB-1001");
        Site site = new Site(SiteId.of("S-77"), GeoPoint.of(12.9719, 77.6412), 60,
                "2nd floor, 100 Feet Rd, Indiranagar, Bengaluru");
        engine.execute(dispatcher, CreateJob.builder(job, branch, CustomerId.of("C-5521"), site, "AC_SERVICE")
                .issue("1.5 ton split AC not cooling")
                .skills(SkillRequirement.of("ac.split.service", 2))
                .priority(Priority.HIGH)
                .quote(Money.parse("1499.00", Currency.INR))
                .build()).orThrow();
        engine.execute(dispatcher, Assign.of(job, ravi)).orThrow();

        engine.execute(technician, ChangeStatus.enRoute(job)).orThrow();
        engine.execute(technician, ChangeStatus.arrived(job, "geofence visit S-77 entered 10:42")).orThrow();
        engine.execute(technician, ChangeStatus.workStarted(job)).orThrow();
        engine.execute(technician, AddProof.photo(job, "before", "photos/JOB-1001/before.jpg",
                sha256("bytes of the before photo"))).orThrow();
        engine.execute(technician, AddProof.photo(job, "after", "photos/JOB-1001/after.jpg",
                sha256("bytes of the after photo"))).orThrow();

        // The AC_SERVICE closure policy needs the customer's approval before COMPLETED: this is refused.
        CommandResult early = engine.execute(technician, ChangeStatus.completed(job));
        if (early instanceof CommandResult.Rejected rejected) {
            out.println("  [rejected] " + rejected.rejection().reason() + ": " + rejected.rejection().message());
        }
        engine.execute(technician, AddProof.otpApproval(job, "otp-sms:+91-98450-XXXXX:4821")).orThrow();
        engine.execute(technician, ChangeStatus.completed(job)).orThrow();

        engine.execute(technician, RecordPayment.upi(job, Money.parse("1499.00", Currency.INR), "412345678901"))
                .orThrow();
        JobState closed = engine.execute(accountant, ChangeStatus.closed(job)).orThrow();

        out.println("History of " + job + " (" + closed.status() + ", version " + closed.version() + "):");
        for (JobEvent event : engine.history(accountant, job)) {
            out.println(describe(event));
        }
        HistoryVerification check = engine.verifyHistory(accountant, job, closed.headHash()).orElseThrow();
        out.println("hash chain " + (check.intact() ? "verifies" : "is BROKEN") + ", head " + check.head());
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
        String time = event.header().occurredAt().atZone(INDIA).toLocalTime().truncatedTo(ChronoUnit.SECONDS).toString();
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
