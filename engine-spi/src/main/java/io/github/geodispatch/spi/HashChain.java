package io.github.geodispatch.spi;

import java.util.List;
import java.util.OptionalInt;

/**
 * Tamper evidence for job streams. The hash of an event is the SHA-256 of its canonical text (the
 * record's {@code toString()}, which includes the previous event's hash), so rewriting any event of a
 * stream changes every hash after it. An edit of the last event changes only the stream's head, so a
 * complete check compares the head with one kept outside the stream ({@link #verifies(List, String)}).
 * The rules are shared with the stock streams' {@link StockChain}. Stateless and thread-safe.
 */
public final class HashChain {
    /** The previous-hash of the first event on every stream. */
    public static final String GENESIS = EventChain.GENESIS;
    private static final EventChain<JobEvent> CHAIN = new EventChain<>(JobEvent::toString,
            e -> e.header().previousHash(), e -> e.header().version());

    private HashChain() {}

    /** The SHA-256 of the event's canonical text, as 64 lower-case hex characters. */
    public static String hash(JobEvent event) {
        return CHAIN.hash(event);
    }

    /** The hash the next event appended after {@code stream} must carry. */
    public static String head(List<? extends JobEvent> stream) {
        return CHAIN.head(stream);
    }

    /**
     * The index of the first event whose previous-hash or version does not follow from the events before
     * it, or empty when the whole stream verifies.
     */
    public static OptionalInt firstBroken(List<? extends JobEvent> stream) {
        return CHAIN.firstBroken(stream);
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
        return CHAIN.firstBroken(stream, trustedHead);
    }

    /** True when the chain verifies and ends in {@code trustedHead}; see {@link #firstBroken(List, String)}. */
    public static boolean verifies(List<? extends JobEvent> stream, String trustedHead) {
        return firstBroken(stream, trustedHead).isEmpty();
    }
}
