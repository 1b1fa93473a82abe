package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.billing.BillableJob;
import io.github.geodispatch.billing.IndiaGst;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceDrafter;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.billing.TaxTable;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.spi.JobEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * GST invoices through the billing engine: the business (a registered Karnataka seller with one series
 * per branch) drafts an invoice from each completed job's record, prices tax-inclusive as quoted to
 * consumers, taxes parts at 18% by HSN (the engine's defaults plus refrigerant gas and cameras), and keeps
 * the drafts for the report. Not thread-safe.
 */
final class Billing {
    private final InvoiceDrafter drafter;
    private final List<Invoice> invoices = new ArrayList<>();

    Billing(CityWorld world) {
        Map<String, String> series = new LinkedHashMap<>();
        world.branches.forEach(b -> series.put(b.id().value(), b.seriesPrefix()));
        Party seller = new Party("Cool Care Home Services Pvt Ltd", "Cool Care", CityWorld.gstinFor(new Random(world.seed), 1),
                "41, 5th Block, 80 Feet Road, Koramangala", "Bengaluru", "560095", "29", "8041234567", "accounts@coolcare.example");
        this.drafter = InvoiceDrafter.builder().seller(new SellerProfile(seller, series, "coolcare@okicici", Map.of()))
                .regime(new IndiaGst(TaxTable.builder().from(TaxTable.indiaDefaults())
                        .rate("3824", 1800)     // refrigerant gas refills
                        .rate("8525", 1800)     // CCTV cameras
                        .build())).sequence(new InMemoryInvoiceSequence()).priceBasis(PriceBasis.TAX_INCLUSIVE)
                .build();
    }

    /** Drafts the invoice of a completed job from its record; empty when nothing on it is chargeable. */
    Optional<Invoice> draft(CityWorld.JobRequest job, List<JobEvent> record) {
        CityWorld.Customer c = job.customer();
        Party buyer = c.business()
                ? Party.business(c.name(), c.gstin(), c.address(), "Bengaluru", c.pincode(), "29")
                : Party.consumer(c.name(), c.address(), "Bengaluru", c.pincode(), "29");
        Optional<Invoice> invoice = drafter.draft(BillableJob.fromEvents(record, buyer, CityWorld.ZONE));
        invoice.ifPresent(invoices::add);
        return invoice;
    }

    List<Invoice> invoices() {
        return List.copyOf(invoices);
    }
}
