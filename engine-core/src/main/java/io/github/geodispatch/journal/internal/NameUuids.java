package io.github.geodispatch.journal.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 3) UUIDs, equal to {@link UUID#nameUUIDFromBytes} of the name's UTF-8 bytes, with one MD5 digest
 * per thread: {@code nameUUIDFromBytes} looks MD5 up among the security providers at every call, which an import
 * naming each of millions of events paid per event. Thread-safe.
 */
public final class NameUuids {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no MD5, which every Java platform must have", e);
        }
    });

    private NameUuids() {}

    /** The version 3 UUID of {@code name}'s UTF-8 bytes. */
    public static UUID of(String name) {
        return uuid(MD5.get().digest(name.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The version 3 UUID of the name {@code prefix} (its UTF-8 bytes) followed by {@code number} in decimal, equal to
     * {@code of(new String(prefix, UTF_8) + number)}: a stream's events are named by one prefix and their version.
     */
    public static UUID of(byte[] prefix, long number) {
        MessageDigest digest = MD5.get();
        digest.update(prefix);
        return uuid(digest.digest(Long.toString(number).getBytes(StandardCharsets.US_ASCII)));
    }

    private static UUID uuid(byte[] md5) {
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30); // version 3
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80); // IETF variant
        return new UUID(bits(md5, 0), bits(md5, 8));
    }

    private static long bits(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
