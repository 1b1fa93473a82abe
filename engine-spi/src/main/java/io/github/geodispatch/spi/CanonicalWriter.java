package io.github.geodispatch.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Writes the canonical field encoding that {@link CanonicalEncoding} defines for job events ({@code field := u8 tag |
 * u32 length | value}, tags strictly ascending within a record, a null component left out) into one growing array,
 * without an allocation per field: a record's or list item's length is written as a placeholder and filled in when
 * it ends. The job, stock and customer encodings ({@link CanonicalEncoding}, {@link StockChain},
 * {@link CustomerHashChain}) use it. Not thread-safe: one writer per encoding.
 */
final class CanonicalWriter {
    private byte[] bytes = new byte[256];
    private int size;
    /** The last tag written in the record being written, and those of the records around it. */
    private int lastTag;
    private final int[] outerTags = new int[8];
    private final int[] lengthAt = new int[8];
    private int depth;

    /** The prefix every event encoding starts with: format, type, the previous event's hash, the version. */
    CanonicalWriter prefix(int format, int type, String previousHash, long version) {
        u8(format);
        u8(type);
        ensure(32);
        byte[] hash = HexFormat.of().parseHex(previousHash);
        System.arraycopy(hash, 0, bytes, size, 32);
        size += 32;
        i64(version);
        return this;
    }

    CanonicalWriter string(int tag, String value) {
        if (value == null) {
            return this;
        }
        int at = field(tag);
        try {
            utf8(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + tag + ": " + e.getMessage(), e);
        }
        return close(at);
    }

    CanonicalWriter i32(int tag, int value) {
        int at = field(tag);
        i32(value);
        return close(at);
    }

    CanonicalWriter i64(int tag, long value) {
        int at = field(tag);
        i64(value);
        return close(at);
    }

    CanonicalWriter f64(int tag, double value) {
        return i64(tag, Double.doubleToRawLongBits(value));
    }

    CanonicalWriter bool(int tag, boolean value) {
        int at = field(tag);
        u8(value ? 1 : 0);
        return close(at);
    }

    /** A UUID as its 16 bytes, most significant first; null is left out. */
    CanonicalWriter uuid(int tag, UUID value) {
        if (value == null) {
            return this;
        }
        int at = field(tag);
        i64(value.getMostSignificantBits());
        i64(value.getLeastSignificantBits());
        return close(at);
    }

    /** An instant as i64 epoch second and i32 nanosecond; null is left out. */
    CanonicalWriter instant(int tag, Instant value) {
        if (value == null) {
            return this;
        }
        int at = field(tag);
        i64(value.getEpochSecond());
        i32(value.getNano());
        return close(at);
    }

    /** A date as i64 epoch day; null is left out. */
    CanonicalWriter date(int tag, LocalDate value) {
        return value == null ? this : i64(tag, value.toEpochDay());
    }

    /** Money as a record: 1 minor units (i64), 2 currency code. */
    CanonicalWriter money(int tag, Money value) {
        return begin(tag).i64(1, value.minor()).string(2, value.currency().name()).end();
    }

    /** An actor as a record: 1 id, 2 role, 3 branch (when it has one); its tenant is the event's. */
    CanonicalWriter actor(int tag, Actor actor) {
        begin(tag).string(1, actor.id()).string(2, actor.role().name());
        return string(3, actor.branch() == null ? null : actor.branch().value()).end();
    }

    /** A list of strings: u32 count, then u32 length and UTF-8 per item (an empty list is written, count 0). */
    CanonicalWriter strings(int tag, List<String> items) {
        int at = field(tag);
        i32(items.size());
        for (String item : items) {
            int itemAt = size;
            i32(0);
            utf8(item);
            patch(itemAt);
        }
        return close(at);
    }

    /** A list of records: u32 count, then u32 length and the fields {@code item} writes, per item. */
    <T> CanonicalWriter records(int tag, List<T> items, BiConsumer<CanonicalWriter, T> item) {
        int at = field(tag);
        i32(items.size());
        for (T t : items) {
            int itemAt = size;
            i32(0);
            int outerTag = lastTag;
            lastTag = 0;
            item.accept(this, t);
            lastTag = outerTag;
            patch(itemAt);
        }
        return close(at);
    }

    /** Starts a record field: the fields written until {@link #end()} are its value. */
    CanonicalWriter begin(int tag) {
        if (depth == outerTags.length) {
            throw new IllegalStateException("records nest deeper than " + outerTags.length);
        }
        lengthAt[depth] = field(tag);
        outerTags[depth++] = lastTag;
        lastTag = 0;
        return this;
    }

    CanonicalWriter end() {
        lastTag = outerTags[--depth];
        patch(lengthAt[depth]);
        return this;
    }

    byte[] toBytes() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " records not ended");
        }
        return Arrays.copyOf(bytes, size);
    }

    /** Writes the tag and a length placeholder; returns where the length goes. */
    private int field(int tag) {
        if (tag <= lastTag || tag > 255) {
            throw new IllegalStateException("field tags must ascend within 1-255: " + tag + " after " + lastTag);
        }
        lastTag = tag;
        u8(tag);
        int at = size;
        i32(0);
        return at;
    }

    private CanonicalWriter close(int lengthPosition) {
        patch(lengthPosition);
        return this;
    }

    /** Fills in the length of the value that starts after the four bytes at {@code lengthPosition}. */
    private void patch(int lengthPosition) {
        int length = size - lengthPosition - 4;
        bytes[lengthPosition] = (byte) (length >>> 24);
        bytes[lengthPosition + 1] = (byte) (length >>> 16);
        bytes[lengthPosition + 2] = (byte) (length >>> 8);
        bytes[lengthPosition + 3] = (byte) length;
    }

    /** UTF-8 of well-formed text, ASCII without a copy; an unpaired surrogate is refused. */
    private void utf8(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // not ASCII: the bytes written past size so far are overwritten
                byte[] encoded = CanonicalEncoding.utf8(text);
                ensure(encoded.length);
                System.arraycopy(encoded, 0, bytes, size, encoded.length);
                size += encoded.length;
                return;
            }
            bytes[size + i] = (byte) c;
        }
        size += n;
    }

    private void u8(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    private void i32(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    private void i64(long v) {
        i32((int) (v >>> 32));
        i32((int) v);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
