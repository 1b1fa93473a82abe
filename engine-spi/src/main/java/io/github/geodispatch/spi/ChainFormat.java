package io.github.geodispatch.spi;

/**
 * How an event is turned into the bytes its {@link HashChain} hash is taken of. Each event names its own format
 * in its {@link EventHeader}, so one stream may hold events of both formats (a stream written before the
 * canonical encoding and continued after it), and a stream's formats never go back from a later to an earlier
 * one. The full specification, precise enough to verify a stream in another language, is
 * {@code docs/hash-chain.md}.
 */
public enum ChainFormat {
    /**
     * Format 1, frozen: the UTF-8 bytes of the event's text as Java printed the event records until the canonical
     * encoding replaced it ({@code JobCreated[header=EventHeader[eventId=...], ...]}). It depended on Java's record
     * formatting and on every value's {@code toString()}; it is kept, reproduced field by field, only so that
     * chains written with it still verify. New events never use it.
     */
    TEXT_V1(1),
    /** Format 2: the event's canonical, versioned byte encoding, {@link CanonicalEncoding}. */
    CANONICAL_V2(2);

    /** The format new events are written in. */
    public static final ChainFormat CURRENT = CANONICAL_V2;

    private final int number;

    ChainFormat(int number) {
        this.number = number;
    }

    /** The format's number: the first byte of a format-2 encoding, and what {@code docs/hash-chain.md} calls it. */
    public int number() {
        return number;
    }
}
