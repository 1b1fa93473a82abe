package io.github.geodispatch.billing;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.testdata.SampleData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

/** Sellers, buyers and jobs the billing tests share. */
final class Fixtures {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    /** The Bengaluru seller of {@code examples/data/gst/seller.json}. */
    static final SellerProfile SELLER = sharedSeller();
    /** A Bengaluru business buyer (same state as the seller). */
    static final Party KARNATAKA_BUYER = Party.business("Customer 2 Pvt Ltd", "29FNNCF1929M1Z3", "106, 24th Cross",
            "Bengaluru", "560034", "29");
    /** A Chennai business buyer (another state). */
    static final Party TAMIL_NADU_BUYER = Party.business("Customer 9 Pvt Ltd", "33ZRBCB6849S1ZD", "280, 32th Cross",
            "Chennai", "600017", "33");
    static final Party CONSUMER = Party.consumer("Customer 1", "364, 15th Cross", "Bengaluru", "560034", "29");

    private Fixtures() {}

    static SellerProfile sharedSeller() {
        try {
            return SellerProfile.parse(Files.readString(SampleData.path("gst/seller.json")));
        } catch (IOException e) {
            throw new AssertionError("cannot read the shared seller.json", e);
        }
    }

    static InvoiceDrafter drafter(PriceBasis basis, InMemoryInvoiceSequence sequence) {
        return InvoiceDrafter.builder().seller(SELLER).regime(IndiaGst.withDefaultRates()).sequence(sequence)
                .priceBasis(basis).build();
    }

    static BillableJob job(String id, Party buyer, long labourPaise, List<BillableJob.Part> parts,
                           List<BillableJob.Expense> expenses, Coverage coverage) {
        return new BillableJob(JobId.of(id), BranchId.of("BR-1"), "AC_SERVICE", DAY, Money.inr(labourPaise), coverage,
                parts, expenses, Money.inr(0), buyer, null);
    }

    static BillableJob.Part capacitor(long unitPaise, int quantity, boolean billable) {
        return new BillableJob.Part("CAP-35", "Capacitor 35 uF", "85322200", quantity, Money.inr(unitPaise), billable);
    }
}
