package io.github.geodispatch.billing;
import io.github.geodispatch.internal.InvoiceHandoff;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.AccountsHandoff;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoffAndRegisterTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-02T13:00:00Z"));

    private final InMemoryJobEventStore store = new InMemoryJobEventStore();
    private final JobRecord engine = JobRecord.builder().eventStore(store).clock(CLOCK).build();
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final AccountsHandoff accounts = (number, json) -> delivered.add(number);

    private Streams completedJob(String id) {
        return Streams.job(id, Money.inr(149_900), null)
                .status(JobStatus.WORK_STARTED, Instant.parse("2026-11-02T04:00:00Z"))
                .part("CAP-35", "85322200", 1, Money.inr(35_000), true, Instant.parse("2026-11-02T04:30:00Z"))
                .expense("parking", Money.inr(5_000), true, Instant.parse("2026-11-02T04:35:00Z"))
                .expense("fuel", Money.inr(9_000), false, Instant.parse("2026-11-02T04:36:00Z"))
                .status(JobStatus.COMPLETED, Instant.parse("2026-11-02T19:00:00Z"))
                .payment(PaymentMode.CASH, Money.inr(100_000), null, Instant.parse("2026-11-02T19:01:00Z"));
    }

    private Invoice invoiceOf(Streams job) {
        store.append(job.id(), 0, job.events());
        BillableJob billable = BillableJob.fromEvents(store.readStream(job.id()), Fixtures.CONSUMER, IST);
        return Fixtures.drafter(PriceBasis.TAX_INCLUSIVE, new InMemoryInvoiceSequence()).draft(billable).orElseThrow();
    }

    @Test
    void billableJobIsReadFromTheJobStream() {
        Streams job = completedJob("J-1");
        BillableJob billable = BillableJob.fromEvents(job.events(), Fixtures.CONSUMER, IST);

        assertThat(billable.completedOn()).as("19:00 UTC is the next day in India").isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(billable.branch()).isEqualTo(BranchId.of("BR-1"));
        assertThat(billable.labourPrice()).isEqualTo(Money.inr(149_900));
        assertThat(billable.parts()).extracting(BillableJob.Part::hsn).containsExactly("85322200");
        assertThat(billable.expenses()).hasSize(2);
        assertThat(billable.paid()).isEqualTo(Money.inr(100_000));
        assertThat(billable.placeOfSupply()).isEqualTo("29");
    }

    @Test
    void aJobThatNeverCompletedIsNotBillable() {
        Streams open = Streams.job("J-2", Money.inr(100), null)
                .status(JobStatus.WORK_STARTED, Instant.parse("2026-11-02T04:00:00Z"));
        Streams cancelled = Streams.job("J-3", Money.inr(100),
                        new Coverage(CoverageKind.AMC, "A-1", LocalDate.of(2027, 1, 1), List.of()))
                .status(JobStatus.COMPLETED, Instant.parse("2026-11-02T04:00:00Z"))
                .status(JobStatus.CANCELLED, Instant.parse("2026-11-02T05:00:00Z"));

        assertThatThrownBy(() -> BillableJob.fromEvents(open.events(), Fixtures.CONSUMER, IST))
                .isInstanceOf(BillingException.class).hasMessageContaining("J-2 is not completed (status WORK_STARTED)");
        assertThatThrownBy(() -> BillableJob.fromEvents(cancelled.events(), Fixtures.CONSUMER, IST))
                .hasMessageContaining("status CANCELLED");
    }

    @Test
    void eachInvoiceIsHandedOffOnceAndRecordedOnTheJob() {
        Streams job = completedJob("J-4");
        Invoice invoice = invoiceOf(job);
        InvoiceHandoff handoff = new InvoiceHandoff(accounts, engine, Streams.SYSTEM);

        assertThat(handoff.handOff(invoice)).isTrue();
        assertThat(handoff.handOff(invoice)).isFalse();
        assertThat(new InvoiceHandoff(accounts, engine, Streams.SYSTEM).handOff(invoice)).isFalse();

        assertThat(delivered).containsExactly(invoice.number());
        List<JobEvent> stream = store.readStream(job.id());
        assertThat(HashChain.verifies(stream)).isTrue();
        JobEvent.InvoiceHandedOff recorded = (JobEvent.InvoiceHandedOff) stream.get(stream.size() - 1);
        assertThat(recorded.invoiceNumber()).isEqualTo(invoice.number());
        assertThat(recorded.total()).isEqualTo(invoice.total());
        assertThat(recorded.partSkus()).containsExactly("CAP-35");
    }

    @Test
    void concurrentHandoffsDeliverOnce() throws Exception {
        Streams job = completedJob("J-5");
        Invoice invoice = invoiceOf(job);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        InvoiceHandoff handoff = new InvoiceHandoff(accounts, engine, Streams.SYSTEM);
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return handoff.handOff(invoice);
                }));
            }
            start.countDown();
            int fresh = 0;
            for (Future<Boolean> result : results) {
                fresh += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(fresh).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(delivered).containsExactly(invoice.number());
        assertThat(store.readStream(job.id()).stream()
                .filter(event -> event instanceof JobEvent.InvoiceHandedOff)).hasSize(1);
    }

    @Test
    void aJobHandedOffUnderAnotherNumberIsAnError() {
        Streams job = completedJob("J-6");
        store.append(job.id(), 0, job.events());
        BillableJob billable = BillableJob.fromEvents(job.events(), Fixtures.CONSUMER, IST);
        InvoiceDrafter drafter = Fixtures.drafter(PriceBasis.TAX_INCLUSIVE, new InMemoryInvoiceSequence());
        Invoice first = drafter.draft(billable).orElseThrow();
        Invoice second = drafter.draft(billable).orElseThrow();
        InvoiceHandoff handoff = new InvoiceHandoff(accounts, engine, Streams.SYSTEM);
        handoff.handOff(first);

        assertThatThrownBy(() -> handoff.handOff(second)).isInstanceOf(BillingException.class)
                .hasMessageContaining("already handed off as invoice " + first.number());
    }

    @Test
    void aJobThatIsNoLongerCompletedIsNotHandedOff() {
        Streams completed = completedJob("J-20");
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_INCLUSIVE, new InMemoryInvoiceSequence())
                .draft(BillableJob.fromEvents(completed.events(), Fixtures.CONSUMER, IST)).orElseThrow();
        store.append(completed.id(), 0, completed.status(JobStatus.CANCELLED, Instant.parse("2026-11-03T05:00:00Z"))
                .events());

        assertThatThrownBy(() -> new InvoiceHandoff(accounts, engine, Streams.SYSTEM).handOff(invoice))
                .isInstanceOf(BillingException.class).hasMessageContaining("J-20 is CANCELLED");
        assertThat(delivered).isEmpty();
    }

    @Test
    void theHandedOffDocumentCarriesLinesTaxesAndTotals() throws Exception {
        Invoice invoice = invoiceOf(completedJob("J-7"));
        JsonNode json = new ObjectMapper().readTree(InvoiceJson.write(invoice));

        assertThat(json.get("invoice_no").asText()).isEqualTo(invoice.number());
        assertThat(json.get("supply_type").asText()).isEqualTo("B2C");
        assertThat(json.at("/lines/1/hsn").asText()).isEqualTo("85322200");
        assertThat(json.at("/lines/0/sac").asText()).isEqualTo("998719");
        assertThat(json.at("/lines/0/taxes/0/head").asText()).isEqualTo("CGST");
        assertThat(json.get("total").asText()).isEqualTo(invoice.total().toPlainString());
        assertThat(json.get("amount_due").asText()).as("1899.00 billed less 1000.00 paid in cash").isEqualTo("899.00");
    }

    @Test
    void aDaysRegisterHasTheColumnsAnAccountantImports() {
        InvoiceDrafter drafter = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, new InMemoryInvoiceSequence());
        Party quoted = Party.business("Rao, Iyer \"& Sons\" Pvt Ltd", "33ZRBCB6849S1ZD", "280, 32th Cross", "Chennai",
                "600017", "33");
        Invoice local = drafter.draft(Fixtures.job("J-8", Fixtures.KARNATAKA_BUYER, 149_900, List.of(), List.of(), null))
                .orElseThrow();
        Invoice interState = drafter.draft(Fixtures.job("J-9", quoted, 100_000, List.of(), List.of(), null))
                .orElseThrow();
        Invoice nextDay = drafter.draft(Fixtures.job("J-10", Fixtures.CONSUMER, 100_000, List.of(), List.of(), null),
                Fixtures.DAY.plusDays(1)).orElseThrow();

        String csv = InvoiceRegister.csvForDay(List.of(nextDay, interState, local), Fixtures.DAY,
                IndiaGst.withDefaultRates());

        assertThat(csv.split("\r\n")).containsExactly(
                "invoice_no,invoice_date,job,branch,supply_type,buyer_name,buyer_tax_id,place_of_supply,hsn_sac,currency,"
                        + "taxable_value,cgst,sgst,utgst,igst,round_off,total,paid,amount_due,covered_by",
                "KRM/2627/00001,2026-11-02,J-8,BR-1,B2B,Customer 2 Pvt Ltd,29FNNCF1929M1Z3,29-Karnataka,998719,INR,"
                        + "1499.00,134.91,134.91,0.00,0.00,0.18,1769.00,0.00,1769.00,",
                "KRM/2627/00002,2026-11-02,J-9,BR-1,B2B,\"Rao, Iyer \"\"& Sons\"\" Pvt Ltd\",33ZRBCB6849S1ZD,33-Tamil Nadu,"
                        + "998719,INR,1000.00,0.00,0.00,0.00,180.00,0.00,1180.00,0.00,1180.00,");
    }

    @Test
    void aHostileBuyerNameStaysOneFieldAndAFormulaIsNeutralised() throws Exception {
        List<String> names = List.of("=HYPERLINK(\"http://evil.example\",\"Pay\")", "+91 shop", "-1+2", "@SUM(A1)",
                "Tab\tinside", "CR\r\nLF inside", "Rao, Iyer; \"& Sons\"\nline two", "NUL\u0000 ESC\u001b", "देव தமிழ் عربي 😀");
        InvoiceDrafter drafter = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, new InMemoryInvoiceSequence());
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Party buyer = Party.consumer(names.get(i), "1 Main Road", "Bengaluru", "560034", "29");
            invoices.add(drafter.draft(Fixtures.job("J-" + i, buyer, 100_000, List.of(), List.of(), null)).orElseThrow());
        }

        List<List<String>> rows = io.github.geodispatch.text.internal.CsvFieldProperties.parse(
                InvoiceRegister.csv(invoices, IndiaGst.withDefaultRates()));

        assertThat(rows).hasSize(1 + names.size()).allSatisfy(r -> assertThat(r).hasSize(20));
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(5)).containsExactly(
                "'=HYPERLINK(\"http://evil.example\",\"Pay\")", "'+91 shop", "'-1+2", "'@SUM(A1)", "Tab\tinside",
                "CR\r\nLF inside", "Rao, Iyer; \"& Sons\"\nline two", "NUL\u0000 ESC\u001b", "देव தமிழ் عربي 😀");
        assertThat(rows.get(1).get(15)).as("round-off, an amount, is never prefixed").doesNotStartWith("'");
    }
}
