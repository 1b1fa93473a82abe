package io.github.geodispatch.billing;

import io.github.geodispatch.spi.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tax on one invoice line: its head ({@code CGST}, {@code SGST}, {@code UTGST}, {@code IGST},
 * {@code VAT}, ...), its rate in percent and the amount, already rounded to the minor unit.
 * Immutable and thread-safe.
 */
public record TaxComponent(String head, BigDecimal ratePercent, Money amount) {
    public TaxComponent {
        if (head == null || !head.matches("[A-Z][A-Z0-9]{1,9}")) {
            throw new IllegalArgumentException("tax head must be 2-10 upper-case letters or digits, was '" + head + "'");
        }
        Objects.requireNonNull(ratePercent, "tax rate");
        if (ratePercent.signum() < 0) {
            throw new IllegalArgumentException(head + " rate must not be negative, was " + ratePercent);
        }
        ratePercent = ratePercent.stripTrailingZeros();
        if (ratePercent.scale() < 0) {
            ratePercent = ratePercent.setScale(0);
        }
        Objects.requireNonNull(amount, "tax amount").requireNonNegative(head + " amount");
    }
}
