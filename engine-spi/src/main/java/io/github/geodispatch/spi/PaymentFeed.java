package io.github.geodispatch.spi;

import java.util.function.Consumer;

/**
 * A source of statement credits (a PSP webhook, an M-Pesa C2B callback, a bank statement poller).
 * The engine subscribes once; the feed may deliver the same credit more than once (the engine is
 * idempotent on the reference).
 */
public interface PaymentFeed {

    /** Starts delivering credits to {@code sink}; returns a handle that stops delivery. */
    AutoCloseable subscribe(Consumer<StatementCredit> sink);
}
