package io.github.geodispatch.journal.internal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 3) UUIDs, equal to {@link UUID#nameUUIDFromBytes} of the name's UTF-8 bytes, with one MD5 digest
 * per thread: {@code nameUUIDFromBytes} looks MD5 up among the security providers at every call, which an import
 * naming each of millions of events paid per event. Thread-safe.
 */
public final class NameUuids {
    private static final ThreadLocal<Md5> MD5 = ThreadLocal.withInitial(Md5::new);

    /** A thread's MD5 digest, with the buffers that spare an event's name its own arrays. */
    private static final class Md5 {
        final MessageDigest digest;
        /** Wide enough for any {@code long} in decimal. */
        final byte[] digits = new byte[20];
        final byte[] hash = new byte[16];

        Md5() {
            try {
                digest = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java runtime has no MD5, which every Java platform must have", e);
            }
        }
    }

    private NameUuids() {}

    /** The version 3 UUID of {@code name}'s UTF-8 bytes. */
    public static UUID of(String name) {
        return uuid(MD5.get().digest.digest(name.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The version 3 UUID of the name {@code prefix} (its UTF-8 bytes) followed by {@code number} in decimal, equal to
     * {@code of(new String(prefix, UTF_8) + number)}: a stream's events are named by one prefix and their version.
     */
    public static UUID of(byte[] prefix, long number) {
        Md5 md5 = MD5.get();
        md5.digest.update(prefix);
        int start = decimal(number, md5.digits);
        md5.digest.update(md5.digits, start, md5.digits.length - start);
        try {
            md5.digest.digest(md5.hash, 0, md5.hash.length);
        } catch (DigestException e) {
            throw new IllegalStateException("an MD5 hash is 16 bytes", e);
        }
        return uuid(md5.hash);
    }

    /** Writes {@code number} in decimal at the end of {@code into}; returns where it starts. */
    private static int decimal(long number, byte[] into) {
        if (number < 0) {
            byte[] text = Long.toString(number).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, into, into.length - text.length, text.length);
            return into.length - text.length;
        }
        int i = into.length;
        do {
            into[--i] = (byte) ('0' + number % 10);
            number /= 10;
        } while (number != 0);
        return i;
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
