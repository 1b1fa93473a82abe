package io.github.geodispatch.journal.internal;
import io.github.geodispatch.journal.JournalProblem.Kind;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalSyntaxException;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.TechnicianId;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the tokens of one journal line into a {@link JournalRecord}: the fields of every type are read
 * into one flat holder (unknown fields are skipped, a field of the wrong JSON type is malformed), then the
 * record of the line's {@code type} is built from it (a missing or invalid value is invalid). Not
 * thread-safe: one instance per reading thread.
 */
public final class RecordParser {
    /** Ids repeat on almost every line: validated once, then reused (bounded, cleared when full). */
    private static final int ID_CACHE = 65_536;
    /** The record types, most frequent first: the type of a line is one of these instances, not a new string. */
    private static final String[] TYPES = {"ping", "job.status", "job.proof", "job.assigned", "job.created",
            "job.payment", "statement", "job.part", "job.invoice", "cash.deposit", "job.expense", "job.unassigned",
            "technician", "customer", "customer.registered", "customer.site", "customer.equipment", "contract.drafted",
            "contract.activated", "contract.cancelled", "contract.invoiced"};
    private final Map<String, JobId> jobIds = new HashMap<>();
    private final Map<String, TechnicianId> technicianIds = new HashMap<>();
    /** The same ids found by their characters, so a repeated id costs no string. */
    private final CharKeyCache<JobId> jobIdsByChars = new CharKeyCache<>();
    private final CharKeyCache<TechnicianId> technicianIdsByChars = new CharKeyCache<>();
    private final JournalTimes times = new JournalTimes();
    private final PlainPingReader plainPings = new PlainPingReader(technicianIdsByChars, times);
    private final PlainJobReader plainJobs = new PlainJobReader(jobIdsByChars, this::jobNamed,
            technicianIdsByChars, times);
    private final StockRecordParser stock = new StockRecordParser();
    private boolean stockRecord;

    /**
     * One bit per known field, for duplicate detection without Jackson's per-object hash set (a duplicate key is
     * malformed; unknown fields are skipped and not checked).
     */
    private static final Map<String, Integer> FIELD_BITS = Map.ofEntries(
            Map.entry("job", 0),
            Map.entry("at", 1),
            Map.entry("branch", 2),
            Map.entry("customer", 3),
            Map.entry("job_type", 4),
            Map.entry("technician", 5),
            Map.entry("status", 6),
            Map.entry("kind", 7),
            Map.entry("ref", 8),
            Map.entry("sku", 9),
            Map.entry("hsn", 10),
            Map.entry("mode", 11),
            Map.entry("reference", 12),
            Map.entry("invoice_no", 13),
            Map.entry("source", 14),
            Map.entry("tr", 15),
            Map.entry("ping_id", 16),
            Map.entry("id", 17),
            Map.entry("name", 18),
            Map.entry("address", 19),
            Map.entry("city", 20),
            Map.entry("pincode", 21),
            Map.entry("state_code", 22),
            Map.entry("gstin", 23),
            Map.entry("approved_by", 24),
            Map.entry("promised_on", 25),
            Map.entry("reason", 26),
            Map.entry("payer", 27),
            Map.entry("lat", 28),
            Map.entry("lng", 29),
            Map.entry("accuracy_m", 30),
            Map.entry("qty", 31),
            Map.entry("billable", 32),
            Map.entry("quote", 33),
            Map.entry("amount", 34),
            Map.entry("unit_price", 35),
            Map.entry("site", 36),
            Map.entry("coverage", 37),
            Map.entry("skills", 38),
            Map.entry("parts", 39),
            Map.entry("evidence", 40));
    private long seen;
    private final CustomerRecordParser customerFields = new CustomerRecordParser();

