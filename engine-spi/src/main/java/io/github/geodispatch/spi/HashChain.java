package io.github.geodispatch.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

/**
 * Tamper evidence for job streams. The hash of an event is the SHA-256 of its bytes in the
 * {@linkplain EventHeader#format() format the event names}: the {@link CanonicalEncoding canonical encoding}
 * (format 2, every new event) or, for events written before it, the frozen format-1 text. The bytes include the
 * previous event's hash, so rewriting any event of a stream changes every hash after it. An edit of the last
 * event changes only the stream's head, so a complete check compares the head with one kept outside the stream
 * ({@link #verifies(List, String)}). {@code docs/hash-chain.md} specifies both formats and how to verify a
 * stream in another language. Stateless and thread-safe.
 */
public final class HashChain {
    /** The previous-hash of the first event on every stream. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    /** The SHA-256 of the event's bytes in its format, as 64 lower-case hex characters. */
    public static String hash(JobEvent event) {
        return HexFormat.of().formatHex(sha256(bytes(event)));
    }

    /** The bytes {@link #hash} digests: the canonical encoding, or the UTF-8 of the format-1 text. */
    public static byte[] bytes(JobEvent event) {
        return switch (event.header().format()) {
            case CANONICAL_V2 -> CanonicalEncoding.encode(event);
            case TEXT_V1 -> LegacyText.of(event).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
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
     * it, or whose format is older than the format of an event before it (a stream never goes back to format 1),
     * or empty when the whole stream verifies.
     */
    public static OptionalInt firstBroken(List<? extends JobEvent> stream) {
        String expected = GENESIS;
        ChainFormat newest = ChainFormat.TEXT_V1;
        for (int i = 0; i < stream.size(); i++) {
            EventHeader header = stream.get(i).header();
            if (!header.previousHash().equals(expected) || header.version() != i + 1
                    || header.format().compareTo(newest) < 0) {
                return OptionalInt.of(i);
            }
            newest = header.format();
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

    /**
     * {@code stream} re-chained in the {@link ChainFormat#CURRENT current format}: the same events (ids, versions,
     * times, actors, content) with each previous-hash recomputed from the re-chained event before it. The stream
     * must verify first ({@link IllegalArgumentException} naming the first broken event otherwise): re-chaining
     * a tampered stream would make its tampering verify. What a chain migration writes.
     */
    public static List<JobEvent> rechained(List<? extends JobEvent> stream) {
        OptionalInt broken = firstBroken(stream);
        if (broken.isPresent()) {
            JobEvent bad = stream.get(broken.getAsInt());
            throw new IllegalArgumentException("stream " + bad.header().stream() + " does not verify at version "
                    + (broken.getAsInt() + 1) + " (event " + bad.header().eventId() + "); it is not re-chained");
        }
        List<JobEvent> out = new java.util.ArrayList<>(stream.size());
        String previous = GENESIS;
        for (JobEvent event : stream) {
            JobEvent next = event.withHeader(event.header().rechained(previous, ChainFormat.CURRENT));
            out.add(next);
            previous = hash(next);
        }
        return List.copyOf(out);
    }
}
