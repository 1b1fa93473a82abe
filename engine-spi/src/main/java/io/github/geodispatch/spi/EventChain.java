package io.github.geodispatch.spi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * The hash-chain rules of the customer and stock streams ({@link CustomerHashChain}, {@link StockChain}; job
 * streams, with their formats, are {@link HashChain}'s): an event's hash is the SHA-256 of its canonical bytes
 * ({@link CustomerEncoding}, {@link StockEncoding}), each event carries the hash of the one before it on its stream ({@link HashChain#GENESIS}
 * for the first) and its version (1, 2, ...), and a head kept outside the stream shows an edit of the last
 * event. Immutable and thread-safe.
 *
 * @param <E> the event family
 */
final class EventChain<E> {
    static final String GENESIS = "0".repeat(64);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** One digest per thread: getting one from the providers costs more than the hash of a small event. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    private final Function<? super E, byte[]> canonicalBytes;
    private final Function<? super E, String> previousHash;
    private final ToLongFunction<? super E> version;

    EventChain(Function<? super E, byte[]> canonicalBytes, Function<? super E, String> previousHash,
               ToLongFunction<? super E> version) {
        this.canonicalBytes = canonicalBytes;
        this.previousHash = previousHash;
        this.version = version;
    }

    String hash(E event) {
        byte[] bytes = canonicalBytes.apply(event);
        return HexFormat.of().formatHex(SHA256.get().digest(bytes));
    }

    String head(List<? extends E> stream) {
        return stream.isEmpty() ? GENESIS : hash(stream.get(stream.size() - 1));
    }

    OptionalInt firstBroken(List<? extends E> stream) {
        String expected = GENESIS;
        for (int i = 0; i < stream.size(); i++) {
            E event = stream.get(i);
            if (!previousHash.apply(event).equals(expected) || version.applyAsLong(event) != i + 1) {
                return OptionalInt.of(i);
            }
            expected = hash(event);
        }
        return OptionalInt.empty();
    }

    OptionalInt firstBroken(List<? extends E> stream, String trustedHead) {
        if (trustedHead == null || !SHA256_HEX.matcher(trustedHead).matches()) {
            throw new IllegalArgumentException("trusted head must be 64 lower-case hex chars, was " + trustedHead);
        }
        OptionalInt broken = firstBroken(stream);
        if (broken.isPresent() || head(stream).equals(trustedHead)) {
            return broken;
        }
        return OptionalInt.of(Math.max(0, stream.size() - 1));
    }
}
