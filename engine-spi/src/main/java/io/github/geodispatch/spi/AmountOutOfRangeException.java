package io.github.geodispatch.spi;

import java.util.Objects;

/**
 * An amount that may not enter the engine where it was given: negative, or above
 * {@link Money#MAX_AMOUNT_MINOR}. {@link #field()} names where it was given (a command's or a journal line's
 * field, a statement column), {@link #amount()} is the amount refused (for a part line or a stock receipt whose
 * total is too large, its unit price or unit cost). Immutable.
 */
public final class AmountOutOfRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which bound the amount broke. */
    public enum Bound {
        /** Below zero: a price, payment, credit or deposit is never negative. */
        NEGATIVE,
        /** Above {@link Money#MAX_AMOUNT_MINOR}. */
        ABOVE_MAXIMUM
    }

    private final String field;
    private final transient Money amount;
    private final Bound bound;

    AmountOutOfRangeException(String field, Money amount, Bound bound) {
        this(field, amount, bound, message(field, amount, bound));
    }

    private AmountOutOfRangeException(String field, Money amount, Bound bound, String message) {
        super(message);
        this.field = field;
        this.amount = amount;
        this.bound = Objects.requireNonNull(bound, "bound");
    }

    /** A part line whose total, {@code quantity x unitPrice}, is above the maximum (it may not even fit a long). */
    static AmountOutOfRangeException lineTotal(int quantity, Money unitPrice) {
        return new AmountOutOfRangeException("part line total", unitPrice, Bound.ABOVE_MAXIMUM, "part line total "
                + quantity + " x " + unitPrice + " is above the maximum amount " + Money.maxAmount(unitPrice.currency()));
    }

    /**
     * A stock receipt whose value, {@code quantity x unitCost}, is above the maximum (it may not even fit a long).
     */
    static AmountOutOfRangeException receiptValue(int quantity, Money unitCost) {
        return new AmountOutOfRangeException("receipt value", unitCost, Bound.ABOVE_MAXIMUM, "receipt value (qty x unit_cost) "
                + quantity + " x " + unitCost + " is above the maximum amount " + Money.maxAmount(unitCost.currency()));
    }

    private static String message(String field, Money amount, Bound bound) {
        return switch (bound) {
            case NEGATIVE -> field + " must not be negative, was " + amount;
            case ABOVE_MAXIMUM -> field + " is " + amount + ", above the maximum amount "
                    + Money.maxAmount(amount.currency());
        };
    }

    /** The field the amount was given in, e.g. {@code quote} or {@code statement amount}. */
    public String field() {
        return field;
    }

    /** The amount refused. */
    public Money amount() {
        return amount;
    }

    public Bound bound() {
        return bound;
    }
}
