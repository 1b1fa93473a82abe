package io.github.geodispatch.spi;

import java.util.Objects;

/**
 * Who a message is for: a customer or a technician, by id. Its {@link #text()} ({@code customer:C-5521},
 * {@code technician:ravi}) is how job events and stores name it. Immutable and thread-safe.
 */
public record MessageRecipient(Kind kind, String id) {
    /** The two kinds of people the engine writes to. */
    public enum Kind { CUSTOMER, TECHNICIAN }

    public MessageRecipient {
        Objects.requireNonNull(kind, "recipient kind");
        Ids.require("recipient id", id);
    }

    public static MessageRecipient customer(CustomerId customer) {
        return new MessageRecipient(Kind.CUSTOMER, customer.value());
    }

    public static MessageRecipient technician(TechnicianId technician) {
        return new MessageRecipient(Kind.TECHNICIAN, technician.value());
    }

    /** {@code customer:ID} or {@code technician:ID}. */
    public String text() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    /** Reads {@link #text()} back; {@link IllegalArgumentException} naming the text when it is not one. */
    public static MessageRecipient parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("recipient '" + text + "' is not customer:ID or technician:ID");
        }
        String kind = text.substring(0, colon);
        if (!kind.equals("customer") && !kind.equals("technician")) {
            throw new IllegalArgumentException("recipient '" + text + "' is not customer:ID or technician:ID");
        }
        return new MessageRecipient(Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), text.substring(colon + 1));
    }
}
