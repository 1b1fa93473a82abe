package io.github.geodispatch.leakage.internal;

import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StatementCredit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The statement credits not firmly linked to a job (by bill or payment reference), by amount and time: only they can
 * move when a claim changes, and only those of the claim's amount within the amount-match window of its time (a
 * credit matches by amount among the claims within that window of its own time). So a new claim re-examines the
 * credits of its day, not every credit of its amount the monitor still holds. Not thread-safe.
 */
public final class LooseCredits {
    private final Duration window;
    /** By amount, then time: the references of the credits at that instant. */
    private final Map<Money, NavigableMap<Instant, List<String>>> byAmount = new HashMap<>();

    public LooseCredits(Duration window) {
        this.window = window;
    }

    /** Adds {@code credit}; nothing happens when it is here already. */
    public void add(StatementCredit credit) {
        List<String> references = byAmount.computeIfAbsent(credit.amount(), a -> new TreeMap<>())
                .computeIfAbsent(credit.at(), at -> new ArrayList<>(1));
        if (!references.contains(credit.reference())) {
            references.add(credit.reference());
        }
    }

    /** Removes {@code credit}; nothing happens when it is not here. */
    public void remove(StatementCredit credit) {
        NavigableMap<Instant, List<String>> byTime = byAmount.get(credit.amount());
        if (byTime == null) {
            return;
        }
        List<String> references = byTime.get(credit.at());
        if (references != null && references.remove(credit.reference()) && references.isEmpty()) {
            byTime.remove(credit.at());
            if (byTime.isEmpty()) {
                byAmount.remove(credit.amount());
            }
        }
    }

    /**
     * Gives each credit of {@code amount} whose time is within the window of {@code claimedAt} (either side,
     * inclusive, as the match reads it), in time order: the credits whose match a claim of that amount and time can
     * change.
     */
    public void near(Money amount, Instant claimedAt, Consumer<String> action) {
        NavigableMap<Instant, List<String>> byTime = byAmount.get(amount);
        if (byTime != null) {
            byTime.subMap(claimedAt.minus(window), true, claimedAt.plus(window), true).values()
                    .forEach(references -> references.forEach(action));
        }
    }
}
