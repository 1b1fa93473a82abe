package io.github.geodispatch.memory;
import io.github.geodispatch.spi.InvoiceSequence;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link InvoiceSequence}: one atomic counter per series, in memory (numbers restart when the
 * process does, so use a persistent sequence in production). Gapless and unique under concurrent callers.
 * Thread-safe and lock-free after a series' first use.
 */
public final class InMemoryInvoiceSequence implements InvoiceSequence {
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    @Override
    public long next(String series) {
        return counters.computeIfAbsent(requireSeries(series), s -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public long current(String series) {
        AtomicLong counter = counters.get(requireSeries(series));
        return counter == null ? 0 : counter.get();
    }

    private static String requireSeries(String series) {
        if (series == null || series.isBlank()) {
            throw new IllegalArgumentException("invoice series must not be blank");
        }
        return series;
    }

    @Override
    public String toString() {
        return "InMemoryInvoiceSequence" + counters.keySet();
    }
}