    // the holder, reset per line
    private JobId jobId;
    private TechnicianId technicianId;
    private OffsetDateTime atTime;
    private String job, at, branch, customer, jobType, technician, status, kind, ref, sku, hsn, mode, reference,
            invoiceNo, source, tr, pingId, id, name, address, city, pincode, stateCode, gstin, approvedBy,
            promisedOn, reason, payer, evidence;
    private double lat, lng, accuracy;
    private boolean hasLat, hasLng, hasAccuracy;
    private int qty;
    private boolean hasQty;
    private Boolean billable;
    private Money quote, amount, unitPrice;
    private double siteLat, siteLng, siteRadius;
    private boolean hasSite;
    private Coverage coverage;
    private List<String> skills, parts;

    /**
     * The ping on line bytes {@code [from, to)} when the line has the exact shape the journal writer gives pings
     * (see {@link PlainPingReader}), read without a JSON parser; null for any other line, which {@link #readObject}
     * then reads (to the same record, or naming what is wrong).
     */
    public JournalRecord.Ping plainPing(byte[] bytes, int from, int to) {
        return plainPings.read(bytes, from, to);
    }

    /**
     * The record on line bytes {@code [from, to)} when the line is a ping (see {@link #plainPing}), or a job creation,
     * status change, assignment, payment, invoice or part, or a stock transfer, of the exact shape the journal writer
     * gives them (see {@link PlainJobReader}), read without a JSON parser; null for any other line, which
     * {@link #readObject} then reads.
     */
    public JournalRecord plain(byte[] bytes, int from, int to) {
        JournalRecord ping = plainPings.read(bytes, from, to);
        return ping != null ? ping : plainJobs.read(bytes, from, to);
    }

    /** Parses the only value of {@code p}: one record object and nothing after it. */
    public JournalRecord parse(JsonParser p) throws IOException {
        String type = readObject(p, 0, false);
        if (p.nextToken() != null) {
            throw malformed("unexpected content after the record's closing brace");
        }
        return build(type);
    }

