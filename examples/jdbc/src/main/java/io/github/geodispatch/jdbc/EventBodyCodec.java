package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ChainFormat;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.DeviceOrigin;
import io.github.geodispatch.spi.EventHeader;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.MessageChannel;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.Site;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.VisitSlot;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The stored form of a {@link JobEvent}: the {@code body} column of {@code job_event}. A compact positional
 * binary layout, because decoding is most of a replay's cost (JSON text through Jackson took about 5 µs
 * an event, this about a tenth of that) and the rows are a third of the size.
 *
 * <p>Layout (version {@value #FORMAT}): one byte format version, one byte variant code (stable numbers,
 * below), the header, then the variant's components in record order. Strings are a varint of the UTF-8
 * length plus one (0 for null) and the bytes; longs and ints are zig-zag varints; doubles their 8 raw
 * IEEE bytes (exact, -0.0 included); instants zig-zag epoch seconds and a varint of nanoseconds; dates
 * a zig-zag epoch day; enums their constant's name; the previous hash its 32 bytes; optional values a
 * presence byte; lists a varint count. The actor's tenant is the stream's (the header requires it) and is
 * not repeated. The header ends with the event's hash-chain format number (one byte) and its optional device
 * origin (idempotency key, device time, received at); bodies of format version 1 had neither and are read as
 * hash-chain format 1 without an origin.
 *
 * <p>The round trip is exact: {@code decode(encode(e)).equals(e)}, with the same {@code toString()} and
 * hence the same {@link io.github.geodispatch.spi.HashChain} hash. A string with an unpaired UTF-16
 * surrogate cannot be written (UTF-8 has no form for it) and is refused; a body that is truncated, has
 * bytes left over, an unknown version or variant, or values the records reject, is an
 * {@link IllegalArgumentException}. A future layout gets the next format version, and this class keeps
 * reading the older ones. Stateless and thread-safe.
 */
final class EventBodyCodec {
    static final int FORMAT = 2;
    /** The layout before the header carried its hash-chain format and device origin: its events are format 1. */
    private static final int FORMAT_WITHOUT_CHAIN_FORMAT = 1;

    private static final int JOB_CREATED = 1;
    private static final int JOB_ASSIGNED = 2;
    private static final int JOB_UNASSIGNED = 3;
    private static final int STATUS_CHANGED = 4;
    private static final int PROOF_ADDED = 5;
    private static final int PART_USED = 6;
    private static final int EXPENSE_ADDED = 7;
    private static final int PAYMENT_RECORDED = 8;
    private static final int INVOICE_HANDED_OFF = 9;
    private static final int MESSAGE_STATUS_CHANGED = 10;
    private static final int OTP_ISSUED = 11;
    private static final int OTP_ATTEMPT_FAILED = 12;
    private static final int PAYMENT_REQUESTED = 13;
    private static final int PAYMENT_CALLBACK_RECEIVED = 14;
    private static final int FEEDBACK_RECORDED = 15;

    private static final HexFormat HEX = HexFormat.of();
    private static final EnumNames<Role> ROLES = new EnumNames<>(Role.class);
    private static final EnumNames<Priority> PRIORITIES = new EnumNames<>(Priority.class);
    private static final EnumNames<JobStatus> STATUSES = new EnumNames<>(JobStatus.class);
    private static final EnumNames<ProofKind> PROOF_KINDS = new EnumNames<>(ProofKind.class);
    private static final EnumNames<PaymentMode> PAYMENT_MODES = new EnumNames<>(PaymentMode.class);
    private static final EnumNames<CoverageKind> COVERAGE_KINDS = new EnumNames<>(CoverageKind.class);
    private static final EnumNames<Currency> CURRENCIES = new EnumNames<>(Currency.class);
    private static final EnumNames<MessageChannel> CHANNELS = new EnumNames<>(MessageChannel.class);
    private static final EnumNames<DeliveryStatus> DELIVERY_STATUSES = new EnumNames<>(DeliveryStatus.class);

    private EventBodyCodec() {}

    static byte[] encode(JobEvent event) {
        Output out = new Output();
        out.writeByte(FORMAT);
        out.writeByte(variantCode(event));
        writeHeader(out, event.header());
        if (event instanceof JobEvent.JobCreated e) {
            out.writeString(e.branch().value());
            out.writeString(e.customer().value());
            out.writeString(e.site().id().value());
            out.writeDouble(e.site().location().lat());
            out.writeDouble(e.site().location().lng());
            out.writeDouble(e.site().radiusMetres());
            out.writeString(e.site().address());
            out.writeString(e.issue());
            out.writeString(e.jobType());
            out.writeVarUnsigned(e.requiredSkills().size());
            for (SkillRequirement skill : e.requiredSkills()) {
                out.writeString(skill.skill());
                out.writeVarSigned(skill.minLevel());
            }
            out.writeString(e.priority().name());
            out.writeBoolean(e.window() != null);
            if (e.window() != null) {
                out.writeInstant(e.window().from());
                out.writeInstant(e.window().to());
            }
            out.writeBoolean(e.slaDeadline() != null);
            if (e.slaDeadline() != null) {
                out.writeInstant(e.slaDeadline());
            }
            out.writeVarSigned(e.estimatedMinutes());
            out.writeMoney(e.quote());
            out.writeBoolean(e.coverage() != null);
            if (e.coverage() != null) {
                out.writeString(e.coverage().kind().name());
                out.writeString(e.coverage().reference());
                out.writeVarSigned(e.coverage().validUntil().toEpochDay());
                out.writeStrings(e.coverage().jobTypes());
            }
            out.writeString(e.preferredTechnician() == null ? null : e.preferredTechnician().value());
        } else if (event instanceof JobEvent.JobAssigned e) {
            out.writeString(e.technician().value());
            out.writeString(e.overrideReason());
        } else if (event instanceof JobEvent.JobUnassigned e) {
            out.writeString(e.technician().value());
            out.writeString(e.reason());
        } else if (event instanceof JobEvent.StatusChanged e) {
            out.writeString(e.status().name());
            out.writeString(e.reason());
            out.writeString(e.evidence());
            out.writeBoolean(e.slot() != null);
            if (e.slot() != null) {
                out.writeString(e.slot().technician().value());
                out.writeInstant(e.slot().window().from());
                out.writeInstant(e.slot().window().to());
            }
        } else if (event instanceof JobEvent.ProofAdded e) {
            out.writeString(e.kind().name());
            out.writeString(e.label());
            out.writeString(e.reference());
            out.writeString(e.sha256());
        } else if (event instanceof JobEvent.PartUsed e) {
            out.writeString(e.sku());
            out.writeString(e.hsn());
            out.writeVarSigned(e.quantity());
            out.writeMoney(e.unitPrice());
            out.writeBoolean(e.billable());
        } else if (event instanceof JobEvent.ExpenseAdded e) {
            out.writeString(e.kind());
            out.writeMoney(e.amount());
            out.writeBoolean(e.billable());
        } else if (event instanceof JobEvent.PaymentRecorded e) {
            out.writeString(e.mode().name());
            out.writeMoney(e.amount());
            out.writeString(e.reference());
            out.writeBoolean(e.promisedOn() != null);
            if (e.promisedOn() != null) {
                out.writeVarSigned(e.promisedOn().toEpochDay());
            }
            out.writeString(e.approvedBy());
        } else if (event instanceof JobEvent.InvoiceHandedOff e) {
            out.writeString(e.invoiceNumber());
            out.writeMoney(e.total());
            out.writeStrings(e.partSkus());
        } else if (event instanceof JobEvent.MessageStatusChanged e) {
            out.writeString(e.message());
            out.writeString(e.template());
            out.writeString(e.recipient());
            out.writeString(e.channel().name());
            out.writeString(e.status().name());
            out.writeString(e.providerReference());
            out.writeString(e.detail());
        } else if (event instanceof JobEvent.OtpIssued e) {
            out.writeString(e.salt());
            out.writeString(e.codeHash());
            out.writeInstant(e.expiresAt());
            out.writeVarSigned(e.maxAttempts());
        } else if (event instanceof JobEvent.OtpAttemptFailed e) {
            out.writeLongBytes(e.otp().getMostSignificantBits());
            out.writeLongBytes(e.otp().getLeastSignificantBits());
        } else if (event instanceof JobEvent.PaymentRequested e) {
            out.writeString(e.mode().name());
            out.writeMoney(e.amount());
            out.writeString(e.reference());
            out.writeString(e.payer());
            out.writeString(e.link());
        } else if (event instanceof JobEvent.PaymentCallbackReceived e) {
            out.writeString(e.reference());
            out.writeBoolean(e.paid());
            out.writeString(e.resultCode());
            out.writeString(e.resultDescription());
            out.writeString(e.receipt());
            out.writeBoolean(e.amount() != null);
            if (e.amount() != null) {
                out.writeMoney(e.amount());
            }
        } else if (event instanceof JobEvent.FeedbackRecorded e) {
            out.writeVarSigned(e.rating());
            out.writeString(e.comment());
        }
        return out.toByteArray();
    }

    /** Decodes one body; a {@link Decoder} decodes many in a row faster. */
    static JobEvent decode(byte[] body) {
        return new Decoder().decode(body);
    }

    /**
     * Decodes bodies one after another, keeping the previous body's tenant, stream and actor to reuse when
     * the next body repeats them, as neighbours in a replay mostly do: fewer objects to make and check. Not
     * thread-safe: one per reading thread.
     */
    static final class Decoder {
        private final Input in = new Input();
        private byte[] tenantBytes = new byte[0];
        private TenantId tenant;
        private byte[] jobBytes = new byte[0];
        private StreamId stream;
        private byte[] actorBytes = new byte[0];
        private Actor actor;

        JobEvent decode(byte[] body) {
            in.reset(body);
            try {
                int format = in.readByte();
                if (format != FORMAT && format != FORMAT_WITHOUT_CHAIN_FORMAT) {
                    throw new IllegalArgumentException("unknown event body format " + format + " (this version reads "
                            + FORMAT_WITHOUT_CHAIN_FORMAT + " and " + FORMAT + ")");
                }
                int variant = in.readByte();
                JobEvent event = readVariant(variant, readHeader(format == FORMAT));
                in.requireEnd();
                return event;
            } catch (IllegalArgumentException | NullPointerException | ArithmeticException | DateTimeException e) {
                throw new IllegalArgumentException("not a job event body: " + e.getMessage(), e);
            }
        }

        private EventHeader readHeader(boolean withChainFormat) {
            UUID eventId = new UUID(in.readLongBytes(), in.readLongBytes());
            if (!in.skipIfNextStringIs(tenantBytes)) {
                int from = in.position;
                tenant = new TenantId(in.readString());
                tenantBytes = in.bytesFrom(from);
                jobBytes = new byte[0];
            }
            if (!in.skipIfNextStringIs(jobBytes)) {
                int from = in.position;
                stream = new StreamId(tenant, new JobId(in.readString()));
                jobBytes = in.bytesFrom(from);
            }
            long version = in.readLong();
            Instant occurredAt = in.readInstant();
            readActor();
            String previousHash = in.readHex(32);
            if (!withChainFormat) {
                return new EventHeader(eventId, stream, version, occurredAt, actor, previousHash, ChainFormat.TEXT_V1, null);
            }
            ChainFormat chainFormat = chainFormat(in.readByte());
            DeviceOrigin origin = in.readBoolean() ? new DeviceOrigin(in.readString(), in.readInstant(), in.readInstant()) : null;
            return new EventHeader(eventId, stream, version, occurredAt, actor, previousHash, chainFormat, origin);
        }

        /** The actor (id, role, branch) of the header, the previous one when its bytes and tenant repeat. */
        private void readActor() {
            int from = in.position;
            in.skipString();
            in.skipString();
            in.skipString();
            if (actor != null && actor.tenant() == tenant && in.spanEquals(from, actorBytes)) {
                return;
            }
            in.position = from;
            String actorId = in.readString();
            Role role = in.readEnum(ROLES);
            String branch = in.readString();
            actor = new Actor(actorId, role, tenant, branch == null ? null : new BranchId(branch));
            actorBytes = in.bytesFrom(from);
        }

        private JobEvent readVariant(int variant, EventHeader header) {
            return switch (variant) {
                case JOB_CREATED -> new JobEvent.JobCreated(header, new BranchId(in.readString()),
                        new CustomerId(in.readString()),
                        new Site(new SiteId(in.readString()), new GeoPoint(in.readDouble(), in.readDouble()),
                                in.readDouble(), in.readString()),
                        in.readString(), in.readString(), readSkills(), in.readEnum(PRIORITIES),
                        in.readBoolean() ? new TimeWindow(in.readInstant(), in.readInstant()) : null,
                        in.readBoolean() ? in.readInstant() : null,
                        in.readInt(), in.readMoney(),
                        in.readBoolean() ? new Coverage(in.readEnum(COVERAGE_KINDS), in.readString(),
                                LocalDate.ofEpochDay(in.readLong()), in.readStrings()) : null,
                        technicianOrNull(in.readString()));
                case JOB_ASSIGNED -> new JobEvent.JobAssigned(header, new TechnicianId(in.readString()), in.readString());
                case JOB_UNASSIGNED -> new JobEvent.JobUnassigned(header, new TechnicianId(in.readString()), in.readString());
                case STATUS_CHANGED -> new JobEvent.StatusChanged(header, in.readEnum(STATUSES), in.readString(),
                        in.readString(), in.readBoolean()
                                ? new VisitSlot(new TechnicianId(in.readString()), new TimeWindow(in.readInstant(), in.readInstant()))
                                : null);
                case PROOF_ADDED -> new JobEvent.ProofAdded(header, in.readEnum(PROOF_KINDS), in.readString(),
                        in.readString(), in.readString());
                case PART_USED -> new JobEvent.PartUsed(header, in.readString(), in.readString(), in.readInt(),
                        in.readMoney(), in.readBoolean());
                case EXPENSE_ADDED -> new JobEvent.ExpenseAdded(header, in.readString(), in.readMoney(), in.readBoolean());
                case PAYMENT_RECORDED -> new JobEvent.PaymentRecorded(header, in.readEnum(PAYMENT_MODES),
                        in.readMoney(), in.readString(), in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null,
                        in.readString());
                case INVOICE_HANDED_OFF -> new JobEvent.InvoiceHandedOff(header, in.readString(), in.readMoney(),
                        in.readStrings());
                case MESSAGE_STATUS_CHANGED -> new JobEvent.MessageStatusChanged(header, in.readString(), in.readString(),
                        in.readString(), in.readEnum(CHANNELS), in.readEnum(DELIVERY_STATUSES), in.readString(),
                        in.readString());
                case OTP_ISSUED -> new JobEvent.OtpIssued(header, in.readString(), in.readString(), in.readInstant(),
                        in.readInt());
                case OTP_ATTEMPT_FAILED -> new JobEvent.OtpAttemptFailed(header,
                        new UUID(in.readLongBytes(), in.readLongBytes()));
                case PAYMENT_REQUESTED -> new JobEvent.PaymentRequested(header, in.readEnum(PAYMENT_MODES),
                        in.readMoney(), in.readString(), in.readString(), in.readString());
                case PAYMENT_CALLBACK_RECEIVED -> new JobEvent.PaymentCallbackReceived(header, in.readString(),
                        in.readBoolean(), in.readString(), in.readString(), in.readString(),
                        in.readBoolean() ? in.readMoney() : null);
                case FEEDBACK_RECORDED -> new JobEvent.FeedbackRecorded(header, in.readInt(), in.readString());
                default -> throw new IllegalArgumentException("unknown event variant code " + variant);
            };
        }

        private List<SkillRequirement> readSkills() {
            int count = in.readCount();
            List<SkillRequirement> skills = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                skills.add(new SkillRequirement(in.readString(), in.readInt()));
            }
            return skills;
        }
    }

    /** The variant's name as kept in the {@code event_type} column. */
    static String typeName(JobEvent event) {
        return event.getClass().getSimpleName();
    }

    private static int variantCode(JobEvent event) {
        if (event instanceof JobEvent.JobCreated) {
            return JOB_CREATED;
        } else if (event instanceof JobEvent.JobAssigned) {
            return JOB_ASSIGNED;
        } else if (event instanceof JobEvent.JobUnassigned) {
            return JOB_UNASSIGNED;
        } else if (event instanceof JobEvent.StatusChanged) {
            return STATUS_CHANGED;
        } else if (event instanceof JobEvent.ProofAdded) {
            return PROOF_ADDED;
        } else if (event instanceof JobEvent.PartUsed) {
            return PART_USED;
        } else if (event instanceof JobEvent.ExpenseAdded) {
            return EXPENSE_ADDED;
        } else if (event instanceof JobEvent.PaymentRecorded) {
            return PAYMENT_RECORDED;
        } else if (event instanceof JobEvent.InvoiceHandedOff) {
            return INVOICE_HANDED_OFF;
        } else if (event instanceof JobEvent.MessageStatusChanged) {
            return MESSAGE_STATUS_CHANGED;
        } else if (event instanceof JobEvent.OtpIssued) {
            return OTP_ISSUED;
        } else if (event instanceof JobEvent.OtpAttemptFailed) {
            return OTP_ATTEMPT_FAILED;
        } else if (event instanceof JobEvent.PaymentRequested) {
            return PAYMENT_REQUESTED;
        } else if (event instanceof JobEvent.PaymentCallbackReceived) {
            return PAYMENT_CALLBACK_RECEIVED;
        } else if (event instanceof JobEvent.FeedbackRecorded) {
            return FEEDBACK_RECORDED;
        }
        throw new IllegalArgumentException("no body code for event variant " + event.getClass().getName());
    }

    private static void writeHeader(Output out, EventHeader header) {
        out.writeLongBytes(header.eventId().getMostSignificantBits());
        out.writeLongBytes(header.eventId().getLeastSignificantBits());
        out.writeString(header.tenant().value());
        out.writeString(header.job().value());
        out.writeVarSigned(header.version());
        out.writeInstant(header.occurredAt());
        out.writeString(header.actor().id());
        out.writeString(header.actor().role().name());
        out.writeString(header.actor().branch() == null ? null : header.actor().branch().value());
        out.writeBytes(HEX.parseHex(header.previousHash()));
        out.writeByte(header.format().number());
        out.writeBoolean(header.origin() != null);
        if (header.origin() != null) {
            out.writeString(header.origin().idempotencyKey());
            out.writeInstant(header.origin().deviceTime());
            out.writeInstant(header.origin().receivedAt());
        }
    }

    private static ChainFormat chainFormat(int number) {
        for (ChainFormat format : ChainFormat.values()) {
            if (format.number() == number) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown hash-chain format " + number);
    }

    private static TechnicianId technicianOrNull(String value) {
        return value == null ? null : new TechnicianId(value);
    }

    /** An enum's constants with their names in UTF-8, to find one by the bytes of its name. */
    private static final class EnumNames<E extends Enum<E>> {
        private final Class<E> type;
        private final E[] constants;
        private final byte[][] names;

        EnumNames(Class<E> type) {
            this.type = type;
            this.constants = type.getEnumConstants();
            this.names = new byte[constants.length][];
            for (int i = 0; i < constants.length; i++) {
                names[i] = constants[i].name().getBytes(StandardCharsets.UTF_8);
            }
        }

        E find(byte[] bytes, int from, int length) {
            for (int i = 0; i < names.length; i++) {
                if (Arrays.equals(names[i], 0, names[i].length, bytes, from, from + length)) {
                    return constants[i];
                }
            }
            return null;
        }
    }

    /** A growing byte buffer with the writes of the layout. */
    private static final class Output {
        private byte[] bytes = new byte[256];
        private int size;

        void writeByte(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeBytes(byte[] value) {
            ensure(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
        }

        void writeLongBytes(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void writeDouble(double value) {
            writeLongBytes(Double.doubleToRawLongBits(value));
        }

        void writeVarUnsigned(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        void writeVarSigned(long value) {
            writeVarUnsigned((value << 1) ^ (value >> 63));
        }

        void writeInstant(Instant value) {
            writeVarSigned(value.getEpochSecond());
            writeVarUnsigned(value.getNano());
        }

        void writeMoney(Money value) {
            writeVarSigned(value.minor());
            writeString(value.currency().name());
        }

        void writeString(String value) {
            if (value == null) {
                writeVarUnsigned(0);
                return;
            }
            requireWellFormed(value);
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeVarUnsigned(utf8.length + 1L);
            writeBytes(utf8);
        }

        void writeStrings(List<String> values) {
            writeVarUnsigned(values.size());
            for (String value : values) {
                writeString(value);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        /** UTF-8 would store a {@code ?} for an unpaired surrogate, and the event would no longer hash the same. */
        private static void requireWellFormed(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException("a text has an unpaired UTF-16 surrogate (\\u"
                            + Integer.toHexString(c) + "), which no UTF-8 database can store exactly");
                }
            }
        }
    }

    /** Reads the layout from a byte array; running past its end is an {@link IllegalArgumentException}. */
    private static final class Input {
        private byte[] bytes;
        private int position;

        void reset(byte[] body) {
            bytes = body;
            position = 0;
        }

        /** Moves past the next string and returns true when its bytes (length included) are {@code expected}. */
        boolean skipIfNextStringIs(byte[] expected) {
            if (spanEquals(position, expected)) {
                position += expected.length;
                return true;
            }
            return false;
        }

        boolean spanEquals(int from, byte[] expected) {
            return expected.length > 0 && from + expected.length <= bytes.length
                    && Arrays.equals(bytes, from, from + expected.length, expected, 0, expected.length);
        }

        /** A copy of the bytes read since {@code from}. */
        byte[] bytesFrom(int from) {
            return Arrays.copyOfRange(bytes, from, position);
        }

        void skipString() {
            int length = readLength();
            if (length > 0) {
                position += length;
            }
        }

        int readByte() {
            require(1);
            return bytes[position++] & 0xFF;
        }

        boolean readBoolean() {
            int b = readByte();
            if (b > 1) {
                throw new IllegalArgumentException("byte " + (position - 1) + " is " + b + ", not a boolean");
            }
            return b == 1;
        }

        /** The next {@code count} bytes as lower-case hex digits. */
        String readHex(int count) {
            require(count);
            String hex = HEX.formatHex(bytes, position, position + count);
            position += count;
            return hex;
        }

        long readLongBytes() {
            require(8);
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        double readDouble() {
            return Double.longBitsToDouble(readLongBytes());
        }

        long readVarUnsigned() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes before byte " + position);
        }

        long readLong() {
            long zigzag = readVarUnsigned();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        int readInt() {
            return Math.toIntExact(readLong());
        }

        /** A list's element count: each element takes at least a byte, so a count above the bytes left is damage. */
        int readCount() {
            long count = readVarUnsigned();
            if (count < 0 || count > bytes.length - position) {
                throw new IllegalArgumentException("count " + Long.toUnsignedString(count) + " at byte " + position
                        + " exceeds the body");
            }
            return (int) count;
        }

        /** The byte length of the string that follows, or -1 for null; checked against the bytes left. */
        int readLength() {
            long lengthPlusOne = readVarUnsigned();
            if (lengthPlusOne == 0) {
                return -1;
            }
            long length = lengthPlusOne - 1;
            if (length < 0 || length > bytes.length - position) {
                throw new IllegalArgumentException("string of " + Long.toUnsignedString(length) + " bytes at byte "
                        + position + " exceeds the body");
            }
            return (int) length;
        }

        Instant readInstant() {
            long seconds = readLong();
            return Instant.ofEpochSecond(seconds, Math.toIntExact(readVarUnsigned()));
        }

        Money readMoney() {
            return new Money(readLong(), readEnum(CURRENCIES));
        }

        String readString() {
            int length = readLength();
            if (length < 0) {
                return null;
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        List<String> readStrings() {
            int count = readCount();
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(readString());
            }
            return values;
        }

        /** An enum constant by its name, compared as bytes: no string is made for it. */
        <E extends Enum<E>> E readEnum(EnumNames<E> names) {
            int length = readLength();
            if (length < 0) {
                return null;
            }
            E constant = names.find(bytes, position, length);
            if (constant == null) {
                throw new IllegalArgumentException("no " + names.type.getSimpleName() + " named '"
                        + new String(bytes, position, length, StandardCharsets.UTF_8) + "'");
            }
            position += length;
            return constant;
        }

        void requireEnd() {
            if (position != bytes.length) {
                throw new IllegalArgumentException((bytes.length - position) + " bytes left over after the event");
            }
        }

        private void require(int count) {
            if (count > bytes.length - position) {
                throw new IllegalArgumentException("truncated: needs " + count + " more bytes at byte " + position
                        + " of " + bytes.length);
            }
        }
    }
}
