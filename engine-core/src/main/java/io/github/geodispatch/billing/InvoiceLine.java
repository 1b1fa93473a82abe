package io.github.geodispatch.billing;

import io.github.geodispatch.spi.Money;
import java.util.List;
import java.util.Objects;

/**
 * One line of an invoice. {@code unitPrice} is before tax; {@code taxableValue} is
 * {@code unitPrice * quantity}; {@code total} is the taxable value plus every tax, each already rounded
 * to the minor unit. A line covered by an AMC contract or warranty (or a part given free) is billed at
 * zero and names what covers it in {@code coveredBy}. {@code sku} is the part's SKU on a part line, else null. Immutable and thread-safe.
 */
public record InvoiceLine(int number, LineKind kind, String sku, String description, String code, boolean service,
                          int quantity, String unit, Money unitPrice, Money taxableValue, int rateBasisPoints,
                          List<TaxComponent> taxes, Money total, String coveredBy) {
    public InvoiceLine {
        if (number < 1) {
            throw new IllegalArgumentException("line number must be >= 1, was " + number);
        }
        Objects.requireNonNull(kind, "line kind");
        if ((kind == LineKind.PART) == (sku == null || sku.isBlank())) {
            throw new IllegalArgumentException("line " + number + ": a part line, and only a part line, has a SKU");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("line " + number + " needs a description");
        }
        if (code == null || !code.matches("\\d{4,8}")) {
            throw new IllegalArgumentException("line " + number + " needs a SAC/HSN code of 4-8 digits, was '" + code + "'");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("line " + number + " quantity must be >= 1, was " + quantity);
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(unitPrice, "unit price").requireNonNegative("unit price of line " + number);
        if (!unitPrice.times(quantity).equals(taxableValue)) {
            throw new IllegalArgumentException("line " + number + " taxable value " + taxableValue
                    + " is not unit price " + unitPrice + " x " + quantity);
        }
        taxes = List.copyOf(taxes);
        Money sum = taxableValue;
        for (TaxComponent tax : taxes) {
            sum = sum.plus(tax.amount());
        }
        if (!sum.equals(total)) {
            throw new IllegalArgumentException("line " + number + " total " + total + " is not taxable value plus taxes "
                    + sum);
        }
        coveredBy = coveredBy == null || coveredBy.isBlank() ? null : coveredBy.strip();
    }

    /** The amount of {@code head} on this line (zero when the line has no such tax). */
    public Money tax(String head) {
        Money sum = Money.zero(total.currency());
        for (TaxComponent tax : taxes) {
            if (tax.head().equals(head)) {
                sum = sum.plus(tax.amount());
            }
        }
        return sum;
    }

    /** Every tax on the line together. */
    public Money taxAmount() {
        return total.minus(taxableValue);
    }
}
