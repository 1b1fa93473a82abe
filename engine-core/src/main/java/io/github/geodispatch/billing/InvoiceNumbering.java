package io.github.geodispatch.billing;

import io.github.geodispatch.spi.InvoiceSequence;
import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Invoice numbers of the form {@code PREFIX/FY/NNNNN}, e.g. {@code KRM/2627/00042}: one series per
 * seller tax id, branch prefix and financial year ({@code 2627} is April 2026 to March 2027 when the year
 * starts in April; {@code 2026} when it starts in January), counted by an {@link InvoiceSequence} so
 * numbers are gapless and unique however many threads draw them. Every number obeys the GST rule: at
 * most 16 characters of {@code A-Z 0-9 / -}, not starting with 0, {@code /} or {@code -}. The running
 * number is zero-padded to five digits (fewer when the prefix is long) and grows past the padding;
 * a series whose next number would not fit in 16 characters is exhausted and fails loudly.
 * Thread-safe when the sequence is.
 */
public final class InvoiceNumbering {
    /** The longest invoice number GST allows. */
    public static final int MAX_LENGTH = 16;
    private static final Pattern NUMBER = Pattern.compile("[A-Z1-9][A-Z0-9/-]{0,15}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z1-9][A-Z0-9-]{0,6}");
    private static final int PADDING = 5;

    private final InvoiceSequence sequence;
    private final Month yearStart;

    public InvoiceNumbering(InvoiceSequence sequence, Month financialYearStart) {
        this.sequence = Objects.requireNonNull(sequence, "invoice sequence");
        this.yearStart = Objects.requireNonNull(financialYearStart, "financial year start");
    }

    /** Draws the next number of the series of {@code sellerTaxId} and {@code prefix} for the year of {@code date}. */
    public String next(String sellerTaxId, String prefix, LocalDate date) {
        requireValidPrefix(prefix);
        String year = financialYearLabel(date, yearStart);
        long number = sequence.next(seriesKey(sellerTaxId, prefix, year));
        return format(prefix, year, number);
    }

    /** The last number drawn in that series (0 when none). */
    public long current(String sellerTaxId, String prefix, LocalDate date) {
        return sequence.current(seriesKey(sellerTaxId, prefix, financialYearLabel(date, yearStart)));
    }

    /** The key the {@link InvoiceSequence} counts under, e.g. {@code 29TIXCL8073U1ZU/KRM/2627}. */
    public static String seriesKey(String sellerTaxId, String prefix, String yearLabel) {
        if (sellerTaxId == null || sellerTaxId.isBlank()) {
            throw new BillingException("an invoice series needs the seller's tax id");
        }
        return sellerTaxId + "/" + prefix + "/" + yearLabel;
    }

    /**
     * The four-character label of the financial year holding {@code date}: {@code 2627} for a year from
     * April 2026 to March 2027, {@code 2026} for a calendar year.
     */
    public static String financialYearLabel(LocalDate date, Month yearStart) {
        Objects.requireNonNull(date, "date");
        int first = date.getMonthValue() >= yearStart.getValue() ? date.getYear() : date.getYear() - 1;
        if (yearStart == Month.JANUARY) {
            return String.format("%04d", first);
        }
        return String.format("%02d%02d", first % 100, (first + 1) % 100);
    }

    /** Fails with a {@link BillingException} unless {@code prefix} is 1-7 of {@code A-Z 0-9 -}, not starting 0 or -. */
    public static String requireValidPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new BillingException("invoice series prefix must be 1-7 characters of A-Z, 0-9 and -, not starting"
                    + " with 0 or -, was '" + prefix + "'");
        }
        return prefix;
    }

    /** Fails with a {@link BillingException} unless {@code number} is a GST-valid invoice number. */
    public static String requireValidNumber(String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new BillingException("invoice number must be 1-16 characters of A-Z, 0-9, / and -, not starting"
                    + " with 0, / or -, was '" + number + "'");
        }
        return number;
    }

    static String format(String prefix, String yearLabel, long number) {
        if (number < 1) {
            throw new IllegalStateException("invoice sequence returned " + number + "; numbers start at 1");
        }
        int room = MAX_LENGTH - prefix.length() - yearLabel.length() - 2;
        String digits = Long.toString(number);
        if (digits.length() > room) {
            throw new BillingException("invoice series " + prefix + "/" + yearLabel + " is exhausted: number "
                    + number + " does not fit in " + MAX_LENGTH + " characters");
        }
        String padded = "0".repeat(Math.max(0, Math.min(PADDING, room) - digits.length())) + digits;
        return requireValidNumber(prefix + "/" + yearLabel + "/" + padded);
    }
}
