package io.github.geodispatch.billing;
import io.github.geodispatch.billing.internal.PerLineRoundingDrafter;
import io.github.geodispatch.spi.InvoiceSequence;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a completed job into a numbered invoice: a labour line under the job type's SAC, a line per part
 * under its HSN, a line per billable expense (taxed with the service it was incurred for), and lines
 * covered by a valid AMC contract or warranty, or parts given free, at zero naming what covers them.
 * Each line's tax is computed and rounded to the minor unit on its own, the invoice total is rounded as
 * the regime requires, and only then is a number drawn from the branch's series, so a job that cannot
 * be invoiced never leaves a gap. Implementations are thread-safe when their {@link InvoiceSequence} is.
 */
public interface InvoiceDrafter {

    /** The invoice of {@code job} dated the day it was completed; empty when nothing on it is chargeable. */
    default Optional<Invoice> draft(BillableJob job) {
        return draft(job, job.completedOn());
    }

    /** The invoice of {@code job} dated {@code invoiceDate}; empty when nothing on it is chargeable. */
    Optional<Invoice> draft(BillableJob job, LocalDate invoiceDate);

    /**
     * The invoice of a {@link Supply} (a contract's instalment), dated the supply's day: one line at the supply's price
     * before tax, taxed by the regime; empty when the price is zero.
     */
    Optional<Invoice> draft(Supply supply);

    /** The regime the drafter taxes under. */
    TaxRegime regime();

    static Builder builder() {
        return new Builder();
    }

    /**
     * Configures an {@link InvoiceDrafter}. Seller, regime, sequence and price basis are required; every
     * setter fails at once on a null or repeated value. Not thread-safe.
     */
    final class Builder {
        /** SAC 998719: maintenance and repair services of other goods, used for job types without a SAC. */
        public static final String DEFAULT_SAC = "998719";

        private SellerProfile seller;
        private TaxRegime regime;
        private InvoiceSequence sequence;
        private PriceBasis priceBasis;
        private String defaultSac;
        private PaymentLinks paymentLinks;

        private Builder() {}

        public Builder seller(SellerProfile value) {
            seller = once(seller, value, "seller");
            return this;
        }

        public Builder regime(TaxRegime value) {
            regime = once(regime, value, "tax regime");
            return this;
        }

        public Builder sequence(InvoiceSequence value) {
            sequence = once(sequence, value, "invoice sequence");
            return this;
        }

        /** Whether job prices (quotes, parts, expenses) include the tax. */
        public Builder priceBasis(PriceBasis value) {
            priceBasis = once(priceBasis, value, "price basis");
            return this;
        }

        /** The SAC of job types the seller profile names none for; {@value #DEFAULT_SAC} when not set. */
        public Builder defaultSac(String value) {
            if (value == null || !value.matches("\\d{4}|\\d{6}")) {
                throw new IllegalArgumentException("default SAC must be 4 or 6 digits, was '" + value + "'");
            }
            defaultSac = once(defaultSac, value, "default SAC");
            return this;
        }

        /**
         * Puts a payment link for the amount due on consumer invoices when the seller has a UPI address,
         * e.g. {@link PaymentLinks#upiIntent()}.
         */
        public Builder paymentLinks(PaymentLinks value) {
            paymentLinks = once(paymentLinks, value, "payment links");
            return this;
        }

        public InvoiceDrafter build() {
            require(seller, "seller");
            require(regime, "tax regime");
            require(sequence, "invoice sequence");
            if (priceBasis == null) {
                throw new IllegalStateException("price basis is required: do job prices include the tax or not?");
            }
            return new PerLineRoundingDrafter(seller, regime, new InvoiceNumbering(sequence, regime.financialYearStart()),
                    priceBasis, defaultSac == null ? DEFAULT_SAC : defaultSac, paymentLinks);
        }

        private static <T> T once(T current, T value, String what) {
            Objects.requireNonNull(value, what);
            if (current != null) {
                throw new IllegalStateException(what + " is already set");
            }
            return value;
        }

        private static void require(Object value, String what) {
            if (value == null) {
                throw new IllegalStateException(what + " is required");
            }
        }
    }
}
