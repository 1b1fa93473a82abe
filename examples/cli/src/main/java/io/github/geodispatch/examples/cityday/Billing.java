package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.billing.IndiaGst;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.billing.TaxRegime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The business's GST invoicing, done by the front door's billing: a registered Karnataka seller with one series
 * per branch, prices tax-inclusive as quoted to consumers, parts taxed at 18% by HSN (the engine's defaults plus
 * refrigerant gas and cameras). A completed job's invoice is drafted from its record, handed to accounts and the
 * hand-off recorded on the job. Not thread-safe.
 */
final class Billing {
    private final GeoDispatch.Billing billing;

    Billing(GeoDispatch.Billing billing) {
        this.billing = billing;
    }

    /** The seller on the day's invoices. */
    static SellerProfile seller(CityWorld world) {
        Map<String, String> series = new LinkedHashMap<>();
        world.branches.forEach(b -> series.put(b.id().value(), b.seriesPrefix()));
        Party seller = new Party("Cool Care Home Services Pvt Ltd", "Cool Care", CityWorld.gstinFor(new Random(world.seed), 1),
                "41, 5th Block, 80 Feet Road, Koramangala", "Bengaluru", "560095", "29", "8041234567", "accounts@coolcare.example");
        return new SellerProfile(seller, series, "coolcare@okicici", Map.of());
    }

    /** India GST: its default rates cover every part this business sells. */
    static TaxRegime regime() {
        return IndiaGst.withDefaultRates();
    }

    /** Invoices a completed job to its customer; empty when nothing on it is chargeable. */
    Optional<Invoice> invoice(CityWorld.JobRequest job) {
        CityWorld.Customer c = job.customer();
        Party buyer = c.business()
                ? Party.business(c.name(), c.gstin(), c.address(), "Bengaluru", c.pincode(), "29")
                : Party.consumer(c.name(), c.address(), "Bengaluru", c.pincode(), "29");
        return billing.invoice(job.id(), buyer);
    }

    List<Invoice> invoices() {
        return billing.invoices();
    }
}
