package io.github.geodispatch.journal.internal;

import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.StockRecords;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.TechnicianId;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.github.geodispatch.journal.internal.PlainPingReader.ascii;
import static io.github.geodispatch.journal.internal.PlainPingReader.numberEnd;
import static io.github.geodispatch.journal.internal.PlainPingReader.numberValue;
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
 * {@code {"type":"job.created","job":S,"at":S,"branch":S,"customer":S,"job_type":S,"site":{"lat":D,"lng":D,
 * "radius_m":D},"quote":{"amount":S,"currency":S}}} (no coverage; D a JSON number, read as the general parser reads
 * it), and, though not a job line, {@code {"type":"stock.transfer","at":S,"from":S,"to":S,"sku":S,"qty":N}} followed
 * by {@code ,"serials":[S,...]} or not, then {@code }}; with no white space and strings of printable ASCII with no
 * escape. Of a journal without pings, about 44% of the lines are status changes, 11% each creations, assignments,
 * payments and invoices, 6% parts, 4% stock transfers. Anything else, a status, mode or currency that is not a
 * constant, a value the record refuses, a job or technician not seen on an earlier line (but for the job a creation
 * names), or a time not of the common shape is not read here ({@code null}): the line then goes to the general
 * parser, which reads it to the same record or names what is wrong. Not thread-safe: it shares the reading thread's
 * id caches and times.
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
    private static final byte[] CREATED = ascii("{\"type\":\"job.created\",\"job\":\"");
    private static final byte[] BRANCH_FIELD = ascii(",\"branch\":\"");
    private static final byte[] CUSTOMER_FIELD = ascii(",\"customer\":\"");
    private static final byte[] JOB_TYPE_FIELD = ascii(",\"job_type\":\"");
    private static final byte[] SITE_LAT_FIELD = ascii(",\"site\":{\"lat\":");
    private static final byte[] LNG_FIELD = ascii(",\"lng\":");
    private static final byte[] RADIUS_FIELD = ascii(",\"radius_m\":");
    private static final byte[] QUOTE_FIELD = ascii("},\"quote\":{\"amount\":\"");
    private static final byte[] TRANSFER = ascii("{\"type\":\"stock.transfer\",\"at\":\"");
    private static final byte[] FROM_FIELD = ascii(",\"from\":\"");
    private static final byte[] TO_FIELD = ascii(",\"to\":\"");
    private static final byte[] SERIALS_FIELD = ascii(",\"serials\":[");
    /** Longer quantities go to the general parser (it reads them as {@code int} or refuses them). */
    private static final int MAX_QTY_DIGITS = 9;
    private static final JobStatus[] STATUSES = JobStatus.values();
    private static final PaymentMode[] MODES = PaymentMode.values();
    private static final Currency[] CURRENCIES = Currency.values();

    private final CharKeyCache<JobId> jobs;
    /** Makes (and keeps in {@link #jobs}) the id of a job a creation names for the first time. */
    private final Function<String, JobId> newJob;
    private final CharKeyCache<TechnicianId> technicians;
    /** Stock locations by their characters: a few dozen, named on every transfer. */
    private final CharKeyCache<LocationId> locations = new CharKeyCache<>();
    /** Branches by their characters: a handful, named by every creation (and kept by every job's state). */
    private final CharKeyCache<BranchId> branches = new CharKeyCache<>();
    /** Job types, SKUs and HSN codes: small vocabularies, one string each instead of one per line. */
    private final CharKeyCache<String> names = new CharKeyCache<>();
    private final JournalTimes times;
    /** The line's bytes as characters, for the id caches and the time decoder. */
    private char[] chars = new char[256];
    /** The job and time {@link #jobAndTime} read, and the index of the time's closing quote. */
    private JobId job;
    private OffsetDateTime at;
    private int atEnd;
    /** Where the job id {@link #jobAndTime} read ends (its closing quote). */
    private int jobEnd;
    /** The index just after what {@link #number}, {@link #quantity} or {@link #strings} read. */
    private int end;
    /** The currency {@link #amount} read, and the index just after the amount object's closing brace. */
    private Currency currency;
    private int amountEnd;

    PlainJobReader(CharKeyCache<JobId> jobs, Function<String, JobId> newJob, CharKeyCache<TechnicianId> technicians,
            JournalTimes times) {
        this.jobs = jobs;
        this.newJob = newJob;
        this.technicians = technicians;
        this.times = times;
    }

    /** The job line or stock transfer on bytes {@code [from, to)} when it has one of the shapes above; else null. */
    JournalRecord read(byte[] bytes, int from, int to) {
        if (startsWith(bytes, from, to, TRANSFER)) {
            return transfer(bytes, from, to);
        }
        boolean status = startsWith(bytes, from, to, STATUS);
        if (!status && !startsWith(bytes, from, to, ASSIGNED)) {
            if (startsWith(bytes, from, to, PAYMENT)) {
                return payment(bytes, from, to);
            }
            if (startsWith(bytes, from, to, INVOICE)) {
                return invoice(bytes, from, to);
            }
            if (startsWith(bytes, from, to, CREATED)) {
                return created(bytes, from, to);
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
        List<String> parts = strings(bytes, from, amountEnd + PARTS_FIELD.length, length);
        if (parts == null || end != length - 1 || chars[end] != '}') {
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
            hsn = name(bytes, from, hsnStart, hsnEnd);
            next = hsnEnd + 1;
        }
        if (!startsWith(bytes, from + next, to, QTY_FIELD)) {
            return null;
        }
        int quantity = quantity(next + QTY_FIELD.length, length);
        String unitPrice = quantity < 0 ? null : amount(bytes, from, to, end, UNIT_PRICE_FIELD);
        if (unitPrice == null) {
            return null;
        }
        boolean billable = startsWith(bytes, from + amountEnd, to, BILLABLE_TRUE);
        byte[] last = billable ? BILLABLE_TRUE : BILLABLE_FALSE;
        if (amountEnd + last.length != length || !startsWith(bytes, from + amountEnd, to, last)) {
            return null;
        }
        try {
            return new JournalRecord.JobPart(job, at, name(bytes, from, skuStart, skuEnd), hsn, quantity,
                    Money.parse(unitPrice, currency), billable);
        } catch (IllegalArgumentException | ArithmeticException refused) {
            return null; // the general parser reports it, worded as for any line
        }
    }

    private JournalRecord.JobCreated created(byte[] bytes, int from, int to) {
        int length = to - from;
        if (!jobAndTime(bytes, from, to, CREATED.length, BRANCH_FIELD, true)) {
            return null;
        }
        int branchStart = atEnd + 1 + BRANCH_FIELD.length;
        int branchEnd = stringThen(bytes, from, to, branchStart, CUSTOMER_FIELD);
        if (branchEnd < 0) {
            return null;
        }
        int customerStart = branchEnd + 1 + CUSTOMER_FIELD.length;
        int customerEnd = stringThen(bytes, from, to, customerStart, JOB_TYPE_FIELD);
        if (customerEnd < 0) {
            return null;
        }
        int jobTypeStart = customerEnd + 1 + JOB_TYPE_FIELD.length;
        int jobTypeEnd = stringThen(bytes, from, to, jobTypeStart, SITE_LAT_FIELD);
        if (jobTypeEnd < 0) {
            return null;
        }
        double lat = number(jobTypeEnd + 1 + SITE_LAT_FIELD.length, length);
        double lng = Double.isNaN(lat) || !startsWith(bytes, from + end, to, LNG_FIELD) ? Double.NaN
                : number(end + LNG_FIELD.length, length);
        double radius = Double.isNaN(lng) || !startsWith(bytes, from + end, to, RADIUS_FIELD) ? Double.NaN
                : number(end + RADIUS_FIELD.length, length);
        String quote = Double.isNaN(radius) ? null : amount(bytes, from, to, end, QUOTE_FIELD);
        if (quote == null || amountEnd != length - 1 || chars[amountEnd] != '}') {
            return null;
        }
        try {
            JobId id = job != null ? job : newJob.apply(string(bytes, from, CREATED.length, jobEnd));
            return new JournalRecord.JobCreated(id, at,
                    cached(branches, BranchId::new, bytes, from, branchStart, branchEnd),
                    new CustomerId(string(bytes, from, customerStart, customerEnd)),
                    name(bytes, from, jobTypeStart, jobTypeEnd), new GeoPoint(lat, lng), radius,
                    Money.parse(quote, currency), null);
        } catch (IllegalArgumentException | ArithmeticException refused) {
            return null; // the general parser reports it, worded as for any line
        }
    }

    private StockRecords.Transfer transfer(byte[] bytes, int from, int to) {
        int length = to - from;
        chars = widen(bytes, from, to, chars);
        int atStart = TRANSFER.length;
        atEnd = stringThen(bytes, from, to, atStart, FROM_FIELD);
        if (atEnd < 0) {
            return null;
        }
        int fromStart = atEnd + 1 + FROM_FIELD.length;
        int fromEnd = stringThen(bytes, from, to, fromStart, TO_FIELD);
        if (fromEnd < 0) {
            return null;
        }
        int toStart = fromEnd + 1 + TO_FIELD.length;
        int toEnd = stringThen(bytes, from, to, toStart, SKU_FIELD);
        if (toEnd < 0) {
            return null;
        }
        int skuStart = toEnd + 1 + SKU_FIELD.length;
        int skuEnd = stringThen(bytes, from, to, skuStart, QTY_FIELD);
        int quantity = skuEnd < 0 ? -1 : quantity(skuEnd + 1 + QTY_FIELD.length, length);
        if (quantity < 0) {
            return null;
        }
        List<String> serials = List.of();
        if (startsWith(bytes, from + end, to, SERIALS_FIELD)) {
            serials = strings(bytes, from, end + SERIALS_FIELD.length, length);
            if (serials == null) {
                return null;
            }
        }
        OffsetDateTime time = end == length - 1 && chars[end] == '}'
                ? times.parseCommon(chars, atStart, atEnd - atStart) : null;
        if (time == null) {
            return null;
        }
        try {
            return new StockRecords.Transfer(time, location(bytes, from, fromStart, fromEnd),
                    location(bytes, from, toStart, toEnd), name(bytes, from, skuStart, skuEnd), quantity, serials);
        } catch (IllegalArgumentException refused) {
            return null; // the general parser reports it, worded as for any line
        }
    }

    /** The location named by line indexes {@code [start, end)}, kept for the next line that names it. */
    private LocationId location(byte[] bytes, int from, int start, int end) {
        return cached(locations, LocationId::new, bytes, from, start, end);
    }

    /** The value {@code make} gives the characters of line indexes {@code [start, end)}, kept in {@code cache}. */
    private <V> V cached(CharKeyCache<V> cache, Function<String, V> make, byte[] bytes, int from, int start, int end) {
        V value = cache.get(chars, start, end - start);
        if (value == null) {
            String name = string(bytes, from, start, end);
            value = make.apply(name);
            cache.put(name, value);
        }
        return value;
    }

    /** The characters of line indexes {@code [start, end)} as the string kept for them in {@link #names}. */
    private String name(byte[] bytes, int from, int start, int end) {
        return cached(names, Function.identity(), bytes, from, start, end);
    }

    /** The JSON number from line index {@code start} as the general parser reads it, with {@link #end} after it; else NaN. */
    private double number(int start, int length) {
        end = numberEnd(chars, start, length);
        return end < 0 ? Double.NaN : numberValue(chars, start, end);
    }

    /**
     * The quantity from line index {@code start}: 1 to {@value #MAX_QTY_DIGITS} digits with no leading zero, with
     * {@link #end} after it; -1 for anything else.
     */
    private int quantity(int start, int length) {
        end = start;
        while (end < length && chars[end] >= '0' && chars[end] <= '9') {
            end++;
        }
        if (end == start || end - start > MAX_QTY_DIGITS || chars[start] == '0') {
            return -1;
        }
        int quantity = 0;
        for (int i = start; i < end; i++) {
            quantity = quantity * 10 + (chars[i] - '0');
        }
        return quantity;
    }

    /**
     * The strings of the JSON array whose elements start at line index {@code start} (just after its {@code [}), with
     * {@link #end} after its {@code ]}; null when the text there is not such an array of plain strings.
     */
    private List<String> strings(byte[] bytes, int from, int start, int length) {
        List<String> values = new ArrayList<>();
        int next = start;
        if (next < length && chars[next] == '"') {
            while (true) {
                int valueEnd = stringEnd(chars, next + 1, length);
                if (valueEnd < 0 || valueEnd + 1 >= length) {
                    return null;
                }
                values.add(string(bytes, from, next + 1, valueEnd));
                next = valueEnd + 1;
                if (chars[next] != ',') {
                    break;
                }
                next++;
                if (next >= length || chars[next] != '"') {
                    return null;
                }
            }
        }
        if (next >= length || chars[next] != ']') {
            return null;
        }
        end = next + 1;
        return values;
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
        int end = stringThen(bytes, from, to, amountStart, CURRENCY_FIELD);
        if (end < 0) {
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

    /**
     * The index of the closing quote of the string value that starts at line index {@code start}, when {@code next}
     * (a field's name) follows it; -1 when the value has another shape or another field follows.
     */
    private int stringThen(byte[] bytes, int from, int to, int start, byte[] next) {
        int end = stringEnd(chars, start, to - from);
        return end >= 0 && startsWith(bytes, from + end + 1, to, next) ? end : -1;
    }

    /** The characters of line indexes {@code [start, end)} (printable ASCII: see {@link PlainPingReader#stringEnd}). */
    private static String string(byte[] bytes, int from, int start, int end) {
        return new String(bytes, from + start, end - start, StandardCharsets.ISO_8859_1);
    }

    private boolean jobAndTime(byte[] bytes, int from, int to, int prefixLength, byte[] next) {
        return jobAndTime(bytes, from, to, prefixLength, next, false);
    }

    /**
     * Reads {@code "job":S,"at":S} from {@code prefixLength} (just after the job's opening quote) into {@link #job}
     * and {@link #at}, widening the line into {@link #chars}; true when both were read and {@code next} follows.
     * With {@code created}, a job not seen before leaves {@link #job} null (its id ends at {@link #jobEnd}).
     */
    private boolean jobAndTime(byte[] bytes, int from, int to, int prefixLength, byte[] next, boolean created) {
        chars = widen(bytes, from, to, chars);
        jobEnd = stringThen(bytes, from, to, prefixLength, AT);
        if (jobEnd < 0) {
            return false;
        }
        job = jobs.get(chars, prefixLength, jobEnd - prefixLength);
        int atStart = jobEnd + 1 + AT.length;
        atEnd = stringThen(bytes, from, to, atStart, next);
        if ((job == null && !created) || atEnd < 0) {
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
