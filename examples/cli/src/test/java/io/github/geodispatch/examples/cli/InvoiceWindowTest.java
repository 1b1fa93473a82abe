package io.github.geodispatch.examples.cli;

import io.github.geodispatch.billing.BillableJob;
import io.github.geodispatch.billing.EInvoiceJson;
import io.github.geodispatch.billing.IndiaGst;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceDrafter;
import io.github.geodispatch.billing.InvoiceJson;
import io.github.geodispatch.billing.InvoiceRegister;
import io.github.geodispatch.billing.PaymentLinks;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.journal.JournalImporter;
import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.testdata.SampleData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice command lets go of done jobs after the audit window: on journals where no record arrives later than the
 * window it writes what a run keeping every job writes (the command as it was, kept here as the reference); a record
 * for a job let go is reported, and a completion recorded too late to be numbered in order is flagged; the jobs held
 * stay bounded while the jobs let go grow with the journal.
 */
class InvoiceWindowTest {
    static final Path SELLER = SampleData.path("gst/seller.json");

    @TempDir
    Path tmp;

    @Property(tries = 40)
    void withinTheWindowTheFilesAndCountsAreThoseOfARunKeepingEveryJob(
            @ForAll(supplier = WindowJournals.Journals.class) String text) throws IOException {
        WindowJournals.withJournal("invoice-window", text, (dir, journal) -> {
            for (boolean skip : new boolean[] {false, true}) {
                Path out = dir.resolve("out-" + skip);
                List<String> args = new ArrayList<>(List.of("invoice", "--journal", journal.toString(), "--seller",
                        SELLER.toString(), "--out", out.toString()));
                if (skip) {
                    args.add("--skip-invoiced");
                }
                Cli cli = Cli.run(args.toArray(String[]::new));
                Reference reference = Reference.of(journal, skip);

                assertThat(cli.exit()).as(cli.printed()).isZero();
                assertThat(files(out)).isEqualTo(reference.files);
                assertThat(cli.out()).startsWith(reference.summary(out));
            }
        });
    }

