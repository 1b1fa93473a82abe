package io.github.geodispatch.billing.internal;
import io.github.geodispatch.billing.BillableJob;
import io.github.geodispatch.billing.BillingException;
import io.github.geodispatch.billing.Invoice;
import io.github.geodispatch.billing.InvoiceDrafter;
import io.github.geodispatch.billing.InvoiceLine;
import io.github.geodispatch.billing.InvoiceNumbering;
import io.github.geodispatch.billing.LineKind;
import io.github.geodispatch.billing.Party;
import io.github.geodispatch.billing.PaymentLinks;
import io.github.geodispatch.billing.PriceBasis;
import io.github.geodispatch.billing.SellerProfile;
import io.github.geodispatch.billing.Supply;
import io.github.geodispatch.billing.TaxComponent;
import io.github.geodispatch.billing.TaxRegime;
import io.github.geodispatch.spi.AmountOutOfRangeException;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link InvoiceDrafter} that taxes and rounds each line on its own (the GST practice: the tax of a
 * line is what the line shows) and rounds the invoice total once. An invoice whose total would be above
 * {@link io.github.geodispatch.spi.Money#MAX_AMOUNT_MINOR} is refused before a number is drawn.
 * Thread-safe when its sequence is.
 */
public final class PerLineRoundingDrafter implements InvoiceDrafter {
    private final SellerProfile profile;
    private final Party seller;
    private final TaxRegime regime;
    private final InvoiceNumbering numbering;
    private final PriceBasis priceBasis;
    private final String defaultSac;
    private final PaymentLinks paymentLinks;

    public PerLineRoundingDrafter(SellerProfile profile, TaxRegime regime, InvoiceNumbering numbering, PriceBasis priceBasis,
                           String defaultSac, PaymentLinks paymentLinks) {
        this.profile = profile;
        this.seller = regime.canonical(profile.party());
        this.regime = regime;
        this.numbering = numbering;
        this.priceBasis = priceBasis;
        this.defaultSac = defaultSac;
        this.paymentLinks = paymentLinks;
        regime.placeOfSupply(seller.region());
    }

    @Override
    public TaxRegime regime() {
        return regime;
    }

    @Override
    public Optional<Invoice> draft(BillableJob job, LocalDate invoiceDate) {
        Objects.requireNonNull(job, "job");
        CalendarRange.require(invoiceDate, "invoice date");
        if (job.labourPrice().currency() != regime.currency()) {
            throw new BillingException("job " + job.job() + " is priced in " + job.labourPrice().currency() + " but "
                    + regime.name() + " bills in " + regime.currency());
        }
        if (invoiceDate.isBefore(job.completedOn())) {
            throw new BillingException("invoice of job " + job.job() + " dated " + invoiceDate
                    + " before the work was completed on " + job.completedOn());
        }
        String placeOfSupply = regime.placeOfSupply(job.placeOfSupply());
        return issue(job.job(), job.branch(), job.buyer(), placeOfSupply, invoiceDate, lines(job, placeOfSupply), job.paid());
    }

    @Override
    public Optional<Invoice> draft(Supply supply) {
        Objects.requireNonNull(supply, "supply");
        if (supply.price().currency() != regime.currency()) {
            throw new BillingException("supply " + supply.reference() + " is priced in " + supply.price().currency()
                    + " but " + regime.name() + " bills in " + regime.currency());
        }
        String placeOfSupply = regime.placeOfSupply(supply.placeOfSupply());
        InvoiceLine line = line(1, LineKind.LABOUR, null, supply.description(),
                profile.sacFor(supply.jobType()).orElse(defaultSac), true, 1, "OTH", supply.price(), null, placeOfSupply,
                PriceBasis.TAX_EXCLUSIVE);
        return issue(supply.reference(), supply.branch(), supply.buyer(), placeOfSupply, supply.date(), List.of(line),
                zero());
    }

    /**
     * The numbered invoice of {@code lines}, empty when they total zero: the total rounded by the regime and checked
     * against the amount limit before a number is drawn from the branch's series.
     */
    private Optional<Invoice> issue(JobId reference, BranchId branch, Party party, String placeOfSupply,
                                    LocalDate invoiceDate, List<InvoiceLine> lines, Money paid) {
        Party buyer = regime.canonical(party);
        String prefix = profile.prefixFor(branch.value());
        Money exact = Money.zero(regime.currency());
        for (InvoiceLine line : lines) {
            exact = exact.plus(line.total());
        }
        if (exact.isZero()) {
            return Optional.empty();
        }
        Money roundOff = regime.roundOff(exact);
        try {
            exact.plus(roundOff).requireAmount("invoice total");
        } catch (AmountOutOfRangeException e) {
            throw new BillingException(e.getMessage(), e);
        }
        String number = numbering.next(seller.taxId(), prefix, invoiceDate);
        Invoice invoice = new Invoice(number, invoiceDate, reference, branch, regime.name(), seller, buyer,
                placeOfSupply, regime.describeRegion(placeOfSupply), lines, roundOff, paid, null);
        if (!invoice.b2b() && paymentLinks != null && profile.upiVpa() != null && invoice.amountDue().isPositive()) {
            invoice = invoice.withPaymentLink(paymentLinks.link(profile.upiVpa(), payee(), invoice.amountDue(), number));
        }
        return Optional.of(invoice);
    }

    private List<InvoiceLine> lines(BillableJob job, String placeOfSupply) {
        String sac = profile.sacFor(job.jobType()).orElse(defaultSac);
        Coverage coverage = job.coverage();
        String covering = coverage != null && coverage.covers(job.jobType(), job.completedOn())
                ? coverage.kind() + " " + coverage.reference() : null;
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(line(lines.size() + 1, LineKind.LABOUR, null, describe(job.jobType()) + " (job " + job.job() + ")",
                sac, true, 1, "OTH", covering == null ? job.labourPrice() : zero(), covering, placeOfSupply));
        for (BillableJob.Part part : job.parts()) {
            String coveredBy = part.billable() ? null : covering == null ? "free of charge" : covering;
            lines.add(line(lines.size() + 1, LineKind.PART, part.sku(), part.description(), part.hsn(), false,
                    part.quantity(), "NOS", part.billable() ? part.unitPrice() : zero(), coveredBy, placeOfSupply));
        }
        for (BillableJob.Expense expense : job.expenses()) {
            if (expense.billable()) {
                lines.add(line(lines.size() + 1, LineKind.EXPENSE, null, "Expense: " + expense.kind(), sac, true, 1,
                        "OTH", expense.amount(), null, placeOfSupply));
            }
        }
        return lines;
    }

    private InvoiceLine line(int number, LineKind kind, String sku, String description, String code, boolean service,
                             int quantity, String unit, Money price, String coveredBy, String placeOfSupply) {
        return line(number, kind, sku, description, code, service, quantity, unit, price, coveredBy, placeOfSupply,
                priceBasis);
    }

    private InvoiceLine line(int number, LineKind kind, String sku, String description, String code, boolean service,
                             int quantity, String unit, Money price, String coveredBy, String placeOfSupply,
                             PriceBasis basis) {
        int rate = regime.rateFor(code);
        Money unitPrice = basis == PriceBasis.TAX_INCLUSIVE ? Amounts.beforeTax(price, rate) : price;
        Money taxable = unitPrice.times(quantity);
        List<TaxComponent> taxes = regime.taxes(taxable, rate, seller.region(), placeOfSupply);
        Money total = taxable;
        for (TaxComponent tax : taxes) {
            total = total.plus(tax.amount());
        }
        return new InvoiceLine(number, kind, sku, description, code, service, quantity, unit, unitPrice, taxable, rate,
                taxes, total, coveredBy);
    }

    /** The name a payer sees: the trade name, else the legal name. */
    private String payee() {
        return seller.tradeName() == null ? seller.legalName() : seller.tradeName();
    }

    private Money zero() {
        return Money.zero(regime.currency());
    }

    /** {@code AC_SERVICE} as {@code AC service}: short first words (acronyms) stay upper case. */
    static String describe(String jobType) {
        String[] words = jobType.toLowerCase(Locale.ROOT).split("_+");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            if (i == 0) {
                text.append(word.length() <= 3 ? word.toUpperCase(Locale.ROOT)
                        : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            } else {
                text.append(word);
            }
        }
        return text.toString();
    }
}
