package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.OutputFiles;import io.github.geodispatch.billing.BillableJob;
import io.github.geodispatch.billing.BillingException;
import io.github.geodispatch.billing.EInvoiceJson;
import io.github.geodispatch.billing.IndiaGst;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceDrafter;
import io.github.geodispatch.billing.InvoiceJson;
import io.github.geodispatch.billing.InvoiceRegister;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.PaymentLinks;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalSummary;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code invoice --journal FILE --seller SELLER.json --out DIR}: reads a journal, drafts a GST invoice for
 * every completed job with something chargeable (in completion order, numbered per branch series), and
 * writes {@code invoice-<no>.json} per invoice, {@code einvoice-<no>.json} per B2B invoice (IRP INV-01
 * v1.1) and the {@code invoices.csv} register ({@code /} and {@code -} in file names become {@code _}), all
 * into a temporary directory that takes DIR's place when complete. Bad journal lines are reported and skipped;
 * a journal that yields no records or with too many rejected lines, or a malformed seller file, stops it with a
 * one-line error (exit 2, nothing written).
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
    ZoneId zone;

    @Option(names = "--skip-invoiced", description = "Skip jobs that already carry an invoice in the journal.")
    boolean skipInvoiced;

    @Override
    public Integer call() throws IOException {
        SellerProfile profile = SellerProfile.read(seller);
        InvoiceDrafter drafter = InvoiceDrafter.builder().seller(profile).regime(IndiaGst.withDefaultRates())
                .sequence(new InMemoryInvoiceSequence()).priceBasis(prices).paymentLinks(PaymentLinks.upiIntent()).build();
        Journal read = readJournal();

        List<JobState> completed = new ArrayList<>();
        int notCompleted = 0;
        for (JobState state : read.jobs.values()) {
            if (state.completedAt() != null
                    && (state.status() == JobStatus.COMPLETED || state.status() == JobStatus.CLOSED)) {
                completed.add(state);
            } else {
                notCompleted++;
            }
        }
        completed.sort(Comparator.comparing(JobState::completedAt).thenComparing(JobState::id));

        List<Invoice> invoices = new ArrayList<>();
        int covered = 0;
        int alreadyInvoiced = 0;
        for (JobState state : completed) {
            if (state.invoice() != null) {
                alreadyInvoiced++;
                if (skipInvoiced) {
                    continue;
                }
            }
            Party buyer = buyer(state, read.customers);
            try {
                Optional<Invoice> invoice = drafter.draft(BillableJob.fromState(state, buyer, zone));
                invoice.ifPresent(invoices::add);
                covered += invoice.isPresent() ? 0 : 1;
            } catch (IllegalArgumentException e) {
                throw new BillingException("job " + state.id() + ": " + e.getMessage(), e);
            }
        }

        int b2b = 0;
        try (OutputFiles.Directory dir = OutputFiles.directory(out, InvoiceCommand::isOutputFile, force)) {
            for (Invoice invoice : invoices) {
                String name = invoice.number().replace('/', '_').replace('-', '_');
                dir.write("invoice-" + name + ".json", InvoiceJson.write(invoice));
                if (invoice.b2b()) {
                    dir.write("einvoice-" + name + ".json", EInvoiceJson.write(invoice));
                    b2b++;
                }
            }
            dir.write("invoices.csv", InvoiceRegister.csv(invoices, drafter.regime()));
            dir.commit();
        }

        PrintWriter stdout = spec.commandLine().getOut();
        long links = invoices.stream().filter(invoice -> invoice.paymentLink() != null).count();
        stdout.printf("%d invoices (%d B2B with e-invoice JSON, %d B2C, %d with a UPI payment link for the amount due)%n"
                + "  and invoices.csv written to %s%n", invoices.size(), b2b, invoices.size() - b2b, links, out);
        stdout.printf("jobs: %d completed, %d not completed, %d fully covered by AMC/warranty (no invoice),%n"
                + "      %d already invoiced in the journal%s%n", completed.size(), notCompleted, covered, alreadyInvoiced,
                skipInvoiced ? " (skipped)" : " (invoiced again; --skip-invoiced skips them)");
        if (read.problems > 0) {
            stdout.printf("journal: %d lines rejected and skipped, %d imported but flagged (listed on standard error)%n",
                    read.rejected, read.problems - read.rejected);
        }
        stdout.flush();
        return read.problems == 0 ? ExitCodes.DONE : ExitCodes.DONE_WITH_FINDINGS;
    }

    /** The files an invoice run writes, by name. */
    private static boolean isOutputFile(String name) {
        return name.equals("invoices.csv") || (name.startsWith("invoice-") || name.startsWith("einvoice-"))
                && name.endsWith(".json");
    }

    private Journal readJournal() throws IOException {
        Journal read = new Journal();
        JournalImporter importer = new JournalImporter(TenantId.of("cli"), new JournalImporter.Target() {
            @Override
            public void event(JobEvent event) {
                if (event instanceof JobEvent.JobCreated created) {
                    read.jobs.put(event.header().job(), JobState.of(created));
                } else {
                    read.jobs.computeIfPresent(event.header().job(), (job, state) -> state.apply(event));
                }
            }

            @Override
            public void customer(JournalRecord.Customer customer) {
                read.customers.put(customer.id(), customer);
            }
        });
        JournalSummary summary = JournalReader.create().read(journal, importer);
        InputCheck.requireUsable(journal, "records", summary.records(), summary.rejected(),
                summary.problems().isEmpty() ? null : summary.problems().get(0));
        PrintWriter err = spec.commandLine().getErr();
        InputCheck.print(err, "  ", summary.problems(), summary.rejected());
        InputCheck.print(err, "  ", importer.problems(), importer.problemCount());
        read.rejected = summary.rejected() + importer.rejected();
        read.problems = summary.rejected() + importer.problemCount();
        return read;
    }

    private static Party buyer(JobState state, Map<CustomerId, JournalRecord.Customer> customers) {
        JournalRecord.Customer customer = customers.get(state.customer());
        if (customer == null) {
            throw new BillingException("job " + state.id() + " names customer " + state.customer()
                    + ", who has no customer record in the journal");
        }
        try {
            return new Party(customer.name(), null, customer.gstin(), customer.address(), customer.city(),
                    customer.pincode(), customer.stateCode(), null, null);
        } catch (IllegalArgumentException e) {
            throw new BillingException("customer " + customer.id() + ": " + e.getMessage(), e);
        }
    }

    /** What the command keeps of a journal. */
    private static final class Journal {
        /** Each job's state, folded as its events arrive (the events themselves are not kept). */
        final Map<JobId, JobState> jobs = new LinkedHashMap<>();
        final Map<CustomerId, JournalRecord.Customer> customers = new HashMap<>();
        /** Journal lines rejected (not imported). */
        long rejected;
        /** Journal lines rejected or flagged. */
        long problems;
    }
}
