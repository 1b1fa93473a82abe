package io.github.geodispatch.spi;

/**
 * Gapless invoice numbers: one counter per series (seller GSTIN or branch prefix and financial year).
 * {@link #next} must return 1, 2, 3, ... per series with no gap and no repeat under concurrent callers
 * and across restarts of a persistent implementation.
 */
public interface InvoiceSequence {

    /** The next number of {@code series} (1 for a new series). */
    long next(String series);

    /** The last number handed out in {@code series}, 0 when none. */
    long current(String series);
}
