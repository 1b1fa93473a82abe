package io.github.geodispatch.memory;

import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.MessageRecipient;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.StoredMessage;
import io.github.geodispatch.spi.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The default {@link MessageStore}: every message in memory, lost when the process ends (so a restart may send a
 * message again; use a persistent store, such as the JDBC adapter's, in production). One monitor guards the store.
 * Thread-safe.
 */
public final class InMemoryMessageStore implements MessageStore {
    private final Map<String, StoredMessage> byKey = new HashMap<>();
    private final Map<String, String> keyByProviderId = new HashMap<>();
    /** Each recipient's messages (store ids), so the rate limit's count reads a customer's few, not every message. */
    private final Map<String, List<String>> idsByRecipient = new HashMap<>();
    /** Every message (store id) by status, in the order {@link #due} returns them, so a round reads only what is due. */
    private final Map<DeliveryStatus, TreeMap<Due, String>> byStatus = new EnumMap<>(DeliveryStatus.class);

    /** Where a message stands in its status's queue: by when it is due, then by key (a tenant's keys are unique). */
    private record Due(Instant dueAt, String key, String tenant) implements Comparable<Due> {
        private static final Comparator<Due> ORDER = Comparator.comparing(Due::dueAt).thenComparing(Due::key)
                .thenComparing(Due::tenant);

        static Due of(StoredMessage m) {
            return new Due(m.dueAt(), m.key(), m.message().tenant().value());
        }

        @Override
        public int compareTo(Due other) {
            return ORDER.compare(this, other);
        }
    }

    @Override
    public synchronized boolean enqueue(OutboundMessage message, Instant at) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        String id = id(message.tenant(), message.key());
        StoredMessage queued = StoredMessage.queued(message, at);
        if (byKey.putIfAbsent(id, queued) != null) {
            return false;
        }
        queue(queued).put(Due.of(queued), id);
        idsByRecipient.computeIfAbsent(recipient(message.tenant(), message.recipient()), r -> new ArrayList<>()).add(id);
        return true;
    }

    @Override
    public synchronized Optional<StoredMessage> find(TenantId tenant, String key) {
        return Optional.ofNullable(byKey.get(id(tenant, key)));
    }

    @Override
    public synchronized boolean replace(StoredMessage current, StoredMessage next) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        if (!next.message().equals(current.message()) || next.version() != current.version() + 1) {
            throw new IllegalArgumentException("message " + current.key() + " at version " + current.version()
                    + " can only be replaced by the same message at version " + (current.version() + 1));
        }
        String id = id(current.message().tenant(), current.key());
        StoredMessage stored = byKey.get(id);
        if (stored == null || stored.version() != current.version()) {
            return false;
        }
        byKey.put(id, next);
        queue(stored).remove(Due.of(stored));
        queue(next).put(Due.of(next), id);
        if (next.providerMessageId() != null) {
            keyByProviderId.put(next.providerMessageId(), id);
        }
        return true;
    }

    @Override
    public synchronized List<StoredMessage> due(TenantId tenant, DeliveryStatus status, Instant now, int limit) {
        List<StoredMessage> due = new ArrayList<>();
        for (String id : queue(status).values()) {
            StoredMessage m = byKey.get(id);
            if (m.dueAt().isAfter(now) || due.size() >= limit) {
                break;
            }
            if (m.message().tenant().equals(tenant)) {
                due.add(m);
            }
        }
        return List.copyOf(due);
    }

    private TreeMap<Due, String> queue(StoredMessage m) {
        return queue(m.status());
    }

    private TreeMap<Due, String> queue(DeliveryStatus status) {
        return byStatus.computeIfAbsent(status, s -> new TreeMap<>());
    }

    @Override
    public synchronized Optional<StoredMessage> byProviderMessageId(String providerMessageId) {
        String id = keyByProviderId.get(providerMessageId);
        return id == null ? Optional.empty() : Optional.of(byKey.get(id));
    }

    @Override
    public synchronized int sentSince(TenantId tenant, MessageRecipient recipient, Instant since) {
        int count = 0;
        for (String id : idsByRecipient.getOrDefault(recipient(tenant, recipient), List.of())) {
            StoredMessage m = byKey.get(id);
            if (m.sentAt() != null && !m.sentAt().isBefore(since)) {
                count++;
            }
        }
        return count;
    }

    private static String recipient(TenantId tenant, MessageRecipient recipient) {
        return tenant.value() + "|" + recipient.kind() + ":" + recipient.id();
    }

    private static String id(TenantId tenant, String key) {
        return tenant.value() + "|" + key;
    }

    @Override
    public synchronized String toString() {
        return "InMemoryMessageStore{" + byKey.size() + " messages}";
    }
}
