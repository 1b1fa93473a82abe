package io.github.geodispatch.spi;

import java.util.List;
import java.util.OptionalInt;

/**
 * Tamper evidence for customer streams, by the rules the stock streams' {@link StockChain} follows too: an
 * event's hash is the SHA-256 of its canonical bytes ({@link CustomerEncoding}, which include the previous event's
 * hash), the first
 * event chains onto {@link HashChain#GENESIS}, and a trusted head kept outside the stream also shows an edit of
 * the last event. Stateless and thread-safe.
 */
public final class CustomerHashChain {
    private static final EventChain<CustomerEvent> CHAIN = new EventChain<>(CustomerEncoding::encode,
            e -> e.header().previousHash(), e -> e.header().version());

    private CustomerHashChain() {}

    /** The SHA-256 of the event's canonical bytes, as 64 lower-case hex characters. */
    public static String hash(CustomerEvent event) {
        return CHAIN.hash(event);
    }

    /** The hash the next event appended after {@code stream} must carry. */
    public static String head(List<? extends CustomerEvent> stream) {
        return CHAIN.head(stream);
    }

    /**
     * The index of the first event whose previous-hash or version does not follow from the events before it,
     * or, when the chain holds but its head is not {@code trustedHead} (null: not checked), the last event.
     */
    public static OptionalInt firstBroken(List<? extends CustomerEvent> stream, String trustedHead) {
        return trustedHead == null ? CHAIN.firstBroken(stream) : CHAIN.firstBroken(stream, trustedHead);
    }

    /** True when the chain verifies (and ends in {@code trustedHead}, unless that is null). */
    public static boolean verifies(List<? extends CustomerEvent> stream, String trustedHead) {
        return firstBroken(stream, trustedHead).isEmpty();
    }
}
