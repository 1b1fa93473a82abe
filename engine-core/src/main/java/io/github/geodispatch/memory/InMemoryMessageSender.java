package io.github.geodispatch.memory;

import io.github.geodispatch.spi.MessageSender;
import io.github.geodispatch.spi.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link MessageSender}: keeps every message it is given, in order, and answers with ids
 * {@code mem-1}, {@code mem-2}, ...; nothing leaves the process. Tests and the simulation read {@link #sent()}.
 * Thread-safe.
 */
public final class InMemoryMessageSender implements MessageSender {
    private final List<OutboundMessage> sent = new ArrayList<>();

    @Override
    public synchronized String send(OutboundMessage message) {
        sent.add(Objects.requireNonNull(message, "message"));
        return "mem-" + sent.size();
    }

    /** Every message sent so far, in order. */
    public synchronized List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized String toString() {
        return "InMemoryMessageSender{" + sent.size() + " sent}";
    }
}
