package io.github.geodispatch.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

/**
 * Tamper evidence for job streams. The hash of an event is the SHA-256 of its canonical text (the
 * record's {@code toString()}, which includes the previous event's hash), so rewriting any event of a
 * stream changes every hash after it. An edit of the last event changes only the stream's head, so a
 * complete check compares the head with one kept outside the stream ({@link #verifies(List, String)}).
 * Stateless and thread-safe.
 */
public final class HashChain {
    /** The previous-hash of the first event on every stream. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    /** The SHA-256 of the event's canonical text, as 64 lower-case hex characters. */
    public static String hash(JobEvent event) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(event.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The hash the next event appended after {@code stream} must carry. */
    public static String head(List<? extends JobEvent> stream) {
        return stream.isEmpty() ? GENESIS : hash(stream.get(stream.size() - 1));
    }

    /**
     * The index of the first event whose previous-hash or version does not follow from the events before
     * it, or empty when the whole stream verifies.
     */
    public static OptionalInt firstBroken(List<? extends JobEvent> stream) {
        String expected = GENESIS;
        for (int i = 0; i < stream.size(); i++) {
            EventHeader header = stream.get(i).header();
            if (!header.previousHash().equals(expected) || header.version() != i + 1) {
                return OptionalInt.of(i);
            }
            expected = hash(stream.get(i));
        }
        return OptionalInt.empty();
    }

    public static boolean verifies(List<? extends JobEvent> stream) {
        return firstBroken(stream).isEmpty();
    }

    /**
     * Like {@link #firstBroken(List)}, and also checks the stream against {@code trustedHead}: the head hash
     * recorded outside the stream when it was last written (by the engine, on a receipt, by accounts). The
     * chain alone cannot show an edit of its last event, the head can: when the chain verifies but
     * {@link #head(List)} differs from {@code trustedHead}, the last event is reported broken (index 0 of an
     * empty stream is reported when a non-genesis head is expected of it).
     */
    public static OptionalInt firstBroken(List<? extends JobEvent> stream, String trustedHead) {
        if (trustedHead == null || !trustedHead.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("trusted head must be 64 lower-case hex chars, was " + trustedHead);
        }
        OptionalInt broken = firstBroken(stream);
        if (broken.isPresent() || head(stream).equals(trustedHead)) {
            return broken;
        }
        return OptionalInt.of(Math.max(0, stream.size() - 1));
    }

    /** True when the chain verifies and ends in {@code trustedHead}; see {@link #firstBroken(List, String)}. */
    public static boolean verifies(List<? extends JobEvent> stream, String trustedHead) {
        return firstBroken(stream, trustedHead).isEmpty();
    }
}
