package io.github.geodispatch.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

/**
 * Tamper evidence for customer streams, by the rules of {@link HashChain}: an event's hash is the SHA-256 of
 * its canonical text (the record's {@code toString()}, which includes the previous event's hash), the first
 * event chains onto {@link HashChain#GENESIS}, and a trusted head kept outside the stream also shows an edit of
 * the last event. Stateless and thread-safe.
 */
public final class CustomerHashChain {
    private CustomerHashChain() {}

    /** The SHA-256 of the event's canonical text, as 64 lower-case hex characters. */
    public static String hash(CustomerEvent event) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(event.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The hash the next event appended after {@code stream} must carry. */
    public static String head(List<? extends CustomerEvent> stream) {
        return stream.isEmpty() ? HashChain.GENESIS : hash(stream.get(stream.size() - 1));
    }

    /**
     * The index of the first event whose previous-hash or version does not follow from the events before it,
     * or, when the chain holds but its head is not {@code trustedHead} (null: not checked), the last event.
     */
    public static OptionalInt firstBroken(List<? extends CustomerEvent> stream, String trustedHead) {
        String expected = HashChain.GENESIS;
        for (int i = 0; i < stream.size(); i++) {
            CustomerEventHeader header = stream.get(i).header();
            if (!header.previousHash().equals(expected) || header.version() != i + 1) {
                return OptionalInt.of(i);
            }
            expected = hash(stream.get(i));
        }
        if (trustedHead != null && !expected.equals(trustedHead)) {
            return OptionalInt.of(Math.max(0, stream.size() - 1));
        }
        return OptionalInt.empty();
    }

    /** True when the chain verifies (and ends in {@code trustedHead}, unless that is null). */
    public static boolean verifies(List<? extends CustomerEvent> stream, String trustedHead) {
        return firstBroken(stream, trustedHead).isEmpty();
    }
}