    /**
     * Reads the next record object of {@code p} into this holder and returns its type ({@code started}: its
     * opening brace is the current token already); {@link #build} then makes the record. With {@code line > 0}
     * the object must open and close on that line of {@code p}'s input (one record per line when several lines
     * share a parser).
     */
    public String readObject(JsonParser p, int line, boolean started) throws IOException {
        reset();
        if ((started ? p.currentToken() : p.nextToken()) != JsonToken.START_OBJECT) {
            throw malformed("a journal line must be one JSON object");
        }
        if (line > 0 && p.currentTokenLocation().getLineNr() != line) {
            throw malformed("a record must start on its own line");
        }
        if (p.nextToken() != JsonToken.FIELD_NAME || !"type".equals(p.currentName())) {
            throw malformed("'type' must be the first field");
        }
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw malformed("'type' must be a string");
        }
        String type = type(p);
        customerFields.startLine(type);
        stockRecord = stock.begin(type);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            field(field, p);
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed("unterminated object");
        }
        if (line > 0 && p.currentTokenLocation().getLineNr() != line) {
            throw malformed("a record must end on the line it starts");
        }
        return type;
    }

    /** Makes the record of {@code type} from the fields read; a missing or invalid value is INVALID. */
    public JournalRecord build(String type) {
        try {
            return record(type);
        } catch (DateTimeException | IllegalArgumentException e) {
            if (e instanceof JournalSyntaxException js) {
                throw js;
            }
            throw invalid(type + ": " + e.getMessage(), e);
        }
    }

    private void reset() {
        seen = 0;
        jobId = null;
        technicianId = null;
        atTime = null;
        job = at = branch = customer = jobType = technician = status = kind = ref = sku = hsn = mode = reference =
                invoiceNo = source = tr = pingId = id = name = address = city = pincode = stateCode = gstin =
                        approvedBy = promisedOn = reason = payer = evidence = null;
        hasLat = hasLng = hasAccuracy = hasQty = hasSite = false;
        billable = null;
        quote = amount = unitPrice = null;
        coverage = null;
        skills = parts = null;
    }

    private void field(String field, JsonParser p) throws IOException {
        if (stockRecord) {
            stock.field(field, p);
            return;
        }
        Integer bit = FIELD_BITS.get(field);
        if (bit != null) {
            seen = once(seen, bit, field);
        }
        switch (field) {
            case "job" -> {
                jobId = seen(p, jobIdsByChars);
                job = jobId == null ? string(p, field) : null;
            }
            case "at" -> at(p);
            case "branch" -> branch = string(p, field);
            case "customer" -> customer = string(p, field);
            case "job_type" -> jobType = string(p, field);
            case "technician" -> {
                technicianId = seen(p, technicianIdsByChars);
                technician = technicianId == null ? string(p, field) : null;
            }
            case "status" -> status = string(p, field);
            case "kind" -> kind = string(p, field);
            case "ref" -> ref = string(p, field);
            case "sku" -> sku = string(p, field);
            case "hsn" -> hsn = string(p, field);
            case "mode" -> mode = string(p, field);
            case "reference" -> reference = string(p, field);
            case "invoice_no" -> invoiceNo = string(p, field);
            case "source" -> source = string(p, field);
            case "tr" -> tr = string(p, field);
            case "ping_id" -> pingId = string(p, field);
            case "id" -> id = string(p, field);
            case "name" -> name = string(p, field);
            case "address" -> address = string(p, field);
            case "city" -> city = string(p, field);
            case "pincode" -> pincode = string(p, field);
            case "state_code" -> stateCode = string(p, field);
            case "gstin" -> gstin = string(p, field);
            case "approved_by" -> approvedBy = string(p, field);
            case "promised_on" -> promisedOn = string(p, field);
            case "reason" -> reason = string(p, field);
            case "payer" -> payer = string(p, field);
            case "evidence" -> evidence = string(p, field);
            case "lat" -> {
                lat = number(p, field);
                hasLat = true;
            }
            case "lng" -> {
                lng = number(p, field);
                hasLng = true;
            }
            case "accuracy_m" -> {
                accuracy = number(p, field);
                hasAccuracy = true;
            }
            case "qty" -> {
                if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                    throw malformed("field 'qty' must be an integer");
                }
                qty = p.getIntValue();
                hasQty = true;
            }
            case "billable" -> {
                JsonToken t = p.currentToken();
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    throw malformed("field 'billable' must be true or false");
                }
                billable = t == JsonToken.VALUE_TRUE;
            }
            case "quote" -> quote = money(p, field);
            case "amount" -> amount = money(p, field);
            case "unit_price" -> unitPrice = money(p, field);
            case "site" -> site(p);
            case "coverage" -> coverage = p.currentToken() == JsonToken.VALUE_NULL ? null : coverage(p);
            case "skills" -> skills = strings(p, field);
            case "parts" -> parts = strings(p, field);
            default -> customerFields.field(field, p);
        }
    }

    private JournalRecord record(String type) {
        if (stockRecord) {
            return stock.build(type);
        }
        return switch (type) {
            case "technician" -> new JournalRecord.Technician(new TechnicianId(required(id, "id")),
                    new BranchId(required(branch, "branch")), skills);
            case "customer" -> new JournalRecord.Customer(new CustomerId(required(id, "id")), name, address, city,
                    pincode, stateCode, gstin);
            case "job.created" -> {
                if (!hasSite) {
                    throw invalid("job.created: missing field 'site'", null);
                }
                yield new JournalRecord.JobCreated(jobId(), time(), new BranchId(required(branch, "branch")),
                        new CustomerId(required(customer, "customer")), required(jobType, "job_type"),
                        new GeoPoint(siteLat, siteLng), siteRadius, requiredMoney(quote, "quote"), coverage);
            }
            case "job.assigned" -> new JournalRecord.JobAssigned(jobId(), time(), technicianId());
            case "job.unassigned" -> new JournalRecord.JobUnassigned(jobId(), time(), technicianId(), reason);
            case "job.status" -> new JournalRecord.JobStatusChanged(jobId(), time(),
                    constant(JobStatus.class, required(status, "status"), "status"), reason, evidence);
            case "job.proof" -> new JournalRecord.JobProof(jobId(), time(),
                    constant(ProofKind.class, required(kind, "kind"), "proof kind"), required(ref, "ref"));
            case "job.part" -> {
                if (!hasQty) {
                    throw invalid("job.part: missing field 'qty'", null);
                }
                yield new JournalRecord.JobPart(jobId(), time(), required(sku, "sku"), hsn, qty,
                        requiredMoney(unitPrice, "unit_price"), requiredBillable());
            }
            case "job.expense" -> new JournalRecord.JobExpense(jobId(), time(), required(kind, "kind"),
                    requiredMoney(amount, "amount"), requiredBillable());
            case "job.payment" -> new JournalRecord.JobPayment(jobId(), time(),
                    constant(PaymentMode.class, required(mode, "mode"), "payment mode"), requiredMoney(amount, "amount"),
                    reference, promisedOn == null ? null : JournalTimes.date(promisedOn, "promised_on"), approvedBy);
            case "job.invoice" -> new JournalRecord.JobInvoice(jobId(), time(), required(invoiceNo, "invoice_no"),
                    requiredMoney(amount, "amount"), parts);
            case "statement" -> new JournalRecord.Statement(time(), required(source, "source"),
                    required(reference, "reference"), requiredMoney(amount, "amount"), tr, payer);
            case "cash.deposit" -> new JournalRecord.CashDeposit(time(), technicianId(), requiredMoney(amount, "amount"),
                    reference);
            case "ping" -> {
                if (!hasLat || !hasLng) {
                    throw invalid("ping: missing field '" + (hasLat ? "lng" : "lat") + "'", null);
                }
                yield new JournalRecord.Ping(required(pingId, "ping_id"), technicianId(), time(), lat, lng,
                        hasAccuracy ? accuracy : 0.0);
            }
            default -> customerFields.record(type, this::time, customer, branch, name, address, gstin, stateCode, reason);
        };
    }

    /** The line's type: one of {@link #TYPES} when it is known, else the text as it is. */
    private static String type(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        for (String known : TYPES) {
            if (known.length() == length && CharKeyCache.same(known, chars, offset)) {
                return known;
            }
        }
        return p.getText();
    }

    /** The id a string value names when its characters were seen before (no string is made); else null. */
    private static <T> T seen(JsonParser p, CharKeyCache<T> cache) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING
                ? cache.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
    }

    /** A time of the common shape is decoded from the parser's characters; any other is kept as text for later. */
    private void at(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            atTime = times.parseCommon(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (atTime != null) {
                return;
            }
        }
        at = string(p, "at");
    }

    private JobId jobId() {
        return jobId != null ? jobId : jobNamed(required(job, "job"));
    }

    /** The id of the job named {@code value}, made (and kept for the lines after) when it is new. */
    private JobId jobNamed(String value) {
        JobId id = jobIds.get(value);
        if (id == null) {
            id = new JobId(value);
            if (jobIds.size() >= ID_CACHE) {
                jobIds.clear();
                jobIdsByChars.clear();
            }
            jobIds.put(value, id);
            jobIdsByChars.put(value, id);
        }
        return id;
    }

    private TechnicianId technicianId() {
        if (technicianId != null) {
            return technicianId;
        }
        String value = required(technician, "technician");
        TechnicianId id = technicianIds.get(value);
        if (id == null) {
            id = new TechnicianId(value);
            if (technicianIds.size() >= ID_CACHE) {
                technicianIds.clear();
                technicianIdsByChars.clear();
            }
            technicianIds.put(value, id);
            technicianIdsByChars.put(value, id);
        }
        return id;
    }

    private OffsetDateTime time() {
        return atTime != null ? atTime : JournalTimes.parse(required(at, "at"), "at");
    }

    private boolean requiredBillable() {
        if (billable == null) {
            throw new IllegalArgumentException("missing field 'billable'");
        }
        return billable;
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    private static Money requiredMoney(Money value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    static <E extends Enum<E>> E constant(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + value + "', expected one of "
                    + Arrays.toString(type.getEnumConstants()), e);
        }
    }

    private void site(JsonParser p) throws IOException {
        expectObject(p, "site");
        boolean la = false, ln = false, r = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "lat" -> {
                    unseen(la, "site.lat");
                    la = true;
                    siteLat = number(p, "site.lat");
                }
                case "lng" -> {
                    unseen(ln, "site.lng");
                    ln = true;
                    siteLng = number(p, "site.lng");
                }
                case "radius_m" -> {
                    unseen(r, "site.radius_m");
                    r = true;
                    siteRadius = number(p, "site.radius_m");
                }
                default -> p.skipChildren();
            }
        }
        if (!la || !ln || !r) {
            throw invalid("site needs lat, lng and radius_m", null);
        }
        hasSite = true;
    }

    private Coverage coverage(JsonParser p) throws IOException {
        expectObject(p, "coverage");
        String k = null, r = null, until = null;
        List<String> types = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "kind" -> k = string(p, unseen(k != null, "coverage.kind"));
                case "ref" -> r = string(p, unseen(r != null, "coverage.ref"));
                case "valid_until" -> until = string(p, unseen(until != null, "coverage.valid_until"));
                case "job_types" -> types = strings(p, unseen(types != null, "coverage.job_types"));
                default -> p.skipChildren();
            }
        }
        try {
            return new Coverage(constant(CoverageKind.class, required(k, "coverage.kind"), "coverage kind"),
                    required(r, "coverage.ref"), JournalTimes.date(required(until, "coverage.valid_until"), "coverage.valid_until"), types);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw invalid("coverage: " + e.getMessage(), e);
        }
    }

    static Money money(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(p, field);
        String value = null, currency = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "amount" -> {
                    unseen(value != null, field + ".amount");
                    if (t != JsonToken.VALUE_STRING) {
                        throw malformed("'" + field + ".amount' must be a decimal string such as \"1499.00\"");
                    }
                    value = p.getText();
                }
                case "currency" -> currency = string(p, unseen(currency != null, field + ".currency"));
                default -> p.skipChildren();
            }
        }
        if (value == null || currency == null) {
            throw invalid("'" + field + "' needs amount and currency", null);
        }
        try {
            return Money.parse(value, Currency.parse(currency));
        } catch (IllegalArgumentException e) {
            throw invalid("'" + field + "': " + e.getMessage(), e);
        }
    }

    /** Returns {@code field}, or throws when a nested field of that name was already seen in the object. */
    private static String unseen(boolean seenBefore, String field) {
        if (seenBefore) {
            throw malformed("duplicate field '" + field + "'");
        }
        return field;
    }

    private static void expectObject(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw malformed("field '" + field + "' must be an object");
        }
    }

    static String string(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return text(p.getText(), field);
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw malformed("field '" + field + "' must be a string");
    }

    /**
     * {@code value} when it is text: a JSON escape can name half of a UTF-16 surrogate pair ({@code "\\ud800"}),
     * which no UTF-8 file can hold and no output can write, so a string with one is malformed, as bytes that are not
     * UTF-8 are.
     */
    static String text(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw malformed(String.format(Locale.ROOT, "field '%s' holds \\u%04x, half of a UTF-16 surrogate pair"
                        + " without its other half: not text", field, (int) c));
            }
        }
        return value;
    }

    static double number(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw malformed("field '" + field + "' must be a number");
        }
        return p.getDoubleValue();
    }

    static List<String> strings(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw malformed("field '" + field + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            out.add(text(p.getText(), field));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw malformed("field '" + field + "' must be an array of strings");
        }
        return out;
    }

    private static long once(long seen, int bit, String field) {
        long mask = 1L << bit;
        if ((seen & mask) != 0) {
            throw malformed("duplicate field '" + field + "'");
        }
        return seen | mask;
    }

    public static JournalSyntaxException malformed(String message) {
        return new JournalSyntaxException(Kind.MALFORMED, message, null);
    }

    static JournalSyntaxException invalid(String message, Throwable cause) {
        return new JournalSyntaxException(Kind.INVALID, message, cause);
    }
}
