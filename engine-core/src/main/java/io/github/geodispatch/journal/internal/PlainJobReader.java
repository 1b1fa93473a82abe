package io.github.geodispatch.journal.internal;

import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.TechnicianId;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.github.geodispatch.journal.internal.PlainPingReader.ascii;
import static io.github.geodispatch.journal.internal.PlainPingReader.startsWith;
import static io.github.geodispatch.journal.internal.PlainPingReader.stringEnd;
import static io.github.geodispatch.journal.internal.PlainPingReader.widen;

/**
 * Reads the most frequent job lines of exactly the shape {@link io.github.geodispatch.journal.JournalWriter}
 * writes them, straight from their bytes, as {@link PlainPingReader} reads pings:
 * {@code {"type":"job.status","job":S,"at":S,"status":S}} (no reason, no evidence),
 * {@code {"type":"job.assigned","job":S,"at":S,"technician":S}},
 * {@code {"type":"job.payment","job":S,"at":S,"mode":S,"amount":{"amount":S,"currency":S}}} followed by
 * {@code ,"reference":S} or not, then {@code }} (no promise, no approver),
 * {@code {"type":"job.invoice","job":S,"at":S,"invoice_no":S,"amount":{"amount":S,"currency":S},"parts":[S,...]}} and
 * {@code {"type":"job.part","job":S,"at":S,"sku":S}} followed by {@code ,"hsn":S} or not, then
 * {@code ,"qty":N,"unit_price":{"amount":S,"currency":S},"billable":B}} (N digits with no sign or leading zero),
 * with no white space and strings of printable ASCII with no escape. Of a journal without pings, about 44% of the
 * lines are status changes, 11% each assignments, payments and invoices, 6% parts. Anything else, a status, mode or
 * currency that is not a constant, an amount or part the record refuses, a job or technician not seen on an earlier
 * line, or a time not of the common shape is not read here ({@code null}): the line then goes to the general parser,
 * which reads it to the same record or names what is wrong. Not thread-safe: it shares the reading thread's id
 * caches and times.
 */
final class PlainJobReader {
    private static final byte[] STATUS = ascii("{\"type\":\"job.status\",\"job\":\"");
    private static final byte[] ASSIGNED = ascii("{\"type\":\"job.assigned\",\"job\":\"");
    private static final byte[] AT = ascii(",\"at\":\"");
    private static final byte[] STATUS_FIELD = ascii(",\"status\":\"");
    private static final byte[] TECHNICIAN_FIELD = ascii(",\"technician\":\"");
    private static final byte[] PAYMENT = ascii("{\"type\":\"job.payment\",\"job\":\"");
    private static final byte[] MODE_FIELD = ascii(",\"mode\":\"");
    private static final byte[] AMOUNT_FIELD = ascii(",\"amount\":{\"amount\":\"");
    private static final byte[] CURRENCY_FIELD = ascii(",\"currency\":\"");
    private static final byte[] REFERENCE_FIELD = ascii(",\"reference\":\"");
    private static final byte[] INVOICE = ascii("{\"type\":\"job.invoice\",\"job\":\"");
    private static final byte[] INVOICE_NO_FIELD = ascii(",\"invoice_no\":\"");
    private static final byte[] PARTS_FIELD = ascii(",\"parts\":[");
    private static final byte[] PART = ascii("{\"type\":\"job.part\",\"job\":\"");
    private static final byte[] SKU_FIELD = ascii(",\"sku\":\"");
    private static final byte[] HSN_FIELD = ascii(",\"hsn\":\"");
    private static final byte[] QTY_FIELD = ascii(",\"qty\":");
    private static final byte[] UNIT_PRICE_FIELD = ascii(",\"unit_price\":{\"amount\":\"");
    private static final byte[] BILLABLE_TRUE = ascii(",\"billable\":true}");
    private static final byte[] BILLABLE_FALSE = ascii(",\"billable\":false}");
    /** Longer quantities go to the general parser (it reads them as {@code int} or refuses them). */
    private static final int MAX_QTY_DIGITS = 9;
    private static final JobStatus[] STATUSES = JobStatus.values();
    private static final PaymentMode[] MODES = PaymentMode.values();
    private static final Currency[] CURRENCIES = Currency.values();

    private final CharKeyCache<JobId> jobs;
    private final CharKeyCache<TechnicianId> technicians;
    private final JournalTimes times;
    /** The line's bytes as characters, for the id caches and the time decoder. */
    private char[] chars = new char[256];
    /** The job and time {@link #jobAndTime} read, and the index of the time's closing quote. */
    private JobId job;
    private OffsetDateTime at;
    private int atEnd;
    /** The currency {@link #amount} read, and the index just after the amount object's closing brace. */
    private Currency currency;
    private int amountEnd;

