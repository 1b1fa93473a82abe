package io.github.geodispatch.billing;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A numbered invoice for one job. Totals are derived from the lines in the constructor, so an invoice
 * always adds up: {@code total = taxableValue + every tax + roundOff}, and the total is a single amount
 * ({@link Money#requireAmount}: at most {@link Money#MAX_AMOUNT_MINOR}, which keeps every e-invoice value
 * inside the schema's limits). {@code paymentLink} is the UPI
 * intent for the amount due on a consumer (B2C) invoice, or null. Immutable and thread-safe.
 */
public record Invoice(String number, LocalDate date, JobId job, BranchId branch, String regime, Party seller,
                      Party buyer, String placeOfSupply, String placeOfSupplyLabel, List<InvoiceLine> lines,
                      Money roundOff, Money paid, String paymentLink) {
    public Invoice {
        InvoiceNumbering.requireValidNumber(number);
        Objects.requireNonNull(date, "invoice date");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        if (!seller.registered()) {
            throw new IllegalArgumentException("the seller of invoice " + number + " needs a tax id");
        }
        Objects.requireNonNull(placeOfSupply, "place of supply");
        Objects.requireNonNull(placeOfSupplyLabel, "place of supply label");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("invoice " + number + " has no lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).number() != i + 1) {
                throw new IllegalArgumentException("invoice " + number + " lines must be numbered 1.." + lines.size());
            }
        }
        Currency currency = lines.get(0).total().currency();
        if (roundOff.currency() != currency || paid.currency() != currency) {
            throw new IllegalArgumentException("invoice " + number + " mixes currencies");
        }
        paid.requireNonNegative("amount paid");
        exactTotal(lines).plus(roundOff).requireAmount("total of invoice " + number);
    }

    /** {@code "B2B"} when the buyer is registered, else {@code "B2C"}. */
    public String supplyType() {
        return buyer.registered() ? "B2B" : "B2C";
    }

    public boolean b2b() {
        return buyer.registered();
    }

    public Currency currency() {
        return lines.get(0).total().currency();
    }

    /** The sum of the lines' taxable values. */
    public Money taxableValue() {
        Money sum = Money.zero(currency());
        for (InvoiceLine line : lines) {
            sum = sum.plus(line.taxableValue());
        }
        return sum;
    }

    /** The sum of {@code head} over the lines (zero when no line has it). */
    public Money tax(String head) {
        Money sum = Money.zero(currency());
        for (InvoiceLine line : lines) {
            sum = sum.plus(line.tax(head));
        }
        return sum;
    }

    /** Each tax head on the invoice with its total, in the order the heads first appear. */
    public Map<String, Money> taxTotals() {
        Map<String, Money> totals = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            for (TaxComponent tax : line.taxes()) {
                totals.merge(tax.head(), tax.amount(), Money::plus);
            }
        }
        return totals;
    }

    /** Taxable value plus every tax, before the round-off. */
    public Money exactTotal() {
        return exactTotal(lines);
    }

    private static Money exactTotal(List<InvoiceLine> lines) {
        Money sum = Money.zero(lines.get(0).total().currency());
        for (InvoiceLine line : lines) {
            sum = sum.plus(line.total());
        }
        return sum;
    }

    /** What the buyer owes in all: the exact total plus the round-off. */
    public Money total() {
        return exactTotal().plus(roundOff);
    }

    /** The total less what was paid on site, never below zero. */
    public Money amountDue() {
        Money due = total().minus(paid);
        return due.isNegative() ? Money.zero(currency()) : due;
    }

    /** The SKUs of the parts billed or supplied on this invoice, in line order. */
    public List<String> partSkus() {
        return lines.stream().filter(line -> line.kind() == LineKind.PART).map(InvoiceLine::sku).toList();
    }

    /** This invoice with {@code link} (a UPI intent or a payment page) as its payment link. */
    public Invoice withPaymentLink(String link) {
        return new Invoice(number, date, job, branch, regime, seller, buyer, placeOfSupply, placeOfSupplyLabel, lines,
                roundOff, paid, link);
    }
}
