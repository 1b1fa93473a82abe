package io.github.geodispatch.spi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The canonical byte encoding of a job event, {@link ChainFormat#CANONICAL_V2 format 2}: what the event's
 * {@link HashChain} hash is the SHA-256 of. One event has exactly one encoding, and two different events never
 * share one. {@code docs/hash-chain.md} specifies it for implementers in other languages; in short:
 * <pre>
 * event  := u8 format (2) | u8 type | 32 bytes previous hash | i64 version | field*
 * field  := u8 tag | u32 length | value        (tags strictly ascending; a null component is left out)
 * value  := string: UTF-8 | i32, i64: big-endian | f64: IEEE 754 bits, big-endian | bool: 00 or 01
 *         | uuid: 16 bytes | instant: i64 epoch second, i32 nanosecond | date: i64 epoch day
 *         | enum: its name in UTF-8 | record: field* | list: u32 count, then (u32 length | value) per item
 * </pre>
 * Header fields have tags 1-15, an event type's own fields tags 16 and up; a component added later gets a new
 * tag, so events written before it keep their bytes. {@link #decode} is strict: it accepts exactly the bytes
 * {@link #encode} writes. Stateless and thread-safe.
 */
public final class CanonicalEncoding {
    /** The format byte, {@link ChainFormat#CANONICAL_V2}'s number. */
    public static final int FORMAT = 2;
    /** Bytes before the first field: format, type, previous hash, version. */
    public static final int PREFIX_LENGTH = 1 + 1 + 32 + 8;

    // header tags
    private static final int EVENT_ID = 1, TENANT = 2, JOB = 3, OCCURRED_AT = 4, ACTOR = 5, ORIGIN = 6;
    /** The first tag of an event type's own fields. */
    private static final int BODY = 16;

    private CanonicalEncoding() {}

    /** The event type's number in byte 1 of the encoding. */
    static int typeOf(JobEvent event) {
        if (event instanceof JobEvent.JobCreated) {
            return 1;
        } else if (event instanceof JobEvent.JobAssigned) {
            return 2;
        } else if (event instanceof JobEvent.JobUnassigned) {
            return 3;
        } else if (event instanceof JobEvent.StatusChanged) {
            return 4;
        } else if (event instanceof JobEvent.ProofAdded) {
            return 5;
        } else if (event instanceof JobEvent.PartUsed) {
            return 6;
        } else if (event instanceof JobEvent.ExpenseAdded) {
            return 7;
        } else if (event instanceof JobEvent.PaymentRecorded) {
            return 8;
        } else if (event instanceof JobEvent.InvoiceHandedOff) {
            return 9;
        } else if (event instanceof JobEvent.MessageStatusChanged) {
            return 10;
        } else if (event instanceof JobEvent.OtpIssued) {
            return 11;
        } else if (event instanceof JobEvent.OtpAttemptFailed) {
            return 12;
        } else if (event instanceof JobEvent.PaymentRequested) {
            return 13;
        } else if (event instanceof JobEvent.PaymentCallbackReceived) {
            return 14;
        } else if (event instanceof JobEvent.FeedbackRecorded) {
            return 15;
        }
        throw new IllegalStateException("unknown event type " + event.getClass().getName());
    }

    /**
     * The event's canonical bytes. Throws {@link IllegalArgumentException} for an event in format 1 (it has no
     * canonical bytes; re-chain it first) and for text that is not valid Unicode (an unpaired surrogate), naming
     * the field.
     */
    public static byte[] encode(JobEvent event) {
        EventHeader h = event.header();
        if (h.format() != ChainFormat.CANONICAL_V2) {
            throw new IllegalArgumentException("event " + h.eventId() + " is in format " + h.format().number()
                    + " and has no canonical encoding; re-chain it to format " + FORMAT + " first");
        }
        CanonicalWriter w = new CanonicalWriter().prefix(FORMAT, typeOf(event), h.previousHash(), h.version())
                .uuid(EVENT_ID, h.eventId()).string(TENANT, h.tenant().value()).string(JOB, h.job().value())
                .instant(OCCURRED_AT, h.occurredAt()).actor(ACTOR, h.actor());
        DeviceOrigin o = h.origin();
        if (o != null) {
            w.begin(ORIGIN).string(1, o.idempotencyKey()).instant(2, o.deviceTime()).instant(3, o.receivedAt()).end();
        }
        body(event, w);
        return w.toBytes();
    }

    /** The body fields of each type, tags from {@link #BODY} on, in component order. */
    private static void body(JobEvent event, CanonicalWriter w) {
        if (event instanceof JobEvent.JobCreated e) {
            w.string(16, e.branch().value()).string(17, e.customer().value());
            Site site = e.site();
            w.begin(18).string(1, site.id().value())
                    .begin(2).f64(1, site.location().lat()).f64(2, site.location().lng()).end()
                    .f64(3, site.radiusMetres()).string(4, site.address()).end();
            w.string(19, e.issue()).string(20, e.jobType())
                    .records(21, e.requiredSkills(), (skills, s) -> skills.string(1, s.skill()).i32(2, s.minLevel()))
                    .string(22, e.priority().name());
            if (e.window() != null) {
                w.begin(23).instant(1, e.window().from()).instant(2, e.window().to()).end();
            }
            w.instant(24, e.slaDeadline()).i32(25, e.estimatedMinutes()).money(26, e.quote());
            Coverage c = e.coverage();
            if (c != null) {
                w.begin(27).string(1, c.kind().name()).string(2, c.reference()).date(3, c.validUntil())
                        .strings(4, c.jobTypes()).end();
            }
            w.string(28, e.preferredTechnician() == null ? null : e.preferredTechnician().value());
        } else if (event instanceof JobEvent.JobAssigned e) {
            w.string(16, e.technician().value()).string(17, e.overrideReason());
        } else if (event instanceof JobEvent.JobUnassigned e) {
            w.string(16, e.technician().value()).string(17, e.reason());
        } else if (event instanceof JobEvent.StatusChanged e) {
            w.string(16, e.status().name()).string(17, e.reason()).string(18, e.evidence());
            if (e.slot() != null) {
                w.begin(19).string(1, e.slot().technician().value())
                        .instant(2, e.slot().window().from()).instant(3, e.slot().window().to()).end();
            }
        } else if (event instanceof JobEvent.ProofAdded e) {
            w.string(16, e.kind().name()).string(17, e.label()).string(18, e.reference()).string(19, e.sha256());
        } else if (event instanceof JobEvent.PartUsed e) {
            w.string(16, e.sku()).string(17, e.hsn()).i32(18, e.quantity()).money(19, e.unitPrice())
                    .bool(20, e.billable());
        } else if (event instanceof JobEvent.ExpenseAdded e) {
            w.string(16, e.kind()).money(17, e.amount()).bool(18, e.billable());
        } else if (event instanceof JobEvent.PaymentRecorded e) {
            w.string(16, e.mode().name()).money(17, e.amount()).string(18, e.reference()).date(19, e.promisedOn())
                    .string(20, e.approvedBy());
        } else if (event instanceof JobEvent.InvoiceHandedOff e) {
            w.string(16, e.invoiceNumber()).money(17, e.total()).strings(18, e.partSkus());
        } else if (event instanceof JobEvent.MessageStatusChanged e) {
            w.string(16, e.message()).string(17, e.template()).string(18, e.recipient()).string(19, e.channel().name())
                    .string(20, e.status().name()).string(21, e.providerReference()).string(22, e.detail());
        } else if (event instanceof JobEvent.OtpIssued e) {
            w.string(16, e.salt()).string(17, e.codeHash()).instant(18, e.expiresAt()).i32(19, e.maxAttempts());
        } else if (event instanceof JobEvent.OtpAttemptFailed e) {
            w.uuid(16, e.otp());
        } else if (event instanceof JobEvent.PaymentRequested e) {
            w.string(16, e.mode().name()).money(17, e.amount()).string(18, e.reference()).string(19, e.payer())
                    .string(20, e.link());
        } else if (event instanceof JobEvent.PaymentCallbackReceived e) {
            w.string(16, e.reference()).bool(17, e.paid()).string(18, e.resultCode()).string(19, e.resultDescription())
                    .string(20, e.receipt());
            if (e.amount() != null) {
                w.money(21, e.amount());
            }
        } else if (event instanceof JobEvent.FeedbackRecorded e) {
            w.i32(16, e.rating()).string(17, e.comment());
        } else {
            throw new IllegalStateException("unknown event type " + event.getClass().getName());
        }
    }

    /** UTF-8 of well-formed text; an unpaired surrogate (text no other language can hold) is refused. */
    static byte[] utf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("text has an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase() + ") at index " + i + ": it is not valid Unicode");
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------- decoding

    /**
     * The event whose canonical bytes are {@code bytes}. Anything else (another format, an unknown type or tag,
     * a field out of order, a length that overruns, trailing bytes, a value an event cannot hold, or bytes that
     * decode but are not how that event is encoded) is an {@link IllegalArgumentException} saying what and where.
     */
    public static JobEvent decode(byte[] bytes) {
        if (bytes.length < PREFIX_LENGTH) {
            throw new IllegalArgumentException("a canonical event has at least " + PREFIX_LENGTH + " bytes, this has "
                    + bytes.length);
        }
        if ((bytes[0] & 0xff) != FORMAT) {
            throw new IllegalArgumentException("byte 0 must be format " + FORMAT + ", was " + (bytes[0] & 0xff));
        }
        int type = bytes[1] & 0xff;
        String previousHash = HexFormat.of().formatHex(bytes, 2, 34);
        long version = ByteBuffer.wrap(bytes, 34, 8).getLong();
        Parsed f = Parsed.of(bytes, PREFIX_LENGTH, bytes.length, "event");
        TenantId tenant = new TenantId(f.string(TENANT));
        Parsed actorFields = f.record(ACTOR);
        Actor actor = new Actor(actorFields.string(1), Role.valueOf(actorFields.string(2)), tenant,
                actorFields.has(3) ? new BranchId(actorFields.string(3)) : null);
        actorFields.requireOnly(1, 2, 3);
        DeviceOrigin origin = null;
        if (f.has(ORIGIN)) {
            Parsed o = f.record(ORIGIN);
            origin = new DeviceOrigin(o.string(1), o.instant(2), o.instant(3));
            o.requireOnly(1, 2, 3);
        }
        EventHeader header = new EventHeader(f.uuid(EVENT_ID), StreamId.of(tenant, new JobId(f.string(JOB))), version,
                f.instant(OCCURRED_AT), actor, previousHash, ChainFormat.CANONICAL_V2, origin);
        JobEvent event = body(type, header, f);
        if (!Arrays.equals(encode(event), bytes)) {
            throw new IllegalArgumentException("the bytes decode to event " + header.eventId()
                    + " but are not its canonical encoding (a value written in a form the encoder never writes)");
        }
        return event;
    }

    private static JobEvent body(int type, EventHeader h, Parsed f) {
        switch (type) {
            case 1 -> {
                f.requireOnly(header(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28));
                Parsed s = f.record(18);
                Parsed at = s.record(2);
                at.requireOnly(1, 2);
                s.requireOnly(1, 2, 3, 4);
                Site site = new Site(new SiteId(s.string(1)), new GeoPoint(at.f64(1), at.f64(2)), s.f64(3), s.string(4));
                List<SkillRequirement> skills = f.list(21, p -> {
                    p.requireOnly(1, 2);
                    return new SkillRequirement(p.string(1), p.i32(2));
                });
                TimeWindow window = null;
                if (f.has(23)) {
                    Parsed w = f.record(23);
                    w.requireOnly(1, 2);
                    window = new TimeWindow(w.instant(1), w.instant(2));
                }
                Coverage coverage = null;
                if (f.has(27)) {
                    Parsed c = f.record(27);
                    c.requireOnly(1, 2, 3, 4);
                    coverage = new Coverage(CoverageKind.valueOf(c.string(1)), c.string(2), c.date(3), c.strings(4));
                }
                return new JobEvent.JobCreated(h, new BranchId(f.string(16)), new CustomerId(f.string(17)), site,
                        f.string(19), f.string(20), skills, Priority.valueOf(f.string(22)), window,
                        f.has(24) ? f.instant(24) : null, f.i32(25), f.money(26), coverage,
                        f.has(28) ? new TechnicianId(f.string(28)) : null);
            }
            case 2 -> {
                f.requireOnly(header(16, 17));
                return new JobEvent.JobAssigned(h, new TechnicianId(f.string(16)), f.optString(17));
            }
            case 3 -> {
                f.requireOnly(header(16, 17));
                return new JobEvent.JobUnassigned(h, new TechnicianId(f.string(16)), f.string(17));
            }
            case 4 -> {
                f.requireOnly(header(16, 17, 18, 19));
                VisitSlot slot = null;
                if (f.has(19)) {
                    Parsed v = f.record(19);
                    v.requireOnly(1, 2, 3);
                    slot = new VisitSlot(new TechnicianId(v.string(1)), new TimeWindow(v.instant(2), v.instant(3)));
                }
                return new JobEvent.StatusChanged(h, JobStatus.valueOf(f.string(16)), f.string(17), f.optString(18),
                        slot);
            }
            case 5 -> {
                f.requireOnly(header(16, 17, 18, 19));
                return new JobEvent.ProofAdded(h, ProofKind.valueOf(f.string(16)), f.string(17), f.string(18),
                        f.optString(19));
            }
            case 6 -> {
                f.requireOnly(header(16, 17, 18, 19, 20));
                return new JobEvent.PartUsed(h, f.string(16), f.optString(17), f.i32(18), f.money(19), f.bool(20));
            }
            case 7 -> {
                f.requireOnly(header(16, 17, 18));
                return new JobEvent.ExpenseAdded(h, f.string(16), f.money(17), f.bool(18));
            }
            case 8 -> {
                f.requireOnly(header(16, 17, 18, 19, 20));
                return new JobEvent.PaymentRecorded(h, PaymentMode.valueOf(f.string(16)), f.money(17), f.optString(18),
                        f.has(19) ? f.date(19) : null, f.optString(20));
            }
            case 9 -> {
                f.requireOnly(header(16, 17, 18));
                return new JobEvent.InvoiceHandedOff(h, f.string(16), f.money(17), f.strings(18));
            }
            case 10 -> {
                f.requireOnly(header(16, 17, 18, 19, 20, 21, 22));
                return new JobEvent.MessageStatusChanged(h, f.string(16), f.string(17), f.string(18),
                        MessageChannel.valueOf(f.string(19)), DeliveryStatus.valueOf(f.string(20)), f.optString(21),
                        f.optString(22));
            }
            case 11 -> {
                f.requireOnly(header(16, 17, 18, 19));
                return new JobEvent.OtpIssued(h, f.string(16), f.string(17), f.instant(18), f.i32(19));
            }
            case 12 -> {
                f.requireOnly(header(16));
                return new JobEvent.OtpAttemptFailed(h, f.uuid(16));
            }
            case 13 -> {
                f.requireOnly(header(16, 17, 18, 19, 20));
                return new JobEvent.PaymentRequested(h, PaymentMode.valueOf(f.string(16)), f.money(17), f.string(18),
                        f.optString(19), f.optString(20));
            }
            case 14 -> {
                f.requireOnly(header(16, 17, 18, 19, 20, 21));
                return new JobEvent.PaymentCallbackReceived(h, f.string(16), f.bool(17), f.string(18), f.optString(19),
                        f.optString(20), f.has(21) ? f.money(21) : null);
            }
            case 15 -> {
                f.requireOnly(header(16, 17));
                return new JobEvent.FeedbackRecorded(h, f.i32(16), f.optString(17));
            }
            default -> throw new IllegalArgumentException("byte 1 must be an event type 1-15, was " + type);
        }
    }

    /** The header's tags and then {@code body}. */
    private static int[] header(int... body) {
        int[] all = Arrays.copyOf(new int[] {EVENT_ID, TENANT, JOB, OCCURRED_AT, ACTOR, ORIGIN}, 6 + body.length);
        System.arraycopy(body, 0, all, 6, body.length);
        return all;
    }

    /** The fields of one record, by tag, checked for order and bounds. */
    private static final class Parsed {
        private final byte[] data;
        private final String where;
        /** Per tag: the value's offset, or -1; and its length. */
        private final int[] offset = new int[256];
        private final int[] length = new int[256];

        private Parsed(byte[] data, String where) {
            this.data = data;
            this.where = where;
            Arrays.fill(offset, -1);
        }

        static Parsed of(byte[] data, int from, int to, String where) {
            Parsed p = new Parsed(data, where);
            int pos = from, lastTag = 0;
            while (pos < to) {
                if (to - pos < 5) {
                    throw p.error("field at byte " + pos + " is cut short");
                }
                int tag = data[pos] & 0xff;
                int len = ByteBuffer.wrap(data, pos + 1, 4).getInt();
                if (tag <= lastTag) {
                    throw p.error("field tag " + tag + " at byte " + pos + " does not ascend (after " + lastTag + ")");
                }
                if (len < 0 || len > to - pos - 5) {
                    throw p.error("field " + tag + " at byte " + pos + " claims " + Integer.toUnsignedString(len)
                            + " bytes, " + (to - pos - 5) + " remain");
                }
                p.offset[tag] = pos + 5;
                p.length[tag] = len;
                lastTag = tag;
                pos += 5 + len;
            }
            return p;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(where + ": " + message);
        }

        boolean has(int tag) {
            return offset[tag] >= 0;
        }

        void requireOnly(int... tags) {
            boolean[] allowed = new boolean[256];
            for (int t : tags) {
                allowed[t] = true;
            }
            for (int t = 1; t < 256; t++) {
                if (has(t) && !allowed[t]) {
                    throw error("unknown field tag " + t);
                }
            }
        }

        private int require(int tag, int exactLength) {
            if (!has(tag)) {
                throw error("field " + tag + " is missing");
            }
            if (exactLength >= 0 && length[tag] != exactLength) {
                throw error("field " + tag + " must be " + exactLength + " bytes, was " + length[tag]);
            }
            return offset[tag];
        }

        String string(int tag) {
            int at = require(tag, -1);
            return new String(data, at, length[tag], StandardCharsets.UTF_8);
        }

        String optString(int tag) {
            return has(tag) ? string(tag) : null;
        }

        int i32(int tag) {
            return ByteBuffer.wrap(data, require(tag, 4), 4).getInt();
        }

        long i64(int tag) {
            return ByteBuffer.wrap(data, require(tag, 8), 8).getLong();
        }

        double f64(int tag) {
            return Double.longBitsToDouble(i64(tag));
        }

        boolean bool(int tag) {
            int b = data[require(tag, 1)];
            if (b != 0 && b != 1) {
                throw error("field " + tag + " must be a bool 00 or 01, was " + b);
            }
            return b == 1;
        }

        UUID uuid(int tag) {
            ByteBuffer b = ByteBuffer.wrap(data, require(tag, 16), 16);
            return new UUID(b.getLong(), b.getLong());
        }

        Instant instant(int tag) {
            ByteBuffer b = ByteBuffer.wrap(data, require(tag, 12), 12);
            long seconds = b.getLong();
            int nanos = b.getInt();
            if (nanos < 0 || nanos > 999_999_999) {
                throw error("field " + tag + " has nanoseconds out of range: " + nanos);
            }
            return Instant.ofEpochSecond(seconds, nanos);
        }

        LocalDate date(int tag) {
            return LocalDate.ofEpochDay(i64(tag));
        }

        Money money(int tag) {
            Parsed m = record(tag);
            m.requireOnly(1, 2);
            return new Money(m.i64(1), Currency.valueOf(m.string(2)));
        }

        Parsed record(int tag) {
            int at = require(tag, -1);
            return of(data, at, at + length[tag], where + " field " + tag);
        }

        <T> List<T> list(int tag, Function<Parsed, T> item) {
            return items(tag, (at, len) -> item.apply(of(data, at, at + len, where + " field " + tag + " item")));
        }

        List<String> strings(int tag) {
            return items(tag, (at, len) -> new String(data, at, len, StandardCharsets.UTF_8));
        }

        private interface Item<T> {
            T read(int offset, int length);
        }

        private <T> List<T> items(int tag, Item<T> item) {
            int at = require(tag, -1), end = at + length[tag];
            if (end - at < 4) {
                throw error("list field " + tag + " has no count");
            }
            int count = ByteBuffer.wrap(data, at, 4).getInt();
            at += 4;
            List<T> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (end - at < 4) {
                    throw error("list field " + tag + " ends before item " + i + " of " + count);
                }
                int len = ByteBuffer.wrap(data, at, 4).getInt();
                if (len < 0 || len > end - at - 4) {
                    throw error("list field " + tag + " item " + i + " overruns the field");
                }
                out.add(item.read(at + 4, len));
                at += 4 + len;
            }
            if (at != end) {
                throw error("list field " + tag + " has " + (end - at) + " bytes after its " + count + " items");
            }
            return out;
        }
    }
}