    PlainJobReader(CharKeyCache<JobId> jobs, CharKeyCache<TechnicianId> technicians, JournalTimes times) {
        this.jobs = jobs;
        this.technicians = technicians;
        this.times = times;
    }

    /** The job line on bytes {@code [from, to)} when it has one of the shapes above; else null. */
    JournalRecord.JobRecord read(byte[] bytes, int from, int to) {
        boolean status = startsWith(bytes, from, to, STATUS);
        if (!status && !startsWith(bytes, from, to, ASSIGNED)) {
            if (startsWith(bytes, from, to, PAYMENT)) {
                return payment(bytes, from, to);
            }
            if (startsWith(bytes, from, to, INVOICE)) {
                return invoice(bytes, from, to);
            }
            return startsWith(bytes, from, to, PART) ? part(bytes, from, to) : null;
        }
        int length = to - from;
        byte[] last = status ? STATUS_FIELD : TECHNICIAN_FIELD;
        if (!jobAndTime(bytes, from, to, (status ? STATUS : ASSIGNED).length, last)) {
            return null;
        }
        int valueStart = atEnd + 1 + last.length;
        int valueEnd = stringEnd(chars, valueStart, length);
        if (valueEnd < 0 || valueEnd != length - 2 || chars[length - 1] != '}') {
            return null;
        }
        if (status) {
            JobStatus constant = constant(STATUSES, valueStart, valueEnd - valueStart);
            return constant == null ? null : new JournalRecord.JobStatusChanged(job, at, constant, null, null);
        }
        TechnicianId technician = technicians.get(chars, valueStart, valueEnd - valueStart);
        return technician == null ? null : new JournalRecord.JobAssigned(job, at, technician);
    }

    private JournalRecord.JobPayment payment(byte[] bytes, int from, int to) {
        int length = to - from;
        if (!jobAndTime(bytes, from, to, PAYMENT.length, MODE_FIELD)) {
            return null;
        }
        int modeStart = atEnd + 1 + MODE_FIELD.length;
        int modeEnd = stringEnd(chars, modeStart, length);
        String amount = modeEnd < 0 ? null : amount(bytes, from, to, modeEnd + 1, AMOUNT_FIELD);
        if (amount == null) {
            return null;
        }
        String reference = null;
        int close = amountEnd;
        if (startsWith(bytes, from + close, to, REFERENCE_FIELD)) {
            int referenceStart = close + REFERENCE_FIELD.length;
            int referenceEnd = stringEnd(chars, referenceStart, length);
            if (referenceEnd < 0) {
                return null;
            }
            reference = string(bytes, from, referenceStart, referenceEnd);
            close = referenceEnd + 1;
        }
        PaymentMode mode = constant(MODES, modeStart, modeEnd - modeStart);
        if (close != length - 1 || chars[close] != '}' || mode == null) {
            return null;
        }
        try {
            return new JournalRecord.JobPayment(job, at, mode, Money.parse(amount, currency), reference, null, null);
        } catch (IllegalArgumentException | ArithmeticException refused) {
            return null; // the general parser reports it, worded as for any line
        }
    }

