package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.OutputFiles;
import io.github.geodispatch.billing.BillableJob;
import io.github.geodispatch.billing.BillingException;
import io.github.geodispatch.billing.EInvoiceJson;
import io.github.geodispatch.billing.IndiaGst;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceDrafter;
import io.github.geodispatch.billing.InvoiceJson;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.PaymentLinks;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalSummary;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.TenantId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code invoice --journal FILE --seller SELLER.json --out DIR}: reads a journal, drafts a GST invoice for
 * every completed job with something chargeable (in completion order, numbered per branch series), and
 * writes {@code invoice-<no>.json} per invoice, {@code einvoice-<no>.json} per B2B invoice (IRP INV-01
 * v1.1) and the {@code invoices.csv} register ({@code /} and {@code -} in file names become {@code _}), all
 * into a temporary directory that takes DIR's place when complete. Bad journal lines are reported and skipped;
 * a journal that yields no records or with too many rejected lines, or a malformed seller file, stops it with a
 * one-line error (exit 2, nothing written). A job whose customer record cannot name an invoice's buyer gets no
 * invoice (no number is drawn for it), and a B2B invoice whose buyer misses what an e-invoice needs is written without
 * its e-invoice JSON; both are listed on standard error with the customer record's line (exit 1). Memory is bounded
 * by the live jobs, not by the journal's history: the invoices are drafted and written while the journal is read,
 * each job once it is done and untouched for the audit window ({@link LeakageAudit#DEFAULT_WINDOW}) and no job held
 * completed before it (see {@link Drafting}); a later record for a job let go is rejected (standard error, exit 1).
 * The register's rows wait in run files beside DIR.
 */
@Command(name = "invoice", mixinStandardHelpOptions = true,
        description = "Generate GST invoices, e-invoice JSON and the sales register from a journal.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done: every journal line read and none flagged",
                "1:done, with journal lines rejected or flagged (listed on standard error)",
                ExitCodes.BAD_INPUT_LINE + ExitCodes.UNUSABLE_JOURNAL
                        + ", and a DIR that is not empty (unless --force and it holds only invoice outputs)",
                ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "invoice \\",
                HelpFooter.MORE + "--journal examples/data/journal/journal.jsonl \\",
                HelpFooter.MORE + "--seller examples/data/gst/seller.json --out out/invoices"})
public final class InvoiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "The journal (JSON Lines).")
    Path journal;

    @Option(names = "--seller", required = true, paramLabel = "SELLER.json", description = "The seller profile.")
    Path seller;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where to write the invoices: a new or empty directory (see --force).")
    Path out;

    @Option(names = "--force", description = "Replace DIR when it holds the outputs of an earlier run (only invoice "
            + "files: invoice-*.json, einvoice-*.json, invoices.csv); anything else in DIR is still refused.")
    boolean force;

    @Option(names = "--prices", paramLabel = "BASIS", defaultValue = "TAX_INCLUSIVE",
            description = "Whether job prices include GST: TAX_INCLUSIVE (consumer price lists, the default) or "
                    + "TAX_EXCLUSIVE.")
    PriceBasis prices;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Kolkata",
            description = "Time zone of invoice dates (default Asia/Kolkata).")
    String zone;
    /** {@link #zone} read, when the command runs. */
    private ZoneId zoneId;

    @Option(names = "--skip-invoiced", description = "Skip jobs that already carry an invoice in the journal.")
    boolean skipInvoiced;

    @Override
    public Integer call() throws IOException {
        OutputFiles.requireNotHoldingAnInput("--out", out, "the journal", journal);
        OutputFiles.requireNotHoldingAnInput("--out", out, "the seller file", seller);
        zoneId = TimeOptions.zone(zone);
        SellerProfile profile = SellerProfile.read(seller);
        InvoiceDrafter drafter = InvoiceDrafter.builder().seller(profile).regime(IndiaGst.withDefaultRates())
                .sequence(new InMemoryInvoiceSequence()).priceBasis(prices).paymentLinks(PaymentLinks.upiIntent()).build();
        try (OutputFiles.Directory dir = OutputFiles.directory(out, InvoiceCommand::isOutputFile, force);
             SpilledRegister register = new SpilledRegister(out, drafter.regime())) {
            Drafting drafting = new Drafting(drafter, dir, register);
            JournalImporter importer = JournalImporter.unchained(TenantId.of("cli"), drafting,
                    LeakageAudit.DEFAULT_WINDOW);
            JournalSummary summary = JournalReader.create().read(journal, (line, record) -> {
                drafting.line = line;
                importer.record(line, record);
            });
            InputCheck.requireUsableJournal(journal, summary);
            drafting.draftTheRest();
            PrintWriter err = spec.commandLine().getErr();
            InputCheck.print(err, "  ", summary.problems(), summary.rejected());
            InputCheck.print(err, "  ", importer.problems(), importer.problemCount());
            InputCheck.print(err, "  ", drafting.flags, drafting.flagged);
            long rejected = summary.rejected() + importer.rejected();
            long problems = summary.rejected() + importer.problemCount() + drafting.flagged;
            drafting.requireNoFailure();
            dir.write("invoices.csv", register::writeTo);
            dir.commit();

            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("%d invoices (%d B2B with e-invoice JSON, %s%d B2C, %d with a UPI payment link for the amount "
                    + "due)%n  and invoices.csv written to %s%n", drafting.invoices, drafting.eInvoices,
                    drafting.b2b > drafting.eInvoices ? drafting.b2b - drafting.eInvoices + " B2B without it, " : "",
                    drafting.invoices - drafting.b2b, drafting.links, out);
            stdout.printf("jobs: %d completed, %d not completed, %d fully covered by AMC/warranty (no invoice),%n"
                    + "      %d already invoiced in the journal%s%n", drafting.completed, drafting.notCompleted,
                    drafting.covered, drafting.alreadyInvoiced,
                    skipInvoiced ? " (skipped)" : " (invoiced again; --skip-invoiced skips them)");
            if (drafting.heldBack > 0) {
                stdout.printf("      %d not invoiced: their customer's record cannot name an invoice's buyer%n",
                        drafting.heldBack);
            }
            if (problems > 0) {
                stdout.printf("journal: %d lines rejected and skipped, %d imported but flagged (listed on standard "
                        + "error)%n", rejected, problems - rejected);
            }
            stdout.printf("memory: audit window %d days; %d jobs let go after it, at most %d held at once%n",
                    LeakageAudit.DEFAULT_WINDOW.toDays(), importer.jobsLetGo(), drafting.peakJobsHeld);
            stdout.flush();
            return problems == 0 ? ExitCodes.DONE : ExitCodes.DONE_WITH_FINDINGS;
        }
    }

    /** The files an invoice run writes, by name. */
    private static boolean isOutputFile(String name) {
        return name.equals("invoices.csv") || (name.startsWith("invoice-") || name.startsWith("einvoice-"))
                && name.endsWith(".json");
    }

    /** The buyer of a completed job from {@code customer}, its customer's record (null: none read yet). */
    static Party buyer(JobState state, JournalRecord.Customer customer) {
        return party(requireRecord(state, customer));
    }

    /** {@code customer}, the record of {@code state}'s customer; a {@link BillingException} (the run stops) when null. */
    private static JournalRecord.Customer requireRecord(JobState state, JournalRecord.Customer customer) {
        if (customer == null) {
            // the invoice is drafted once the job has been done for the audit window: a customer record that comes
            // later in the journal (an export that lists customers after their jobs) is read too late
            throw new BillingException("job " + state.id() + " names customer " + state.customer()
                    + ", who has no customer record in the journal before the job is invoiced (a customer's record"
                    + " must come before their jobs, or within " + LeakageAudit.DEFAULT_WINDOW.toDays()
                    + " days after them)");
        }
        return customer;
    }

    /** The buyer {@code customer}'s record names; an {@link IllegalArgumentException} saying why it cannot. */
    private static Party party(JournalRecord.Customer customer) {
        return new Party(customer.name(), null, customer.gstin(), customer.address(), customer.city(),
                customer.pincode(), customer.stateCode(), null, null);
    }

    /** A customer record and the journal line it was read from, which a problem with it names. */
    private record Listed(JournalRecord.Customer record, long line) {}

    /** A completed job let go or at the journal's end, and the customer record in effect when it completed. */
    private record Done(JobState state, Listed buyerAtCompletion) {}

    /** When a job completed, the order invoices are numbered in: by completion time, then job id. */
    private record Completion(Instant at, JobId job) implements Comparable<Completion> {

        static Completion of(JobState state) {
            return state.completedAt() == null ? null : new Completion(state.completedAt(), state.id());
        }

        @Override
        public int compareTo(Completion other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : job.compareTo(other.job);
        }
    }

    /**
     * Folds each job's state as its events arrive and drafts the invoices in completion order while the journal is
     * read, holding only the live jobs: the importer lets go of a job done and untouched for the audit window, and a
     * job let go is drafted once no job held completed before it. That is the order of the whole journal as long as
     * no completion is recorded more than the window after the journal's newest record: a job let go was untouched
     * for the window, so it completed more than the window before the newest record, and a job completing before it
     * would be such a record (flagged if it comes).
     */
    private final class Drafting implements JournalImporter.Target {
        private final InvoiceDrafter drafter;
        private final OutputFiles.Directory dir;
        private final SpilledRegister register;
        private final Map<CustomerId, Listed> customers = new HashMap<>();
        /** Each customer's first record, the buyer of the jobs that completed before the customer had one. */
        private final Map<CustomerId, Listed> firstRecords = new HashMap<>();
        /** The jobs the importer holds, folded (the events themselves are not kept). */
        private final Map<JobId, JobState> live = new HashMap<>();
        /** The customer record in effect at each live job's latest completion (null: none yet). */
        private final Map<JobId, Listed> buyersAtCompletion = new HashMap<>();
        /** When the live jobs that have a completion completed. */
        private final TreeSet<Completion> liveCompletions = new TreeSet<>();
        /** Jobs let go that get an invoice, waiting for the live ones completed before them. */
        private final TreeMap<Completion, Done> waiting = new TreeMap<>();
        /** The journal line being read. */
        long line;
        /** Completions recorded before one already drafted: the first 1,000, and how many in all. */
        final List<JournalProblem> flags = new ArrayList<>();
        long flagged;
        private Completion lastDrafted;
        /** The first failure to draft or write an invoice; drafting stops there and {@link #requireNoFailure} throws it. */
        private Exception failure;
        int completed;
        int notCompleted;
        int covered;
        int alreadyInvoiced;
        int invoices;
        int b2b;
        int eInvoices;
        int heldBack;
        int links;
        int peakJobsHeld;

        Drafting(InvoiceDrafter drafter, OutputFiles.Directory dir, SpilledRegister register) {
            this.drafter = drafter;
            this.dir = dir;
            this.register = register;
        }

        @Override
        public void customer(JournalRecord.Customer customer) {
            Listed listed = new Listed(customer, line);
            customers.put(customer.id(), listed);
            firstRecords.putIfAbsent(customer.id(), listed);
        }

        @Override
        public void event(JobEvent event) {
            JobId job = event.header().job();
            JobState before = live.get(job);
            JobState after;
            if (event instanceof JobEvent.JobCreated created) {
                after = JobState.of(created);
            } else if (before == null) {
                return;
            } else {
                after = before.apply(event);
            }
            live.put(job, after);
            peakJobsHeld = Math.max(peakJobsHeld, live.size() + waiting.size());
            if (event instanceof JobEvent.StatusChanged changed && changed.status() == JobStatus.COMPLETED) {
                buyersAtCompletion.put(job, customers.get(after.customer()));
            }
            Instant completedBefore = before == null ? null : before.completedAt();
            if (Objects.equals(completedBefore, after.completedAt())) {
                return; // most events: the completion (and so the order) is unchanged
            }
            if (completedBefore != null) {
                liveCompletions.remove(new Completion(completedBefore, job));
            }
            Completion now = Completion.of(after);
            if (now != null) {
                liveCompletions.add(now);
                if (lastDrafted != null && now.compareTo(lastDrafted) < 0) {
                    flag("job " + job + " completed at " + now.at() + ", before job " + lastDrafted.job()
                            + ", drafted already (recorded more than the audit window late): its invoice is numbered"
                            + " after that one's");
                }
            }
        }

        private void flag(String message) {
            flag(line, message);
        }

        private void flag(long atLine, String message) {
            flagged++;
            if (flags.size() < JournalReader.MAX_KEPT_PROBLEMS) {
                flags.add(new JournalProblem(atLine, JournalProblem.Kind.FLAGGED, message));
            }
        }

        @Override
        public void letGo(JobId job) {
            hold(live.remove(job), buyersAtCompletion.remove(job));
            draftWaiting();
        }

        /** Drafts every job still held, in completion order. */
        void draftTheRest() {
            live.forEach((job, state) -> hold(state, buyersAtCompletion.get(job)));
            live.clear();
            buyersAtCompletion.clear();
            draftWaiting();
        }

        /** Throws the first failure to draft or write an invoice, if there was one. */
        void requireNoFailure() throws IOException {
            if (failure instanceof IOException e) {
                throw e;
            } else if (failure != null) {
                throw (RuntimeException) failure;
            }
        }

        /** A job no longer live: it waits for its invoice, or it did not end completed. */
        private void hold(JobState state, Listed buyerAtCompletion) {
            Completion completion = Completion.of(state);
            if (completion != null) {
                liveCompletions.remove(completion);
            }
            if (completion != null && (state.status() == JobStatus.COMPLETED || state.status() == JobStatus.CLOSED)) {
                waiting.put(completion, new Done(state, buyerAtCompletion));
            } else {
                notCompleted++;
            }
        }

        /** Drafts the waiting jobs completed before every live one. */
        private void draftWaiting() {
            while (!waiting.isEmpty()
                    && (liveCompletions.isEmpty() || waiting.firstKey().compareTo(liveCompletions.first()) < 0)) {
                Map.Entry<Completion, Done> next = waiting.pollFirstEntry();
                if (lastDrafted == null || next.getKey().compareTo(lastDrafted) > 0) {
                    lastDrafted = next.getKey();
                }
                if (failure == null) {
                    try {
                        draft(next.getValue());
                    } catch (IOException | RuntimeException e) {
                        failure = e;
                    }
                }
            }
        }

        /**
         * The customer record a job is invoiced to: the one in effect when it (last) completed, else (a journal that
         * lists a customer after their jobs) the customer's first record, or null when none was read yet. Never the
         * record read by the time the invoice is drafted: when that is depends on the window, and a run keeping
         * every job would take the journal's last record instead.
         */
        private Listed buyerRecord(Done done) {
            return done.buyerAtCompletion() != null ? done.buyerAtCompletion()
                    : firstRecords.get(done.state().customer());
        }

        private void draft(Done done) throws IOException {
            JobState state = done.state();
            completed++;
            if (state.invoice() != null) {
                alreadyInvoiced++;
                if (skipInvoiced) {
                    return;
                }
            }
            Listed listed = buyerRecord(done);
            JournalRecord.Customer customer = requireRecord(state, listed == null ? null : listed.record());
            Party buyer;
            try {
                // checked before drafting, so that no invoice number is drawn for a job that cannot have an invoice
                buyer = drafter.regime().canonical(party(customer));
                drafter.regime().placeOfSupply(buyer.region());
            } catch (IllegalArgumentException e) {
                heldBack++;
                flag(listed.line(), "customer " + customer.id() + ": job " + state.id()
                        + " not invoiced, the record cannot name an invoice's buyer: " + e.getMessage());
                return;
            }
            Optional<Invoice> drafted;
            try {
                drafted = drafter.draft(BillableJob.fromState(state, buyer, zoneId));
            } catch (IllegalArgumentException e) {
                throw new BillingException("job " + state.id() + ": " + e.getMessage(), e);
            }
            if (drafted.isEmpty()) {
                covered++;
                return;
            }
            Invoice invoice = drafted.get();
            String name = invoice.number().replace('/', '_').replace('-', '_');
            dir.write("invoice-" + name + ".json", InvoiceJson.write(invoice));
            if (invoice.b2b()) {
                b2b++;
                try {
                    dir.write("einvoice-" + name + ".json", EInvoiceJson.write(invoice));
                    eInvoices++;
                } catch (BillingException e) { // the invoice stands, numbered; its e-invoice waits for a mended record
                    flag(listed.line(), "customer " + customer.id() + ": invoice "
                            + invoice.number() + " of job " + state.id() + " written without its e-invoice JSON: "
                            + e.getMessage());
                }
            }
            register.add(invoice);
            invoices++;
            links += invoice.paymentLink() != null ? 1 : 0;
        }
    }
}
