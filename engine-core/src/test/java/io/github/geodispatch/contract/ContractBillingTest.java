package io.github.geodispatch.contract;

import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceLine;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.customer.CustomerRejection;
import io.github.geodispatch.customer.CustomerResult;
import io.github.geodispatch.memory.InMemoryAccountsHandoff;
import io.github.geodispatch.memory.InMemoryCustomerEventStore;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.StoredCustomerEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import static io.github.geodispatch.contract.AmcBusiness.BUYER;
import static io.github.geodispatch.contract.AmcBusiness.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contract's price invoiced through the front door: one GST invoice per instalment on its due day, from the branch's
 * series, CGST + SGST or IGST by the buyer's state, each once, across restarts over the same stores; the owner's
 * contract revenue is what was invoiced.
 */
class ContractBillingTest {
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final Function<CustomerId, Party> IN_KARNATAKA = customer -> BUYER;

    /** AMC-1: 6,000.01 before tax in {@code instalments} over 2026. */
    static AmcBusiness business(AmcBusiness b, int instalments) {
        b.customer("C1", "S-1").draft("C1", new ContractTerms(ContractId.of("AMC-1"), ContractKind.AMC,
                List.of(SiteId.of("S-1")), List.of(), plan(4, 1), Money.inr(600_001), instalments, START, END, null));
        b.gd.customers().execute(b.owner, new CustomerCommand.ActivateContract(CustomerId.of("C1"), ContractId.of("AMC-1")))
                .orThrow();
        return b;
    }

    @Test
    void eachInstalmentIsAGstInvoiceOnItsDueDayOnce() {
        AmcBusiness b = business(AmcBusiness.invoicing(), 4).on(START);

        List<Invoice> first = b.gd.contracts().billDue(START, IN_KARNATAKA);
        assertThat(first).hasSize(1);
        Invoice invoice = first.get(0);
        assertThat(invoice.number()).isEqualTo("BLR/2526/00001");
        assertThat(invoice.date()).isEqualTo(START);
        assertThat(invoice.job()).isEqualTo(JobId.of("AMC-1/1"));
        InvoiceLine line = invoice.lines().get(0);
        assertThat(line.description()).isEqualTo("AMC AMC-1 2026-01-01 to 2026-12-31, instalment 1 of 4 due 2026-01-01");
        assertThat(line.code()).as("SAC of maintenance and repair").isEqualTo("998719");
        assertThat(invoice.taxableValue()).as("the price is before tax").isEqualTo(Money.inr(150_000));
        assertThat(invoice.tax("CGST")).isEqualTo(Money.inr(13_500));
        assertThat(invoice.tax("SGST")).isEqualTo(Money.inr(13_500));
        assertThat(invoice.total()).isEqualTo(Money.inr(177_000));
        assertThat(b.gd.billing().invoices()).containsExactly(invoice);

        assertThat(b.gd.contracts().billDue(START, IN_KARNATAKA)).as("invoiced once").isEmpty();
        assertThat(b.gd.contracts().portfolio().instalmentsDue(START)).isEmpty();

        List<Invoice> rest = b.gd.contracts().billDue(END, IN_KARNATAKA);
        assertThat(rest).extracting(Invoice::job).containsExactly(JobId.of("AMC-1/2"), JobId.of("AMC-1/3"),
                JobId.of("AMC-1/4"));
        assertThat(rest).extracting(Invoice::date).as("billed late: dated the day billed").containsOnly(END);
        assertThat(rest.get(0).lines().get(0).description()).endsWith("instalment 2 of 4 due 2026-04-02");
        assertThat(rest.get(2).taxableValue()).as("the remainder on the last").isEqualTo(Money.inr(150_001));
        assertThat(b.gd.customers().customer(b.owner, CustomerId.of("C1")).orElseThrow()
                .invoices(ContractId.of("AMC-1"))).hasSize(4);
    }

    @Test
    void aBuyerInAnotherStatePaysIgst() {
        AmcBusiness b = business(AmcBusiness.invoicing(), 1).on(START);
        Party inMaharashtra = Party.consumer("Asha Rao", "Linking Rd", "Mumbai", "400050", "27");

        Invoice invoice = b.gd.contracts().billDue(START, customer -> inMaharashtra).get(0);

        assertThat(invoice.taxTotals()).containsOnlyKeys("IGST");
        assertThat(invoice.tax("IGST")).isEqualTo(Money.inr(108_000));
        assertThat(invoice.lines().get(0).description()).isEqualTo("AMC AMC-1 2026-01-01 to 2026-12-31");
    }