    private JournalRecord.JobInvoice invoice(byte[] bytes, int from, int to) {
        int length = to - from;
        if (!jobAndTime(bytes, from, to, INVOICE.length, INVOICE_NO_FIELD)) {
            return null;
        }
        int invoiceNoStart = atEnd + 1 + INVOICE_NO_FIELD.length;
        int invoiceNoEnd = stringEnd(chars, invoiceNoStart, length);
        String amount = invoiceNoEnd < 0 ? null : amount(bytes, from, to, invoiceNoEnd + 1, AMOUNT_FIELD);
        if (amount == null || !startsWith(bytes, from + amountEnd, to, PARTS_FIELD)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int next = amountEnd + PARTS_FIELD.length;
        if (next < length && chars[next] == '"') {
            while (true) {
                int partEnd = stringEnd(chars, next + 1, length);
                if (partEnd < 0 || partEnd + 1 >= length) {
                    return null;
                }
                parts.add(string(bytes, from, next + 1, partEnd));
                next = partEnd + 1;
                if (chars[next] != ',') {
                    break;
                }
                next++;
                if (next >= length || chars[next] != '"') {
                    return null;
                }
            }
        }
        if (next != length - 2 || chars[next] != ']' || chars[length - 1] != '}') {
            return null;
        }
        try {
            return new JournalRecord.JobInvoice(job, at, string(bytes, from, invoiceNoStart, invoiceNoEnd),
                    Money.parse(amount, currency), parts);
        } catch (IllegalArgumentException | ArithmeticException refused) {
            return null; // the general parser reports it, worded as for any line
        }
    }

    private JournalRecord.JobPart part(byte[] bytes, int from, int to) {
        int length = to - from;
        if (!jobAndTime(bytes, from, to, PART.length, SKU_FIELD)) {
            return null;
        }
        int skuStart = atEnd + 1 + SKU_FIELD.length;
        int skuEnd = stringEnd(chars, skuStart, length);
        if (skuEnd < 0) {
            return null;
        }
        String hsn = null;
        int next = skuEnd + 1;
        if (startsWith(bytes, from + next, to, HSN_FIELD)) {
            int hsnStart = next + HSN_FIELD.length;
            int hsnEnd = stringEnd(chars, hsnStart, length);
            if (hsnEnd < 0) {
                return null;
            }
            hsn = string(bytes, from, hsnStart, hsnEnd);
            next = hsnEnd + 1;
        }
        if (!startsWith(bytes, from + next, to, QTY_FIELD)) {
            return null;
        }
        int qtyStart = next + QTY_FIELD.length;
        int qtyEnd = qtyStart;
        while (qtyEnd < length && chars[qtyEnd] >= '0' && chars[qtyEnd] <= '9') {
            qtyEnd++;
        }
        if (qtyEnd == qtyStart || qtyEnd - qtyStart > MAX_QTY_DIGITS || chars[qtyStart] == '0') {
            return null;
        }
        int quantity = 0;
        for (int i = qtyStart; i < qtyEnd; i++) {
            quantity = quantity * 10 + (chars[i] - '0');
        }
        String unitPrice = amount(bytes, from, to, qtyEnd, UNIT_PRICE_FIELD);
        if (unitPrice == null) {
            return null;
        }
        boolean billable = startsWith(bytes, from + amountEnd, to, BILLABLE_TRUE);
        byte[] last = billable ? BILLABLE_TRUE : BILLABLE_FALSE;
        if (amountEnd + last.length != length || !startsWith(bytes, from + amountEnd, to, last)) {
            return null;
        }
        try {
            return new JournalRecord.JobPart(job, at, string(bytes, from, skuStart, skuEnd), hsn, quantity,
                    Money.parse(unitPrice, currency), billable);
        } catch (IllegalArgumentException | ArithmeticException refused) {
            return null; // the general parser reports it, worded as for any line
        }
    }

    /**
     * Reads {@code field} (the text up to the amount's opening quote, as {@link #AMOUNT_FIELD}), the amount and
     * {@code ,"currency":S}} from line index {@code start}: the amount's text, with its currency in {@link #currency}
     * and the index after the closing brace in {@link #amountEnd}; null when the text there has another shape or the
     * currency is not a constant's name.
     */
    private String amount(byte[] bytes, int from, int to, int start, byte[] field) {
        int length = to - from;
        if (!startsWith(bytes, from + start, to, field)) {
            return null;
        }
        int amountStart = start + field.length;
        int end = stringEnd(chars, amountStart, length);
        if (end < 0 || !startsWith(bytes, from + end + 1, to, CURRENCY_FIELD)) {
            return null;
        }
        int currencyStart = end + 1 + CURRENCY_FIELD.length;
        int currencyEnd = stringEnd(chars, currencyStart, length);
        if (currencyEnd < 0 || currencyEnd + 1 >= length || chars[currencyEnd + 1] != '}') {
            return null;
        }
        currency = constant(CURRENCIES, currencyStart, currencyEnd - currencyStart);
        amountEnd = currencyEnd + 2;
        return currency == null ? null : string(bytes, from, amountStart, end);
    }

    /** The characters of line indexes {@code [start, end)} (printable ASCII: see {@link PlainPingReader#stringEnd}). */
    private static String string(byte[] bytes, int from, int start, int end) {
        return new String(bytes, from + start, end - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads {@code "job":S,"at":S} from {@code prefixLength} (just after the job's opening quote) into {@link #job}
     * and {@link #at}, widening the line into {@link #chars}; true when both were read and {@code next} follows.
     */
    private boolean jobAndTime(byte[] bytes, int from, int to, int prefixLength, byte[] next) {
        int length = to - from;
        chars = widen(bytes, from, to, chars);
        int jobEnd = stringEnd(chars, prefixLength, length);
        if (jobEnd < 0 || !startsWith(bytes, from + jobEnd + 1, to, AT)) {
            return false;
        }
        job = jobs.get(chars, prefixLength, jobEnd - prefixLength);
        int atStart = jobEnd + 1 + AT.length;
        atEnd = stringEnd(chars, atStart, length);
        if (job == null || atEnd < 0 || !startsWith(bytes, from + atEnd + 1, to, next)) {
            return false;
        }
        at = times.parseCommon(chars, atStart, atEnd - atStart);
        return at != null;
    }

    /** The constant named by {@code chars[start, start + length)}, or null (the general parser words it). */
    private <E extends Enum<E>> E constant(E[] constants, int start, int length) {
        for (E candidate : constants) {
            String name = candidate.name();
            if (name.length() == length && CharKeyCache.same(name, chars, start)) {
                return candidate;
            }
        }
        return null;
    }
}
