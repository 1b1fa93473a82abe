package io.github.geodispatch.memory;
import io.github.geodispatch.spi.AccountsHandoff;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link AccountsHandoff}: keeps each delivered invoice document by number, in delivery order (a
 * repeated number is already delivered and changes nothing). For tests and hosts that read invoices back
 * from the engine rather than push them to an accounts system. Thread-safe.
 */
public final class InMemoryAccountsHandoff implements AccountsHandoff {
    private final Map<String, String> delivered = new LinkedHashMap<>();

    @Override
    public synchronized void handOff(String invoiceNumber, String invoiceJson) {
        Objects.requireNonNull(invoiceNumber, "invoice number");
        Objects.requireNonNull(invoiceJson, "invoice document");
        delivered.putIfAbsent(invoiceNumber, invoiceJson);
    }

    /** The delivered documents by invoice number, in delivery order. */
    public synchronized Map<String, String> delivered() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(delivered));
    }
}
