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

import static io.github.geodispatch.journal.internal.PlainPingReader.ascii;
import static io.github.geodispatch.journal.internal.PlainPingReader.startsWith;
import static io.github.geodispatch.journal.internal.PlainPingReader.stringEnd;
import static io.github.geodispatch.journal.internal.PlainPingReader.widen;

/**
 * Reads the most frequent job lines of exactly the shape {@link io.github.geodispatch.journal.JournalWriter}
 * writes them, straight from their bytes, as {@link PlainPingReader} reads pings:
 * {@code {"type":"job.status","job":S,"at":S,"status":S}} (no reason, no evidence),
 * {@code {"type":"job.assigned","job":S,"at":S,"technician":S}} and
 * {@code {"type":"job.payment","job":S,"at":S,"mode":S,"amount":{"amount":S,"currency":S}}} followed by
 * {@code ,"reference":S} or not, then {@code }} (no promise, no approver), with no white space and strings of
 * printable ASCII with no escape. Half the lines of a journal without pings are status changes, a tenth payments.
 * Anything else, a status, mode or currency that is not a constant, an amount the money type refuses, a job or
 * technician not seen on an earlier line, or a time not of the common shape is not read here
 * ({@code null}): the line then goes to the general parser, which reads it to the same record or names what is
 * wrong. Not thread-safe: it shares the reading thread's id caches and times.
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

    PlainJobReader(CharKeyCache<JobId> jobs, CharKeyCache<TechnicianId> technicians, JournalTimes times) {
        this.jobs = jobs;
        this.technicians = technicians;
        this.times = times;
    }

    /** The status change, assignment or payment on bytes {@code [from, to)}, when the line has a shape above; else null. */
    JournalRecord.JobRecord read(byte[] bytes, int from, int to) {
        boolean status = startsWith(bytes, from, to, STATUS);
        if (!status && !startsWith(bytes, from, to, ASSIGNED)) {
            return startsWith(bytes, from, to, PAYMENT) ? payment(bytes, from, to) : null;
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
        if (modeEnd < 0 || !startsWith(bytes, from + modeEnd + 1, to, AMOUNT_FIELD)) {
            return null;
        }
        int amountStart = modeEnd + 1 + AMOUNT_FIELD.length;
        int amountEnd = stringEnd(chars, amountStart, length);
        if (amountEnd < 0 || !startsWith(bytes, from + amountEnd + 1, to, CURRENCY_FIELD)) {
            return null;
        }
        int currencyStart = amountEnd + 1 + CURRENCY_FIELD.length;
        int currencyEnd = stringEnd(chars, currencyStart, length);
        if (currencyEnd < 0 || currencyEnd + 2 >= length || chars[currencyEnd + 1] != '}') {
            return null;
        }
        String reference = null;
        int close = currencyEnd + 2;
        if (startsWith(bytes, from + close, to, REFERENCE_FIELD)) {
            int referenceStart = close + REFERENCE_FIELD.length;
            int referenceEnd = stringEnd(chars, referenceStart, length);
            if (referenceEnd < 0) {
                return null;
            }
            reference = new String(bytes, from + referenceStart, referenceEnd - referenceStart,
                    StandardCharsets.ISO_8859_1);
            close = referenceEnd + 1;
        }
        PaymentMode mode = constant(MODES, modeStart, modeEnd - modeStart);
        Currency currency = constant(CURRENCIES, currencyStart, currencyEnd - currencyStart);
        if (close != length - 1 || chars[close] != '}' || mode == null || currency == null) {
            return null;
        }
        try {
            Money amount = Money.parse(new String(bytes, from + amountStart, amountEnd - amountStart,
                    StandardCharsets.ISO_8859_1), currency);
            return new JournalRecord.JobPayment(job, at, mode, amount, reference, null, null);
        } catch (IllegalArgumentException | ArithmeticException refused) {
            return null; // the general parser reports it, worded as for any line
        }
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