    @Test
    void aRecordForAJobLetGoIsReportedAndALateCompletionFlagged() throws IOException {
        // J-1 completes on day 0; day 40 lets it go (drafted); then a payment for it and J-3, completed before J-1
        String text = WindowJournals.header()
                + job("J-1", "2026-02-01T09:00:00+05:30", "2026-02-01T10:00:00+05:30")
                + job("J-2", "2026-03-13T09:00:00+05:30", "2026-03-13T10:00:00+05:30")
                + "{\"type\":\"job.payment\",\"job\":\"J-1\",\"at\":\"2026-03-13T11:00:00+05:30\",\"mode\":\"CASH\","
                + "\"amount\":{\"amount\":\"500.00\",\"currency\":\"INR\"}}\n"
                + job("J-3", "2026-02-01T08:00:00+05:30", "2026-02-01T09:30:00+05:30");
        Path journal = Files.writeString(tmp.resolve("late.jsonl"), text);
        Path out = tmp.resolve("out");

        Cli cli = Cli.run("invoice", "--journal", journal.toString(), "--seller", SELLER.toString(), "--out", out.toString());

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.DONE_WITH_FINDINGS);
        assertThat(cli.err()).contains("line " + (lines(WindowJournals.header()) + 7) + ": INVALID")
                .contains("job.payment for job J-1").contains("let go")
                .contains("job J-3 completed at 2026-02-01T04:00:00Z, before job J-1, drafted already");
        assertThat(cli.out()).contains("3 invoices").contains("jobs: 3 completed")
                .contains("journal: 1 lines rejected and skipped, 1 imported but flagged")
                .contains("memory: audit window 35 days; 1 jobs let go after it");
        // nothing lost silently: J-1's invoice stands without the late payment; J-3 is numbered after it, before J-2
        List<String> register = Files.readAllLines(out.resolve("invoices.csv"));
        assertThat(register).hasSize(4);
        assertThat(register.get(1)).startsWith("KRM/2526/00001,").contains(",J-1,").endsWith(",1000.00,0.00,1000.00,");
        assertThat(register.get(2)).startsWith("KRM/2526/00002,").contains(",J-3,");
        assertThat(register.get(3)).startsWith("KRM/2526/00003,").contains(",J-2,");
    }

    /**
     * A customer's record that changes after a job let go: every invoice is made out to the record in effect when its
     * job completed, so whether a job was let go (and drafted) before the change does not change its buyer.
     */
    @Test
    void aJobIsInvoicedToItsCustomersRecordAtItsCompletionWhetherLetGoOrNot() throws IOException {
        // day 40 lets J-1 go, drafted then; J-2, still held, completed before C-3 became a business; J-3 after
        String text = WindowJournals.header()
                + job("J-1", "2026-02-01T09:00:00+05:30", "2026-02-01T10:00:00+05:30")
                + job("J-2", "2026-03-13T09:00:00+05:30", "2026-03-13T10:00:00+05:30")
                + "{\"type\":\"customer\",\"id\":\"C-3\",\"name\":\"C-3 Traders\",\"address\":\"3, 1st Cross\","
                + "\"city\":\"Bengaluru\",\"pincode\":\"560034\",\"state_code\":\"29\",\"gstin\":\"29FNNCF1929M1Z3\"}\n"
                + job("J-3", "2026-03-14T09:00:00+05:30", "2026-03-14T10:00:00+05:30");
        Path journal = Files.writeString(tmp.resolve("customer-changes.jsonl"), text);
        Path out = tmp.resolve("out");

        Cli cli = Cli.run("invoice", "--journal", journal.toString(), "--seller", SELLER.toString(), "--out", out.toString());

        assertThat(cli.exit()).as(cli.printed()).isZero();
        assertThat(cli.out()).contains("1 jobs let go after it");
        assertThat(files(out)).isEqualTo(Reference.of(journal, false).files);
        List<String> register = Files.readAllLines(out.resolve("invoices.csv"));
        assertThat(register.get(1)).contains(",J-1,BR-1,B2C,Customer 3,,");
        assertThat(register.get(2)).contains(",J-2,BR-1,B2C,Customer 3,,");
        assertThat(register.get(3)).contains(",J-3,BR-1,B2B,C-3 Traders,29FNNCF1929M1Z3,");
    }

    /** An export that lists the customers after their jobs: the first invoice due finds no buyer, and says why. */
    @Test
    void customersListedMoreThanTheWindowAfterTheirJobsAreNamedAsTheCause() throws IOException {
        String text = job("J-1", "2026-02-01T09:00:00+05:30", "2026-02-01T10:00:00+05:30")
                + job("J-2", "2026-03-13T09:00:00+05:30", "2026-03-13T10:00:00+05:30")
                + WindowJournals.header();
        Path journal = Files.writeString(tmp.resolve("customers-last.jsonl"), text);

        Cli cli = Cli.run("invoice", "--journal", journal.toString(), "--seller", SELLER.toString(), "--out",
                tmp.resolve("out").toString());

        assertThat(cli.exit()).as(cli.printed()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("job J-1 names customer C-", "no customer record in the journal before the job"
                + " is invoiced", "must come before their jobs, or within 35 days after them");
    }

    @Test
    void theJobsHeldStayBoundedWhileTheJobsLetGoGrowWithTheJournal() throws IOException {
        int[] shortRun = memory(WindowJournals.journal(1_000, 200, 7, true));
        int[] longRun = memory(WindowJournals.journal(4_000, 800, 7, true));

        assertThat(longRun[0]).isGreaterThan(3_500).isGreaterThan(3 * shortRun[0]);
        assertThat(longRun[1]).isLessThan(500).isLessThan(2 * shortRun[1]);
    }

    /** The jobs let go and the most held, from the memory line. */
    private int[] memory(String text) throws IOException {
        Path journal = Files.writeString(Files.createTempFile(tmp, "long", ".jsonl"), text);
        return WindowJournals.memoryLine(Cli.run("invoice", "--journal", journal.toString(), "--seller",
                SELLER.toString(), "--out",
                Files.createTempDirectory(tmp, "out").resolve("invoices").toString()));
    }

    /** A job of C-3 at 1000.00 in BR-1, created and completed at the times given. */
    private static String job(String job, String created, String completed) {
        return "{\"type\":\"job.created\",\"job\":\"" + job + "\",\"at\":\"" + created + "\",\"branch\":\"BR-1\","
                + "\"customer\":\"C-3\",\"job_type\":\"AC_SERVICE\",\"site\":{\"lat\":12.93,\"lng\":77.61,\"radius_m\":80.0},"
                + "\"quote\":{\"amount\":\"1000.00\",\"currency\":\"INR\"}}\n"
                + "{\"type\":\"job.assigned\",\"job\":\"" + job + "\",\"at\":\"" + created + "\",\"technician\":\"T-1\"}\n"
                + "{\"type\":\"job.status\",\"job\":\"" + job + "\",\"at\":\"" + completed + "\",\"status\":\"COMPLETED\"}\n";
    }

    private static long lines(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    /**
     * The invoice command as it was before it let go of done jobs: every job's state kept to the end, the completed
     * ones sorted by completion time and id, drafted in that order, the files and register written from the whole list.
     */
    private record Reference(Map<String, String> files, int invoices, int b2b, long links, int completed,
                             int notCompleted, int covered, int alreadyInvoiced, boolean skipInvoiced) {
        static Reference of(Path journal, boolean skipInvoiced) throws IOException {
            InvoiceDrafter drafter = InvoiceDrafter.builder().seller(SellerProfile.read(SELLER))
                    .regime(IndiaGst.withDefaultRates()).sequence(new InMemoryInvoiceSequence())
                    .priceBasis(PriceBasis.TAX_INCLUSIVE).paymentLinks(PaymentLinks.upiIntent()).build();
            Map<JobId, JobState> jobs = new LinkedHashMap<>();
            Map<CustomerId, JournalRecord.Customer> customers = new HashMap<>();
            Map<CustomerId, JournalRecord.Customer> firstRecords = new HashMap<>();
            // the buyer is the customer record in effect when the job last completed, else the customer's first
            Map<JobId, JournalRecord.Customer> buyers = new HashMap<>();
            JournalReader.create().read(journal, new JournalImporter(TenantId.of("cli"), new JournalImporter.Target() {
                @Override
                public void event(JobEvent event) {
                    if (event instanceof JobEvent.JobCreated created) {
                        jobs.put(event.header().job(), JobState.of(created));
                    } else {
                        jobs.computeIfPresent(event.header().job(), (job, state) -> state.apply(event));
                    }
                    JobState state = jobs.get(event.header().job());
                    if (event instanceof JobEvent.StatusChanged changed && changed.status() == JobStatus.COMPLETED
                            && state != null) {
                        buyers.put(state.id(), customers.get(state.customer()));
                    }
                }

                @Override
                public void customer(JournalRecord.Customer customer) {
                    customers.put(customer.id(), customer);
                    firstRecords.putIfAbsent(customer.id(), customer);
                }
            }));
            List<JobState> completed = new ArrayList<>(jobs.values().stream().filter(s -> s.completedAt() != null
                    && (s.status() == JobStatus.COMPLETED || s.status() == JobStatus.CLOSED)).toList());
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
                JournalRecord.Customer buyer = buyers.get(state.id());
                var invoice = drafter.draft(BillableJob.fromState(state, InvoiceCommand.buyer(state,
                                buyer != null ? buyer : firstRecords.get(state.customer())),
                        ZoneId.of("Asia/Kolkata")));
                invoice.ifPresent(invoices::add);
                covered += invoice.isPresent() ? 0 : 1;
            }
            Map<String, String> files = new TreeMap<>();
            int b2b = 0;
            for (Invoice invoice : invoices) {
                String name = invoice.number().replace('/', '_').replace('-', '_');
                files.put("invoice-" + name + ".json", InvoiceJson.write(invoice));
                if (invoice.b2b()) {
                    files.put("einvoice-" + name + ".json", EInvoiceJson.write(invoice));
                    b2b++;
                }
            }
            files.put("invoices.csv", InvoiceRegister.csv(invoices, drafter.regime()));
            return new Reference(files, invoices.size(), b2b, invoices.stream().filter(i -> i.paymentLink() != null).count(),
                    completed.size(), jobs.size() - completed.size(), covered, alreadyInvoiced, skipInvoiced);
        }

        /** The summary the command printed, but for the memory line. */
        String summary(Path out) {
            return String.format("%d invoices (%d B2B with e-invoice JSON, %d B2C, %d with a UPI payment link for the amount due)%n"
                    + "  and invoices.csv written to %s%n", invoices, b2b, invoices - b2b, links, out)
                    + String.format("jobs: %d completed, %d not completed, %d fully covered by AMC/warranty (no invoice),%n"
                    + "      %d already invoiced in the journal%s%n", completed, notCompleted, covered, alreadyInvoiced,
                    skipInvoiced ? " (skipped)" : " (invoiced again; --skip-invoiced skips them)");
        }
    }
}
