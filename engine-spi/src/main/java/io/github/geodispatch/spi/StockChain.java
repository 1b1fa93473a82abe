package io.github.geodispatch.spi;

import java.util.List;
import java.util.OptionalInt;

/**
 * Tamper evidence for stock streams, by the rules {@link CustomerHashChain} follows too: an event's hash is the
 * SHA-256 of its canonical bytes ({@link StockEncoding}, which include the previous event's hash); a head kept
 * outside the stream also shows an edit of the last event. Stateless and thread-safe.
 */
public final class StockChain {
    private static final EventChain<StockEvent> CHAIN = new EventChain<>(StockEncoding::encode,
            e -> e.header().previousHash(), e -> e.header().version());

    private StockChain() {}

    /** The SHA-256 of the event's canonical bytes, as 64 lower-case hex characters. */
    public static String hash(StockEvent event) {
        return CHAIN.hash(event);
    }

    /** The hash the next event appended after {@code stream} must carry. */
    public static String head(List<? extends StockEvent> stream) {
        return CHAIN.head(stream);
    }

    /** The index of the first event that does not follow from the ones before it, or empty when all verify. */
    public static OptionalInt firstBroken(List<? extends StockEvent> stream) {
        return CHAIN.firstBroken(stream);
    }

    /** Like {@link #firstBroken(List)}, and the stream must end in {@code trustedHead}. */
    public static OptionalInt firstBroken(List<? extends StockEvent> stream, String trustedHead) {
        return CHAIN.firstBroken(stream, trustedHead);
    }

    public static boolean verifies(List<? extends StockEvent> stream) {
        return firstBroken(stream).isEmpty();
    }

    public static boolean verifies(List<? extends StockEvent> stream, String trustedHead) {
        return firstBroken(stream, trustedHead).isEmpty();
    }
}
