package io.github.geodispatch.billing;

import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;
import java.time.Month;
import java.util.List;

/**
 * A country's indirect tax as the invoice drafter needs it: which currency, how tax ids and regions are
 * written, the rate of a SAC/HSN or item code, how one line's tax splits into heads, how an invoice
 * total is rounded, and when the financial year (and so an invoice series) starts. India GST and Kenya
 * VAT are implementations; a third country is one more class, with no change to the drafter.
 * Implementations must be immutable and thread-safe.
 */
public interface TaxRegime {

    /** A short name such as {@code "India GST"}. */
    String name();

    Currency currency();

    /** The month the financial year starts; invoice series restart then. */
    Month financialYearStart();

    /** Every tax head this regime may put on a line, in register-column order. */
    List<String> taxHeads();

    /**
     * The party with its tax id and region in canonical form, or a {@link BillingException} naming what
     * is wrong (a malformed tax id, an unknown region, a tax id registered elsewhere than the address).
     */
    Party canonical(Party party);

    /**
     * {@code region} in canonical form as the place of supply of an invoice, or a {@link BillingException}
     * when it is not one.
     */
    String placeOfSupply(String region);

    /** The region as printed on a register or invoice, e.g. {@code "29-Karnataka"}. */
    String describeRegion(String region);

    /** The rate of a SAC/HSN or item code in basis points; a {@link BillingException} when there is none. */
    int rateFor(String code);

    /**
     * The taxes of one line with the given taxable value: each head rounded half-up to the minor unit.
     * {@code sellerRegion} and {@code placeOfSupply} are canonical regions.
     */
    List<TaxComponent> taxes(Money taxableValue, int rateBasisPoints, String sellerRegion, String placeOfSupply);

    /** The adjustment that rounds an invoice's exact total as the regime requires (may be zero or negative). */
    Money roundOff(Money exactTotal);
}
