package io.github.geodispatch.messaging;

import io.github.geodispatch.spi.MessageChannel;
import java.util.Objects;

/**
 * How to reach a person: the name messages call them by, the channel, the address on it (an E.164 phone number for
 * WhatsApp and SMS, an e-mail address, a technician id for the app), and the template language ({@link Languages}).
 * Immutable and thread-safe.
 */
public record Contact(String name, MessageChannel channel, String address, String language) {
    public Contact {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("contact name must not be blank");
        }
        Objects.requireNonNull(channel, "channel");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("contact address must not be blank");
        }
        language = Languages.forTag(language);
    }
}