    @Test
    void theContractRevenueKpiIsWhatWasInvoiced() {
        AmcBusiness b = business(AmcBusiness.invoicing(), 4).on(START);
        assertThat(b.gd.contracts().portfolio().kpis(LocalDate.of(2026, 5, 1)).revenue()).as("nothing invoiced yet")
                .isEqualTo(Money.inr(0));

        b.gd.contracts().billDue(LocalDate.of(2026, 5, 1), IN_KARNATAKA);

        assertThat(b.gd.contracts().portfolio().kpis(LocalDate.of(2026, 5, 1)).revenue()).isEqualTo(Money.inr(300_000));
        assertThat(b.gd.owner().contracts(LocalDate.of(2026, 5, 1)).revenue()).isEqualTo(Money.inr(300_000));
    }

    @Test
    void aCancelledContractIsNotInvoicedAfterItsCancellation() {
        AmcBusiness b = business(AmcBusiness.invoicing(), 4).on(LocalDate.of(2026, 5, 10));
        b.gd.customers().execute(b.owner, new CustomerCommand.CancelContract(CustomerId.of("C1"), ContractId.of("AMC-1"),
                "sold the house")).orThrow();

        assertThat(b.gd.contracts().billDue(END, IN_KARNATAKA)).extracting(Invoice::job)
                .containsExactly(JobId.of("AMC-1/1"), JobId.of("AMC-1/2"));
    }

    @Test
    void anInstalmentInvoicedBeforeARestartIsNotInvoicedAgain() {
        InMemoryCustomerEventStore customers = new InMemoryCustomerEventStore();
        InMemoryInvoiceSequence sequence = new InMemoryInvoiceSequence();
        InMemoryAccountsHandoff accounts = new InMemoryAccountsHandoff();
        AmcBusiness before = business(AmcBusiness.invoicing(g -> g.customerStore(customers).invoiceSequence(sequence)
                .accountsHandoff(accounts)), 4).on(START);
        before.gd.contracts().billDue(LocalDate.of(2026, 4, 2), IN_KARNATAKA);
        assertThat(accounts.delivered()).hasSize(2);

        AmcBusiness after = AmcBusiness.invoicing(8, g -> g.customerStore(customers).invoiceSequence(sequence)
                .accountsHandoff(accounts)).on(LocalDate.of(2026, 4, 2));
        // the restarted host feeds its portfolio from the store, but (say) misses the invoices: the store still decides
        for (StoredCustomerEvent stored : customers.readAll(0, 1_000)) {
            if (!(stored.event() instanceof CustomerEvent.ContractInvoiced)) {
                after.gd.contracts().portfolio().accept(stored.event());
            }
        }
        assertThat(after.gd.contracts().portfolio().instalmentsDue(LocalDate.of(2026, 4, 2))).hasSize(2);

        assertThat(after.gd.contracts().billDue(LocalDate.of(2026, 4, 2), IN_KARNATAKA)).isEmpty();
        assertThat(accounts.delivered()).hasSize(2);
        assertThat(after.gd.contracts().billDue(LocalDate.of(2026, 7, 2), IN_KARNATAKA)).extracting(Invoice::number)
                .containsExactly("BLR/2627/00003");
    }

    @Test
    void anInstalmentIsRecordedUnderOneInvoiceNumberOnly() {
        AmcBusiness b = business(AmcBusiness.invoicing(), 4).on(START);
        CustomerCommand.RecordContractInvoice first = new CustomerCommand.RecordContractInvoice(CustomerId.of("C1"),
                ContractId.of("AMC-1"), 1, "BLR/2526/00007", START, Money.inr(150_000), Money.inr(177_000));
        assertThat(b.gd.customers().execute(b.owner, first).isAccepted()).isTrue();
        assertThat(b.gd.customers().execute(b.owner, first).isAccepted()).as("the same invoice again").isTrue();

        CustomerResult other = b.gd.customers().execute(b.owner, new CustomerCommand.RecordContractInvoice(
                CustomerId.of("C1"), ContractId.of("AMC-1"), 1, "BLR/2526/00008", START, Money.inr(150_000),
                Money.inr(177_000)));
        assertThat(((CustomerResult.Rejected) other).rejection().reason())
                .isEqualTo(CustomerRejection.Reason.INSTALMENT_ALREADY_INVOICED);
        CustomerResult fifth = b.gd.customers().execute(b.owner, new CustomerCommand.RecordContractInvoice(
                CustomerId.of("C1"), ContractId.of("AMC-1"), 5, "BLR/2526/00009", START, Money.inr(1), Money.inr(1)));
        assertThat(((CustomerResult.Rejected) fifth).rejection().reason()).isEqualTo(CustomerRejection.Reason.INVALID_INPUT);
        assertThat(b.gd.contracts().billDue(START, IN_KARNATAKA)).as("instalment 1 is recorded").isEmpty();
    }
}
