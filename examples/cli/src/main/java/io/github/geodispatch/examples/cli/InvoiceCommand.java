package io.github.geodispatch.examples.cli;
import io.github.geodispatch.billing.BillableJob;
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
import io.github.geodispatch.journal.JournalProblem;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * v1.1) and the {@code invoices.csv} register ({@code /} and {@code -} in file names become {@code _}).
 * A malformed seller file or journal line stops it with a one-line error (exit 2).
 */
@Command(name = "invoice", mixinStandardHelpOptions = true,
        description = "Generate GST invoices, e-invoice JSON and the sales register from a journal.")
public final class InvoiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "The journal (JSON Lines).")
    Path journal;

    @Option(names = "--seller", required = true, paramLabel = "SELLER.json", description = "The seller profile.")
    Path seller;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the invoices.")
    Path out;

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
        for (List<JobEvent> stream : read.streams.values()) {
            JobState state = JobState.fold(stream);
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

        Files.createDirectories(out);
        int b2b = 0;
        for (Invoice invoice : invoices) {
            String name = invoice.number().replace('/', '_').replace('-', '_');
            Files.writeString(out.resolve("invoice-" + name + ".json"), InvoiceJson.write(invoice), StandardCharsets.UTF_8);
            if (invoice.b2b()) {
                Files.writeString(out.resolve("einvoice-" + name + ".json"), EInvoiceJson.write(invoice),
                        StandardCharsets.UTF_8);
                b2b++;
            }
        }
        Files.writeString(out.resolve("invoices.csv"), InvoiceRegister.csv(invoices, drafter.regime()),
                StandardCharsets.UTF_8);

        PrintWriter stdout = spec.commandLine().getOut();
        long links = invoices.stream().filter(invoice -> invoice.paymentLink() != null).count();
        stdout.printf("%d invoices (%d B2B with e-invoice JSON, %d B2C, %d with a UPI payment link for the amount due)"
                + " and invoices.csv written to %s%n", invoices.size(), b2b, invoices.size() - b2b, links, out);
        stdout.printf("jobs: %d completed, %d not completed, %d fully covered by AMC/warranty (no invoice), "
                + "%d already invoiced in the journal%s%n", completed.size(), notCompleted, covered, alreadyInvoiced,
                skipInvoiced ? " (skipped)" : " (invoiced again; --skip-invoiced skips them)");
        if (read.flagged > 0) {
            spec.commandLine().getErr().printf("note: %d journal lines were imported but flagged (e.g. %s)%n",
                    read.flagged, read.firstFlag);
        }
        stdout.flush();
        return 0;
    }

    private Journal readJournal() throws IOException {
        Journal read = new Journal();
        JournalImporter importer = new JournalImporter(TenantId.of("cli"), new JournalImporter.Target() {
            @Override
            public void event(JobEvent event) {
                read.streams.computeIfAbsent(event.header().job(), job -> new ArrayList<>()).add(event);
            }

            @Override
            public void customer(JournalRecord.Customer customer) {
                read.customers.put(customer.id(), customer);
            }
        });
        JournalSummary summary = JournalReader.create().read(journal, importer);
        List<JournalProblem> problems = new ArrayList<>(summary.problems());
        problems.addAll(importer.problems());
        for (JournalProblem problem : problems) {
            if (problem.kind() != JournalProblem.Kind.FLAGGED) {
                throw new BillingException("journal " + journal + " " + problem
                        + (summary.rejected() + importer.rejected() > 1
                        ? " (" + (summary.rejected() + importer.rejected()) + " bad lines in all)" : ""));
            }
            if (read.firstFlag == null) {
                read.firstFlag = problem.toString();
            }
            read.flagged++;
        }
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
        final Map<JobId, List<JobEvent>> streams = new LinkedHashMap<>();
        final Map<CustomerId, JournalRecord.Customer> customers = new HashMap<>();
        long flagged;
        String firstFlag;
    }
}
