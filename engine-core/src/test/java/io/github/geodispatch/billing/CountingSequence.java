package io.github.geodispatch.billing;

import io.github.geodispatch.spi.InvoiceSequence;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A test double of the {@link InvoiceSequence} port: one atomic counter per series. */
final class CountingSequence implements InvoiceSequence {
    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    @Override
    public long next(String series) {
        return counters.computeIfAbsent(series, key -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public long current(String series) {
        AtomicLong counter = counters.get(series);
        return counter == null ? 0 : counter.get();
    }
}
