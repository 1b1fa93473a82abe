package io.github.geodispatch.billing;

/** Whether the prices on a job (quote, part prices, expenses) already include the tax. */
public enum PriceBasis {
    /** Prices are before tax; tax is added on top (common for B2B price lists). */
    TAX_EXCLUSIVE,
    /**
     * Prices are what the customer pays, tax included (common for consumer quotes such as "AC service
     * ₹1,499"); the taxable value per unit is backed out of the price and rounded to the minor unit.
     */
    TAX_INCLUSIVE
}
